import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { NOT_KEPT } from "../domain/audit";
import { auditLog, outbox, staffRoles, staffSessions, staffTokens, staffUsers, teams } from "../../db/schema";
import { accountSummary, findToken, inviteStaff, requestPasswordReset, resendInvitation, setDisabled, setPasswordWithToken, updateStaff } from "./accounts.server";
import { authenticate, createSession, hashPassword } from "./auth.server";
import type { Db } from "./db.server";

const T0 = new Date("2026-11-23T09:00:00Z");
const URL_BASE = "https://speak-up.example";

async function adminOf(db: Db) {
  const admin = db
    .insert(staffUsers)
    .values({ email: "root@example.org", name: "Admin", role: "administrator", passwordHash: await hashPassword("x"), passwordSetAt: T0 })
    .returning()
    .get();
  db.insert(staffRoles).values({ staffUserId: admin.id, role: "administrator" }).run();
  return admin;
}

function tokenFrom(db: Db, to: string) {
  const mail = db.select().from(outbox).where(eq(outbox.toAddress, to)).all().at(-1);
  const match = mail?.textBody.match(/\/staff\/(?:invitation|password-reset)\/([A-Za-z0-9_-]+)/);
  return { mail, token: match?.[1] ?? "" };
}

describe("invitations", () => {
  it("creates the account with roles and teams, emails a one-time link, audits it, all at once", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    const team = db.select().from(teams).get()!;
    const result = inviteStaff(db, { actorId: admin.id, email: " New.Person@Example.org ", name: "New Person", roles: ["team-manager"], teamIds: [team.id, 99999], totpRequired: null, publicUrl: URL_BASE, now: T0 });
    if (result.outcome !== "invited") throw new Error(result.outcome);
    expect(accountSummary(db, result.id)).toMatchObject({ email: "new.person@example.org", roles: ["team-manager"], teams: [{ id: team.id }], status: "invited" });
    const { mail, token } = tokenFrom(db, "new.person@example.org");
    expect(mail?.subject).toBe("Your Northshire Council complaints back office account");
    expect(mail?.textBody).toContain(`${URL_BASE}/staff/invitation/`);
    // Only a hash is stored.
    expect(db.select().from(staffTokens).all().map((t) => t.tokenHash)).not.toContain(token);
    const row = db.select().from(auditLog).where(eq(auditLog.action, "staff.invited")).get();
    expect(row).toMatchObject({ staffUserId: admin.id, entity: "staff_user", entityId: String(result.id) });
    expect(row?.details).toMatchObject({ after: { roles: ["team-manager"], teamIds: [team.id] } });

    // Nobody can sign in before the password is set.
    expect(await authenticate(db, "new.person@example.org", "!invited")).toBeNull();
    // A common password is refused with the reason, and the link still works for a better one.
    expect(await setPasswordWithToken(db, { token, purpose: "invitation", password: "password1234", now: T0 })).toEqual({ outcome: "weak", reason: "staff:errors.newPassword.weak.common" });
    expect(await setPasswordWithToken(db, { token, purpose: "invitation", password: "newperson2026", now: T0 })).toEqual({ outcome: "weak", reason: "staff:errors.newPassword.weak.personal" });
    expect(await authenticate(db, "new.person@example.org", "password1234")).toBeNull();
    expect(await setPasswordWithToken(db, { token, purpose: "invitation", password: "correct horse battery", now: T0 })).toEqual({ outcome: "set" });
    expect((await authenticate(db, "new.person@example.org", "correct horse battery"))?.id).toBe(result.id);
    // Single use.
    expect(findToken(db, token, "invitation", T0)).toBeNull();
    expect(await setPasswordWithToken(db, { token, purpose: "invitation", password: "another password!", now: T0 })).toEqual({ outcome: "unusable" });
    expect(inviteStaff(db, { actorId: admin.id, email: "new.person@example.org", name: "Again", roles: ["investigator"], teamIds: [], totpRequired: null, publicUrl: URL_BASE, now: T0 }).outcome).toBe("exists");
  });

  it("expires after 7 days, and a resent invitation replaces the old link", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    const result = inviteStaff(db, { actorId: admin.id, email: "late@example.org", name: "Late", roles: ["investigator"], teamIds: [], totpRequired: true, publicUrl: URL_BASE, now: T0 });
    if (result.outcome !== "invited") throw new Error(result.outcome);
    const first = tokenFrom(db, "late@example.org").token;
    expect(findToken(db, first, "invitation", new Date(T0.getTime() + 7 * 24 * 3600 * 1000))).toBeNull();
    expect(findToken(db, first, "password-reset", T0)).toBeNull();
    expect(resendInvitation(db, { actorId: admin.id, id: result.id, publicUrl: URL_BASE, now: T0 })).toBe(true);
    const second = tokenFrom(db, "late@example.org").token;
    expect(second).not.toBe(first);
    expect(findToken(db, first, "invitation", T0)).toBeNull();
    expect(findToken(db, second, "invitation", T0)).not.toBeNull();
  });
});

