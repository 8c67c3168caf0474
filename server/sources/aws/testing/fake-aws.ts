import "server-only";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SERVICES, failure, faultCode, success, type FaultKind, type ServiceName, type WireResponse } from "./fake-protocols";

export type FakeRequest = {
  service: ServiceName;
  operation: string;
  /** JSON body, query-protocol form fields, or REST path + query parameters merged with the JSON body. */
  input: Record<string, unknown>;
  headers: IncomingMessage["headers"];
  path: string;
};
export type Handler = (req: FakeRequest) => unknown;

type Route = { service: ServiceName; operation: string; method: string; segments: string[]; queryKey?: string };
type Fault = { kind: FaultKind | "delay" | "malformed"; remaining: number; delayMs?: number };

/**
 * An in-process AWS endpoint for tests: the real SDK clients sign, serialise and parse against it,
 * so protocol mistakes surface here rather than in a customer's account.
 */
export class FakeAws {
  readonly calls: { service: ServiceName; operation: string }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly routes: Route[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private server: Server | undefined;
  latencyMs = 0;
  url = "";
  /** Highest number of requests the fake was serving at once (to prove client-side limits). */
  maxInFlight = 0;
  private inFlight = 0;

  /** JSON and query protocols: the operation comes from X-Amz-Target or the Action field. */
  on(service: ServiceName, operation: string, handler: Handler): this {
    this.handlers.set(`${service}:${operation}`, handler);
    return this;
  }

  /**
   * REST protocols: `route` is "GET /guardrails/{guardrailIdentifier}" or "GET /{Bucket}?policy"; a last
   * segment "{Key+}" takes the rest of the path (S3 object keys). An S3 handler may return a Buffer body.
   */
  rest(service: ServiceName, operation: string, route: string, handler: Handler): this {
    const [method = "GET", target = "/"] = route.split(" ");
    const [path = "/", queryKey] = target.split("?");
    this.routes.push({ service, operation, method, segments: path.split("/").filter(Boolean), queryKey });
    // Routes with a query key (S3 sub-resources) must win over the bare path.
    this.routes.sort((a, b) => Number(b.queryKey !== undefined) - Number(a.queryKey !== undefined));
    return this.on(service, operation, handler);
  }

  /** The next `times` calls of the operation fail (or are delayed) before the handler runs. */
  fault(
    service: ServiceName,
    operation: string,
    kind: FaultKind | "delay" | "malformed",
    times = Number.POSITIVE_INFINITY,
    delayMs = 0,
  ): this {
    const key = `${service}:${operation}`;
    this.faults.set(key, [...(this.faults.get(key) ?? []), { kind, remaining: times, delayMs }]);
    return this;
  }

  callCount(service: ServiceName, operation?: string): number {
    return this.calls.filter((c) => c.service === service && (operation === undefined || c.operation === operation)).length;
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      void this.handle(req).then((wire) => {
        this.inFlight -= 1;
        res.writeHead(wire.status, {
          ...wire.headers,
          "x-amzn-requestid": "fake",
          "content-length": Buffer.byteLength(wire.body),
        });
        res.end(wire.body);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<WireResponse> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const resolved = this.resolve(req, url, body);
    if (resolved === undefined)
      return {
        status: 404,
        headers: { "content-type": "text/plain" },
        body: `fake-aws: no route for ${req.method} ${url.pathname}`,
      };
    const { service, operation, input } = resolved;
    this.calls.push({ service, operation });
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    const fault = this.takeFault(`${service}:${operation}`);
    if (fault?.kind === "delay") await sleep(fault.delayMs ?? 0);
    else if (fault?.kind === "malformed") return malformed(service, operation);
    else if (fault !== undefined) {
      const { code, status } = faultCode(service, fault.kind);
      return failure(service, code, status, `fake ${fault.kind} for ${operation}`);
    }
    const handler = this.handlers.get(`${service}:${operation}`);
    if (handler === undefined)
      return failure(service, "UnknownOperationException", 400, `fake-aws: no handler for ${service}:${operation}`);
    try {
      return success(service, operation, await handler({ service, operation, input, headers: req.headers, path: url.pathname }));
    } catch (error) {
      if (error instanceof FakeError) return failure(service, error.code, error.status, error.message);
      return failure(service, "InternalFailure", 500, String(error));
    }
  }

  private takeFault(key: string): Fault | undefined {
    const list = this.faults.get(key) ?? [];
    const fault = list.find((f) => f.remaining > 0);
    if (fault !== undefined) fault.remaining -= 1;
    return fault;
  }

  private resolve(
    req: IncomingMessage,
    url: URL,
    body: string,
  ): { service: ServiceName; operation: string; input: Record<string, unknown> } | undefined {
    // SigV4 credential scope names the signing service: "Credential=AKID/date/region/<service>/aws4_request".
    const signing = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? "")?.[1];
    const candidates = (Object.keys(SERVICES) as ServiceName[]).filter((s) => SERVICES[s].signingName === signing);
    const target = req.headers["x-amz-target"];
    if (typeof target === "string") {
      const service = candidates[0];
      const operation = target.split(".").pop();
      if (service === undefined || operation === undefined) return undefined;
      return { service, operation, input: body === "" ? {} : (JSON.parse(body) as Record<string, unknown>) };
    }
    const form = new URLSearchParams(body);
    const action = form.get("Action");
    if (action !== null && candidates[0] !== undefined)
      return { service: candidates[0], operation: action, input: Object.fromEntries(form) };
    return this.matchRoute(req.method ?? "GET", url, body, candidates);
  }

  private matchRoute(method: string, url: URL, body: string, services: ServiceName[]) {
    const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    for (const route of this.routes) {
      const greedy = route.segments.at(-1)?.endsWith("+}") === true;
      const lengthFits = greedy ? segments.length >= route.segments.length : segments.length === route.segments.length;
      if (!services.includes(route.service) || route.method !== method || !lengthFits) continue;
      if (route.queryKey !== undefined && !url.searchParams.has(route.queryKey)) continue;
      const params: Record<string, unknown> = {};
      const matches = route.segments.every((seg, i) => {
        const actual = segments[i] ?? "";
        if (seg.endsWith("+}")) return ((params[seg.slice(1, -2)] = segments.slice(i).join("/")), true);
        if (seg.startsWith("{")) return ((params[seg.slice(1, -1)] = actual), true);
        return seg === actual;
      });
      if (!matches) continue;
      const json = body !== "" && body.trimStart().startsWith("{") ? (JSON.parse(body) as Record<string, unknown>) : {};
      return {
        service: route.service,
        operation: route.operation,
        input: { ...Object.fromEntries(url.searchParams), ...json, ...params },
      };
    }
    return undefined;
  }
}

/** Throw from a handler to answer with a specific AWS error code. */
export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** One page of `items` for a string token (the index of the first item), as AWS list APIs page. */
export function page<T>(items: T[], token: unknown, size: number): { items: T[]; next: string | undefined } {
  const start = typeof token === "string" && token !== "" ? Number(token) : 0;
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

/** A 200 whose body is cut off mid-document, as a broken proxy or a truncated read delivers it. */
function malformed(service: ServiceName, operation: string): WireResponse {
  const ok = success(service, operation, {});
  return { ...ok, body: ok.body.toString().startsWith("<") ? "<Response><Truncated attr=" : '{"truncated": [1, 2,' };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
