import "server-only";
import { MAX_TEXT_CHARS } from "./record";
import { asArray, asString, dig, isObject, truncate } from "./values";

// bedrock-formats.md shows Converse and Anthropic bodies only. The other provider-native fields come
// from AWS's model-parameters pages (Titan inputText/results, Llama prompt/generation, Mistral
// prompt/outputs, Cohere prompt|message/text|generations, AI21 prompt/completions/choices); no
// logged sample of them has been seen, so an unknown body just yields no text.

function strings(value: unknown): string[] {
  return asArray(value).flatMap((item) => asString(item) ?? []);
}

/** Text of one content block: Converse (`text`, `guardContent`, `toolResult`, reasoning) or Anthropic. */
function blockText(block: unknown): string[] {
  if (typeof block === "string") return [block];
  if (!isObject(block)) return [];
  const direct = [
    block.text,
    dig(block, "guardContent", "text", "text"),
    dig(block, "reasoningContent", "reasoningText", "text"),
    block.thinking,
  ].flatMap((t) => asString(t) ?? []);
  const nested = [dig(block, "toolResult", "content"), block.type === "tool_result" ? block.content : undefined];
  return [...direct, ...nested.flatMap(contentText)];
}

/** `content` as a bare string (Anthropic, Jamba, Mistral chat) or an array of blocks. */
function contentText(content: unknown): string[] {
  if (typeof content === "string") return [content];
  return asArray(content).flatMap(blockText);
}

function promptParts(body: unknown): string[] {
  if (!isObject(body)) return [];
  return [
    ...contentText(body.system),
    ...asArray(body.messages).flatMap((m) => contentText(dig(m, "content"))),
    ...asArray(body.chat_history).flatMap((m) => asString(dig(m, "message")) ?? []),
    ...[body.prompt, body.inputText, body.message].flatMap((t) => asString(t) ?? []),
    ...strings(body.texts),
  ];
}

function responseParts(body: unknown): string[] {
  if (!isObject(body)) return [];
  return [
    ...contentText(dig(body, "output", "message", "content")),
    ...contentText(body.content),
    ...[body.completion, body.generation, body.text, dig(body, "delta", "text")].flatMap((t) => asString(t) ?? []),
    ...asArray(body.results).flatMap((r) => asString(dig(r, "outputText")) ?? []),
    ...[body.outputText].flatMap((t) => asString(t) ?? []),
    ...asArray(body.outputs).flatMap((o) => asString(dig(o, "text")) ?? []),
    ...asArray(body.generations).flatMap((g) => asString(dig(g, "text")) ?? []),
    ...asArray(body.completions).flatMap((c) => asString(dig(c, "data", "text")) ?? []),
    ...asArray(body.choices).flatMap((c) => asString(dig(c, "message", "content")) ?? []),
  ];
}

function bounded(parts: string[], separator: string): string {
  return truncate(parts.join(separator), MAX_TEXT_CHARS);
}

/** Searchable prompt text (system prompt and every message) from a logged request body. */
export function extractPrompt(inputBody: unknown): string {
  return bounded(promptParts(inputBody), "\n");
}

/**
 * Searchable response text from a logged response body; for InvokeModelWithResponseStream the
 * chunk array's deltas are concatenated and non-object elements (e.g. "[DONE]") are skipped.
 */
export function extractResponse(outputBody: unknown): string {
  if (Array.isArray(outputBody)) return bounded(outputBody.flatMap(responseParts), "");
  return bounded(responseParts(outputBody), "\n");
}
