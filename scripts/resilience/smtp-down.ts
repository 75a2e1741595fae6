// The mail server is down while sends arrive, then comes back: every email is delivered once the
// outbox's next try comes round (it waits 1, 2, 4 … minutes between tries), and none twice.
import path from "node:path";
import { emailsFor, prepareDrafts } from "./drafts";
import { agentOf, MailCatcher, pool, readDb, request, serverEnv, sleep, startServer, stopServer, waitFor, workDir, type Figure } from "./harness";

export interface SmtpDownOptions {
  sends: number;
  connections: number;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

export async function runSmtpDown({ sends, connections }: SmtpDownOptions): Promise<Figure[]> {
  const dir = workDir("smtp-down");
  const env = serverEnv(dir);
  // No SMTP server listening yet: every try is refused.
  const server = await startServer(env, path.join(dir, "server.log"));
  const catcher = new MailCatcher();
  const agent = agentOf(connections);
  try {
    const look = readDb(env.DATABASE_FILE!);
    const baseline = (look.prepare("select coalesce(max(id), 0) as id from outbox").get() as { id: number }).id;
    const rows = look.prepare("select id, status, attempts from outbox where id > ?");
    const drafts = await prepareDrafts(env.DATABASE_FILE!, sends);

    let acknowledged = 0;
    let errors = 0;
    await pool(drafts, connections, async (draft) => {
      const reply = await request({ method: "POST", path: "/form/check-answers", headers: { ...FORM, Cookie: draft.cookie }, body: "declaration=yes", agent }).catch(() => null);
      if (reply?.status === 302 && reply.location === "/form/sent") acknowledged += 1;
      else errors += 1;
    });
    const expected = drafts.reduce((sum, _d, i) => sum + emailsFor(i), 0);
    const outboxRows = () => rows.all(baseline) as Array<{ id: number; status: string; attempts: number }>;

    // Down until every email has been tried and refused at least once.
    const allTried = await waitFor(() => outboxRows().every((r) => r.attempts > 0), 300_000);
    const whileDown = outboxRows();
    const triedWhileDown = whileDown.filter((r) => r.attempts > 0 && r.status === "pending").length;

    const cameBackAt = Date.now();
    await catcher.start();
    const drained = await waitFor(() => outboxRows().every((r) => r.status === "sent"), 600_000, 1000);
    const drainSeconds = (Date.now() - cameBackAt) / 1000;
    // A little longer, so a second copy of anything would have arrived too.
    await sleep(3000);
    const after = outboxRows();
    look.close();
    const once = after.filter((r) => catcher.countFor(r.id) === 1).length;
    const twice = after.filter((r) => catcher.countFor(r.id) > 1).length;
    const never = after.filter((r) => catcher.countFor(r.id) === 0).length;

    return [
      {
        part: "smtp down",
        figure: `${sends} sends while SMTP was down: ${acknowledged} acknowledged, ${errors} errors; ${triedWhileDown} of ${expected} emails tried and kept for later`,
        ok: acknowledged === sends && errors === 0 && allTried && whileDown.length === expected && triedWhileDown === expected,
      },
      {
        part: "smtp down",
        figure: `SMTP back: all delivered in ${drainSeconds.toFixed(0)}s (the outbox's back-off); ${once} delivered once, ${twice} twice, ${never} never`,
        ok: drained && once === expected && twice === 0 && never === 0,
      },
    ];
  } finally {
    agent.destroy();
    await stopServer(server);
    await catcher.stop();
  }
}
