import path from "node:path";

/** Everything the app reads from the environment, in one place (documented in the README). */
export interface Config {
  production: boolean;
  demoMode: boolean;
  databaseFile: string;
  smtpUrl: string | null;
  mailDir: string;
  /** Where attached files are kept: outside the web root, never served directly. */
  attachmentsDir: string;
  mailFrom: string;
  publicUrl: string;
  /** Forms one network address may send in an hour: a brake on scripted abuse, not on people. */
  sendsPerHourPerAddress: number;
  /** Behind a reverse proxy: client addresses, protocol and host come from its X-Forwarded-* headers. */
  trustProxy: boolean;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return ["1", "true", "yes", "on"].includes(value.toLowerCase());
}

function positiveWholeNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a whole number above 0, not "${value}"`);
  return parsed;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const production = env.NODE_ENV === "production";
  return {
    production,
    demoMode: flag(env.DEMO_MODE, !production),
    databaseFile: path.resolve(env.DATABASE_FILE || "data/speak-up.sqlite"),
    smtpUrl: env.SMTP_URL || null,
    mailDir: path.resolve(env.MAIL_DIR || "data/mail"),
    attachmentsDir: path.resolve(env.ATTACHMENTS_DIR || "data/attachments"),
    mailFrom: env.MAIL_FROM || "Speak Up <no-reply@speak-up.localhost>",
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ""),
    sendsPerHourPerAddress: positiveWholeNumber(env, "SENDS_PER_HOUR_PER_ADDRESS", 10),
    trustProxy: flag(env.TRUST_PROXY, false),
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
