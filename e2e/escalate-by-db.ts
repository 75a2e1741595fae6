import path from "node:path";
import Database from "better-sqlite3";
import { addWorkingDays, type IsoDate } from "../app/domain/calendar";

/**
 * PRECONDITION-BY-DB: moves a case on to its next stage by writing to the e2e server's SQLite
 * file (WAL mode, so the running server sees it at once), as the escalation page will. Only a
 * stand-in while that page is being built: replace its calls with the escalate page when merging,
 * and delete this file. (App services cannot be imported here: Playwright's loader refuses their
 * JSON imports, so the stored clock is written with the statutory numbers; the next move on the
 * stage recomputes it through storedClock anyway.)
 */
export function escalateByDb(reference: string, kind: "statutory-stage2" | "statutory-stage3", requestedOn: IsoDate) {
  const port = Number(process.env.E2E_PORT || 3210);
  const sqlite = new Database(path.join("e2e/.artifacts", String(port), "e2e.sqlite"));
  sqlite.pragma("busy_timeout = 5000");
  // Stage 2: the response in 25 working days (65 at most), the statement flagged after 10; Stage 3: the panel within 30.
  const clock =
    kind === "statutory-stage2"
      ? { due: addWorkingDays(requestedOn, 25), latest: addWorkingDays(requestedOn, 65), next: addWorkingDays(requestedOn, 10) }
      : { due: null, latest: null, next: addWorkingDays(requestedOn, 30) };
  try {
    sqlite.transaction(() => {
      const row = sqlite.prepare("SELECT id FROM representations WHERE reference = ?").get(reference) as { id: number } | undefined;
      if (!row) throw new Error(`No case ${reference}`);
      const stage = sqlite.prepare("SELECT id, sequence FROM stages WHERE representation_id = ? ORDER BY sequence DESC LIMIT 1").get(row.id) as { id: number; sequence: number } | undefined;
      if (!stage) throw new Error(`No stage on ${reference}`);
      sqlite.prepare("UPDATE stages SET state = 'escalated', next_due_on = NULL WHERE id = ?").run(stage.id);
      sqlite
        .prepare(
          "INSERT INTO stages (representation_id, sequence, kind, state, started_on, requested_on, due_on, latest_on, next_due_on) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)",
        )
        .run(row.id, stage.sequence + 1, kind, requestedOn, requestedOn, clock.due, clock.latest, clock.next);
    })();
  } finally {
    sqlite.close();
  }
}
