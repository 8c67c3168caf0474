import { describe, expect, it } from "vitest";
import { role, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-inference-requires-guardrail";

const MODEL = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";
const GUARDRAIL = "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123:1";
const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

describe("iam-inference-requires-guardrail", () => {
  it("passes the documented Allow + Deny StringNotEquals pattern", () => {
    const inv = withIam({
      roles: [
        role("app", [
          {
            Effect: "Allow",
            Action: INVOKE,
            Resource: MODEL,
            Condition: { StringEquals: { "bedrock:GuardrailIdentifier": GUARDRAIL } },
          },
          {
            Effect: "Deny",
            Action: INVOKE,
            Resource: "arn:aws:bedrock:us-east-1::foundation-model/*",
            Condition: { StringNotEquals: { "bedrock:GuardrailIdentifier": GUARDRAIL } },
          },
          {
            Effect: "Allow",
            Action: "bedrock:ApplyGuardrail",
            Resource: "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123",
          },
        ]),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Every model invocation Role app is allowed requires bedrock:GuardrailIdentifier");
  });

  it("fails a role that may invoke without the key", () => {
    const inv = withIam({
      roles: [role("chat", [{ Sid: "Invoke", Effect: "Allow", Action: "bedrock:InvokeModel", Resource: MODEL }])],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain(
      "Role chat can call bedrock:InvokeModel without a guardrail (no bedrock:GuardrailIdentifier in the request)",
    );
    expect(f?.message).toContain(`e.g. on ${MODEL}`);
    expect(f?.message).toContain('Sid "Invoke"');
  });

  it("fails when the Deny tests a key Bedrock does not define (it never matches)", () => {
    const inv = withIam({
      roles: [
        role("typo", [
          { Effect: "Allow", Action: INVOKE, Resource: "*" },
          {
            Effect: "Deny",
            Action: INVOKE,
            Resource: "*",
            Condition: { StringNotEqualsIfExists: { "bedrock:GuardrailArn": GUARDRAIL } },
          },
        ]),
      ],
    });
    // StringNotEqualsIfExists on an absent key is true, so this Deny applies to every call: nothing is allowed.
    expect(check.evaluate(inv, context)[0]?.message).toBe(
      "No IAM role or user in the account is allowed to invoke Bedrock models",
    );
    const stringTest = withIam({
      roles: [
        role("typo2", [
          { Effect: "Allow", Action: INVOKE, Resource: "*" },
          {
            Effect: "Deny",
            Action: INVOKE,
            Resource: "*",
            Condition: { ArnLike: { "bedrock:GuardrailArn": "arn:aws:bedrock:*:*:guardrail/none" } },
          },
        ]),
      ],
    });
    expect(check.evaluate(stringTest, context)[0]?.status).toBe("FAIL");
  });

  it("passes at account level when nobody may invoke, and ERRORs when IAM is unavailable", () => {
    expect(check.evaluate(withIam({}), context)[0]?.status).toBe("PASS");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:GetAccountAuthorizationDetails"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("iam:GetAccountAuthorizationDetails");
  });

  it("reports ERROR quoting a malformed policy", () => {
    const [f] = check.evaluate(withIam({ roles: [role("x", [{ Effect: "Allow", Action: 42, Resource: "*" }])] }), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('"Action":42');
  });
});
