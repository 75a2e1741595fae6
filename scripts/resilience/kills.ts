// kill -9 under load, several times: what a person was told was sent is still there, the
// database is intact, each unsure send is finished by sending again (landing on "already sent"
// if it had been saved), and the outbox carries on delivering what was written before the kills.
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDrafts, type PreparedDraft } from "./drafts";
import {
  agentOf,
  killServer,
  MailCatcher,
  readDb,
  referenceOn,
  request,
  serverEnv,
  sleep,
  startServer,
  stopServer,
  waitFor,
  workDir,
  type Figure,
  type RunningServer,
} from "./harness";

export interface KillsOptions {
  kills: number;
  connections: number;
  drafts: number;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

function integrity(file: string): string {
  // Opened read-write, as the restarted server would: it replays the write-ahead log first.
  const db = new Database(file);
  try {
    return (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

export async function runKills({ kills, connections, drafts: draftCount }: KillsOptions): Promise<Figure[]> {
  const dir = workDir("kills");
  const env = serverEnv(dir);
  const log = path.join(dir, "server.log");
  const catcher = new MailCatcher();
  await catcher.start();
  let server: RunningServer = await startServer(env, log);
  const agent = agentOf(connections);
  try {
    const first = readDb(env.DATABASE_FILE!);
    const baseline = (first.prepare("select coalesce(max(id), 0) as id from representations").get() as { id: number }).id;
    first.close();
    const drafts = await prepareDrafts(env.DATABASE_FILE!, draftCount);

    const confirmed = new Set<string>(); // drafts whose send the person saw confirmed
    const unsure: PreparedDraft[] = []; // the connection died: was it saved? Send again to find out.
    let fresh = 0;
    let stopping = false;
    let unexpected = 0;
    let retried = 0;

    const worker = async () => {
      for (;;) {
        const draft = unsure.shift() ?? (stopping ? undefined : drafts[fresh++]);
        if (!draft) {
          if (stopping && unsure.length === 0) return;
          if (!stopping && fresh >= drafts.length) return;
          await sleep(50);
          continue;
        }
        try {
          const reply = await request({ method: "POST", path: "/form/check-answers", headers: { ...FORM, Cookie: draft.cookie }, body: "declaration=yes", agent, timeoutMs: 20_000 });
          if (reply.status === 302 && (reply.location === "/form/sent" || reply.location === "/form/already-sent")) confirmed.add(draft.id);
          else unexpected += 1;
        } catch {
          retried += 1;
          unsure.push(draft);
          await sleep(100);
        }
      }
    };

    const load = Promise.all(Array.from({ length: connections }, worker));
    const integrityAfterKill: string[] = [];
    const pendingAtKill = new Set<number>();
    for (let k = 0; k < kills; k += 1) {
      // A random moment within this kill's share of the drafts, so there is always load to cut.
      const at = Math.floor(drafts.length * ((k + 0.2 + Math.random() * 0.6) / kills));
      await waitFor(() => fresh >= at, 600_000, 20);
      // The outbox rows not yet delivered at this moment must be delivered after the restarts.
      const look = readDb(env.DATABASE_FILE!);
      for (const row of look.prepare("select id from outbox where status = 'pending'").all() as Array<{ id: number }>) pendingAtKill.add(row.id);
      look.close();
      await killServer(server);
      integrityAfterKill.push(integrity(env.DATABASE_FILE!));
      server = await startServer(env, log);
    }
    stopping = true;
    await load;

    // What each person saw on the confirmation page, read back after all the restarts.
    const references = new Map<string, string | null>();
    for (const draft of drafts.filter((d) => confirmed.has(d.id))) {
      const page = await request({ method: "GET", path: "/form/sent", headers: { Cookie: draft.cookie }, agent });
      references.set(draft.id, page.status === 200 ? referenceOn(page.body) : null);
    }

    const db = readDb(env.DATABASE_FILE!);
    const stored = db.prepare("select reference from representations where id > ?").all(baseline) as Array<{ reference: string }>;
    const outboxIds = (db.prepare("select o.id from outbox o where o.representation_id > ?").all(baseline) as Array<{ id: number }>).map((r) => r.id);
    db.close();
    const times = new Map<string, number>();
    for (const row of stored) times.set(row.reference, (times.get(row.reference) ?? 0) + 1);
    const missing = [...references.values()].filter((r) => !r || (times.get(r) ?? 0) !== 1).length;

    // The outbox carries on: every email written, including those pending at a kill, arrives.
    const delivered = await waitFor(() => outboxIds.every((id) => catcher.countFor(id) > 0), 600_000);
    const notDelivered = outboxIds.filter((id) => catcher.countFor(id) === 0).length;
    const pendingDelivered = [...pendingAtKill].filter((id) => catcher.countFor(id) > 0).length;
    const twice = outboxIds.filter((id) => catcher.countFor(id) > 1).length;
    await stopServer(server);
    const finalIntegrity = integrity(env.DATABASE_FILE!);
    const integrityOk = integrityAfterKill.every((r) => r === "ok") && finalIntegrity === "ok";

    return [
      {
        part: "kill -9",
        figure: `${kills} kills under load at ${connections} connections: ${confirmed.size} sends confirmed, ${missing} confirmed references missing or not unique, ${stored.length} records for ${confirmed.size} drafts; ${retried} requests cut off and sent again; ${unexpected} unexpected replies`,
        ok: missing === 0 && stored.length === confirmed.size && unexpected === 0 && confirmed.size > 0,
      },
      {
        part: "kill -9",
        figure: `PRAGMA integrity_check after each kill and at the end: ${integrityOk ? "ok" : [...integrityAfterKill, finalIntegrity].join(" | ")}`,
        ok: integrityOk,
      },
      {
        part: "kill -9",
        figure: `outbox carries on: ${outboxIds.length - notDelivered} of ${outboxIds.length} emails delivered (${pendingDelivered} of ${pendingAtKill.size} pending at a kill); ${twice} delivered twice (sent just before a kill, before the row was marked sent)`,
        ok: delivered && notDelivered === 0 && pendingDelivered === pendingAtKill.size,
      },
    ];
  } finally {
    agent.destroy();
    await stopServer(server);
    await catcher.stop();
  }
}
