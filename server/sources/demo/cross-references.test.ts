import { describe, expect, it } from "vitest";
import { parseInventory, type Inventory } from "@/server/inventory";
import { collectEstate } from "./collect-estate";
import { DemoSource } from "./demo-source";

const inventories = (await collectEstate(new DemoSource())).map((e) => parseInventory(e.raw).inventory);

function data<T>(part: { status: "ok"; data: T } | { status: "unavailable" }): T {
  if (part.status !== "ok") throw new Error("part unavailable");
  return part.data;
}
const isOk = (part: { status: string }) => part.status === "ok";
const regionOfArn = (arn: string) => arn.split(":")[3] ?? "";
const accountInventories = (inv: Inventory) => inventories.filter((i) => i.accountId === inv.accountId);

/** KMS key ARNs this inventory refers to, with where the reference comes from. */
function referencedKeys(inv: Inventory): { arn: string; from: string }[] {
  const refs: { arn: string; from: string }[] = [];
  const add = (arn: string | undefined, from: string) => {
    if (arn) refs.push({ arn, from });
  };
  for (const g of data(inv.bedrock.guardrails))
    for (const v of [g.draft, ...g.versions]) add(v.kmsKeyArn, `guardrail ${g.name}:${v.version}`);
  for (const a of data(inv.bedrock.agents)) add(a.customerEncryptionKeyArn, `agent ${a.agentName}`);
  for (const kb of data(inv.bedrock.knowledgeBases)) for (const ds of kb.dataSources) add(ds.kmsKeyArn, `data source ${ds.name}`);
  for (const m of data(inv.bedrock.customModels)) add(m.modelKmsKeyArn, `custom model ${m.modelName}`);
  for (const m of data(inv.bedrock.importedModels)) add(m.modelKmsKeyArn, `imported model ${m.modelName}`);
  for (const p of data(inv.bedrock.prompts)) add(p.customerEncryptionKeyArn, `prompt ${p.name}`);
  for (const f of data(inv.bedrock.flows)) add(f.customerEncryptionKeyArn, `flow ${f.name}`);
  for (const j of data(inv.bedrock.batchJobs)) add(j.outputS3EncryptionKeyId, `batch job ${j.jobName}`);
  for (const j of data(inv.bedrock.customizationJobs)) add(j.outputModelKmsKeyArn, `customization job ${j.jobName}`);
  for (const b of data(inv.s3.buckets)) add(b.encryption?.kmsMasterKeyId, `bucket ${b.name}`);
  for (const lg of data(inv.logs.logGroups)) add(lg.kmsKeyId, `log group ${lg.logGroupName}`);
  for (const t of data(inv.cloudtrail.trails)) add(t.kmsKeyId, `trail ${t.name}`);
  return refs;
}

