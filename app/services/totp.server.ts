import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { staffUsers } from "../../db/schema";
import { audit } from "./audit.server";
import { config } from "./config.server";
import type { Db } from "./db.server";

// RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 seconds.
const PERIOD = 30;

function totpFor(secret: string, label: string, issuer: string) {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** Whether this person must use a TOTP code: the administrator's choice, else on unless demo mode. */
export function totpRequired(user: { totpRequired: boolean | null }, demoMode = config().demoMode): boolean {
  return user.totpRequired ?? !demoMode;
}

/**
 * The secret to enrol with: the one already waiting to be confirmed (so a reload shows the same
 * QR code), or a new one. Nothing changes for someone already enrolled.
 */
export function enrolmentSecret(db: Db, staffUserId: number): string {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
  if (!user) throw new Error("no such staff user");
  if (user.totpSecret && user.totpEnabledAt === null) return user.totpSecret;
  if (user.totpEnabledAt !== null) throw new Error("already enrolled");
  const secret = new Secret({ size: 20 }).base32;
  db.update(staffUsers).set({ totpSecret: secret }).where(eq(staffUsers.id, staffUserId)).run();
  return secret;
}

export interface EnrolmentDetails {
  secret: string;
  /** The secret in groups of four, easier to type into an app by hand. */
  secretForDisplay: string;
  uri: string;
  qrCodeDataUrl: string;
}

export async function enrolmentDetails(secret: string, email: string, issuer: string): Promise<EnrolmentDetails> {
  const uri = totpFor(secret, email, issuer).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret,
    secretForDisplay: secret.replace(/(.{4})/g, "$1 ").trim(),
    uri,
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** Six digits, spaces allowed (apps show "123 456"). */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

/**
 * Checks a code against the secret, allowing one step either side for clock drift, and refuses a
 * step already used (so an overheard code cannot be replayed). Returns the step accepted.
 */
export function checkCode(secret: string, code: string, lastStep: number | null, now = new Date()): number | null {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, "check", "Speak Up").validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** Confirms enrolment with a first code from the app. Writes the audit row in the same transaction. */
export function confirmEnrolment(db: Db, staffUserId: number, code: string, now = new Date()): boolean {
  return db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
    if (!user?.totpSecret || user.totpEnabledAt !== null) return false;
    const step = checkCode(user.totpSecret, code, user.totpLastStep, now);
    if (step === null) return false;
    tx.update(staffUsers).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(staffUsers.id, staffUserId)).run();
    audit(tx, { staffUserId, action: "staff.totp-enrolled", entity: "staff_user", entityId: staffUserId, at: now });
    return true;
  });
}

/**
 * Takes TOTP off an account: the person themselves (when it is not required) or an administrator
 * (when the phone is lost). They enrol again at their next sign-in if it is required.
 */
export function removeTotp(db: Db, staffUserId: number, byStaffUserId: number, now = new Date()) {
  db.transaction((tx) => {
    tx.update(staffUsers).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(staffUsers.id, staffUserId)).run();
    audit(tx, { staffUserId: byStaffUserId, action: "staff.totp-removed", entity: "staff_user", entityId: staffUserId, at: now });
  });
}
