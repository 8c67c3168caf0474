import "server-only";
import { MODELS } from "@/server/logs/demo/models";
import { Rng, seedOf } from "@/server/logs/demo/random";
import { DEMO_REGIONS, accountByKey, type AccountKey } from "@/server/sources/demo/accounts";
import { agent, guardrail } from "@/server/sources/demo/arns";
import { PROD } from "@/server/sources/demo/names";
import { stableId } from "@/server/sources/demo/prng";
import { ALL_HARMS, guardrailRequest, uniform } from "./guardrail-config";
import { AGENT, IP, iamUser, role, sso, type Actor, type EventSpec } from "./kit";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACCOUNTS: readonly AccountKey[] = ["prod", "staging", "sandbox"];
const id = (k: AccountKey) => accountByKey(k).id;

const strata = (account: AccountKey) => role(account, "StrataReadOnlyAudit", "strata", IP.ci, AGENT.strata);
export const terraform = () => role("prod", "halcyon-github-deploy", "GitHubActions", IP.ci, AGENT.terraform);
export const admin = (account: AccountKey, person: string, agentString: string = AGENT.console) =>
  sso(account, account === "prod" ? "PlatformAdmin" : "SandboxDeveloper", person, IP.office, agentString);

/** Callers whose runtime calls show up as management events, per account. */
function workloads(account: AccountKey, rng: Rng): Actor {
  if (account === "prod") {
    return rng.chance(0.6)
      ? role(
          "prod",
          PROD.roles.clinicalNotesTask,
          stableId.hex(`activity/task/${rng.between(0, 11)}`, 32),
          "10.20.14.37",
          AGENT.appSdk,
        )
      : role("prod", PROD.roles.triageLambda, "halcyon-triage-summarizer", "10.20.31.8", AGENT.boto);
  }
  if (account === "staging")
    return role(
      "staging",
      "halcyon-stg-clinical-notes-api-task",
      stableId.hex(`activity/stg/${rng.between(0, 3)}`, 32),
      "10.40.2.19",
      AGENT.appSdk,
    );
  return rng.chance(0.5)
    ? iamUser("sandbox", "dev-jmorales", IP.office, AGENT.boto)
    : iamUser("sandbox", "dev-akim", IP.officeEu, AGENT.boto);
}

const RUNTIME_MODELS = [MODELS.sonnetUs, MODELS.sonnetEu, MODELS.sonnetGlobal];

/** Everyday traffic over [end − days, end): Strata's own daily reads, runtime calls, and weekly terraform applies. */
export function routineEvents(end: Date, days: number): EventSpec[] {
  const rng = new Rng(seedOf(`activity/routine/${Math.floor(end.getTime() / DAY)}`));
  const startDay = Math.floor(end.getTime() / DAY) - days;
  const out: EventSpec[] = [];
  for (let d = 0; d <= days; d++) {
    const day = (startDay + d) * DAY;
    const weekday = new Date(day).getUTCDay();
    for (const account of ACCOUNTS) {
      for (const region of DEMO_REGIONS) {
        const scan = day + 6 * HOUR + rng.between(0, 20) * 60_000;
        const base = { account, region, actor: strata(account), readOnly: true, request: {} };
        out.push({ ...base, time: scan, name: "GetModelInvocationLoggingConfiguration" });
        out.push({ ...base, time: scan + 4_000, name: "ListGuardrails" });
        // Strata lists models too: listing alone is not the stolen-key pattern.
        out.push({ ...base, time: scan + 9_000, name: "ListFoundationModels" });
        const calls = weekday === 0 || weekday === 6 ? 1 : 3;
        for (let i = 0; i < calls; i++) {
          const model = rng.pick(RUNTIME_MODELS);
          out.push({
            account,
            region,
            actor: workloads(account, rng),
            time: day + (13 + rng.between(0, 8)) * HOUR + rng.between(0, 3599) * 1000,
            name: rng.chance(0.7) ? "Converse" : "InvokeModel",
            readOnly: false,
            request: { modelId: model.id },
          });
        }
      }
    }
    if (weekday === 2) out.push(...terraformApply(day + 15 * HOUR + rng.between(0, 90) * 60_000, d));
  }
  return out.filter((e) => e.time < end.getTime());
}

/** The weekly prod apply: guardrail re-put at the same (strong) settings, a new version, the agent re-prepared. */
function terraformApply(time: number, n: number): EventSpec[] {
  const region = "us-east-1";
  const g = guardrail(id("prod"), region, "phi-clinical-assistant");
  const a = agent(id("prod"), region, "patient-navigator");
  const base = { account: "prod" as const, region, actor: terraform(), readOnly: false };
  const resources = [{ type: "AWS::Bedrock::Guardrail", arn: g.arn }];
  return [
    {
      ...base,
      time,
      name: "GetGuardrail",
      readOnly: true,
      request: { guardrailIdentifier: g.id, guardrailVersion: "DRAFT" },
      resources,
    },
    {
      ...base,
      time: time + 20_000,
      name: "UpdateGuardrail",
      request: guardrailRequest(g.id, uniform(ALL_HARMS, "HIGH"), "HIGH"),
      response: { guardrailArn: g.arn, guardrailId: g.id, version: "DRAFT" },
      resources,
    },
    {
      ...base,
      time: time + 45_000,
      name: "CreateGuardrailVersion",
      request: { guardrailIdentifier: g.id, description: `terraform apply #${n}` },
      response: { guardrailId: g.id, version: String(3 + Math.floor(n / 30)) },
      resources,
    },
    { ...base, time: time + 70_000, name: "UpdateAgent", request: { agentId: a.id, agentName: "patient-navigator" } },
    {
      ...base,
      time: time + 95_000,
      name: "PrepareAgent",
      request: { agentId: a.id },
      response: { agentId: a.id, agentStatus: "PREPARING" },
    },
  ];
}
