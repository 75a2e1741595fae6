import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { referenceValues, representations, settings, staffRoles, staffTeamMembers, staffUsers, teams } from "./schema";
import methods from "./seed-data/methods-received.json";
import nature from "./seed-data/nature.json";
import outcomes from "./seed-data/outcomes.json";
import receivedFrom from "./seed-data/received-from.json";
import refusalReasons from "./seed-data/refusal-reasons.json";
import representationTypes from "./seed-data/representation-types.json";
import type { Db } from "../app/services/db.server";
import { hashPassword } from "../app/services/auth.server";
import { assignMissingCodes } from "../app/services/reference-lists.server";
import { defaultSettings } from "../app/services/settings.server";
import { DEFAULT_TEAM_EASY_READ_NAMES, DEFAULT_TEAMS } from "./default-teams";
import { seedDemoCases } from "./demo-cases";

type Value = { label: string; code?: string; group?: string; note?: string };

/** The reference lists, from the councils' own reports (see db/seed-data/*.json). */
export function referenceLists(): Record<string, Value[]> {
  const plain = (items: string[]): Value[] => items.map((label) => ({ label }));
  return {
    "representation-type": representationTypes.types.map((t) => ({ label: t.type, note: t.note })),
    "method-received": plain(methods.methods),
    "received-from": receivedFrom.groups.flatMap((g) => g.items.map((i) => ({ label: i.label, code: i.code, group: g.group }))),
    "nature-social-care": plain(nature.socialCare),
    "nature-corporate": plain(nature.corporate),
    "outcome-sought": plain(outcomes.outcomeSought),
    "actual-outcome": plain(outcomes.actualOutcome),
    finding: outcomes.finding.map((f) => ({ label: f.label, code: f.code })),
    "ombudsman-decision": plain(outcomes.ombudsmanDecision),
    "refusal-reason-statutory": plain(refusalReasons.statutory),
    "refusal-reason-corporate": plain(refusalReasons.corporate),
    "refusal-reason-not-logged": refusalReasons.notLogged.map((r) => ({ label: r.reason, note: r.example })),
  };
}

// The default teams live apart, with no imports, so browser tests can read them too.
export { DEFAULT_TEAM_EASY_READ_NAMES, DEFAULT_TEAMS } from "./default-teams";

export const DEMO_STAFF = {
  email: "officer@northshire.example",
  password: "demo-password-please-change",
  name: "Sam Officer",
  role: "complaints-officer",
} as const;

/**
 * Demo mode's accounts, one for each role; all share DEMO_STAFF.password and need no TOTP.
 * Team managers belong to one team each, so their narrower view of the cases can be tried.
 */
export const DEMO_ACCOUNTS = [
  { email: DEMO_STAFF.email, name: DEMO_STAFF.name, roles: ["complaints-officer"], teams: [] },
  { email: "manager@northshire.example", name: "Morgan Manager", roles: ["complaints-manager"], teams: [] },
  { email: "team.manager@northshire.example", name: "Taylor Teamlead", roles: ["team-manager"], teams: ["Children in care"] },
  { email: "other.team.manager@northshire.example", name: "Casey Otherteam", roles: ["team-manager"], teams: ["Fostering"] },
  { email: "investigator@northshire.example", name: "Indira Investigator", roles: ["investigator"], teams: [] },
  { email: "admin@northshire.example", name: "Ash Administrator", roles: ["administrator"], teams: [] },
] as const;

/**
 * Idempotent: adds what is missing and never overwrites what a council has edited, so it runs
 * safely on every start.
 */
export async function seedDatabase(db: Db, options: { demo: boolean; now?: Date; publicUrl?: string }) {
  const now = options.now ?? new Date();
  db.transaction((tx) => {
    for (const [list, values] of Object.entries(referenceLists())) {
      values.forEach((v, index) => {
        tx.insert(referenceValues)
          .values({ list, label: v.label, code: v.code ?? null, groupLabel: v.group ?? null, note: v.note ?? null, sortOrder: index })
          // Already there, by its label or (renamed by the council) by its code: left as it is.
          .onConflictDoNothing()
          .run();
      });
    }
    // Seeded values no rule reads carry no code in db/seed-data: they get their generated one.
    assignMissingCodes(tx);
    DEFAULT_TEAMS.forEach((name, index) => {
      tx.insert(teams).values({ name, easyReadName: DEFAULT_TEAM_EASY_READ_NAMES[name], sortOrder: index }).onConflictDoNothing().run();
    });
    for (const [key, value] of Object.entries(defaultSettings)) {
      tx.insert(settings).values({ key, value }).onConflictDoNothing().run();
    }
  });

  if (!options.demo) return;
  const passwordHash = await hashPassword(DEMO_STAFF.password);
  db.transaction((tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const inserted = tx
        .insert(staffUsers)
        .values({ email: account.email, name: account.name, role: account.roles[0], passwordHash, passwordSetAt: now })
        .onConflictDoNothing()
        .returning({ id: staffUsers.id })
        .get();
      // Only a new account gets its roles and teams: an administrator may have changed them since.
      if (!inserted) continue;
      for (const role of account.roles) tx.insert(staffRoles).values({ staffUserId: inserted.id, role }).onConflictDoNothing().run();
      for (const name of account.teams) {
        const team = tx.select({ id: teams.id }).from(teams).where(eq(teams.name, name)).get();
        if (team) tx.insert(staffTeamMembers).values({ staffUserId: inserted.id, teamId: team.id }).onConflictDoNothing().run();
      }
    }
    const count = tx.select({ n: sql<number>`count(*)` }).from(representations).get()?.n ?? 0;
    // The demo's cases go into an empty database only, so nothing a council recorded is touched.
    if (count === 0) seedDemoCases(tx, { now, publicUrl: options.publicUrl ?? "http://localhost:3000" });
  });
}
