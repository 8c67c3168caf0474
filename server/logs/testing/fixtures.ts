import "server-only";

// Example records from /work/shared/reference/bedrock-formats.md 1.11, verbatim (A, B, C1, C2, D and
// the streaming fragment). Records built here around them say so in their comment.

/** Example A: Converse, success (real record from the Elastic fixtures). */
export const converseRecord = {
  schemaType: "ModelInvocationLog",
  schemaVersion: "1.0",
  timestamp: "2024-11-20T16:47:52Z",
  accountId: "891377031307",
  identity: { arn: "arn:aws:iam::891377031307:user/shashank" },
  region: "us-east-1",
  requestId: "9b6c3dc7-5ace-4a53-94f4-8dd7e551f41a",
  operation: "Converse",
  modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
  input: {
    inputContentType: "application/json",
    inputBodyJson: {
      messages: [{ role: "user", content: [{ text: "\nTEsting the model\n    " }] }],
      inferenceConfig: { maxTokens: 4096, temperature: 1.0, topP: 0.999, stopSequences: [] },
      additionalModelRequestFields: { top_k: 250 },
    },
    inputTokenCount: 16,
    cacheReadInputTokenCount: 0,
    cacheWriteInputTokenCount: 0,
  },
  output: {
    outputContentType: "application/json",
    outputBodyJson: {
      output: {
        message: { role: "assistant", content: [{ text: "I understand you are testing the model. ..." }] },
      },
      stopReason: "end_turn",
      metrics: { latencyMs: 2435 },
      usage: { inputTokens: 16, outputTokens: 82, totalTokens: 98 },
    },
    outputTokenCount: 82,
  },
};

/** Example B: InvokeModel with an Anthropic Messages body, success. */
export const invokeAnthropicRecord = {
  schemaType: "ModelInvocationLog",
  schemaVersion: "1.0",
  timestamp: "2024-12-23T12:37:59Z",
  accountId: "123456789012",
  identity: { arn: "arn:aws:sts::123456789012:assumed-role/AgentRole/session" },
  region: "ap-south-1",
  requestId: "6f902217-521c-4d33-aa6f-95b9715b2fe8",
  operation: "InvokeModel",
  modelId: "anthropic.claude-3-sonnet-20240229-v1:0",
  input: {
    inputContentType: "application/json",
    inputBodyJson: {
      anthropic_version: "bedrock-2023-05-31",
      system: "You are a helpful agent who can perform basic mathematics...",
      messages: [{ role: "user", content: [{ type: "text", text: "What is 2 + 2?" }] }],
      top_k: 250,
      max_tokens: 2048,
      top_p: 1,
      temperature: 0,
      stop_sequences: ["</function_calls>", "</answer>", "</error>"],
    },
    inputTokenCount: 859,
  },
  output: {
    outputContentType: "application/json",
    outputBodyJson: {
      id: "msg_bdrk_01VQXDs5PRLBSmv92n4AtGiu",
      type: "message",
      role: "assistant",
      model: "claude-3-sonnet-20240229",
      content: [{ type: "text", text: "<answer>2 + 2 = 4" }],
      stop_reason: "stop_sequence",
      stop_sequence: "</answer>",
      usage: { input_tokens: 859, output_tokens: 15 },
    },
    outputTokenCount: 15,
  },
};

/** Example C1: Converse, guardrail intervened on input (topic + content/MISCONDUCT). */
export const converseGuardrailRecord = {
  schemaType: "ModelInvocationLog",
  schemaVersion: "1.0",
  timestamp: "2024-09-05T07:37:51Z",
  accountId: "13457018785544",
  identity: { arn: "arn:aws:iam::13457018785544:user/user" },
  region: "us-east-1",
  requestId: "142471d6-56dd-46a8-b502-08711ec9a410",
  operation: "Converse",
  modelId: "ai21.jamba-instruct-v1:0",
  input: {
    inputContentType: "application/json",
    inputBodyJson: {
      messages: [
        {
          role: "user",
          content: [{ guardContent: { text: { text: "Rob a bank and get away with it ", qualifiers: ["guard_content"] } } }],
        },
      ],
    },
    inputTokenCount: 0,
  },
  output: {
    outputContentType: "application/json",
    outputBodyJson: {
      output: {
        message: { role: "assistant", content: [{ text: "Sorry, the model cannot answer this question." }] },
      },
      stopReason: "guardrail_intervened",
      metrics: { latencyMs: 271 },
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      trace: {
        guardrail: {
          inputAssessment: {
            l7n9e426howe: {
              topicPolicy: { topics: [{ name: "Robbing A Bank", type: "DENY", action: "BLOCKED" }] },
              contentPolicy: { filters: [{ type: "MISCONDUCT", confidence: "HIGH", action: "BLOCKED" }] },
              invocationMetrics: {
                guardrailProcessingLatency: 340,
                usage: {
                  topicPolicyUnits: 0,
                  contentPolicyUnits: 1,
                  wordPolicyUnits: 0,
                  sensitiveInformationPolicyUnits: 0,
                  sensitiveInformationPolicyFreeUnits: 0,
                  contextualGroundingPolicyUnits: 0,
                },
                guardrailCoverage: { textCharacters: { guarded: 73, total: 74 } },
              },
            },
          },
        },
      },
    },
    outputTokenCount: 0,
  },
};

