import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { applyRetention, planRetention } from "../app/services/retention.server";

// `npm run retention -- --dry-run` lists what today's run would take, changing nothing;
// without the flag it runs now (the server also runs it daily: see app/services/scheduler.server.ts).
const db = getDb();
migrateDatabase(db);
if (process.argv.includes("--dry-run")) {
  const plan = planRetention(db);
  for (const c of plan.cases) console.log(`${c.reference}\t${c.kind}\tclosed ${c.closedOn}\t${c.action === "delete" ? "deleted" : "anonymised"}`);
  console.log(`${plan.cases.length} cases, ${plan.equalityAnswers.length} equality answers, ${plan.emailBodies.length} email bodies would go (dry run: nothing changed)`);
} else {
  const counts = await applyRetention(db, config().attachmentsDir);
  console.log(JSON.stringify(counts));
}
