import "server-only";

/**
 * What an exported bundle must not carry although an auditor would never need it: credentials and the
 * values of environment variables. Names stay (an auditor may ask why a function has an API_KEY variable);
 * values are replaced by a marker so the removal itself is visible. Policy documents, ARNs, user and role
 * names stay: they are what access reviews are about. "HIDDEN_DUE_TO_SECURITY_REASONS" (AWS's own
 * redaction of guardrail fields) is kept as AWS returned it.
 */
export const REMOVED = "[removed by Strata]";

/** Keys (compared lower-case, without "_" and "-") whose value is a credential whatever it looks like. */
const SECRET_KEYS = new Set([
  "secretaccesskey",
  "sessiontoken",
  "securitytoken",
  "accesskeyid",
  "password",
  "servicepassword",
  "privatekey",
  "clientsecret",
  "secretstring",
  "secretbinary",
  "apikeyvalue",
  "authorization",
  "email",
  "phonenumber",
]);

/** Keys whose object value is a map of environment variables (Lambda Environment.Variables, agent runtimes). */
const ENVIRONMENT_KEYS = new Set(["environment", "environmentvariables", "variables"]);

const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
/** A SigV4 or SigV2 pre-signed URL: the query string is a bearer credential until it expires. */
const PRESIGNED_URL =
  /(https?:\/\/[^\s"?]+)\?[^\s"]*(?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature=)[^\s"]*/gi;

const normalise = (key: string) => key.toLowerCase().replaceAll(/[_-]/g, "");

/** Access key ids and pre-signed query strings removed from free text (messages, raw snapshots). */
export function sanitiseText(text: string): string {
  return text.replace(PRESIGNED_URL, `$1?${REMOVED}`).replace(ACCESS_KEY_ID, REMOVED);
}

/** A copy of `value` with the credentials above removed; everything else unchanged. */
export function sanitise(value: unknown): unknown {
  if (typeof value === "string") return sanitiseText(value);
  if (Array.isArray(value)) return value.map(sanitise);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const name = normalise(key);
      if (SECRET_KEYS.has(name)) return [key, v === null || v === undefined ? v : REMOVED];
      if (ENVIRONMENT_KEYS.has(name) && v !== null && typeof v === "object" && !Array.isArray(v)) return [key, blankValues(v)];
      return [key, sanitise(v)];
    }),
  );
}

/** Environment maps keep their variable names; every leaf value goes. */
function blankValues(value: object): unknown {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      v !== null && typeof v === "object" && !Array.isArray(v) ? blankValues(v) : v === null ? null : REMOVED,
    ]),
  );
}
