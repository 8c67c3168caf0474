import { describe, expect, it } from "vitest";
import { parsePolicy, type ParsedPolicy, type PolicyKind } from "./iam-policy";
import { isAllowed } from "./iam-simulate";

const ROLE = "arn:aws:iam::111122223333:role/app";
const MODEL = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";
const GUARDRAIL = "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123:1";

function policy(statements: unknown[], kind: PolicyKind = "identity", name = "p"): ParsedPolicy {
  const parsed = parsePolicy({ Version: "2012-10-17", Statement: statements }, name, kind);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

describe("parsePolicy", () => {
  it("accepts JSON text and URL-encoded JSON", () => {
    const text = JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } });
    expect(parsePolicy(text, "a", "identity").ok).toBe(true);
    expect(parsePolicy(encodeURIComponent(text), "a", "identity").ok).toBe(true);
  });

  it("quotes a malformed document in its error", () => {
    const result = parsePolicy('{"Statement": [{"Effect": "Allow", "Action": "bedrock:*"', "broken", "identity");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('policy "broken" cannot be parsed: it is not valid JSON');
      expect(result.error).toContain('{"Statement": [{"Effect": "Allow"');
    }
  });

  it("rejects elements the policy kind does not allow and unknown operators", () => {
    const noResource = parsePolicy({ Statement: [{ Effect: "Allow", Action: "bedrock:*" }] }, "x", "identity");
    expect(noResource.ok || noResource.error).toContain("neither Resource nor NotResource");
    const typo = parsePolicy({ Statement: [{ Effect: "Allow", Action: "*", Resources: "*" }] }, "x", "identity");
    expect(typo.ok || typo.error).toContain('unknown element "Resources"');
    const op = parsePolicy(
      { Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEqual: { "aws:x": "y" } } }] },
      "x",
      "identity",
    );
    expect(op.ok || op.error).toContain('unknown condition operator "StringEqual"');
    const endpoint = parsePolicy({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }, "x", "endpoint");
    expect(endpoint.ok || endpoint.error).toContain("has no Principal");
  });
});

