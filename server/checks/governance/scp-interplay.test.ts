import { describe, expect, it } from "vitest";
import { organization, orgPolicy, withOrg } from "../lib/scp-fixtures";
import { context } from "../testing/inventory-fixture";
import regionCheck from "./org-scp-region-restriction";
import guardrailCheck from "./org-scp-require-guardrail";

const APPROVED = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];
const regionScp = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyOutside",
      Effect: "Deny",
      Action: "bedrock:*",
      Resource: "*",
      Condition: {
        StringNotEquals: { "aws:RequestedRegion": APPROVED },
        ArnNotLike: { "bedrock:InferenceProfileArn": "arn:aws:bedrock:*:*:inference-profile/*" },
      },
    },
  ],
};
const guardrailScp = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "RequireGuardrail",
      Effect: "Deny",
      Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      Resource: "*",
      Condition: { Null: { "bedrock:GuardrailIdentifier": "true" } },
    },
  ],
};
const denyAllBedrock = {
  Version: "2012-10-17",
  Statement: [{ Sid: "NoBedrock", Effect: "Deny", Action: "bedrock:*", Resource: "*" }],
};

// The two SCP checks probe with each other's control in place: neither may be mistaken for the other.
describe("SCP checks evaluated together", () => {
  it("pass both when both controls are attached", () => {
    const inv = withOrg(
      organization([
        orgPolicy("Regions", "SERVICE_CONTROL_POLICY", regionScp),
        orgPolicy("Guardrail", "SERVICE_CONTROL_POLICY", guardrailScp),
      ]),
    );
    expect(regionCheck.evaluate(inv, context)[0]?.status).toBe("PASS");
    expect(guardrailCheck.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("does not take a guardrail requirement for a region restriction", () => {
    const inv = withOrg(organization([orgPolicy("Guardrail", "SERVICE_CONTROL_POLICY", guardrailScp)]));
    const [f] = regionCheck.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("No SCP applying to this account denies Bedrock outside the approved regions");
  });

  it("never passes the region restriction when Bedrock is denied everywhere for another reason", () => {
    const [f] = regionCheck.evaluate(
      withOrg(organization([orgPolicy("NoBedrock", "SERVICE_CONTROL_POLICY", denyAllBedrock)])),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("even in the approved region us-east-1");
  });

  it("does not take a region restriction probed from an unapproved region for a guardrail requirement", () => {
    const inv = withOrg(organization([orgPolicy("Regions", "SERVICE_CONTROL_POLICY", regionScp)]), (i) => {
      i.region = "ap-southeast-2";
    });
    expect(guardrailCheck.evaluate(inv, context)[0]?.status).toBe("FAIL");
  });
});
