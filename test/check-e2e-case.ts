// Sets up e2e/public/check-your-complaint.spec.ts's complaint on the running e2e server's database
// (Playwright cannot load the app's JSON imports itself): the complaint the spec sent over HTTP
// is accepted into statutory Stage 1 and (unless "open") answered by the demo complaints officer, through the
// services staff use; "stage2" then takes it on to Stage 2 as asked for today (e2e/public/statement.no-js.spec.ts).
// Prints nothing; fails loudly.
import { eq } from "drizzle-orm";
import { acceptRepresentation, saveTriage } from "../app/services/case-triage.server";
import { openDatabase } from "../app/services/db.server";
import { respondToStage } from "../app/services/stage-actions.server";
import { escalateStage } from "../app/services/stage-moves.server";
import { londonDate } from "../app/domain/calendar";
import { staffUsers } from "../db/schema";

const [file, reference, answered = "answered"] = process.argv.slice(2);
if (!file || !reference) throw new Error("usage: check-e2e-case.ts <database file> <reference> [answered|open|stage2]");
const db = openDatabase(file);
const user = db.select().from(staffUsers).where(eq(staffUsers.email, "officer@northshire.example")).get();
if (!user) throw new Error("the demo complaints officer is missing");
const officer = { id: user.id, role: "complaints-officer" };
const eligibility = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };
const triaged = saveTriage(db, officer, reference, { representationType: "Complaint", process: "statutory", eligibility });
if (!triaged.ok) throw new Error("could not triage");
const accepted = acceptRepresentation(db, officer, reference, { decision: "statutory-stage1", personAgreed: true });
if (!accepted.ok) throw new Error(`could not accept: ${JSON.stringify(accepted)}`);
const responded = answered === "open" ? { ok: true } : respondToStage(db, officer, reference, {
  finding: "partially-upheld",
  subject: `Our response to your complaint ${reference}`,
  body: "We looked at what happened with the review meetings.\n\nWe agree two meetings were cancelled without enough notice, and we are sorry.",
});
if (!responded.ok) throw new Error(`could not respond: ${JSON.stringify(responded)}`);
if (answered === "stage2") {
  const escalated = escalateStage(db, officer, reference, { requestedOn: londonDate(new Date()) });
  if (!escalated.ok) throw new Error(`could not escalate: ${JSON.stringify(escalated)}`);
}
db.$client.close();
