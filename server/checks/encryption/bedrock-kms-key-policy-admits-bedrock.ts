import "server-only";
import type { Inventory } from "@/server/inventory";
import { defineCheck, regionArn, withParts, type FindingDraft } from "../define-check";
import { finding, listText, perResource } from "../lib/bedrock-findings";
import { parsePolicy } from "../lib/iam-policy";
import { bedrockKeyUsers, groupByKey, usersText, type KeyGroup, type KeyUser } from "../lib/kms-keys";
import { bedrockAdmission, type Admission } from "../lib/kms-policy";
import { KMS_KEY_POLICY_DOC } from "../lib/kms-remediation";

const userText = (u: KeyUser) => `${u.kind} ${u.name}`;

function evaluateKey(inventory: Inventory, group: KeyGroup): FindingDraft {
  const { key, users } = group;
  const usedBy = usersText(users);
  if (!key) {
    return finding(
      group.ref,
      "ERROR",
      `KMS key ${group.ref} (used by ${usedBy}) is not in the inventory: it may be in another account or region, or named by an alias`,
      {
        keyRef: group.ref,
        usedBy: users.map(userText),
      },
    );
  }
  const base = { keyId: key.keyId, keyManager: key.keyManager, keyState: key.keyState, usedBy: users.map(userText) };
  if (key.keyManager !== "CUSTOMER") {
    return finding(
      key.arn,
      "FAIL",
      `KMS key ${key.keyId} (used by ${usedBy}) is an AWS managed key, not a customer managed key`,
      base,
    );
  }
  if (key.keyState !== "Enabled") {
    return finding(key.arn, "FAIL", `KMS key ${key.keyId} is ${key.keyState}, so Bedrock cannot use it for ${usedBy}`, base);
  }
  const parsed = parsePolicy(key.policy, `key policy of ${key.keyId}`, "resource");
  if (!parsed.ok)
    return finding(key.arn, "ERROR", `Cannot evaluate KMS key ${key.keyId}: ${parsed.error}`, { ...base, policy: key.policy });

  const where = { partition: inventory.partition, region: inventory.region, accountId: inventory.accountId };
  const results = users.map((user) => ({ user, admission: bedrockAdmission(parsed.policy, key, user, where) }));
  const evidence = { ...base, policy: key.policy, admissions: results.map((r) => ({ user: userText(r.user), ...r.admission })) };
  const refused = results.filter((r) => r.admission.verdict === "refused").map((r) => userText(r.user));
  const undecided = results.flatMap((r) =>
    r.admission.verdict === "undecided" ? [{ user: userText(r.user), admission: r.admission }] : [],
  );

  if (refused.length > 0) {
    return finding(
      key.arn,
      "FAIL",
      `Key policy of ${key.keyId} does not let Bedrock use the key (kms:Decrypt and kms:GenerateDataKey) for ${listText(refused)}: neither bedrock.amazonaws.com nor a principal of the account calling through Bedrock is allowed`,
      evidence,
    );
  }
  if (undecided.length > 0) {
    const keys = [...new Set(undecided.flatMap((u) => (u.admission.verdict === "undecided" ? u.admission.assumedKeys : [])))];
    return finding(
      key.arn,
      "ERROR",
      `Whether the key policy of ${key.keyId} lets Bedrock use the key for ${listText(undecided.map((u) => u.user))} depends on conditions on ${listText(keys)}, which the inventory cannot tell`,
      evidence,
    );
  }
  const how = results.map((r) => `${userText(r.user)} through ${admissionText(r.admission)}`);
  return finding(key.arn, "PASS", `Key policy of ${key.keyId} lets Bedrock use the key for ${listText(how)}`, evidence);
}

function admissionText(a: Admission): string {
  if (a.verdict !== "admitted") return a.verdict;
  return a.statements.length > 0 ? `${a.path} (${a.statements.join(", ")})` : a.path;
}

export default defineCheck({
  id: "bedrock-kms-key-policy-admits-bedrock",
  title: "Customer managed keys used by Bedrock admit Bedrock",
  severity: "medium",
  category: "Encryption",
  scope: "region",
  rationale:
    "A customer managed key only protects a Bedrock resource if the key policy lets Bedrock use it, either as the " +
    "bedrock.amazonaws.com service principal or for principals of the account calling through Bedrock (kms:ViaService). " +
    "Otherwise agents, flows, knowledge base ingestion or custom models fail, and teams tend to fix that by widening " +
    "the key policy in a hurry. A disabled or AWS managed key gives no customer control at all. Only the key policy is " +
    "evaluated here (callers' IAM grants are assumed); named key administrators do not count as Bedrock.",
  remediation: {
    console: [
      "Open AWS KMS > Customer managed keys and select the key used by the Bedrock resource.",
      "Edit the key policy: allow bedrock.amazonaws.com kms:Decrypt and kms:GenerateDataKey with aws:SourceAccount and the resource's encryption-context condition, or allow the calling roles with kms:ViaService bedrock.<region>.amazonaws.com.",
      "Make sure the key is Enabled, then retry the Bedrock operation.",
    ],
    cli: `cat > key-policy.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "KeyAdministration", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "kms:*", "Resource": "*" },
    { "Sid": "BedrockService", "Effect": "Allow", "Principal": { "Service": "bedrock.amazonaws.com" },
      "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
      "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } } },
    { "Sid": "CallersThroughBedrock", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/BedrockAppRole" },
      "Action": ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"], "Resource": "*",
      "Condition": { "StringEquals": { "kms:ViaService": "bedrock.us-east-1.amazonaws.com" } } }
  ]
}
JSON
aws kms put-key-policy --key-id KEY_ID --policy-name default --policy file://key-policy.json
aws kms enable-key --key-id KEY_ID`,
    terraform: `resource "aws_kms_key_policy" "bedrock" {
  key_id = aws_kms_key.bedrock.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "KeyAdministration", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      {
        Sid       = "BedrockService"
        Effect    = "Allow"
        Principal = { Service = "bedrock.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
      },
      {
        Sid       = "CallersThroughBedrock"
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.bedrock_app.arn }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"]
        Resource  = "*"
        Condition = { StringEquals = { "kms:ViaService" = "bedrock.us-east-1.amazonaws.com" } }
      }
    ]
  })
}`,
  },
  references: [
    KMS_KEY_POLICY_DOC,
    "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "kms");
    const b = inventory.bedrock;
    const parts = {
      keys: inventory.kms.keys,
      customModels: b.customModels,
      importedModels: b.importedModels,
      agents: b.agents,
      knowledgeBases: b.knowledgeBases,
      guardrails: b.guardrails,
      prompts: b.prompts,
      flows: b.flows,
    };
    return withParts(arn, parts, ({ keys, ...data }) =>
      perResource(
        groupByKey(keys, bedrockKeyUsers(data)),
        { resourceArn: arn, message: `No Bedrock resource in ${inventory.region} names a KMS key of its own` },
        (group) => evaluateKey(inventory, group),
      ),
    );
  },
});