describe("isAllowed", () => {
  it("allows through a wildcard action and names the deciding statement", () => {
    const p = policy([
      { Sid: "S3", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
      { Sid: "Bedrock", Effect: "Allow", Action: "bedrock:Invoke*", Resource: "arn:aws:bedrock:*::foundation-model/*" },
    ]);
    const r = isAllowed({ principal: ROLE, action: "bedrock:InvokeModel", resource: MODEL, identityPolicies: [p] });
    expect(r.decision).toBe("Allowed");
    expect(r.allowedBy.map((s) => s.label)).toEqual(['Sid "Bedrock"']);
  });

  it("is implicitly denied when no statement covers the resource", () => {
    const p = policy([
      { Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan*" },
    ]);
    expect(isAllowed({ principal: ROLE, action: "bedrock:InvokeModel", resource: MODEL, identityPolicies: [p] }).decision).toBe(
      "ImplicitlyDenied",
    );
  });

  it("reports the Deny that requires a guardrail, and lets the call through with one", () => {
    const p = policy([
      { Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" },
      {
        Sid: "RequireGuardrail",
        Effect: "Deny",
        Action: "bedrock:InvokeModel",
        Resource: "*",
        Condition: { StringNotEquals: { "bedrock:GuardrailIdentifier": GUARDRAIL } },
      },
    ]);
    const without = isAllowed({
      principal: ROLE,
      action: "bedrock:InvokeModel",
      resource: MODEL,
      identityPolicies: [p],
      absentKeys: ["bedrock:GuardrailIdentifier"],
    });
    expect(without.decision).toBe("ExplicitlyDenied");
    expect(without.deniedBy.map((s) => s.label)).toEqual(['Sid "RequireGuardrail"']);
    const withKey = isAllowed({
      principal: ROLE,
      action: "bedrock:InvokeModel",
      resource: MODEL,
      identityPolicies: [p],
      context: { "bedrock:GuardrailIdentifier": GUARDRAIL },
    });
    expect(withKey.decision).toBe("Allowed");
  });

  it("resolves unknown conditions in the direction asked for", () => {
    const p = policy([
      {
        Effect: "Allow",
        Action: "bedrock:InvokeModel",
        Resource: "*",
        Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
      },
    ]);
    const base = { principal: ROLE, action: "bedrock:InvokeModel", resource: MODEL, identityPolicies: [p] };
    const favourAllow = isAllowed(base);
    expect(favourAllow.decision).toBe("Allowed");
    expect(favourAllow.assumedKeys).toEqual(["aws:SourceIp"]);
    expect(isAllowed({ ...base, unknownConditions: "deny" }).decision).toBe("ImplicitlyDenied");
    expect(isAllowed({ ...base, context: { "aws:SourceIp": "192.0.2.1" } }).decision).toBe("ImplicitlyDenied");
  });

  it("treats a key Bedrock does not define as absent, so Null 'true' on it denies every call", () => {
    const p = policy([
      { Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" },
      {
        Sid: "Typo",
        Effect: "Deny",
        Action: "bedrock:InvokeModel",
        Resource: "*",
        Condition: { Null: { "bedrock:GuardrailArn": "true" } },
      },
    ]);
    const r = isAllowed({
      principal: ROLE,
      action: "bedrock:InvokeModel",
      resource: MODEL,
      identityPolicies: [p],
      context: { "bedrock:GuardrailIdentifier": GUARDRAIL },
    });
    expect(r.decision).toBe("ExplicitlyDenied");
    expect(r.assumedKeys).toEqual([]);
  });

  it("applies SCPs level by level", () => {
    const full = policy([{ Effect: "Allow", Action: "*", Resource: "*" }], "scp", "FullAWSAccess");
    const regions = policy(
      [
        {
          Sid: "DenyOutside",
          Effect: "Deny",
          Action: "bedrock:*",
          Resource: "*",
          Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1"] } },
        },
      ],
      "scp",
      "Regions",
    );
    const admin = policy([{ Effect: "Allow", Action: "*", Resource: "*" }]);
    const req = {
      principal: ROLE,
      action: "bedrock:InvokeModel",
      resource: MODEL,
      identityPolicies: [admin],
      scps: [{ target: "r-root", policies: [full, regions] }],
    };
    const outside = isAllowed({ ...req, context: { "aws:RequestedRegion": "ap-south-1" } });
    expect(outside.decision).toBe("ExplicitlyDenied");
    expect(outside.deniedBy[0]).toMatchObject({ policy: "Regions", kind: "scp", label: 'Sid "DenyOutside"' });
    expect(isAllowed({ ...req, context: { "aws:RequestedRegion": "us-east-1" } }).decision).toBe("Allowed");
  });

  it("evaluates a resource policy for a service principal", () => {
    const key = policy(
      [
        {
          Sid: "Bedrock",
          Effect: "Allow",
          Principal: { Service: "bedrock.amazonaws.com" },
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: "*",
        },
      ],
      "resource",
      "key-policy",
    );
    const keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const base = {
      principal: "bedrock.amazonaws.com",
      resource: keyArn,
      resourceAccount: "111122223333",
      identityPolicies: [],
      resourcePolicy: key,
    };
    const r = isAllowed({ ...base, action: "kms:Decrypt" });
    expect(r.decision).toBe("Allowed");
    expect(r.allowedBy.map((s) => s.label)).toEqual(['Sid "Bedrock"']);
    expect(isAllowed({ ...base, action: "kms:ScheduleKeyDeletion" }).decision).toBe("ImplicitlyDenied");
  });

  it("evaluates a key policy that delegates to IAM with kms:ViaService", () => {
    const keyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const key = policy(
      [
        {
          Sid: "ViaBedrock",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: "*",
          Condition: { StringEquals: { "kms:ViaService": "bedrock.us-east-1.amazonaws.com" } },
        },
      ],
      "resource",
      "key-policy",
    );
    const identity = policy([{ Sid: "UseKey", Effect: "Allow", Action: "kms:Decrypt", Resource: keyArn }]);
    const base = {
      principal: ROLE,
      action: "kms:Decrypt",
      resource: keyArn,
      identityPolicies: [identity],
      resourcePolicy: key,
      unknownConditions: "deny" as const,
    };
    const via = isAllowed({ ...base, context: { "kms:ViaService": "bedrock.us-east-1.amazonaws.com" } });
    expect(via.decision).toBe("Allowed");
    expect(via.allowedBy.map((s) => `${s.policy} ${s.label}`).sort()).toEqual(['key-policy Sid "ViaBedrock"', 'p Sid "UseKey"']);
    expect(isAllowed({ ...base, context: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } }).decision).toBe("ImplicitlyDenied");
    expect(isAllowed(base).decision).toBe("ImplicitlyDenied");
  });
});
