import "server-only";

/** The wire protocols the installed SDK v3 clients speak (checked in each client's dist-cjs). */
type Protocol = "restJson" | "json1.1" | "json1.0" | "query" | "ec2" | "restXml";

export type ServiceSpec = { protocol: Protocol; signingName: string; xmlns?: string };

export const SERVICES = {
  bedrock: { protocol: "restJson", signingName: "bedrock" },
  "bedrock-agent": { protocol: "restJson", signingName: "bedrock" },
  kms: { protocol: "json1.1", signingName: "kms" },
  cloudtrail: { protocol: "json1.1", signingName: "cloudtrail" },
  logs: { protocol: "json1.1", signingName: "logs" },
  organizations: { protocol: "json1.1", signingName: "organizations" },
  // client-cloudwatch ≥3.8xx moved from awsQuery to JSON 1.0 with the awsQueryCompatible trait.
  cloudwatch: { protocol: "json1.0", signingName: "monitoring" },
  iam: { protocol: "query", signingName: "iam", xmlns: "https://iam.amazonaws.com/doc/2010-05-08/" },
  sts: { protocol: "query", signingName: "sts", xmlns: "https://sts.amazonaws.com/doc/2011-06-15/" },
  ec2: { protocol: "ec2", signingName: "ec2", xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/" },
  s3: { protocol: "restXml", signingName: "s3" },
} as const satisfies Record<string, ServiceSpec>;
export type ServiceName = keyof typeof SERVICES;

export type WireResponse = { status: number; headers: Record<string, string>; body: string | Buffer };

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Object → XML children. Query lists wrap items in <member>, EC2 lists in <item>: the one real difference. */
function toXml(value: unknown, listItem: "member" | "item"): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => `<${listItem}>${toXml(v, listItem)}</${listItem}>`).join("");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v, listItem)}</${k}>`)
      .join("");
  }
  return escape(String(value));
}

const requestId = "00000000-0000-4000-8000-000000000000";

/** A successful response body in the service's protocol. `restXml` handlers return their raw body text (or bytes). */
export function success(service: ServiceName, operation: string, data: unknown): WireResponse {
  const spec: ServiceSpec = SERVICES[service];
  switch (spec.protocol) {
    case "restJson":
      return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(data ?? {}) };
    case "json1.1":
    case "json1.0":
      return {
        status: 200,
        headers: { "content-type": `application/x-amz-json-${spec.protocol.slice(4)}` },
        body: JSON.stringify(data ?? {}),
      };
    case "query": {
      const body = `<${operation}Response xmlns="${spec.xmlns}"><${operation}Result>${toXml(data, "member")}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
      return { status: 200, headers: { "content-type": "text/xml" }, body };
    }
    case "ec2": {
      const body = `<${operation}Response xmlns="${spec.xmlns}"><requestId>${requestId}</requestId>${toXml(data, "item")}</${operation}Response>`;
      return { status: 200, headers: { "content-type": "text/xml;charset=UTF-8" }, body };
    }
    case "restXml":
      return {
        status: 200,
        headers: { "content-type": "application/xml" },
        body: typeof data === "string" || Buffer.isBuffer(data) ? data : "",
      };
  }
}

export type FaultKind = "denied" | "throttle" | "server";

/** The error code each protocol family really uses for a fault, so the SDK's own error parsing runs. */
export function faultCode(service: ServiceName, kind: FaultKind): { code: string; status: number } {
  const protocol: Protocol = SERVICES[service].protocol;
  if (kind === "server")
    return { code: protocol === "ec2" || protocol === "restXml" ? "InternalError" : "InternalFailure", status: 500 };
  if (kind === "denied") {
    if (protocol === "ec2") return { code: "UnauthorizedOperation", status: 403 };
    if (protocol === "query" || protocol === "restXml" || protocol === "json1.0") return { code: "AccessDenied", status: 403 };
    return { code: "AccessDeniedException", status: 403 };
  }
  if (protocol === "ec2") return { code: "RequestLimitExceeded", status: 503 };
  if (protocol === "restXml") return { code: "SlowDown", status: 503 };
  if (protocol === "query" || protocol === "json1.0") return { code: "Throttling", status: 400 };
  return { code: "ThrottlingException", status: 429 };
}

export function failure(service: ServiceName, code: string, status: number, message: string): WireResponse {
  const protocol: Protocol = SERVICES[service].protocol;
  const m = escape(message);
  switch (protocol) {
    case "restJson":
      return {
        status,
        headers: { "content-type": "application/json", "x-amzn-errortype": code },
        body: JSON.stringify({ message }),
      };
    case "json1.1":
      return {
        status,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify({ __type: code, message }),
      };
    case "json1.0":
      // awsQueryCompatible services report the legacy query error code in this header.
      return {
        status,
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amzn-query-error": `${code};${status >= 500 ? "Receiver" : "Sender"}`,
        },
        body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${code}`, message }),
      };
    case "query":
      return {
        status,
        headers: { "content-type": "text/xml" },
        body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${m}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "ec2":
      return {
        status,
        headers: { "content-type": "text/xml;charset=UTF-8" },
        body: `<Response><Errors><Error><Code>${code}</Code><Message>${m}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case "restXml":
      return {
        status,
        headers: { "content-type": "application/xml" },
        body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${m}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
  }
}
