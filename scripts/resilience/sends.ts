// Many sends at once: every acknowledged reference is in the database exactly once, nothing is
// stored that was not acknowledged, and a draft sent twice (even at the same moment) makes one record.
import path from "node:path";
import { emailsFor, prepareDrafts, type PreparedDraft } from "./drafts";
import { agentOf, MailCatcher, pool, readDb, referenceOn, request, serverEnv, startServer, stopServer, workDir, type Figure } from "./harness";

export interface SendsOptions {
  sends: number;
  connections: number;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

export async function runSends({ sends, connections }: SendsOptions): Promise<Figure[]> {
  const dir = workDir("sends");
  const env = serverEnv(dir);
  const catcher = new MailCatcher();
  await catcher.start();
  const server = await startServer(env, path.join(dir, "server.log"));
  const agent = agentOf(connections);
  try {
    const before = readDb(env.DATABASE_FILE!);
    const baseline = (before.prepare("select coalesce(max(id), 0) as id from representations").get() as { id: number }).id;
    const outboxBaseline = (before.prepare("select coalesce(max(id), 0) as id from outbox").get() as { id: number }).id;
    before.close();
    const drafts = await prepareDrafts(env.DATABASE_FILE!, sends);

    const acknowledged = new Map<string, string>(); // draft id -> reference the person was shown
    const errors: string[] = [];
    let replays = 0;
    let replaysAlreadySent = 0;
    let requests = 0;

    const waits: number[] = [];
    const post = async (draft: PreparedDraft) => {
      requests += 1;
      const sentAt = Date.now();
      // A browser waits minutes for an answer; so does this client.
      const reply = await request({ method: "POST", path: "/form/check-answers", headers: { ...FORM, Cookie: draft.cookie }, body: "declaration=yes", agent, timeoutMs: 300_000 });
      waits.push(Date.now() - sentAt);
      return reply;
    };
    const confirmation = async (draft: PreparedDraft, page: string) => {
      requests += 1;
      const reply = await request({ method: "GET", path: page, headers: { Cookie: draft.cookie }, agent });
      return reply.status === 200 ? referenceOn(reply.body) : null;
    };

    const started = Date.now();
    await pool(drafts, connections, async (draft, i) => {
      try {
        // Every tenth draft is sent twice at the same moment, as a double press would.
        const double = i % 10 === 0;
        const replies = await Promise.all(double ? [post(draft), post(draft)] : [post(draft)]);
        const sent = replies.filter((r) => r.status === 302 && r.location === "/form/sent");
        const already = replies.filter((r) => r.status === 302 && r.location === "/form/already-sent");
        if (sent.length !== 1 || sent.length + already.length !== replies.length) {
          errors.push(`draft ${i}: ${replies.map((r) => `${r.status} ${r.location ?? ""}`).join(", ")}`);
          return;
        }
        const reference = await confirmation(draft, "/form/sent");
        if (!reference) {
          errors.push(`draft ${i}: no reference on the confirmation page`);
          return;
        }
        acknowledged.set(draft.id, reference);
        if (double) {
          replays += 1;
          const shown = await confirmation(draft, "/form/already-sent");
          if (already.length === 1 && shown === reference) replaysAlreadySent += 1;
          else errors.push(`draft ${i}: the second send did not land on "already sent" with the same reference`);
        }
      } catch (error) {
        errors.push(`draft ${i}: ${(error as Error).message}`);
      }
    });
    const seconds = (Date.now() - started) / 1000;
    waits.sort((a, b) => a - b);
    const percentile = (p: number) => ((waits[Math.min(waits.length - 1, Math.floor(waits.length * p))] ?? 0) / 1000).toFixed(1);

    const db = readDb(env.DATABASE_FILE!);
    const stored = db.prepare("select id, reference from representations where id > ?").all(baseline) as Array<{ id: number; reference: string }>;
    const linked = db
      .prepare("select d.id as draft, r.reference from drafts d join representations r on r.id = d.representation_id where r.id > ?")
      .all(baseline) as Array<{ draft: string; reference: string }>;
    const outboxRows = (db.prepare("select count(*) as n from outbox where id > ?").get(outboxBaseline) as { n: number }).n;
    db.close();

    const timesStored = new Map<string, number>();
    for (const row of stored) timesStored.set(row.reference, (timesStored.get(row.reference) ?? 0) + 1);
    const shownByDraft = new Map(linked.map((l) => [l.draft, l.reference]));
    let lost = 0;
    let duplicated = 0;
    let wrongDraft = 0;
    for (const [draftId, reference] of acknowledged) {
      const times = timesStored.get(reference) ?? 0;
      if (times === 0) lost += 1;
      if (times > 1) duplicated += 1;
      if (shownByDraft.get(draftId) !== reference) wrongDraft += 1;
    }
    const shown = new Set(acknowledged.values());
    const unacknowledged = stored.filter((row) => !shown.has(row.reference)).length;
    const expectedEmails = drafts.reduce((sum, _d, i) => sum + (acknowledged.has(drafts[i]!.id) ? emailsFor(i) : 0), 0);

    for (const e of errors.slice(0, 10)) console.log(`  sends: ${e}`);
    return [
      {
        part: "sends",
        figure: `${sends} sends at ${connections} connections in ${seconds.toFixed(1)}s (${(requests / seconds).toFixed(0)} requests/s; send answered in ${percentile(0.5)}s median, ${percentile(0.99)}s at the 99th percentile, ${percentile(1)}s at most): ${errors.length} errors, ${lost} lost, ${duplicated} duplicated, ${unacknowledged} stored without acknowledgement, ${wrongDraft} on the wrong draft`,
        ok: errors.length === 0 && lost === 0 && duplicated === 0 && unacknowledged === 0 && wrongDraft === 0 && acknowledged.size === sends,
      },
      {
        part: "sends",
        figure: `${replays} drafts sent twice at the same moment: ${replaysAlreadySent} landed on "already sent" with the same reference; ${stored.length} records for ${acknowledged.size} acknowledged sends`,
        ok: replaysAlreadySent === replays && stored.length === acknowledged.size,
      },
      {
        part: "sends",
        figure: `outbox: ${outboxRows} emails written for ${expectedEmails} expected (in the same transaction as each record)`,
        ok: outboxRows === expectedEmails,
      },
    ];
  } finally {
    agent.destroy();
    await stopServer(server);
    await catcher.stop();
  }
}
