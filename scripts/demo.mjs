// `npm run demo`: build and serve Strata on the embedded demo estate at http://localhost:3000.
// No AWS account and no database server: SQLite in ./data, a sign-in secret generated once.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dataDir = process.env.STRATA_DATA_DIR ?? "./data";
mkdirSync(dataDir, { recursive: true });
const secretFile = join(dataDir, ".auth-secret");
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64"), { mode: 0o600 });

const port = process.env.PORT ?? "3000";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  STRATA_SOURCE: "demo",
  STRATA_DATA_DIR: dataDir,
  AUTH_SECRET: process.env.AUTH_SECRET ?? readFileSync(secretFile, "utf8").trim(),
  AUTH_TRUST_HOST: "true",
};

const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`\nStrata demo: http://localhost:${port}  (sign in as one of the demo users)\n`);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
