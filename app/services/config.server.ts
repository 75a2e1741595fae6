import path from "node:path";
import { DEMO_KEY, parseKey } from "./secret-box.server";

/** 07:00 England time: digests are waiting when the working day starts. */
export const DEFAULT_REMINDER_HOUR = 7;

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
  /**
   * "Save and come back later" links one network address may ask for in a day: room for a
   * household, a school or an advocate's office, not for a script emailing strangers.
   */
  returnLinksPerDayPerClient: number;
  /**
   * "Check your complaint" codes one network address may ask for in an hour, and a ten-times
   * larger number of code tries (decision record 030); each reference has its own, fixed limits.
   */
  checkCodesPerHourPerClient: number;
  /** Where `npm run backup` writes (it holds children's personal data: keep it encrypted). */
  backupDir: string;
  /** How many backups `npm run backup` keeps; older ones are deleted. */
  backupKeep: number;
  /** Encrypts TOTP secrets and keys the recovery codes' hashes (TOTP_ENCRYPTION_KEY); a public demo key in demo mode. */
  totpEncryptionKey: Buffer;
  /** Behind a reverse proxy: client addresses, protocol and host come from its X-Forwarded-* headers. */
  trustProxy: boolean;
  /** England's hour (0-23) from which the daily reminder digests go out (REMINDER_HOUR). */
  reminderHour: number;
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

function hourOfDay(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!/^\d{1,2}$/.test(value) || parsed > 23) throw new Error(`${name} must be an hour from 0 to 23 (England's time), not "${value}"`);
  return parsed;
}

function totpEncryptionKey(env: Record<string, string | undefined>, demoMode: boolean): Buffer {
  const value = env.TOTP_ENCRYPTION_KEY;
  if (value) return parseKey(value, "TOTP_ENCRYPTION_KEY");
  if (demoMode) return DEMO_KEY;
  throw new Error("TOTP_ENCRYPTION_KEY is required outside demo mode: it encrypts two-step sign-in secrets. Make one with: openssl rand -base64 32");
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const production = env.NODE_ENV === "production";
  const demoMode = flag(env.DEMO_MODE, !production);
  return {
    production,
    demoMode,
    databaseFile: path.resolve(env.DATABASE_FILE || "data/speak-up.sqlite"),
    smtpUrl: env.SMTP_URL || null,
    mailDir: path.resolve(env.MAIL_DIR || "data/mail"),
    attachmentsDir: path.resolve(env.ATTACHMENTS_DIR || "data/attachments"),
    mailFrom: env.MAIL_FROM || "Speak Up <no-reply@speak-up.localhost>",
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ""),
    sendsPerHourPerAddress: positiveWholeNumber(env, "SENDS_PER_HOUR_PER_ADDRESS", 10),
    returnLinksPerDayPerClient: positiveWholeNumber(env, "RETURN_LINKS_PER_DAY_PER_CLIENT", 20),
    checkCodesPerHourPerClient: positiveWholeNumber(env, "CHECK_CODES_PER_HOUR_PER_CLIENT", 20),
    backupDir: path.resolve(env.BACKUP_DIR || "data/backups"),
    backupKeep: positiveWholeNumber(env, "BACKUP_KEEP", 7),
    totpEncryptionKey: totpEncryptionKey(env, demoMode),
    trustProxy: flag(env.TRUST_PROXY, false),
    reminderHour: hourOfDay(env, "REMINDER_HOUR", DEFAULT_REMINDER_HOUR),
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
