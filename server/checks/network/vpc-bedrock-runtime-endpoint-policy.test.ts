import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import type { CheckContext } from "../define-check";
import { endpoint } from "../lib/network-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./vpc-bedrock-runtime-endpoint-policy";

const withPolicy = (policyDocument: unknown) =>
  inventoryWith(
    (i) =>
      void (i.ec2.vpcEndpoints = ok([
        endpoint("vpce-1", "vpc-1", "bedrock-runtime", policyDocument === undefined ? {} : { policyDocument }),
      ])),
  );

const statement = (extra: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "Runtime",
      Effect: "Allow",
      Principal: "*",
      Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      Resource: "*",
      ...extra,
    },
  ],
});

describe("vpc-bedrock-runtime-endpoint-policy", () => {
  it("passes a policy limited to the account", () => {
    const [f] = check.evaluate(
      withPolicy(statement({ Condition: { StringEquals: { "aws:PrincipalAccount": "111122223333" } } })),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Endpoint vpce-1 (VPC vpc-1) has a policy that admits only this account and trusted accounts");
  });

  it("passes a policy limited to the organization", () => {
    expect(
      check.evaluate(withPolicy(statement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })), context)[0]
        ?.status,
    ).toBe("PASS");
  });

  it("fails a missing policy (AWS default) and the explicit default policy", () => {
    const [missing] = check.evaluate(withPolicy(undefined), context);
    expect(missing?.status).toBe("FAIL");
    expect(missing?.message).toContain("has no endpoint policy, so the AWS default applies");
    const fullAccess = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });
    const [full] = check.evaluate(withPolicy(fullAccess), context);
    expect(full?.status).toBe("FAIL");
    expect(full?.message).toContain("it allows every action to every principal with no condition");
    expect(full?.message).toContain("neither this account nor trusted");
  });

  it("fails a policy naming an account that is not trusted, and passes it once trusted", () => {
    const other = statement({ Principal: { AWS: "arn:aws:iam::999999999999:root" } });
    const [f] = check.evaluate(withPolicy(other), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain('Sid "Runtime"');
    const trusting: CheckContext = { settings: { ...context.settings, trustedAccountIds: ["999999999999"] } };
    expect(check.evaluate(withPolicy(other), trusting)[0]?.status).toBe("PASS");
  });

  it("reports ERROR quoting a malformed policy", () => {
    const [f] = check.evaluate(withPolicy('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("statement #1 has no Principal");
    expect(f?.message).toContain('Document: {"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
  });

  it("is not applicable without a bedrock-runtime endpoint, and ERRORs when endpoints could not be read", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.ec2.vpcEndpoints = denied("ec2:DescribeVpcEndpoints"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("ec2:DescribeVpcEndpoints");
  });
});
