import { describe, expect, it } from "vitest";
import { role, user, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-bedrock-invoke-specific-resources";

const PROFILE = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0";

describe("iam-bedrock-invoke-specific-resources", () => {
  it("passes a role that names its models (wildcard region for cross-region inference is fine)", () => {
    const inv = withIam({
      roles: [
        role("app", [
          {
            Sid: "Invoke",
            Effect: "Allow",
            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            Resource: [PROFILE],
          },
          {
            Sid: "ViaProfile",
            Effect: "Allow",
            Action: "bedrock:InvokeModel",
            Resource: "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            Condition: { ArnLike: { "bedrock:InferenceProfileArn": PROFILE } },
          },
        ]),
      ],
    });
    const [f, ...rest] = check.evaluate(inv, context);
    expect(rest).toHaveLength(0);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Role app may invoke only the models and inference profiles it names");
  });

  it("fails a role allowed to invoke on *", () => {
    const inv = withIam({
      roles: [role("ml", [{ Sid: "AnyModel", Effect: "Allow", Action: "bedrock:Invoke*", Resource: "*" }])],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.resourceArn).toBe("arn:aws:iam::111122223333:role/ml");
    expect(f?.message).toContain('policy "ml-policy (inline)" Sid "AnyModel" (Resource "*")');
  });

  it("fails a user allowed a model family through a wildcard model id", () => {
    const inv = withIam({
      users: [
        user("dev", [
          { Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.*" },
        ]),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("User dev may invoke models its policies do not name");
    expect(f?.message).toContain("foundation-model/anthropic.*");
  });

  it("fails a grant on any model through any inference profile", () => {
    const inv = withIam({
      roles: [
        role("cris", [
          {
            Effect: "Allow",
            Action: "bedrock:InvokeModel",
            Resource: "arn:aws:bedrock:*::foundation-model/*",
            Condition: { ArnLike: { "bedrock:InferenceProfileArn": "arn:aws:bedrock:*:*:inference-profile/*" } },
          },
        ]),
      ],
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("FAIL");
  });

  it("passes at account level when nobody may invoke models, ignoring other permissions", () => {
    const inv = withIam({ roles: [role("reader", [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }])] });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe("PASS");
    expect(findings[0]?.message).toBe("No IAM role or user in the account is allowed to invoke Bedrock models");
  });

  it("reports ERROR quoting a malformed policy", () => {
    const broken = role("broken", []);
    broken.inlinePolicies = [{ name: "bad", document: '{"Statement": [{"Effect": "Allow", "Action": "bedrock:*"' }];
    const [f] = check.evaluate(withIam({ roles: [broken] }), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('Could not evaluate Role broken: policy "bad (inline)" cannot be parsed');
    expect(f?.message).toContain('{"Statement": [{"Effect": "Allow", "Action": "bedrock:*"');
  });

  it("reports ERROR naming the IAM action when IAM could not be read", () => {
    const inv = inventoryWith((i) => {
      i.iam = denied("iam:GetAccountAuthorizationDetails");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("iam:GetAccountAuthorizationDetails");
  });
});
