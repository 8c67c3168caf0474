import "server-only";
import { policyDocumentSchema, statementsOf, type PolicyStatement } from "@/server/inventory/policy-document";

/** Where a policy sits decides which elements it must and must not have. */
export type PolicyKind = "identity" | "boundary" | "scp" | "resource" | "endpoint" | "trust";

export type ParsedPolicy = {
  /** How messages name the policy, e.g. `AmazonBedrockFullAccess` or `invoke (inline)`. */
  name: string;
  kind: PolicyKind;
  statements: readonly PolicyStatement[];
};

export type ParseResult = { ok: true; policy: ParsedPolicy } | { ok: false; error: string };

const DOCUMENT_KEYS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_KEYS = new Set([
  "Sid",
  "Effect",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Principal",
  "NotPrincipal",
  "Condition",
]);
const OPERATOR =
  /^((ForAnyValue|ForAllValues):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(Less|Greater)Than(Equals)?|Date(Not)?Equals|Date(Less|Greater)Than(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?$|^Null$/i;

const QUOTE_LIMIT = 400;

/** The document as text, cut to a length a finding message can carry. */
export function quoteDocument(raw: unknown): string {
  let text: string;
  if (typeof raw === "string") text = raw;
  else text = JSON.stringify(raw) ?? String(raw);
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/** `Sid "Invoke"` or `statement #2` (1-based), the way people find a statement in the console. */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.Sid ? `Sid "${statement.Sid}"` : `statement #${index + 1}`;
}

function decode(raw: unknown): { value: unknown } | { error: string } {
  if (typeof raw !== "string") return { value: raw };
  let text = raw.trim();
  // IAM's Get*Policy APIs return the document URL-encoded.
  if (text.startsWith("%7B") || text.startsWith("%7b")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { error: "the URL-encoded text cannot be decoded" };
    }
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `it is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

function shapeProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return ["the document is not a JSON object"];
  const problems = Object.keys(value)
    .filter((k) => !DOCUMENT_KEYS.has(k))
    .map((k) => `unknown element "${k}"`);
  const statement = (value as Record<string, unknown>).Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  list.forEach((s, i) => {
    if (typeof s !== "object" || s === null) return;
    for (const k of Object.keys(s)) if (!STATEMENT_KEYS.has(k)) problems.push(`statement #${i + 1} has unknown element "${k}"`);
  });
  return problems;
}

function kindProblems(statement: PolicyStatement, index: number, kind: PolicyKind): string[] {
  const where = `statement #${index + 1}`;
  const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
  const hasResource = statement.Resource !== undefined || statement.NotResource !== undefined;
  const problems: string[] = [];
  if ((kind === "identity" || kind === "boundary" || kind === "scp") && hasPrincipal)
    problems.push(`${where} names a Principal, which a ${kind} policy cannot`);
  if ((kind === "resource" || kind === "endpoint" || kind === "trust") && !hasPrincipal)
    problems.push(`${where} has no Principal`);
  if (kind !== "trust" && kind !== "resource" && !hasResource) problems.push(`${where} has neither Resource nor NotResource`);
  for (const operator of Object.keys(statement.Condition ?? {})) {
    if (!OPERATOR.test(operator)) problems.push(`${where} uses an unknown condition operator "${operator}"`);
  }
  return problems;
}

/**
 * Turns a raw policy document (object, JSON text or URL-encoded JSON) into statements, or into an
 * error that quotes the document: a malformed policy must become an ERROR finding, never a crash
 * and never a silently skipped (so passing) policy.
 */
export function parsePolicy(raw: unknown, name: string, kind: PolicyKind): ParseResult {
  const fail = (reason: string): ParseResult => ({
    ok: false,
    error: `policy "${name}" cannot be parsed: ${reason}. Document: ${quoteDocument(raw)}`,
  });
  if (raw === undefined || raw === null) return fail("the document is missing");
  const decoded = decode(raw);
  if ("error" in decoded) return fail(decoded.error);
  const shape = shapeProblems(decoded.value);
  if (shape.length > 0) return fail(shape.join("; "));
  const parsed = policyDocumentSchema.safeParse(decoded.value);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "));
  }
  const statements = statementsOf(parsed.data);
  const problems = statements.flatMap((s, i) => kindProblems(s, i, kind));
  if (problems.length > 0) return fail(problems.join("; "));
  return { ok: true, policy: { name, kind, statements } };
}
