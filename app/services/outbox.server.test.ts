import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createTestDb } from "../../test/db";
import { outbox, staffUsers } from "../../db/schema";
import type { Db } from "./db.server";
import { fileMailer, smtpMailer, type Mailer } from "./mailer.server";
import { MAX_ATTEMPTS, deliverDueEmails, outboxBatchSize, retryDelayMs } from "./outbox.server";
import { getSettings, updateSettings } from "./settings.server";
import { settingsSchema } from "../domain/staff-forms";

const FROM = "Speak Up <no-reply@speak-up.localhost>";
const T0 = new Date("2026-11-23T10:00:00Z");
const MINUTE = 60 * 1000;

interface Received {
  mail: ParsedMail;
  envelope: { from: string | false; to: string[] };
}

const servers: SMTPServer[] = [];
const mailers: Mailer[] = [];
const tempDirs: string[] = [];
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  // Failed deliveries are logged as warnings; keep them for the assertions, out of the output.
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  warn.mockRestore();
});

/** A real SMTP server on a free local port, collecting what it accepts. */
async function startSmtp(
  options: { rejectRecipients?: boolean } = {},
): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1000,
    disableReverseLookup: true,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (!options.rejectRecipients) return callback();
      // A real server quotes the address back; it must not reach our database or logs.
      const error = Object.assign(new Error(`Mailbox <${address.address}> unavailable`), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            mail,
            envelope: { from: session.envelope.mailFrom && session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address) },
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.server.address() as AddressInfo).port, received };
}

/** A port nothing listens on: open a server, note its port, close it. */
async function closedPort(): Promise<number> {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function mailerTo(port: number): Mailer {
  const mailer = smtpMailer(`smtp://127.0.0.1:${port}`);
  mailers.push(mailer);
  return mailer;
}

function queue(db: Db, rows: { to: string; subject: string; text: string; at?: Date }[]) {
  return rows.map(
    (r) =>
      db
        .insert(outbox)
        .values({
          template: "test",
          toAddress: r.to,
          subject: r.subject,
          textBody: r.text,
          htmlBody: `<!DOCTYPE html><html><body><p>${r.text}</p></body></html>`,
          nextAttemptAt: r.at ?? T0,
          createdAt: T0,
        })
        .returning({ id: outbox.id })
        .get().id,
  );
}

function row(db: Db, id: number) {
  const found = db.select().from(outbox).where(eq(outbox.id, id)).get();
  if (!found) throw new Error(`no outbox row ${id}`);
  return found;
}

describe("retryDelayMs", () => {
  it("doubles from one minute and stops at an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((m) => m * MINUTE));
  });
});

describe("the outbox's rate", () => {
  it("is the council's emails a minute spread over the passes: 300 by default, 25 every 5 seconds", async () => {
    const db = await createTestDb();
    const admin = db.insert(staffUsers).values({ email: "admin@example.invalid", name: "Admin", role: "administrator", passwordHash: "!" }).returning().get();
    const set = (outboxPerMinute: string) => updateSettings(db, { actorId: admin.id, values: { ...getSettings(db), outboxPerMinute } });
    expect(outboxBatchSize(db, 5000)).toBe(25);
    set("12");
    expect(outboxBatchSize(db, 5000)).toBe(1);
    // Slower than a pass's share still sends one a pass.
    set("6");
    expect(outboxBatchSize(db, 5000)).toBe(1);
    set("6000");
    expect(outboxBatchSize(db, 5000)).toBe(500);
  });

  it("accepts a whole number from 1 to 6000 on the settings page", async () => {
    const db = await createTestDb();
    const valid = (outboxPerMinute: string) => settingsSchema.safeParse({ ...getSettings(db), outboxPerMinute }).success;
    expect(["1", " 300 ", "6000"].map(valid)).toEqual([true, true, true]);
    expect(["0", "6001", "2.5", "", "lots"].map(valid)).toEqual([false, false, false, false, false]);
  });
});

