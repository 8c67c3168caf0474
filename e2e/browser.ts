import { existsSync } from "node:fs";

/**
 * Debian's Chromium by default (Playwright's own browser download cannot run here); CHROMIUM_PATH
 * points elsewhere. Fails with the way to get one rather than a cryptic launch error.
 */
export function chromiumExecutable(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) " +
        "or set CHROMIUM_PATH to a Chromium/Chrome executable.",
    );
  }
  return found;
}
