// Builds the database for e2e/staff/reminders.spec.ts (Playwright cannot load the app's JSON
// imports itself): a fresh demo database with one complaint received 30 days ago, so its Stage 1
// is overdue, held by the Children in care team manager. Prints the facts the spec checks as JSON.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { isWorkingDay, addCalendarDays, londonDate } from "../app/domain/calendar";
import { assignCase, teamMembers } from "../app/services/case-assignment.server";
import { createRepresentation } from "../app/services/create-representation.server";
import { migrateDatabase, openDatabase } from "../app/services/db.server";
import { staffUsers } from "../db/schema";
import { seedDatabase } from "../db/seed";

const [file, publicUrl, managerEmail] = process.argv.slice(2);
if (!file || !publicUrl || !managerEmail) throw new Error("usage: reminders-e2e-database.ts <database file> <public URL> <team manager's email>");
fs.rmSync(path.dirname(file), { recursive: true, force: true });
const db = openDatabase(file);
migrateDatabase(db);
await seedDatabase(db, { demo: true });
const today = londonDate(new Date());
const receivedOn = addCalendarDays(today, -30);
const c = createRepresentation(db, {
  kind: "complaint",
  methodReceived: "Email",
  receivedAt: new Date(`${receivedOn}T10:00:00Z`),
  receivedOn,
  personName: "Quinn Reminder",
  personRelationship: "parent",
  personEmail: null,
  childName: "Rowan Reminder",
  answers: {},
});
const officer = db.select().from(staffUsers).where(eq(staffUsers.email, "officer@northshire.example")).get();
const manager = teamMembers(db).find((m) => m.email === managerEmail);
if (!officer || !manager) throw new Error("the demo accounts are missing");
const assigned = assignCase(db, { id: officer.id, role: "complaints-officer" }, c.reference, { teamId: manager.teamId, respondingManagerId: manager.id }, { publicUrl });
if (!assigned.ok) throw new Error(`could not assign: ${assigned.error}`);
db.$client.close();
process.stdout.write(JSON.stringify({ reference: c.reference, today, workingDay: isWorkingDay(today) }));
