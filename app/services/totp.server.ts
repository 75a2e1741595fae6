import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { and, eq, isNull, isNotNull, not, like } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { staffRecoveryCodes, staffUsers } from "../../db/schema";
import { formatRecoveryCode, generateRecoveryCode, RECOVERY_CODE_COUNT } from "../domain/recovery-codes";
import { audit } from "./audit.server";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { decryptSecret, encryptSecret, isEncrypted } from "./secret-box.server";

// RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 seconds.
const PERIOD = 30;

function totpFor(secret: string, label: string, issuer: string) {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

const defaultKey = () => config().totpEncryptionKey;

// The row id is authenticated with the secret: a ciphertext copied to another account fails.
const context = (staffUserId: number) => `staff_users.totp_secret:${staffUserId}`;

/** The stored secret in plain base32, for checking a code. */
export function readSecret(stored: string, staffUserId: number, key = defaultKey()): string {
  return decryptSecret(stored, key, context(staffUserId));
}

/**
 * Encrypts any TOTP secret still stored in plain text (from before secrets were encrypted). Run at
 * start-up; does nothing the second time. Returns how many it encrypted.
 */
export function encryptStoredTotpSecrets(db: Db, key = defaultKey()): number {
  return db.transaction((tx) => {
    const plain = tx
      .select({ id: staffUsers.id, secret: staffUsers.totpSecret })
      .from(staffUsers)
      .where(and(isNotNull(staffUsers.totpSecret), not(like(staffUsers.totpSecret, "v1:%"))))
      .all();
    for (const row of plain) {
      if (row.secret === null || isEncrypted(row.secret)) continue;
      tx.update(staffUsers).set({ totpSecret: encryptSecret(row.secret, key, context(row.id)) }).where(eq(staffUsers.id, row.id)).run();
    }
    return plain.length;
  });
}

/** Whether this person must use a TOTP code: the administrator's choice, else on unless demo mode. */
export function totpRequired(user: { totpRequired: boolean | null }, demoMode = config().demoMode): boolean {
  return user.totpRequired ?? !demoMode;
}

/**
 * Starts enrolment: stores a new secret, waiting to be confirmed with a first code. Called from
 * a POST only (a page that shows the QR code must change nothing). Keeps a secret already
 * waiting, so a second press shows the same QR code; nothing changes for someone enrolled.
 */
export function startEnrolment(db: Db, staffUserId: number, key = defaultKey()): void {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
  if (!user) throw new Error("no such staff user");
  if (user.totpEnabledAt !== null || user.totpSecret) return;
  const secret = new Secret({ size: 20 }).base32;
  db.update(staffUsers)
    .set({ totpSecret: encryptSecret(secret, key, context(staffUserId)) })
    .where(and(eq(staffUsers.id, staffUserId), isNull(staffUsers.totpSecret)))
    .run();
}

/** The secret waiting to be confirmed, or null if enrolment has not started (or is done). Reads only. */
export function pendingEnrolmentSecret(db: Db, staffUserId: number, key = defaultKey()): string | null {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
  if (!user?.totpSecret || user.totpEnabledAt !== null) return null;
  return readSecret(user.totpSecret, staffUserId, key);
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

// Recovery codes are stored as an HMAC-SHA-256 under a key derived from TOTP_ENCRYPTION_KEY:
// a copy of the database alone does not let anyone test guesses offline. A slow hash (argon2)
// is not needed for 50 random bits behind a key, and would make ten checks per sign-in slow.
function recoveryCodeHash(code: string, key: Buffer): string {
  const hmacKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "speak-up recovery codes", 32));
  return createHmac("sha256", hmacKey).update(code).digest("base64url");
}

/**
 * A new set of recovery codes for someone with two-step sign-in on; the old set stops working.
 * Returns the codes to show once (formatted); only their hashes are kept. Call inside the
 * transaction that enrols, or on its own.
 */
export function issueRecoveryCodes(db: Db, staffUserId: number, now = new Date(), key = defaultKey()): string[] {
  return db.transaction((tx) => {
    tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, staffUserId)).run();
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => generateRecoveryCode(randomInt));
    for (const code of codes) tx.insert(staffRecoveryCodes).values({ staffUserId, codeHash: recoveryCodeHash(code, key), createdAt: now }).run();
    audit(tx, { staffUserId, action: "staff.recovery-codes-issued", entity: "staff_user", entityId: staffUserId, at: now, details: { count: codes.length } });
    return codes.map(formatRecoveryCode);
  });
}

/** How many unused recovery codes this person has. */
export function recoveryCodesLeft(db: Db, staffUserId: number): number {
  return db
    .select({ id: staffRecoveryCodes.id })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffUserId, staffUserId), isNull(staffRecoveryCodes.usedAt)))
    .all().length;
}

/** Uses up a recovery code (already normalised) if it is one of this person's unused ones. */
export function useRecoveryCode(db: Db, staffUserId: number, code: string, now = new Date(), key = defaultKey()): boolean {
  const used = db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(staffRecoveryCodes.staffUserId, staffUserId), eq(staffRecoveryCodes.codeHash, recoveryCodeHash(code, key)), isNull(staffRecoveryCodes.usedAt)))
    .run();
  return used.changes === 1;
}

/**
 * Confirms enrolment with a first code from the app, and issues the first recovery codes, with
 * the audit rows, in one transaction. Returns the recovery codes to show once, or null if the
 * code was wrong.
 */
export function confirmEnrolment(db: Db, staffUserId: number, code: string, now = new Date(), key = defaultKey()): string[] | null {
  return db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
    if (!user?.totpSecret || user.totpEnabledAt !== null) return null;
    const step = checkCode(readSecret(user.totpSecret, staffUserId, key), code, user.totpLastStep, now);
    if (step === null) return null;
    tx.update(staffUsers).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(staffUsers.id, staffUserId)).run();
    audit(tx, { staffUserId, action: "staff.totp-enrolled", entity: "staff_user", entityId: staffUserId, at: now });
    return issueRecoveryCodes(tx, staffUserId, now, key);
  });
}

/**
 * Takes TOTP off an account, recovery codes with it: the person themselves (when it is not
 * required) or an administrator (when the phone is lost). They enrol again at their next sign-in
 * if it is required.
 */
export function removeTotp(db: Db, staffUserId: number, byStaffUserId: number, now = new Date()) {
  db.transaction((tx) => {
    tx.update(staffUsers).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(staffUsers.id, staffUserId)).run();
    tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, staffUserId)).run();
    audit(tx, { staffUserId: byStaffUserId, action: "staff.totp-removed", entity: "staff_user", entityId: staffUserId, at: now });
  });
}
