// Builds the app into its own folder and runs the Playwright suite against `next start`.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const browsers = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(
  Boolean,
);
if (!browsers.some((p) => existsSync(p))) {
  console.error("No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dataDir = env.E2E_DATA_DIR ?? ".e2e-data";
rmSync(dataDir, { recursive: true, force: true });
env.E2E_DATA_DIR = dataDir;
if (!env.E2E_SKIP_BUILD) run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
