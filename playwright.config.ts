import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3199);
// localhost, not 127.0.0.1: Next rewrites the loopback IP to localhost in route handlers, and the
// OIDC redirect_uri must be identical at authorize and token time.
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts/,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      // A real OpenID provider on localhost, so the OIDC sign-in runs end to end.
      command: `node e2e/oidc/provider.mjs`,
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT), APP_URL: baseURL },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: `${baseURL}/api/ping`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        STRATA_DATA_DIR: process.env.E2E_DATA_DIR ?? ".e2e-data",
        STRATA_DEMO_COLLECT_DELAY_MS: "150",
        // Enough records for every shape the generator makes, few enough to seed in seconds.
        STRATA_DEMO_LOG_RECORDS: "20000",
        AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        AUTH_URL: baseURL,
        AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
        AUTH_OIDC_CLIENT_ID: "strata-e2e",
        AUTH_OIDC_CLIENT_SECRET: "strata-e2e-secret-0123456789",
        AUTH_OIDC_NAME: "Test IdP",
        AUTH_OIDC_SCOPE: "openid email profile groups",
        STRATA_ROLE_MAP: "strata-viewers=viewer,strata-analysts=analyst,strata-auditors=auditor,strata-admins=admin",
      },
    },
  ],
});
