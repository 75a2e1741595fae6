import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { drafts, outbox, representations, returnLinks } from "../../db/schema";
import { createTestDb } from "../../test/db";
import type { Db } from "./db.server";
import { createDraft, findDraft, markDraftSent, purgeIdleDrafts, saveStepAnswers } from "./drafts.server";
import { smtpMailer, type Mailer } from "./mailer.server";
import { deliverDueEmails } from "./outbox.server";
import {
  checkReturnLink,
  hashToken,
  redeemReturnLink,
  RETURN_LINKS_PER_DAY,
  RETURN_LINKS_PER_DAY_PER_RECIPIENT,
  sendReturnLink,
} from "./return-links.server";

const T0 = new Date("2026-03-02T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = "https://speakup.example";
const EMAIL = "robin@example.org";
const CLIENT = "203.0.113.7";
/** The options every call passes but the one under test. */
const base = { language: "en", publicUrl: PUBLIC_URL, clientAddress: CLIENT, perClientLimit: 20 } as const;

const servers: SMTPServer[] = [];
const mailers: Mailer[] = [];
afterEach(async () => {
  for (const mailer of mailers.splice(0)) mailer.close();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** A real SMTP server on a free local port. */
async function startSmtp() {
  const received: Array<{ mail: ParsedMail; to: string[] }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ mail, to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const mailer = smtpMailer(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
  mailers.push(mailer);
  return { mailer, received };
}

function draftWithAnswers(db: Db) {
  return saveStepAnswers(db, createDraft(db, T0), "kind", { kind: "complaint" }, T0);
}

/** Sends what is in the outbox through a real SMTP server and returns the token in the link. */
async function deliverAndReadToken(db: Db) {
  const smtp = await startSmtp();
  const report = await deliverDueEmails(db, smtp.mailer, { from: "Speak Up <no-reply@speak-up.localhost>", now: () => T0 });
  expect(report.sent).toBe(1);
  const message = smtp.received.at(-1);
  const token = /\/form\/return\/([A-Za-z0-9_-]{43})/.exec(message?.mail.text ?? "")?.[1];
  expect(token).toBeDefined();
  return { token: token as string, message };
}

describe("sendReturnLink", () => {
  it("emails a one-time link, keeping only its hash and the address only in the outbox", async () => {
    const db = await createTestDb();
    const draft = draftWithAnswers(db);
    expect(sendReturnLink(db, draft, { ...base, email: EMAIL, now: T0 })).toEqual({ outcome: "sent" });

    const { token, message } = await deliverAndReadToken(db);
    expect(message?.to).toEqual([EMAIL]);
    expect(message?.mail.subject).toBe("Your saved form – Northshire Council");
    expect(message?.mail.text).toContain(`${PUBLIC_URL}/form/return/${token}`);
    expect(message?.mail.text).toContain("It works once, until Sunday 8 March 2026.");
    expect(message?.mail.html).toContain(`href="${PUBLIC_URL}/form/return/${token}"`);

    const link = db.select().from(returnLinks).get();
    expect(link).toMatchObject({ draftId: draft.id, tokenHash: hashToken(token), usedAt: null, expiresAt: new Date(T0.getTime() + 7 * DAY) });
    // Neither the token nor the address is anywhere but the outbox row.
    const dump = JSON.stringify([db.select().from(returnLinks).all(), db.select().from(drafts).all()]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(EMAIL);
    expect(db.select().from(outbox).get()).toMatchObject({ template: "return-link", toAddress: EMAIL, representationId: null });
  });

  it("allows five links per draft per day", async () => {
    const db = await createTestDb();
    const draft = draftWithAnswers(db);
    // Each to a different address (typing mistakes), so only the draft's own limit applies.
    const send = (now: Date, i: number) => sendReturnLink(db, draft, { ...base, email: `robin${i}@example.org`, now }).outcome;
    for (let i = 0; i < RETURN_LINKS_PER_DAY; i += 1) expect(send(T0, i)).toBe("sent");
    expect(send(T0, 99)).toBe("rate-limited");
    expect(db.select().from(outbox).all()).toHaveLength(RETURN_LINKS_PER_DAY);
    expect(db.select().from(returnLinks).all()).toHaveLength(RETURN_LINKS_PER_DAY);
    // Another draft is not affected; the next day starts afresh.
    expect(sendReturnLink(db, draftWithAnswers(db), { ...base, email: EMAIL, now: T0 }).outcome).toBe("sent");
    expect(send(new Date(T0.getTime() + DAY), 0)).toBe("sent");
  });

  it("sends one address at most five links a day, however many drafts ask, and queues nothing once refused", async () => {
    const db = await createTestDb();
    // Eight new drafts all ask for a link to one outside address, written in different ways.
    const spellings = ["victim@example.org", "Victim@Example.org", " victim+1@example.org", "VICTIM+two@EXAMPLE.ORG"];
    const outcomes = Array.from({ length: 8 }, (_, i) =>
      sendReturnLink(db, draftWithAnswers(db), { ...base, email: spellings[i % spellings.length] ?? EMAIL, now: T0 }).outcome,
    );
    expect(outcomes).toEqual([...Array(RETURN_LINKS_PER_DAY_PER_RECIPIENT).fill("sent"), ...Array(8 - RETURN_LINKS_PER_DAY_PER_RECIPIENT).fill("rate-limited")]);
    expect(db.select().from(outbox).all()).toHaveLength(RETURN_LINKS_PER_DAY_PER_RECIPIENT);
    expect(db.select().from(returnLinks).all()).toHaveLength(RETURN_LINKS_PER_DAY_PER_RECIPIENT);
    // Another address is not affected, and a refused attempt used up none of that draft's links.
    expect(sendReturnLink(db, draftWithAnswers(db), { ...base, email: EMAIL, now: T0 }).outcome).toBe("sent");
    // Tomorrow the address can be sent to again.
    expect(sendReturnLink(db, draftWithAnswers(db), { ...base, email: "victim@example.org", now: new Date(T0.getTime() + DAY) }).outcome).toBe("sent");
  });

  it("sends at most the set number of links a day asked for from one client address", async () => {
    const db = await createTestDb();
    const ask = (clientAddress: string, i: number) =>
      sendReturnLink(db, draftWithAnswers(db), { ...base, clientAddress, perClientLimit: 3, email: `person${i}@example.org`, now: T0 }).outcome;
    expect([0, 1, 2, 3].map((i) => ask(CLIENT, i))).toEqual(["sent", "sent", "sent", "rate-limited"]);
    // Addresses in one IPv6 /64 are one client: a script cannot step through them.
    expect([4, 5, 6, 7].map((i) => ask(`2001:db8:1:2::${i}`, i))).toEqual(["sent", "sent", "sent", "rate-limited"]);
    expect(ask("203.0.113.8", 8)).toBe("sent");
    expect(db.select().from(outbox).all()).toHaveLength(7);
  });

  it("writes the email in the person's language", async () => {
    const db = await createTestDb();
    sendReturnLink(db, draftWithAnswers(db), { ...base, email: EMAIL, language: "pl", now: T0 });
    const row = db.select().from(outbox).get();
    expect(row?.htmlBody).toContain('lang="pl"');
    expect(row?.textBody).toContain("marca 2026");
  });
});

describe("redeemReturnLink", () => {
  it("works once, gives back the draft and keeps it alive", async () => {
    const db = await createTestDb();
    const draft = draftWithAnswers(db);
    sendReturnLink(db, draft, { ...base, email: EMAIL, now: T0 });
    const { token } = await deliverAndReadToken(db);

    const later = new Date(T0.getTime() + 6 * DAY);
    expect(checkReturnLink(db, token, later)).toMatchObject({ state: "valid", draft: { id: draft.id } });
    // Checking does not use it up.
    expect(checkReturnLink(db, token, later).state).toBe("valid");
    const redeemed = redeemReturnLink(db, token, later);
    expect(redeemed).toMatchObject({ state: "valid", draft: { id: draft.id, answers: { kind: { kind: "complaint" } } } });
    expect(redeemReturnLink(db, token, later)).toEqual({ state: "used" });
    expect(checkReturnLink(db, token, later)).toEqual({ state: "used" });
    expect(db.select().from(drafts).where(eq(drafts.id, draft.id)).get()?.updatedAt).toEqual(later);
  });

  it("refuses links that are expired, unknown, malformed, or whose draft is gone or sent", async () => {
    const db = await createTestDb();
    const draft = draftWithAnswers(db);
    sendReturnLink(db, draft, { ...base, email: EMAIL, now: T0 });
    const { token } = await deliverAndReadToken(db);

    expect(redeemReturnLink(db, token, new Date(T0.getTime() + 7 * DAY))).toEqual({ state: "expired" });
    expect(redeemReturnLink(db, "A".repeat(43), T0)).toEqual({ state: "invalid" });
    expect(redeemReturnLink(db, "../../etc/passwd", T0)).toEqual({ state: "invalid" });
    expect(redeemReturnLink(db, "", T0)).toEqual({ state: "invalid" });

    // The draft was sent in the meantime: its link no longer opens it.
    const sent = draftWithAnswers(db);
    sendReturnLink(db, sent, { ...base, email: EMAIL, now: T0 });
    const second = await deliverAndReadToken(db);
    markDraftSent(db, sent.id, insertRepresentationId(db), T0);
    expect(redeemReturnLink(db, second.token, T0)).toEqual({ state: "expired" });
  });

  it("expires with the draft: the purge removes both", async () => {
    const db = await createTestDb();
    const draft = draftWithAnswers(db);
    sendReturnLink(db, draft, { ...base, email: EMAIL, now: T0 });
    expect(purgeIdleDrafts(db, new Date(T0.getTime() + 7 * DAY + 1))).toBe(1);
    expect(findDraft(db, draft.id)).toBeNull();
    expect(db.select().from(returnLinks).all()).toEqual([]);
  });
});

function insertRepresentationId(db: Db): number {
  return db
    .insert(representations)
    .values({
      reference: "SU-TEST-RTRN",
      kind: "complaint",
      methodReceived: "e-form",
      receivedAt: T0,
      receivedOn: "2026-03-02",
      personName: "Robin Parent",
      personRelationship: "parent",
      answers: {},
    })
    .returning()
    .get().id;
}
