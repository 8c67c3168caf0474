import "server-only";
import type { Event as LookupEvent } from "@aws-sdk/client-cloudtrail";
import { accountByKey, type AccountKey } from "@/server/sources/demo/accounts";
import { ssoRoleArn } from "@/server/sources/demo/iam/build";
import { stableId } from "@/server/sources/demo/prng";

/** Who calls, as CloudTrail's userIdentity records it. */
export type Actor = { identity: Record<string, unknown>; username: string; ip: string; agent: string; console?: boolean };

const id = (account: AccountKey) => accountByKey(account).id;
const principal = (key: string) => `AROA${stableId.upper(`activity/principal/${key}`, 17)}`;
const accessKey = (prefix: "AKIA" | "ASIA", key: string) => `${prefix}${stableId.upper(`activity/key/${key}`, 16)}`;

// RFC 5737 documentation ranges: realistic shape, no real party's address.
export const IP = {
  office: "192.0.2.41",
  officeEu: "192.0.2.87",
  vpn: "198.51.100.14",
  ci: "198.51.100.200",
  attacker: "203.0.113.66",
} as const;

export const AGENT = {
  console:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  consoleWin:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  cli: "aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off",
  terraform:
    "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.82.2 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.7 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64",
  strata: "aws-sdk-js/3.1164.0 ua/2.1 os/linux#6.1.0 lang/js md/nodejs#20.20.0 api/bedrock#3.1164.0 m/E,N",
  appSdk:
    "aws-sdk-java/2.29.29 Linux/5.10.228-219.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/adaptive",
  boto: "Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/linux#6.1.115 md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.76",
  // The stolen key's client: a stock boto3 on a Kali kernel, nothing the company runs.
  attacker:
    "Boto3/1.34.12 md/Botocore#1.34.12 ua/2.0 os/linux#6.6.9-amd64-kali lang/python#3.11.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.12",
} as const;

export function iamUser(account: AccountKey, name: string, ip: string, agent: string): Actor {
  return {
    identity: {
      type: "IAMUser",
      principalId: `AIDA${stableId.upper(`activity/user/${account}/${name}`, 17)}`,
      arn: `arn:aws:iam::${id(account)}:user/${name}`,
      accountId: id(account),
      accessKeyId: accessKey("AKIA", `${account}/${name}`),
      userName: name,
    },
    username: name,
    ip,
    agent,
  };
}

export function role(account: AccountKey, roleName: string, session: string, ip: string, agent: string, path = "/"): Actor {
  const roleId = principal(`${account}/${roleName}`);
  const roleArn = `arn:aws:iam::${id(account)}:role${path}${roleName}`;
  return {
    identity: {
      type: "AssumedRole",
      principalId: `${roleId}:${session}`,
      arn: `arn:aws:sts::${id(account)}:assumed-role/${roleName}/${session}`,
      accountId: id(account),
      accessKeyId: accessKey("ASIA", `${account}/${roleName}/${session}`),
      sessionContext: {
        sessionIssuer: { type: "Role", principalId: roleId, arn: roleArn, accountId: id(account), userName: roleName },
        attributes: { creationDate: "2026-01-01T00:00:00Z", mfaAuthenticated: "false" },
      },
    },
    username: session,
    ip,
    agent,
    console: agent === AGENT.console || agent === AGENT.consoleWin,
  };
}

export function sso(account: AccountKey, permissionSet: string, person: string, ip: string, agent: string): Actor {
  const arn = ssoRoleArn(id(account), permissionSet);
  const roleName = arn.split("/").at(-1) ?? permissionSet;
  return role(account, roleName, `${person}@halcyonhealth.com`, ip, agent, "/aws-reserved/sso.amazonaws.com/");
}

export type EventSpec = {
  time: number;
  account: AccountKey;
  region: string;
  source?: string;
  name: string;
  actor: Actor;
  readOnly: boolean;
  request?: unknown;
  response?: unknown;
  error?: { code: string; message: string };
  resources?: { type: string; arn: string }[];
  extra?: Record<string, unknown>;
};

/** A LookupEvents `Event` with its CloudTrailEvent JSON, shaped like the reference examples. */
export function lookupEvent(spec: EventSpec, key: string): LookupEvent {
  const eventId = stableId.uuid(`activity/event/${key}`);
  const source = spec.source ?? "bedrock.amazonaws.com";
  const time = new Date(Math.floor(spec.time / 1000) * 1000);
  const host =
    source === "bedrock.amazonaws.com" && /^(Invoke|Converse)/.test(spec.name) ? "bedrock-runtime" : source.split(".")[0];
  const record = {
    eventVersion: "1.09",
    userIdentity: spec.actor.identity,
    eventTime: time.toISOString().replace(".000Z", "Z"),
    eventSource: source,
    eventName: spec.name,
    awsRegion: spec.region,
    sourceIPAddress: spec.actor.ip,
    userAgent: spec.actor.agent,
    ...(spec.error ? { errorCode: spec.error.code, errorMessage: spec.error.message } : {}),
    requestParameters: spec.request ?? null,
    responseElements: spec.response ?? null,
    requestID: stableId.uuid(`activity/request/${key}`),
    eventID: eventId,
    readOnly: spec.readOnly,
    ...(spec.resources
      ? { resources: spec.resources.map((r) => ({ accountId: id(spec.account), type: r.type, ARN: r.arn })) }
      : {}),
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: id(spec.account),
    eventCategory: "Management",
    ...(spec.actor.console ? { sessionCredentialFromConsole: "true" } : {}),
    tlsDetails: {
      tlsVersion: "TLSv1.3",
      cipherSuite: "TLS_AES_128_GCM_SHA256",
      clientProvidedHostHeader: `${host}.${spec.region}.amazonaws.com`,
    },
    ...spec.extra,
  };
  const identity = spec.actor.identity;
  return {
    EventId: eventId,
    EventName: spec.name,
    ReadOnly: String(spec.readOnly),
    AccessKeyId: typeof identity.accessKeyId === "string" ? identity.accessKeyId : undefined,
    EventTime: time,
    EventSource: source,
    Username: spec.actor.username,
    Resources: (spec.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.arn })),
    CloudTrailEvent: JSON.stringify(record),
  };
}
