// Test-only replacement for the `server-only` marker package (see vitest.config.mts).
export {};
