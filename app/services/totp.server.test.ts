import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { staffUsers } from "../../db/schema";
import { config } from "./config.server";
import { confirmEnrolment, encryptStoredTotpSecrets, pendingEnrolmentSecret, readSecret, startEnrolment } from "./totp.server";

const T0 = new Date("2026-11-23T09:00:00Z");

function addUser(db: Awaited<ReturnType<typeof createTestDb>>, email: string, totpSecret: string | null = null) {
  return db.insert(staffUsers).values({ email, name: "Test Person", role: "complaints-officer", passwordHash: "!invited", totpSecret }).returning().get();
}

describe("TOTP secrets at rest", () => {
  it("are stored encrypted from the start of enrolment, and still check codes", async () => {
    const db = await createTestDb();
    const user = addUser(db, "enc@example.org");
    startEnrolment(db, user.id);
    const secret = pendingEnrolmentSecret(db, user.id)!;
    const stored = db.select().from(staffUsers).where(eq(staffUsers.id, user.id)).get()!.totpSecret!;
    expect(stored.startsWith("v1:")).toBe(true);
    expect(stored).not.toContain(secret);
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    expect(confirmEnrolment(db, user.id, totp.generate({ timestamp: T0.getTime() }), T0)).toHaveLength(10);
  });

  it("left in plain text by an older version are encrypted at start-up, once", async () => {
    const db = await createTestDb();
    const plain = new Secret({ size: 20 }).base32;
    const user = addUser(db, "old@example.org", plain);
    addUser(db, "none@example.org");
    expect(encryptStoredTotpSecrets(db)).toBe(1);
    const stored = db.select().from(staffUsers).where(eq(staffUsers.id, user.id)).get()!.totpSecret!;
    expect(stored.startsWith("v1:")).toBe(true);
    expect(readSecret(stored, user.id, config().totpEncryptionKey)).toBe(plain);
    expect(encryptStoredTotpSecrets(db)).toBe(0);
    expect(db.select().from(staffUsers).where(eq(staffUsers.id, user.id)).get()!.totpSecret).toBe(stored);
  });
});