describe("deliverDueEmails over SMTP", () => {
  it("sends due rows and marks them sent", async () => {
    const db = await createTestDb();
    const smtp = await startSmtp();
    const [first, second] = queue(db, [
      { to: "person@example.com", subject: "We have received your complaint – reference SU-ABCD-EFGH", text: "Thank you." },
      { to: "team@council.example", subject: "New complaint received: SU-ABCD-EFGH", text: "Open it in the back office." },
    ]);
    const sentAt = new Date(T0.getTime() + 5000);

    const report = await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => sentAt });

    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
    const [a, b] = smtp.received;
    expect(a?.envelope).toEqual({ from: "no-reply@speak-up.localhost", to: ["person@example.com"] });
    expect(a?.mail.subject).toBe("We have received your complaint – reference SU-ABCD-EFGH");
    expect(a?.mail.to && !Array.isArray(a.mail.to) ? a.mail.to.text : null).toBe("person@example.com");
    expect(a?.mail.from?.text).toBe('"Speak Up" <no-reply@speak-up.localhost>');
    // Replies reach the complaints team (the address in settings), not the no-reply sender.
    expect(a?.mail.replyTo?.text).toBe("childrens.complaints@northshire.example");
    expect(b?.mail.replyTo?.text).toBe("childrens.complaints@northshire.example");
    expect(a?.mail.text?.trim()).toBe("Thank you.");
    expect(a?.mail.html).toContain("<p>Thank you.</p>");
    expect(a?.mail.messageId).toBe(`<outbox-${first}@speak-up>`);
    expect(b?.envelope.to).toEqual(["team@council.example"]);
    expect(b?.mail.subject).toBe("New complaint received: SU-ABCD-EFGH");

    for (const id of [first!, second!]) {
      expect(row(db, id)).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt });
    }

    // Sent rows are not sent again.
    expect(await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => new Date(T0.getTime() + 3600_000) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(2);
  });

  it("leaves rows not yet due alone, and sends at most a batch at a time", async () => {
    const db = await createTestDb();
    const smtp = await startSmtp();
    const [later] = queue(db, [{ to: "later@example.com", subject: "Later", text: "x", at: new Date(T0.getTime() + MINUTE) }]);
    queue(db, [1, 2, 3].map((n) => ({ to: `p${n}@example.com`, subject: `Now ${n}`, text: "x" })));

    expect(await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => T0, batchSize: 2 })).toMatchObject({ sent: 2 });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(["Now 1", "Now 2"]);
    expect(await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => T0 })).toMatchObject({ sent: 1 });
    expect(row(db, later!).status).toBe("pending");
    expect(await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => new Date(T0.getTime() + MINUTE) })).toMatchObject({
      sent: 1,
    });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(["Now 1", "Now 2", "Now 3", "Later"]);
  });

  it("keeps rows pending while the SMTP server is down, and sends them when it is back", async () => {
    const db = await createTestDb();
    const port = await closedPort();
    const [id] = queue(db, [{ to: "secret.person@example.com", subject: "Reference SU-ABCD-EFGH", text: "Thank you." }]);

    const down = mailerTo(port);
    expect(await deliverDueEmails(db, down, { from: FROM, now: () => T0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });

    const after = row(db, id!);
    expect(after.status).toBe("pending");
    expect(after.attempts).toBe(1);
    expect(after.sentAt).toBeNull();
    expect(after.lastError).toBeTruthy();
    expect(after.lastError).not.toContain("secret.person");
    expect(after.nextAttemptAt.getTime()).toBe(T0.getTime() + retryDelayMs(1));
    expect(after.nextAttemptAt.getTime()).toBeGreaterThan(T0.getTime());

    // Not tried again before the retry time, even with mail working.
    const smtp = await startSmtp();
    const up = mailerTo(smtp.port);
    const early = new Date(after.nextAttemptAt.getTime() - 1);
    expect(await deliverDueEmails(db, up, { from: FROM, now: () => early })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(row(db, id!).attempts).toBe(1);
    expect(smtp.received).toHaveLength(0);

    // At the retry time it goes.
    const retryAt = after.nextAttemptAt;
    expect(await deliverDueEmails(db, up, { from: FROM, now: () => retryAt })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(row(db, id!)).toMatchObject({ status: "sent", attempts: 2, lastError: null, sentAt: retryAt });
    expect(smtp.received.map((r) => r.envelope.to)).toEqual([["secret.person@example.com"]]);

    const logged = warn.mock.calls.map((c) => c.map(String).join(" ")).join("\n");
    expect(logged).toContain(`outbox ${id}: delivery attempt 1 failed`);
    expect(logged).not.toContain("secret.person");
  });

  it("keeps rows pending when the server refuses the recipient, without storing the address", async () => {
    const db = await createTestDb();
    const smtp = await startSmtp({ rejectRecipients: true });
    const [id] = queue(db, [{ to: "refused.person@example.com", subject: "Hello", text: "Thank you." }]);

    expect(await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => T0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });

    const after = row(db, id!);
    expect(after).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(after.lastError).toMatch(/550/);
    expect(after.lastError).not.toContain("refused.person");
    expect(after.lastError).not.toContain("@");
    expect(after.nextAttemptAt.getTime()).toBe(T0.getTime() + retryDelayMs(1));
    expect(smtp.received).toHaveLength(0);
    const logged = warn.mock.calls.map((c) => c.map(String).join(" ")).join("\n");
    expect(logged).not.toContain("refused.person");
  });

  it(`marks a row failed after ${MAX_ATTEMPTS} failed attempts and stops trying`, async () => {
    const db = await createTestDb();
    const port = await closedPort();
    const down = mailerTo(port);
    const [id] = queue(db, [{ to: "person@example.com", subject: "Hello", text: "Thank you." }]);

    let now = T0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverDueEmails(db, down, { from: FROM, now: () => now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const current = row(db, id!);
      expect(current).toMatchObject({ status: "pending", attempts: attempt });
      expect(current.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
      now = current.nextAttemptAt;
    }
    expect(await deliverDueEmails(db, down, { from: FROM, now: () => now })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(row(db, id!)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, sentAt: null });

    // A failed row waits for staff; the sender does not pick it up again.
    const smtp = await startSmtp();
    const muchLater = new Date(now.getTime() + 24 * 60 * MINUTE);
    expect(await deliverDueEmails(db, mailerTo(smtp.port), { from: FROM, now: () => muchLater })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(row(db, id!).attempts).toBe(MAX_ATTEMPTS);
  });
});

describe("fileMailer", () => {
  it("writes each email as a readable .eml file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-mail-"));
    tempDirs.push(dir);
    const target = path.join(dir, "nested", "mail");
    const mailer = fileMailer(target);
    mailers.push(mailer);

    await mailer.send({
      from: FROM,
      to: "person@example.com",
      subject: "We have received your complaint – reference SU-ABCD-EFGH",
      text: "Your reference number is SU-ABCD-EFGH.\n",
      html: "<p>Your reference number is SU-ABCD-EFGH.</p>",
      messageId: "<outbox-7@speak-up>",
    });

    const files = fs.readdirSync(target);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(fs.readFileSync(path.join(target, files[0]!)));
    expect(parsed.subject).toBe("We have received your complaint – reference SU-ABCD-EFGH");
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : null).toBe("person@example.com");
    expect(parsed.text?.trim()).toBe("Your reference number is SU-ABCD-EFGH.");
    expect(parsed.html).toContain("<p>Your reference number is SU-ABCD-EFGH.</p>");
    expect(parsed.messageId).toBe("<outbox-7@speak-up>");
  });

  it("delivers the outbox to files, one per row", async () => {
    const db = await createTestDb();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-mail-"));
    tempDirs.push(dir);
    const mailer = fileMailer(dir);
    mailers.push(mailer);
    const ids = queue(db, [
      { to: "a@example.com", subject: "A", text: "a" },
      { to: "b@example.com", subject: "B", text: "b" },
    ]);

    expect(await deliverDueEmails(db, mailer, { from: FROM, now: () => T0 })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const subjects = await Promise.all(
      fs.readdirSync(dir).map(async (f) => (await simpleParser(fs.readFileSync(path.join(dir, f)))).subject),
    );
    expect(subjects.sort()).toEqual(["A", "B"]);
    for (const id of ids) expect(row(db, id).status).toBe("sent");
  });
});