describe("demo estate cross-references", () => {
  it.each(inventories.map((inv) => [`${inv.accountName}/${inv.region}`, inv] as const))(
    "%s: every KMS key referenced exists in its region",
    (_n, inv) => {
      for (const { arn, from } of referencedKeys(inv)) {
        const keyRegion = regionOfArn(arn);
        const home = accountInventories(inv).find((i) => i.region === keyRegion);
        expect(home, `${from}: ${arn} (no inventory for ${keyRegion})`).toBeDefined();
        if (!home || !isOk(home.kms.keys)) {
          // Only the deliberately denied sandbox eu-west-1 KMS may hide a referenced key.
          expect(`${home?.accountName}/${keyRegion}`).toBe("halcyon-sandbox/eu-west-1");
          continue;
        }
        expect(
          data(home.kms.keys).map((k) => k.arn),
          `${from} → ${arn}`,
        ).toContain(arn);
      }
    },
  );

  it.each(inventories.map((inv) => [`${inv.accountName}/${inv.region}`, inv] as const))(
    "%s: buckets, log groups and roles referenced exist",
    (_n, inv) => {
      const buckets = new Map(data(inv.s3.buckets).map((b) => [b.name, b]));
      const bucketName = (arn: string) => arn.replace("arn:aws:s3:::", "");
      const iam = data(inv.iam);
      const roles = new Set(iam.roles.map((r) => r.arn));
      const groups = new Set(data(inv.logs.logGroups).map((g) => g.logGroupName));

      for (const kb of data(inv.bedrock.knowledgeBases)) {
        expect(roles, `KB role ${kb.roleArn}`).toContain(kb.roleArn);
        for (const ds of kb.dataSources)
          expect(buckets.has(bucketName(ds.bucketArn ?? "")), `KB bucket ${ds.bucketArn}`).toBe(true);
      }
      for (const a of data(inv.bedrock.agents))
        expect(roles, `agent role ${a.agentResourceRoleArn}`).toContain(a.agentResourceRoleArn);
      for (const f of data(inv.bedrock.flows)) expect(roles, `flow role ${f.executionRoleArn}`).toContain(f.executionRoleArn);

      const logging = data(inv.bedrock.loggingConfig);
      if (logging?.cloudWatchConfig) {
        expect(groups, "invocation log group").toContain(logging.cloudWatchConfig.logGroupName);
        expect(roles, "logging role").toContain(logging.cloudWatchConfig.roleArn);
        const large = logging.cloudWatchConfig.largeDataDeliveryS3Config?.bucketName;
        if (large) expect(buckets.get(large)?.region).toBe(inv.region);
      }
      if (logging?.s3Config)
        expect(buckets.get(logging.s3Config.bucketName)?.region, "log bucket in the same region").toBe(inv.region);

      for (const t of data(inv.cloudtrail.trails))
        expect(buckets.has(t.s3BucketName ?? ""), `trail bucket ${t.s3BucketName}`).toBe(true);
      for (const j of data(inv.bedrock.batchJobs))
        expect(buckets.has(j.outputS3Uri.replace("s3://", "").split("/")[0] ?? ""), j.outputS3Uri).toBe(true);

      const policies = new Set(iam.policies.map((p) => p.arn));
      for (const principal of [...iam.roles, ...iam.users, ...iam.groups]) {
        for (const a of principal.attachedPolicies) expect(policies, a.policyArn).toContain(a.policyArn);
      }
      for (const r of iam.roles) if (r.permissionsBoundaryArn) expect(policies).toContain(r.permissionsBoundaryArn);
      const groupNames = new Set(iam.groups.map((g) => g.groupName));
      for (const u of iam.users) for (const g of u.groups) expect(groupNames, `group ${g}`).toContain(g);
    },
  );

  it.each(inventories.map((inv) => [`${inv.accountName}/${inv.region}`, inv] as const))(
    "%s: guardrail, security group and profile references resolve",
    (_n, inv) => {
      const guardrails = new Map(data(inv.bedrock.guardrails).map((g) => [g.id, g]));
      const hasVersion = (id: string, version: string) => {
        const g = guardrails.get(id);
        return g !== undefined && (version === "DRAFT" || g.versions.some((v) => v.version === version));
      };
      for (const a of data(inv.bedrock.agents)) {
        const ref = a.guardrailConfiguration;
        if (ref)
          expect(
            hasVersion(ref.guardrailIdentifier, ref.guardrailVersion),
            `${a.agentName} → ${ref.guardrailIdentifier}:${ref.guardrailVersion}`,
          ).toBe(true);
      }
      for (const f of data(inv.bedrock.flows)) {
        for (const n of f.nodes)
          if (n.guardrailConfiguration)
            expect(hasVersion(n.guardrailConfiguration.guardrailIdentifier, n.guardrailConfiguration.guardrailVersion)).toBe(
              true,
            );
      }
      const enforced = inv.bedrock.enforcedGuardrails.status === "ok" ? inv.bedrock.enforcedGuardrails.data : [];
      for (const e of enforced) expect(hasVersion(e.guardrailId ?? "", e.guardrailVersion ?? "")).toBe(true);
      for (const alarm of data(inv.cloudwatch.alarms)) {
        const arn = alarm.dimensions.find((d) => d.name === "GuardrailArn")?.value;
        if (arn) expect([...guardrails.values()].map((g) => g.arn)).toContain(arn);
      }

      const sgs = new Map(data(inv.ec2.securityGroups).map((g) => [g.groupId, g]));
      const vpcs = new Set(data(inv.ec2.vpcs).map((v) => v.vpcId));
      for (const e of data(inv.ec2.vpcEndpoints)) {
        expect(vpcs).toContain(e.vpcId);
        for (const id of e.securityGroupIds) expect(sgs.get(id)?.vpcId, `endpoint SG ${id}`).toBe(e.vpcId);
      }
      for (const g of sgs.values()) {
        expect(vpcs).toContain(g.vpcId);
        for (const rule of g.ingress) for (const ref of rule.referencedGroupIds) expect(sgs.has(ref), ref).toBe(true);
      }
      for (const j of [...data(inv.bedrock.batchJobs), ...data(inv.bedrock.customizationJobs)]) {
        for (const id of j.vpcConfig?.securityGroupIds ?? []) expect(sgs.has(id), `job SG ${id}`).toBe(true);
      }

      const profiles = data(inv.bedrock.inferenceProfiles);
      const systemIds = new Set(profiles.filter((p) => p.type === "SYSTEM_DEFINED").map((p) => p.inferenceProfileId));
      for (const a of data(inv.bedrock.agents)) {
        const model = a.foundationModel ?? "";
        if (/^(us|eu|global)\./.test(model)) expect(systemIds, `${a.agentName} → ${model}`).toContain(model);
      }
    },
  );

  it("gives every readable account its place in the organization", () => {
    for (const inv of inventories.filter((i) => i.region === "us-east-1" && isOk(i.organizations))) {
      const org = data(inv.organizations);
      expect(org).not.toBeNull();
      if (!org) continue;
      expect(org.accountTargetIds).toContain(inv.accountId);
      expect(org.accountTargetIds[0]).toMatch(/^r-/);
      for (const p of org.policies) expect(() => JSON.parse(p.content) as unknown, p.name).not.toThrow();
      const applying = org.policies.filter((p) => p.targetIds.some((t) => org.accountTargetIds.includes(t)));
      expect(applying.map((p) => p.name)).toContain("FullAWSAccess");
    }
  });
});
