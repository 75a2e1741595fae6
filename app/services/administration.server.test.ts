import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { auditLog, referenceValues, staffUsers } from "../../db/schema";
import { readAudit } from "./audit-log.server";
import { addValue, listValues, renameValue, setValueRetired } from "./reference-lists.server";
import { defaultSettings, defaultTimescales, effectiveTimescales, getSettings, updateSettings, updateTimescales } from "./settings.server";
import { addTeam, listTeams, setTeamRetired, updateTeam } from "./teams.server";
import type { Db } from "./db.server";

const T0 = new Date("2026-11-23T09:00:00Z");

function actor(db: Db) {
  return db.insert(staffUsers).values({ email: "a@example.org", name: "Admin", role: "administrator", passwordHash: "x" }).returning().get().id;
}

/** An administrator without a case role reads the audit log. */
const READER = { id: 0, role: "administrator" };

function lastAudit(db: Db) {
  return readAudit(db, READER, {}, 1).rows[0];
}

describe("council details", () => {
  it("saves only what changed, with before and after in the same transaction", async () => {
    const db = await createTestDb();
    const id = actor(db);
    updateSettings(db, { actorId: id, values: { ...defaultSettings, councilName: "Southshire Council" }, now: T0 });
    expect(getSettings(db).councilName).toBe("Southshire Council");
    expect(lastAudit(db)).toMatchObject({ action: "settings.updated", staffName: "Admin", details: { before: { councilName: "Northshire Council" }, after: { councilName: "Southshire Council" } } });
    updateSettings(db, { actorId: id, values: getSettings(db), now: T0 });
    expect(db.select().from(auditLog).all()).toHaveLength(1);
  });
});

describe("timescales", () => {
  it("defaults to the Complaint Handling Code and keeps the statutory limits fixed", async () => {
    const db = await createTestDb();
    const t = effectiveTimescales(db);
    expect(t.statutory.stage1).toEqual({ standard: 10, maximum: 20 });
    expect(t.corporate.stage1).toEqual({ acknowledgeWithin: 5, respondWithin: 10, maximumExtension: 10 });
    updateTimescales(db, { actorId: actor(db), values: { ...defaultTimescales, corporateStage1RespondWithin: 15, earlyResolution: 2 }, now: T0 });
    expect(effectiveTimescales(db).corporate.stage1.respondWithin).toBe(15);
    expect(effectiveTimescales(db).earlyResolution).toBe(2);
    expect(lastAudit(db)).toMatchObject({ action: "timescales.updated", details: { before: { corporateStage1RespondWithin: 10 }, after: { corporateStage1RespondWithin: 15 } } });
  });
});

describe("teams", () => {
  it("adds, renames, refuses a duplicate name, retires and restores, never deletes", async () => {
    const db = await createTestDb();
    const id = actor(db);
    const count = listTeams(db).length;
    const added = addTeam(db, { actorId: id, name: "Leaving care plus", now: T0 });
    if (added.outcome !== "added") throw new Error(added.outcome);
    expect(addTeam(db, { actorId: id, name: "leaving CARE plus" }).outcome).toBe("taken");
    expect(updateTeam(db, { actorId: id, id: added.id, name: "Fostering" })).toBe("taken");
    expect(updateTeam(db, { actorId: id, id: added.id, name: "Leaving care", email: "lc@example.org" })).toBe("updated");
    expect(setTeamRetired(db, { actorId: id, id: added.id, retired: true })).toBe(true);
    const teams = listTeams(db);
    expect(teams).toHaveLength(count + 1);
    expect(teams.at(-1)).toMatchObject({ name: "Leaving care", email: "lc@example.org" });
    expect(teams.at(-1)?.retiredAt).not.toBeNull();
    expect(readAudit(db, READER, { entity: "team", entityId: String(added.id) }).rows.map((r) => r.action)).toEqual(["team.retired", "team.updated", "team.added"]);
  });
});

describe("a team's name in easy read", () => {
  it("is set, kept when a change leaves it out, cleared with null, and audited before and after", async () => {
    const db = await createTestDb();
    const id = actor(db);
    const fostering = listTeams(db).find((team) => team.name === "Fostering")!;
    expect(fostering.easyReadName).toBe("Foster care");
    expect(updateTeam(db, { actorId: id, id: fostering.id, name: "Fostering", easyReadName: "Foster homes" })).toBe("updated");
    expect(updateTeam(db, { actorId: id, id: fostering.id, name: "Fostering service" })).toBe("updated");
    expect(listTeams(db).find((team) => team.id === fostering.id)).toMatchObject({ name: "Fostering service", easyReadName: "Foster homes" });
    expect(updateTeam(db, { actorId: id, id: fostering.id, name: "Fostering service", easyReadName: null })).toBe("updated");
    expect(listTeams(db).find((team) => team.id === fostering.id)?.easyReadName).toBeNull();
    const entries = readAudit(db, READER, { entity: "team", entityId: String(fostering.id) }).rows;
    expect(entries.at(-1)).toMatchObject({ details: { before: { easyReadName: "Foster care" }, after: { easyReadName: "Foster homes" } } });
  });
});

describe("reference lists", () => {
  it("adds, renames and retires values; a retired value stays in the list", async () => {
    const db = await createTestDb();
    const id = actor(db);
    expect(addValue(db, { actorId: id, list: "finding", label: "Partly upheld after review" })).toBe("added");
    expect(addValue(db, { actorId: id, list: "finding", label: "partly upheld after review" })).toBe("taken");
    const value = db.select().from(referenceValues).where(eq(referenceValues.label, "Partly upheld after review")).get()!;
    expect(renameValue(db, { actorId: id, list: "finding", id: value.id, label: "Partly upheld on review" })).toBe("updated");
    expect(renameValue(db, { actorId: id, list: "nature-corporate", id: value.id, label: "x" })).toBe("not-found");
    expect(setValueRetired(db, { actorId: id, list: "finding", id: value.id, retired: true })).toBe(true);
    const values = listValues(db, "finding");
    expect(values.at(-1)).toMatchObject({ id: value.id, label: "Partly upheld on review" });
    expect(values.at(-1)?.retiredAt).not.toBeNull();
    expect(lastAudit(db)).toMatchObject({ action: "reference-value.retired", entity: "reference_value", entityId: String(value.id) });
  });
});

describe("audit log", () => {
  it("pages newest first and filters by staff", async () => {
    const db = await createTestDb();
    const id = actor(db);
    for (let i = 0; i < 5; i += 1) addTeam(db, { actorId: id, name: `Team ${i}` });
    const first = readAudit(db, READER, { staffUserId: id }, 2);
    expect(first.rows.map((r) => r.details)).toEqual([{ after: { name: "Team 4", email: null } }, { after: { name: "Team 3", email: null } }]);
    const second = readAudit(db, READER, { staffUserId: id, before: first.nextBefore! }, 2);
    expect(second.rows.map((r) => (r.details?.after as { name: string }).name)).toEqual(["Team 2", "Team 1"]);
    expect(readAudit(db, READER, { staffUserId: id + 1 }).rows).toEqual([]);
  });
});
