// `npm run bench:web`: first-load JavaScript of every route, gzipped, from a production build.
// Next 16 no longer prints "First Load JS"; it writes .next/diagnostics/route-bundle-stats.json.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const TARGET_KB = 200;
const distDir = process.env.STRATA_DIST_DIR ?? ".next";
const statsFile = join(distDir, "diagnostics", "route-bundle-stats.json");

if (!process.argv.includes("--no-build")) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(statsFile)) {
  console.error(`No ${statsFile}: run a production build first (npx next build).`);
  process.exit(1);
}

const stats = JSON.parse(readFileSync(statsFile, "utf8"));
const entries = Array.isArray(stats) ? stats : Object.entries(stats).map(([route, v]) => ({ route, ...v }));
const cache = new Map();
function gzipSize(path) {
  if (!cache.has(path)) {
    const file = [join(distDir, path.replace(/^\/?_next\//, "")), join(distDir, path), path].find((p) => existsSync(p));
    cache.set(path, file ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
  }
  return cache.get(path);
}

const rows = entries
  .filter((e) => e.route && Array.isArray(e.firstLoadChunkPaths))
  .map((e) => ({
    route: e.route,
    raw: e.firstLoadUncompressedJsBytes ?? 0,
    gzip: e.firstLoadChunkPaths.reduce((sum, p) => sum + gzipSize(p), 0),
  }))
  .sort((a, b) => a.route.localeCompare(b.route));

const kb = (n) => (n / 1024).toFixed(1);
console.log(`\nFirst-load JS per route (target ≤ ${TARGET_KB} kB gzipped)\n`);
console.log("route".padEnd(40), "raw kB".padStart(9), "gzip kB".padStart(9), "  ok");
for (const r of rows)
  console.log(r.route.padEnd(40), kb(r.raw).padStart(9), kb(r.gzip).padStart(9), r.gzip <= TARGET_KB * 1024 ? "  yes" : "  NO");
const over = rows.filter((r) => r.gzip > TARGET_KB * 1024);
console.log(
  `\n${rows.length} routes, ${over.length} over target; largest ${kb(Math.max(0, ...rows.map((r) => r.gzip)))} kB gzip`,
);