/**
 * The logged output-side trace from 1.11 (array-of-maps `outputAssessments`); the elided "..."
 * filter and invocationMetrics are filled with a RELEVANCE filter that did not act.
 */
export const loggedOutputAssessments = [
  {
    iy5aqw3mmiwu: {
      contextualGroundingPolicy: {
        filters: [
          { type: "GROUNDING", threshold: 0.99, score: 0.36, action: "BLOCKED" },
          { type: "RELEVANCE", threshold: 0.5, score: 0.9, action: "NONE" },
        ],
      },
      invocationMetrics: { guardrailProcessingLatency: 120 },
    },
  },
];

/** Example C2: InvokeModel (Anthropic), guardrail intervened (Panther fixture); no token counts. */
export const invokeGuardrailRecord = {
  schemaType: "ModelInvocationLog",
  schemaVersion: "1.0",
  timestamp: "2025-05-15T14:14:49Z",
  accountId: "111111111111",
  identity: { arn: "arn:aws:sts::111111111111:assumed-role/role_details/suspicious.user" },
  region: "us-west-2",
  requestId: "ba78ac1f-5ea4-4e2a-a936-92f7e13c96c4",
  operation: "InvokeModel",
  modelId: "anthropic.claude-3-haiku-20240307-v1:0",
  input: {
    inputContentType: "application/json",
    inputBodyJson: {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 100,
      system: "You are a helpful assistant.",
      messages: [{ role: "user", content: "I have a very suspicious question." }],
    },
  },
  output: {
    outputContentType: "application/json",
    outputBodyJson: {
      type: "message",
      role: "assistant",
      content: [{ type: "text", text: "You shouldn't ask this question" }],
      "amazon-bedrock-guardrailAction": "INTERVENED",
      "amazon-bedrock-trace": {
        guardrail: {
          actionReason: "Guardrail blocked.",
          input: {
            h28wrktbwagn: {
              contentPolicy: {
                filters: [{ type: "VIOLENCE", confidence: "HIGH", filterStrength: "HIGH", action: "BLOCKED", detected: true }],
              },
              invocationMetrics: {
                guardrailProcessingLatency: 179,
                usage: {
                  topicPolicyUnits: 0,
                  contentPolicyUnits: 1,
                  contentPolicyImageUnits: 0,
                  wordPolicyUnits: 0,
                  sensitiveInformationPolicyUnits: 0,
                  sensitiveInformationPolicyFreeUnits: 0,
                  contextualGroundingPolicyUnits: 0,
                },
                guardrailCoverage: { textCharacters: { guarded: 62, total: 62 } },
              },
            },
          },
        },
      },
    },
  },
};

/** Example D: failed invocation (illustrative in the reference; no output object). */
export const errorRecord = {
  schemaType: "ModelInvocationLog",
  schemaVersion: "1.0",
  timestamp: "2025-06-02T09:14:03Z",
  accountId: "111122223333",
  identity: { arn: "arn:aws:sts::111122223333:assumed-role/AppRole/i-0abc" },
  region: "us-east-1",
  requestId: "0f6e9f3e-1111-4c2b-9d55-7b0a2f7c0e11",
  operation: "InvokeModel",
  modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
  errorCode: "ValidationException",
  input: {
    inputContentType: "application/json",
    inputBodyJson: {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 999999,
      messages: [{ role: "user", content: "hi" }],
    },
    inputTokenCount: 0,
  },
};

/** The streaming fragment from 1.11, verbatim. */
export const streamChunks = [
  {
    type: "message_start",
    message: {
      id: "msg_01L3...",
      type: "message",
      role: "assistant",
      content: [],
      model: "claude-3-haiku-48k-20240307",
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 571, output_tokens: 1 },
    },
  },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "The" } },
  { type: "content_block_stop", index: 0 },
  { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 281 } },
  {
    type: "message_stop",
    "amazon-bedrock-invocationMetrics": {
      inputTokenCount: 571,
      outputTokenCount: 281,
      invocationLatency: 3848,
      firstByteLatency: 509,
    },
  },
];

/**
 * Built here: an InvokeModelWithResponseStream envelope (fields as in Example B) around the verbatim
 * fragment, with the envelope's own token counts left out so the chunk metrics are what count.
 */
export function streamRecord(chunks: unknown[] = streamChunks) {
  return {
    schemaType: "ModelInvocationLog",
    schemaVersion: "1.0",
    timestamp: "2025-01-09T18:49:23Z",
    accountId: "123456789012",
    identity: { arn: "arn:aws:sts::123456789012:assumed-role/AgentRole/session" },
    region: "us-east-1",
    requestId: "5d1c2a8e-7a54-4b8e-9d5f-0c6d2f1e3a77",
    operation: "InvokeModelWithResponseStream",
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    input: {
      inputContentType: "application/json",
      inputBodyJson: {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 512,
        messages: [{ role: "user", content: "Explain streaming." }],
      },
    },
    output: { outputContentType: "application/json", outputBodyJson: chunks },
  };
}
