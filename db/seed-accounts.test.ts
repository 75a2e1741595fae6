import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../test/db";
import { authenticate, rolesOf, staffTeamIds } from "../app/services/auth.server";
import { DEMO_ACCOUNTS, DEMO_STAFF, seedDatabase } from "./seed";
import { staffRoles, staffUsers, teams } from "./schema";

describe("demo accounts", () => {
  it("seeds one account per role, all with the demo password, team managers in one team each", async () => {
    const db = await createTestDb({ demo: true });
    const seenRoles = new Set<string>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await authenticate(db, account.email, DEMO_STAFF.password);
      expect(user, account.email).not.toBeNull();
      const held = rolesOf(db, user!.id);
      expect(held).toEqual([...account.roles]);
      held.forEach((r) => seenRoles.add(r));
      const teamNames = staffTeamIds(db, user!.id).map((id) => db.select().from(teams).where(eq(teams.id, id)).get()?.name);
      expect(teamNames).toEqual([...account.teams]);
    }
    expect([...seenRoles].sort()).toEqual(["administrator", "complaints-manager", "complaints-officer", "investigator", "team-manager"]);
  });

  it("is idempotent and keeps an administrator's changes", async () => {
    const db = await createTestDb({ demo: true });
    const users = db.select().from(staffUsers).all().length;
    const manager = db.select().from(staffUsers).where(eq(staffUsers.email, "manager@northshire.example")).get()!;
    db.insert(staffRoles).values({ staffUserId: manager.id, role: "administrator" }).run();
    await seedDatabase(db, { demo: true });
    await seedDatabase(db, { demo: true });
    expect(db.select().from(staffUsers).all()).toHaveLength(users);
    expect(rolesOf(db, manager.id).sort()).toEqual(["administrator", "complaints-manager"]);
  });

  it("seeds no accounts outside demo mode", async () => {
    const db = await createTestDb({ demo: false });
    expect(db.select().from(staffUsers).all()).toHaveLength(0);
    expect(db.select().from(teams).all().map((t) => t.name)).toContain("Multi-agency safeguarding hub (MASH)");
  });
});
