/**
 * Only same-site paths may follow sign-in: browsers treat `//host` and `/\host` as other origins,
 * so those (and anything absolute) fall back to the overview.
 */
export function safeCallbackPath(value: unknown): string {
  return typeof value === "string" && value.length <= 2048 && /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : "/";
}