describe("password reset", () => {
  it("emails a link only to an enabled account with a password, ends its sessions when used", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    const session = createSession(db, admin.id, T0);
    requestPasswordReset(db, { email: "nobody@example.org", publicUrl: URL_BASE, now: T0 });
    expect(db.select().from(outbox).all()).toHaveLength(0);
    requestPasswordReset(db, { email: "ROOT@example.org", publicUrl: URL_BASE, now: T0 });
    const { mail, token } = tokenFrom(db, "root@example.org");
    expect(mail?.subject).toBe("Reset your Northshire Council back office password");
    // An hour, once.
    expect(findToken(db, token, "password-reset", new Date(T0.getTime() + 60 * 60 * 1000))).toBeNull();
    expect(await setPasswordWithToken(db, { token, purpose: "password-reset", password: "Password123!", now: T0 })).toMatchObject({ outcome: "weak" });
    expect(await setPasswordWithToken(db, { token, purpose: "password-reset", password: "a brand new password", now: T0 })).toEqual({ outcome: "set" });
    expect(await setPasswordWithToken(db, { token, purpose: "password-reset", password: "a brand new password", now: T0 })).toEqual({ outcome: "unusable" });
    expect(db.select().from(staffSessions).where(eq(staffSessions.id, session)).get()).toBeUndefined();
    expect(db.select().from(auditLog).all().map((r) => r.action)).toEqual(expect.arrayContaining(["staff.password-reset-requested", "staff.password-reset"]));
  });

  it("sends nothing to a disabled account", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    db.insert(staffUsers).values({ email: "gone@example.org", name: "Gone", role: "investigator", passwordHash: "x", passwordSetAt: T0, disabledAt: T0 }).run();
    requestPasswordReset(db, { email: "gone@example.org", publicUrl: URL_BASE, now: T0 });
    expect(db.select().from(outbox).all()).toHaveLength(0);
    expect(admin.id).toBeGreaterThan(0);
  });
});

describe("administration", () => {
  it("changes roles and teams with before and after in the audit trail", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    const result = inviteStaff(db, { actorId: admin.id, email: "mover@example.org", name: "Mover", roles: ["complaints-officer"], teamIds: [], totpRequired: null, publicUrl: URL_BASE, now: T0 });
    if (result.outcome !== "invited") throw new Error(result.outcome);
    expect(updateStaff(db, { actorId: admin.id, id: result.id, name: "Mover", roles: ["administrator", "complaints-manager"], teamIds: [], totpRequired: true, now: T0 }).outcome).toBe("updated");
    expect(accountSummary(db, result.id)).toMatchObject({ roles: ["administrator", "complaints-manager"], totpRequired: true });
    const row = db.select().from(auditLog).where(eq(auditLog.action, "staff.updated")).get();
    // A name stays on the account, not in the audit (docs/decisions/010-audit-without-case-content.md).
    expect(row?.details).toEqual({
      before: { name: NOT_KEPT, roles: ["complaints-officer"], teamIds: [], totpRequired: null },
      after: { name: NOT_KEPT, roles: ["administrator", "complaints-manager"], teamIds: [], totpRequired: true },
      changed: ["roles", "totpRequired"],
    });
  });

  it("never leaves the council without an administrator, and an administrator cannot disable themselves", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    expect(updateStaff(db, { actorId: admin.id, id: admin.id, name: "Admin", roles: ["complaints-officer"], teamIds: [], totpRequired: null }).outcome).toBe("last-administrator");
    expect(setDisabled(db, { actorId: admin.id, id: admin.id, disabled: true }).outcome).toBe("self");
  });

  it("disabling ends the person's sessions at once", async () => {
    const db = await createTestDb();
    const admin = await adminOf(db);
    const result = inviteStaff(db, { actorId: admin.id, email: "leaver@example.org", name: "Leaver", roles: ["investigator"], teamIds: [], totpRequired: null, publicUrl: URL_BASE, now: T0 });
    if (result.outcome !== "invited") throw new Error(result.outcome);
    createSession(db, result.id, T0);
    expect(setDisabled(db, { actorId: admin.id, id: result.id, disabled: true, now: T0 }).outcome).toBe("done");
    expect(db.select().from(staffSessions).where(eq(staffSessions.staffUserId, result.id)).all()).toEqual([]);
    expect(accountSummary(db, result.id)?.status).toBe("disabled");
  });
});
