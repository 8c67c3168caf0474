import { describe, expect, it } from "vitest";
import type { IamUser } from "@/server/inventory/iam";
import { ADMINISTRATOR_ACCESS, attach, BEDROCK_FULL_ACCESS, doc, user, withIam } from "../lib/iam-fixtures";
import { ACCOUNT, context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-bedrock-api-key-owner-not-admin";

// The fixture inventory is collected at 2026-11-01.
type Key = IamUser["bedrockApiKeys"][number];
const ACTIVE: Key = { id: "ACCAKEY1", status: "Active", createDate: "2026-10-01T00:00:00Z" };

const keyHolder = (name: string, statements: unknown[], extra: Partial<IamUser> = {}) =>
  user(name, statements, { bedrockApiKeys: [ACTIVE], ...extra });

const LIMITED = [
  {
    Sid: "BedrockApis",
    Effect: "Allow",
    Action: ["bedrock:InvokeModel", "bedrock:Get*", "bedrock:List*", "bedrock:CallWithBearerToken"],
    Resource: "*",
  },
];

describe("iam-bedrock-api-key-owner-not-admin", () => {
  it("passes a key owner with limited Bedrock access", () => {
    const [f] = check.evaluate(withIam({ users: [keyHolder("app", LIMITED)] }), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(
      'User app holds active Bedrock API key ACCAKEY1 and has no administrative power: no "*" grant, not every Bedrock action, no IAM privilege escalation',
    );
    expect(f?.resourceArn).toBe(`arn:aws:iam::${ACCOUNT}:user/app`);
  });

  it("fails a key owner that is an administrator through a group", () => {
    const inv = withIam({
      users: [keyHolder("ops", [], { groups: ["admins"] })],
      groups: [
        {
          groupName: "admins",
          arn: `arn:aws:iam::${ACCOUNT}:group/admins`,
          inlinePolicies: [],
          attachedPolicies: [attach(ADMINISTRATOR_ACCESS)],
        },
      ],
      policies: [ADMINISTRATOR_ACCESS],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      'User ops holds active Bedrock API key ACCAKEY1 but has administrative power: it is allowed actions of any service, even ones no policy names ("*" or NotAction), by policy "AdministratorAccess (group admins)" statement #1 (Action "*", Resource "*")',
    );
  });

  it("fails a power user (NotAction) holding two keys, naming both", () => {
    const second: Key = { ...ACTIVE, id: "ACCAKEY2" };
    const powerUser = { Sid: "PowerUser", Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" };
    const [f] = check.evaluate(withIam({ users: [keyHolder("pu", [powerUser], { bedrockApiKeys: [ACTIVE, second] })] }), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("User pu holds active Bedrock API keys ACCAKEY1, ACCAKEY2 but has administrative power");
    expect(f?.message).toContain('Sid "PowerUser" (NotAction ["iam:*","organizations:*"], Resource "*")');
  });

  it("fails a key owner allowed every Bedrock action", () => {
    const inv = withIam({
      users: [keyHolder("ds", [], { attachedPolicies: [attach(BEDROCK_FULL_ACCESS)] })],
      policies: [BEDROCK_FULL_ACCESS],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      'User ds holds active Bedrock API key ACCAKEY1 but has administrative power: it is allowed every Bedrock action (bedrock:*), by policy "AmazonBedrockFullAccess" Sid "BedrockAll" (Action ["bedrock:*"], Resource "*")',
    );
  });

  it("fails a key owner that can grant itself permissions, naming the escalation", () => {
    const selfService = {
      Sid: "SelfService",
      Effect: "Allow",
      Action: ["iam:PutUserPolicy"],
      Resource: "arn:aws:iam::*:user/${aws:username}",
    };
    const inv = withIam({ users: [keyHolder("dev", [...LIMITED, selfService])] });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("it can escalate its IAM privileges: add an inline policy to itself (iam:PutUserPolicy)");
    expect(f?.message).toContain('Sid "SelfService"');
  });

  it("fails a key owner that can take over roles and other users, but not for its own access keys", () => {
    const ownKeys = {
      Effect: "Allow",
      Action: ["iam:CreateAccessKey", "iam:CreateLoginProfile"],
      Resource: "arn:aws:iam::*:user/${aws:username}",
    };
    const passes = check.evaluate(withIam({ users: [keyHolder("dev", [...LIMITED, ownKeys])] }), context)[0];
    expect(passes?.status).toBe("PASS");

    const roles = { Sid: "Roles", Effect: "Allow", Action: ["iam:UpdateAssumeRolePolicy", "iam:CreateAccessKey"], Resource: "*" };
    const [f] = check.evaluate(withIam({ users: [keyHolder("dev", [...LIMITED, roles])] }), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain(
      "let itself assume any role (iam:UpdateAssumeRolePolicy), create access keys for other users (iam:CreateAccessKey)",
    );
  });

  it("passes when an explicit Deny removes the administrative grant", () => {
    const inv = withIam({
      users: [
        keyHolder("guarded", [
          { Effect: "Allow", Action: "bedrock:*", Resource: "*" },
          { Effect: "Deny", Action: "bedrock:Delete*", Resource: "*" },
        ]),
      ],
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("ignores users whose keys are inactive or expired, and is not applicable when no user holds a live key", () => {
    const keys: Key[] = [
      { id: "ACCAOLD1", status: "Inactive", createDate: "2026-01-01T00:00:00Z" },
      { id: "ACCAOLD2", status: "Active", createDate: "2026-01-01T00:00:00Z", expirationDate: "2026-02-01T00:00:00Z" },
    ];
    const inv = withIam({
      users: [user("root-ish", [{ Effect: "Allow", Action: "*", Resource: "*" }], { bedrockApiKeys: keys }), user("nokey", [])],
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe("NOT_APPLICABLE");
    expect(findings[0]?.message).toBe("No IAM user holds an active Bedrock API key");
  });

  it("reports ERROR for a key owner whose policies cannot be read, and only for key owners", () => {
    const inv = withIam({
      users: [keyHolder("broken", [], { groups: ["gone"] }), user("other", [], { groups: ["gone"] })],
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe("ERROR");
    expect(findings[0]?.message).toBe(
      "Could not evaluate user broken (holds an active Bedrock API key): group gone is not in the inventory, so what it grants is unknown",
    );
  });

  it("reports ERROR naming the action when IAM is unavailable", () => {
    const [f] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:GetAccountAuthorizationDetails"))),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("grant iam:GetAccountAuthorizationDetails");
  });

  it("quotes a malformed inline policy of a key owner", () => {
    const inv = withIam({
      users: [{ ...keyHolder("odd", []), inlinePolicies: [{ name: "bad", document: doc({ Effect: "Allow", Action: "*" }) }] }],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("Could not evaluate user odd");
  });
});
