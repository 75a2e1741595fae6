import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "emails/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    // Each test file runs in its own process with its own SQLite file.
    pool: "forks",
    // A fixed key for tests only (TOTP_ENCRYPTION_KEY is required outside demo mode).
    env: { DEMO_MODE: "false", NODE_ENV: "test", TOTP_ENCRYPTION_KEY: "dGVzdHMgb25seTogbm90IGEgcmVhbCBrZXkgISEhISE=" },
  },
});
