import { describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS } from "./record";
import {
  converseGuardrailRecord,
  converseRecord,
  invokeAnthropicRecord,
  invokeGuardrailRecord,
  streamChunks,
} from "./testing/fixtures";
import { extractPrompt, extractResponse } from "./text";

describe("extractPrompt", () => {
  it("reads Converse message text (Example A)", () => {
    expect(extractPrompt(converseRecord.input.inputBodyJson)).toBe("\nTEsting the model\n    ");
  });

  it("reads Converse guardContent (Example C1)", () => {
    expect(extractPrompt(converseGuardrailRecord.input.inputBodyJson)).toBe("Rob a bank and get away with it ");
  });

  it("reads an Anthropic system string and text blocks (Example B)", () => {
    expect(extractPrompt(invokeAnthropicRecord.input.inputBodyJson)).toBe(
      "You are a helpful agent who can perform basic mathematics...\nWhat is 2 + 2?",
    );
  });

  it("reads Anthropic string content (Example C2)", () => {
    expect(extractPrompt(invokeGuardrailRecord.input.inputBodyJson)).toBe(
      "You are a helpful assistant.\nI have a very suspicious question.",
    );
  });

  it("reads Converse system blocks and tool results", () => {
    const body = {
      system: [{ text: "sys" }],
      messages: [{ role: "user", content: [{ toolResult: { toolUseId: "t", content: [{ text: "42" }, { json: {} }] } }] }],
    };
    expect(extractPrompt(body)).toBe("sys\n42");
  });

  it.each([
    ["Titan", { inputText: "titan prompt", textGenerationConfig: {} }, "titan prompt"],
    ["Llama / Mistral / AI21 J2", { prompt: "<s>[INST] hi [/INST]", max_gen_len: 10 }, "<s>[INST] hi [/INST]"],
    ["Cohere Command R", { message: "now", chat_history: [{ role: "USER", message: "before" }] }, "before\nnow"],
    ["Cohere Embed", { texts: ["a", "b"], input_type: "search_document" }, "a\nb"],
    ["AI21 Jamba", { messages: [{ role: "user", content: "jamba" }] }, "jamba"],
  ])("reads a %s body", (_provider, body, expected) => {
    expect(extractPrompt(body)).toBe(expected);
  });

  it.each([null, undefined, "text", 3, []])("returns empty text for a non-object body (%s)", (body) => {
    expect(extractPrompt(body)).toBe("");
  });

  it("bounds the text without splitting a surrogate pair", () => {
    const long = `${"a".repeat(MAX_TEXT_CHARS - 1)}😀tail`;
    const text = extractPrompt({ prompt: long });
    expect(text).toBe("a".repeat(MAX_TEXT_CHARS - 1));
    expect(extractPrompt({ prompt: "b".repeat(MAX_TEXT_CHARS + 10) })).toHaveLength(MAX_TEXT_CHARS);
  });
});

describe("extractResponse", () => {
  it("reads the Converse output message (Example A)", () => {
    expect(extractResponse(converseRecord.output.outputBodyJson)).toBe("I understand you are testing the model. ...");
  });

  it("reads Anthropic content blocks (Example B)", () => {
    expect(extractResponse(invokeAnthropicRecord.output.outputBodyJson)).toBe("<answer>2 + 2 = 4");
  });

  it("concatenates stream deltas and skips non-object chunks", () => {
    const chunks = [
      ...streamChunks.slice(0, 2),
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: " answer" } },
      "[DONE]",
      null,
      7,
      ...streamChunks.slice(2),
    ];
    expect(extractResponse(chunks)).toBe("The answer");
  });

  it.each([
    ["Titan", { results: [{ outputText: "titan out", completionReason: "FINISH" }] }, "titan out"],
    ["Llama", { generation: "llama out", stop_reason: "stop" }, "llama out"],
    ["Mistral", { outputs: [{ text: "mistral out", stop_reason: "stop" }] }, "mistral out"],
    ["Cohere Command R", { text: "cohere out", finish_reason: "COMPLETE" }, "cohere out"],
    ["Cohere Command", { generations: [{ text: "g1" }, { text: "g2" }] }, "g1\ng2"],
    ["AI21 J2", { completions: [{ data: { text: "j2 out" } }] }, "j2 out"],
    ["AI21 Jamba", { choices: [{ message: { role: "assistant", content: "jamba out" } }] }, "jamba out"],
    ["Anthropic legacy completion", { completion: " legacy", stop_reason: "stop_sequence" }, " legacy"],
  ])("reads a %s body", (_provider, body, expected) => {
    expect(extractResponse(body)).toBe(expected);
  });

  it("reads Llama stream chunks", () => {
    expect(extractResponse([{ generation: "Hel" }, { generation: "lo" }, "[DONE]"])).toBe("Hello");
  });
});
