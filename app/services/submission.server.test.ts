import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { drafts, outbox, rateLimits, representations, settings, stages, teams } from "../../db/schema";
import type { CompleteAnswers } from "../domain/form/journey";
import type { DraftAnswers, StepId } from "../domain/form/steps";
import type { Db } from "./db.server";
import { createDraft, findDraft, purgeIdleDrafts, saveStepAnswers } from "./drafts.server";
import { smtpMailer, type Mailer } from "./mailer.server";
import { deliverDueEmails } from "./outbox.server";
import { teamOptions } from "./public-teams.server";
import { submitDraft, summarise } from "./submission.server";

const DAY_MS = 24 * 60 * 60 * 1000;
// Monday 23 November 2026, 10:15 in London (GMT): received on 2026-11-23.
const NOW = new Date("2026-11-23T10:15:00Z");
const OPTIONS = { language: "en" as const, publicUrl: "http://localhost:3000", now: NOW };
const COMPLAINTS_TEAM = "childrens.complaints@northshire.example";
const ADVOCACY_PROVIDER = "referrals@advocacy.northshire.example";
const REFERENCE = /^SU-[2-9A-HJ-NPR-Z]{4}-[2-9A-HJ-NPR-Z]{4}$/;

const PERSON = {
  fullName: "Wilhelmina Quarterbridge",
  childName: "Bartholomew Quarterbridge",
  description: "The contact visit with my son was cancelled three times without explanation.",
  email: "wilhelmina.q@example.com",
  phone: "07700 900 982",
  address: "14 Larkspur Close, Northtown",
  worker: "Ophelia Mandeville",
};

const YOUNG = {
  fullName: "Kit Featherstonehaugh",
  description: "My placement moved twice and nobody asked what I wanted.",
  email: "kit.f@example.com",
  phone: "07700 900 417",
  timesToAvoid: "Not during school hours",
};

/** Everything after who-are-you that every complaint route shares. */
function complaintTail(teamId: string, description: string): CompleteAnswers {
  return {
    "support-needs": { adjustments: "Large print, please" },
    "what-happened": { description },
    "when-it-happened": { whenKind: "date", whenDay: "14", whenMonth: "6", whenYear: "2026" },
    team: { team: teamId, workerName: PERSON.worker },
    "put-right": { outcomes: ["apology", "meeting"], outcomeOther: "A new worker" },
    "complained-before": { complainedBefore: "no" },
    "court-case": { courtCase: "no" },
    attachments: {},
  };
}

function parentComplaint(teamId: string, contact: Record<string, string> = { contactMethod: "email", email: PERSON.email }): CompleteAnswers {
  return {
    kind: { kind: "complaint" },
    "who-are-you": { relationship: "parent" },
    "about-the-child": { childName: PERSON.childName, childAge: "9" },
    "your-details": { fullName: PERSON.fullName },
    contact,
    ...(contact.contactMethod === "phone" ? { "contact-safety": { safeToCall: "yes", safeToLeaveMessage: "yes" } } : {}),
    ...(contact.contactMethod === "post" ? { "contact-safety": { safeToWrite: "yes" } } : {}),
    ...complaintTail(teamId, PERSON.description),
  };
}

function youngPersonComplaint(
  teamId: string,
  offer: Record<string, string>,
  contact: Record<string, string> = { contactMethod: "phone", phone: YOUNG.phone },
): CompleteAnswers {
  return {
    kind: { kind: "complaint" },
    "who-are-you": { relationship: "young-person" },
    "advocate-offer": offer,
    "your-details": { fullName: YOUNG.fullName },
    contact,
    ...(contact.contactMethod === "phone" ? { "contact-safety": { safeToCall: "yes", safeToLeaveMessage: "no", timesToAvoid: YOUNG.timesToAvoid } } : {}),
    ...complaintTail(teamId, YOUNG.description),
  };
}

const WANTS_ADVOCATE = { wantsAdvocate: "yes", advocacyConsent: "yes" };

function compliment(teamId: string, contact: Record<string, string>): CompleteAnswers {
  return {
    kind: { kind: "compliment" },
    "compliment-team": { team: teamId, workerName: PERSON.worker },
    "compliment-what": { whatWentWell: "She listened to my daughter and kept every promise." },
    "compliment-share": { mayShare: "yes" },
    "compliment-contact": contact,
  };
}

function comment(contact: Record<string, string>): CompleteAnswers {
  return {
    kind: { kind: "comment" },
    "comment-about": { commentAbout: "Letters" },
    "comment-what": { comment: "Your letters use words my family does not understand." },
    "comment-contact": contact,
  };
}

async function setUp() {
  const db = await createTestDb();
  const [first] = teamOptions(db);
  if (!first) throw new Error("no teams seeded");
  return { db, teamId: first[0], teamName: first[1] };
}

/** A draft with these answers, saved page by page as the question pages do. */
function fillDraft(db: Db, answers: DraftAnswers, now = NOW) {
  let draft = createDraft(db, now);
  for (const [step, values] of Object.entries(answers)) draft = saveStepAnswers(db, draft, step as StepId, values, now);
  return draft;
}

function counts(db: Db) {
  return {
    representations: db.select().from(representations).all().length,
    outbox: db.select().from(outbox).all().length,
  };
}

function mailOf(db: Db) {
  return db.select().from(outbox).orderBy(outbox.id).all();
}

function sent(result: ReturnType<typeof submitDraft>) {
  if (result.outcome !== "sent") throw new Error(`not sent: ${result.outcome}`);
  return result;
}

const everything = (m: { subject: string; textBody: string; htmlBody: string } | undefined) => `${m?.subject}\n${m?.textBody}\n${m?.htmlBody}`;

describe("submitDraft: complaints", () => {
  it("writes the representation, its Stage 1 dates and both emails, and closes the draft", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, parentComplaint(teamId));

    const result = sent(submitDraft(db, draft.id, OPTIONS));

    // Received Mon 23 Nov 2026. 10 working days: Tue 24 … Fri 27 (4), Mon 30 … Fri 4 Dec (9),
    // Mon 7 Dec (10). 20: Tue 8 … Fri 11 (14), Mon 14 … Fri 18 (19), Mon 21 Dec (20).
    expect(result).toEqual({ outcome: "sent", reference: expect.stringMatching(REFERENCE), dueOn: "2026-12-07" });

    const rows = db.select().from(representations).all();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      reference: result.reference,
      kind: "complaint",
      status: "new",
      methodReceived: "E-form",
      language: "en",
      mode: "standard",
      receivedOn: "2026-11-23",
      personName: PERSON.fullName,
      personRelationship: "parent",
      personEmail: PERSON.email,
      childName: PERSON.childName,
      answers: parentComplaint(teamId),
    });
    expect(row?.receivedAt.getTime()).toBe(NOW.getTime());
    // Through the one create function: the complaint enters statutory Stage 1 on the day it was received.
    expect(db.select().from(stages).all()).toMatchObject([
      { representationId: row?.id, sequence: 1, kind: "statutory-stage1", state: "open", startedOn: "2026-11-23", dueOn: "2026-12-07", latestOn: "2026-12-21", nextDueOn: "2026-12-07" },
    ]);

    const mail = mailOf(db);
    expect(mail.map((m) => [m.template, m.toAddress, m.status, m.attempts, m.representationId])).toEqual([
      ["acknowledgement-complaint", PERSON.email, "pending", 0, row?.id],
      ["staff-notification", COMPLAINTS_TEAM, "pending", 0, row?.id],
    ]);
    for (const m of mail) expect(m.nextAttemptAt.getTime()).toBe(NOW.getTime());

    const [ack, staff] = mail;
    expect(ack?.subject).toBe(`We have received your complaint – reference ${result.reference}`);
    expect(ack?.textBody).toContain(`Your reference number is ${result.reference}.`);
    expect(ack?.textBody).toContain("We will reply by Monday 7 December 2026.");
    expect(ack?.textBody).not.toContain("advocate");
    expect(ack?.htmlBody).toContain(result.reference);
    expect(staff?.subject).toBe(`New complaint received: ${result.reference}`);
    expect(staff?.textBody).toContain(`http://localhost:3000/staff/cases/${result.reference}`);
    expect(staff?.textBody).toContain("The Stage 1 reply is due by Monday 7 December 2026.");

    // The draft now only points at the case; the answers live on the representation.
    const closed = db.select().from(drafts).where(eq(drafts.id, draft.id)).get();
    expect(closed?.representationId).toBe(row?.id);
    expect(closed?.answers).toEqual({});
  });

  it("puts no personal data in the staff notification", async () => {
    const { db, teamId, teamName } = await setUp();
    const draft = fillDraft(db, parentComplaint(teamId, { contactMethod: "post", address: PERSON.address, email: PERSON.email }));
    sent(submitDraft(db, draft.id, OPTIONS));

    const staff = mailOf(db).find((m) => m.template === "staff-notification");
    expect(staff).toBeDefined();
    for (const personal of ["Wilhelmina", "Quarterbridge", "Bartholomew", "contact visit", "cancelled three times", PERSON.email, "07700", "Larkspur", PERSON.worker, teamName, "parent"]) {
      expect(everything(staff), personal).not.toContain(personal);
    }
  });

  it("only notifies staff when the person gave no email address", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, parentComplaint(teamId, { contactMethod: "phone", phone: PERSON.phone }));
    sent(submitDraft(db, draft.id, OPTIONS));

    expect(mailOf(db).map((m) => [m.template, m.toAddress])).toEqual([["staff-notification", COMPLAINTS_TEAM]]);
    expect(db.select().from(representations).get()).toMatchObject({ personEmail: null, childName: PERSON.childName });
  });

  it("stores the answers of the route taken, not stale ones from another route", async () => {
    const { db, teamId } = await setUp();
    // Started as an advocate for a young person who wanted an advocate, then changed to parent.
    const draft = fillDraft(db, {
      ...youngPersonComplaint(teamId, WANTS_ADVOCATE),
      "advocate-details": { advocateOrganisation: "Coram Voice", advocateRole: "Advocate" },
      "child-agrees": { childAgrees: "no", childAgreesWhyNot: "Too young" },
      ...parentComplaint(teamId),
    });
    sent(submitDraft(db, draft.id, OPTIONS));

    const row = db.select().from(representations).get();
    expect(row?.answers).toEqual(parentComplaint(teamId));
    expect(row?.personRelationship).toBe("parent");
    expect(mailOf(db).map((m) => m.template)).toEqual(["acknowledgement-complaint", "staff-notification"]);
  });

  it("records the easy-read form as the young person's e-form", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, { wantsAdvocate: "no" }));
    sent(submitDraft(db, draft.id, { ...OPTIONS, mode: "easy-read" }));
    expect(db.select().from(representations).get()).toMatchObject({ methodReceived: "Young person's e-form", mode: "easy-read" });
  });

  it("takes the day of receipt in London time, and spans Christmas", async () => {
    const { db, teamId } = await setUp();
    // 23:30 UTC on Friday 18 December 2026 is 23:30 GMT the same day.
    const now = new Date("2026-12-18T23:30:00Z");
    const draft = fillDraft(db, parentComplaint(teamId), now);
    expect(submitDraft(db, draft.id, { ...OPTIONS, now })).toMatchObject({ outcome: "sent", dueOn: "2027-01-06" });
    // Mon 21 … Thu 24 (4), [Fri 25, Sat 26, Sun 27, Mon 28 substitute], Tue 29 … Thu 31 (7),
    // [Fri 1 Jan], Mon 4 (8), Tue 5 (9), Wed 6 Jan (10) … Wed 20 Jan (20).
    expect(db.select().from(representations).get()).toMatchObject({ receivedOn: "2026-12-18" });
    expect(db.select().from(stages).get()).toMatchObject({ startedOn: "2026-12-18", dueOn: "2027-01-06", latestOn: "2027-01-20" });
  });

  it("counts a late-evening summer submission as the next day in London", async () => {
    const { db, teamId } = await setUp();
    // 23:30 UTC on Tuesday 30 June 2026 is 00:30 BST on Wednesday 1 July.
    const now = new Date("2026-06-30T23:30:00Z");
    const draft = fillDraft(db, parentComplaint(teamId), now);
    // Wed 1 Jul: Thu 2 (1), Fri 3 (2), Mon 6 … Fri 10 (7), Mon 13 (8), Tue 14 (9), Wed 15 (10).
    expect(submitDraft(db, draft.id, { ...OPTIONS, now })).toMatchObject({ outcome: "sent", dueOn: "2026-07-15" });
    expect(db.select().from(representations).get()?.receivedOn).toBe("2026-07-01");
  });
});

describe("submitDraft: a young person and an advocate", () => {
  it("refers a young person who wants an advocate and agreed, with how to reach them and nothing about the complaint", async () => {
    const { db, teamId, teamName } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, WANTS_ADVOCATE));
    const result = sent(submitDraft(db, draft.id, OPTIONS));

    expect(db.select().from(representations).get()).toMatchObject({
      personName: YOUNG.fullName,
      personRelationship: "young-person",
      childName: YOUNG.fullName,
      personEmail: null,
      // Kept apart from the answers (retention strips those) so the annual report can count referrals.
      advocacyReferred: true,
    });
    const mail = mailOf(db);
    expect(mail.map((m) => [m.template, m.toAddress])).toEqual([
      ["staff-notification", COMPLAINTS_TEAM],
      ["advocacy-referral", ADVOCACY_PROVIDER],
    ]);

    const referral = mail.find((m) => m.template === "advocacy-referral");
    expect(referral?.subject).toBe(`Advocacy referral from Northshire Council – ${result.reference}`);
    for (const line of [
      `Name: ${YOUNG.fullName}`,
      "How they would like to be contacted: Phone",
      "Email: Not given",
      `Phone: ${YOUNG.phone}`,
      "Address: Not given",
      "Safe to call: Yes",
      "Safe to leave a message: No",
      `Times to avoid: ${YOUNG.timesToAvoid}`,
      "The young person agreed to us passing on these details so that you can contact them.",
    ]) {
      expect(referral?.textBody).toContain(line);
    }
    for (const aboutTheComplaint of ["placement", "nobody asked", PERSON.worker, teamName, "apology", "A new worker", "Large print"]) {
      expect(everything(referral), aboutTheComplaint).not.toContain(aboutTheComplaint);
    }
    expect(everything(mail.find((m) => m.template === "staff-notification"))).not.toContain("Featherstonehaugh");
  });

  it("tells a young person with an email address that the advocacy service will be in touch", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, WANTS_ADVOCATE, { contactMethod: "email", email: YOUNG.email }));
    sent(submitDraft(db, draft.id, OPTIONS));

    const mail = mailOf(db);
    expect(mail.map((m) => [m.template, m.toAddress])).toEqual([
      ["acknowledgement-complaint", YOUNG.email],
      ["staff-notification", COMPLAINTS_TEAM],
      ["advocacy-referral", ADVOCACY_PROVIDER],
    ]);
    expect(mail[0]?.textBody).toContain("We have asked Northshire Children's Advocacy to get in touch with you.");
    expect(mail[2]?.textBody).toContain(`Email: ${YOUNG.email}`);
    expect(mail[2]?.textBody).toContain("Safe to call: Not given");
  });

  it("refers a young person who asked to be contacted through their advocate", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, WANTS_ADVOCATE, { contactMethod: "advocate", advocateReach: "07700 900123" }));
    sent(submitDraft(db, draft.id, OPTIONS));
    const referral = mailOf(db).find((m) => m.template === "advocacy-referral");
    expect(referral?.textBody).toContain("How they would like to be contacted: Through my advocate");
  });

  it("sends the referral to the advocacy provider the council has set", async () => {
    const { db, teamId } = await setUp();
    db.update(settings).set({ value: "intake@advocates.example" }).where(eq(settings.key, "advocacyProviderEmail")).run();
    db.update(settings).set({ value: "complaints@council.example" }).where(eq(settings.key, "complaintsTeamEmail")).run();
    sent(submitDraft(db, fillDraft(db, youngPersonComplaint(teamId, WANTS_ADVOCATE)).id, OPTIONS));
    expect(mailOf(db).map((m) => [m.template, m.toAddress])).toEqual([
      ["staff-notification", "complaints@council.example"],
      ["advocacy-referral", "intake@advocates.example"],
    ]);
  });

  it("makes no referral for a young person who said no", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, { wantsAdvocate: "no" }, { contactMethod: "email", email: YOUNG.email }));
    sent(submitDraft(db, draft.id, OPTIONS));
    const mail = mailOf(db);
    expect(mail.map((m) => m.template)).toEqual(["acknowledgement-complaint", "staff-notification"]);
    expect(mail[0]?.textBody).not.toContain("advocate");
    expect(db.select({ referred: representations.advocacyReferred }).from(representations).get()).toEqual({ referred: false });
  });

  it("will not send a draft that says yes to an advocate without consent", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, { wantsAdvocate: "yes" }));
    expect(submitDraft(db, draft.id, OPTIONS)).toEqual({ outcome: "incomplete" });
    expect(counts(db)).toEqual({ representations: 0, outbox: 0 });
  });
});

describe("submitDraft: compliments and comments", () => {
  it("sends a compliment with no Stage 1 dates, and thanks the person", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, compliment(teamId, { fullName: PERSON.fullName, email: PERSON.email }));
    const result = sent(submitDraft(db, draft.id, OPTIONS));

    expect(result).toEqual({ outcome: "sent", reference: expect.stringMatching(REFERENCE), dueOn: null });
    expect(db.select().from(representations).get()).toMatchObject({
      kind: "compliment",
      personName: PERSON.fullName,
      personRelationship: "",
      personEmail: PERSON.email,
      childName: null,
      answers: compliment(teamId, { fullName: PERSON.fullName, email: PERSON.email }),
    });
    const mail = mailOf(db);
    expect(mail.map((m) => [m.template, m.toAddress])).toEqual([
      ["acknowledgement-compliment", PERSON.email],
      ["staff-notification", COMPLAINTS_TEAM],
    ]);
    expect(mail[0]?.subject).toBe(`Thank you for your compliment – reference ${result.reference}`);
    expect(mail[0]?.textBody).not.toContain("We will reply by");
    expect(mail[1]?.subject).toBe(`New compliment received: ${result.reference}`);
    expect(mail[1]?.textBody).not.toContain("Stage 1");
  });

  it("sends an anonymous compliment to staff only", async () => {
    const { db, teamId } = await setUp();
    sent(submitDraft(db, fillDraft(db, compliment(teamId, {})).id, OPTIONS));
    expect(db.select().from(representations).get()).toMatchObject({ personName: "", personEmail: null, childName: null });
    expect(mailOf(db).map((m) => m.template)).toEqual(["staff-notification"]);
  });

  it("sends a comment, acknowledging it only when an email address was given", async () => {
    const { db } = await setUp();
    const withEmail = sent(submitDraft(db, fillDraft(db, comment({ email: PERSON.email })).id, OPTIONS));
    const anonymous = sent(submitDraft(db, fillDraft(db, comment({})).id, OPTIONS));
    expect(withEmail.dueOn).toBeNull();
    expect(anonymous.dueOn).toBeNull();

    const rows = db.select().from(representations).orderBy(representations.id).all();
    expect(rows.map((r) => [r.kind, r.personName, r.personEmail])).toEqual([
      ["comment", "", PERSON.email],
      ["comment", "", null],
    ]);
    // Compliments and comments have no stage and no clock.
    expect(db.select().from(stages).all()).toEqual([]);
    const mail = mailOf(db);
    expect(mail.map((m) => [m.template, m.representationId])).toEqual([
      ["acknowledgement-comment", rows[0]?.id],
      ["staff-notification", rows[0]?.id],
      ["staff-notification", rows[1]?.id],
    ]);
    expect(mail[0]?.subject).toBe(`Thank you for your comment – reference ${withEmail.reference}`);
    expect(mail[2]?.subject).toBe(`New comment received: ${anonymous.reference}`);
  });
});

describe("submitDraft: only once, only complete, all or nothing", () => {
  it("answers a second send of the same draft with the same reference and writes nothing", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, parentComplaint(teamId));
    const first = sent(submitDraft(db, draft.id, OPTIONS));
    const before = counts(db);

    const later = new Date(NOW.getTime() + 60_000);
    expect(submitDraft(db, draft.id, { ...OPTIONS, now: later })).toEqual({ outcome: "already-sent", reference: first.reference });
    expect(counts(db)).toEqual(before);
    expect(before).toEqual({ representations: 1, outbox: 2 });
  });

  it("refuses an incomplete draft and writes nothing", async () => {
    const { db, teamId } = await setUp();
    const { attachments: _passed, ...beforeAttachments } = parentComplaint(teamId);
    let draft = fillDraft(db, beforeAttachments);
    expect(submitDraft(db, draft.id, OPTIONS)).toEqual({ outcome: "incomplete" });

    // A stored answer that no longer passes validation is incomplete too.
    draft = saveStepAnswers(db, draft, "attachments", {}, NOW);
    draft = saveStepAnswers(db, draft, "contact", { contactMethod: "email", email: "not an email" }, NOW);
    expect(submitDraft(db, draft.id, OPTIONS)).toEqual({ outcome: "incomplete" });

    // So is one whose team has since been retired.
    draft = saveStepAnswers(db, draft, "contact", { contactMethod: "email", email: PERSON.email }, NOW);
    db.update(teams).set({ retiredAt: NOW }).where(eq(teams.id, Number(teamId))).run();
    expect(submitDraft(db, draft.id, OPTIONS)).toEqual({ outcome: "incomplete" });

    expect(counts(db)).toEqual({ representations: 0, outbox: 0 });
    expect(findDraft(db, draft.id, NOW)?.representationId).toBeNull();
  });

  it("reports no draft for an unknown, missing or expired draft id", async () => {
    const { db, teamId } = await setUp();
    expect(submitDraft(db, "no-such-draft", OPTIONS)).toEqual({ outcome: "no-draft" });
    expect(submitDraft(db, null, OPTIONS)).toEqual({ outcome: "no-draft" });

    const old = fillDraft(db, parentComplaint(teamId), new Date(NOW.getTime() - 8 * DAY_MS));
    expect(submitDraft(db, old.id, OPTIONS)).toEqual({ outcome: "no-draft" });
    expect(counts(db)).toEqual({ representations: 0, outbox: 0 });
  });

  it("writes nothing at all when the outbox insert fails inside the transaction", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, WANTS_ADVOCATE, { contactMethod: "email", email: YOUNG.email }));
    db.$client.exec(`
      CREATE TRIGGER outbox_unavailable BEFORE INSERT ON outbox
      BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END;
    `);

    expect(() => submitDraft(db, draft.id, OPTIONS)).toThrow(/outbox unavailable/);

    expect(counts(db)).toEqual({ representations: 0, outbox: 0 });
    const after = findDraft(db, draft.id, NOW);
    expect(after?.representationId).toBeNull();
    expect(after?.answers).toEqual(draft.answers);

    // Once the outbox works again the same draft goes through, with all three emails.
    db.$client.exec("DROP TRIGGER outbox_unavailable");
    sent(submitDraft(db, draft.id, OPTIONS));
    expect(counts(db)).toEqual({ representations: 1, outbox: 3 });
  });

  it("counts sends against the limit in the same transaction, and a refused send writes nothing", async () => {
    const { db, teamId } = await setUp();
    const limit = { key: "send:203.0.113.7", limit: 2, windowMs: 60 * 60 * 1000 };
    const rateLimitRows = () => db.select().from(rateLimits).all();
    sent(submitDraft(db, fillDraft(db, comment({})).id, { ...OPTIONS, limit }));
    sent(submitDraft(db, fillDraft(db, comment({})).id, { ...OPTIONS, limit }));
    expect(rateLimitRows()).toEqual([expect.objectContaining({ count: 2 })]);
    const before = counts(db);

    const third = fillDraft(db, parentComplaint(teamId));
    expect(submitDraft(db, third.id, { ...OPTIONS, limit })).toEqual({ outcome: "rate-limited" });
    // Nothing written: no case, no email, the draft still open, and not even the refused count.
    expect(counts(db)).toEqual(before);
    expect(findDraft(db, third.id, NOW)?.representationId).toBeNull();
    expect(rateLimitRows()).toEqual([expect.objectContaining({ count: 2 })]);
    // Another address has its own count; the same one again in the next window.
    sent(submitDraft(db, third.id, { ...OPTIONS, limit: { ...limit, key: "send:203.0.113.8" } }));
    const nextHour = new Date(NOW.getTime() + 60 * 60 * 1000);
    sent(submitDraft(db, fillDraft(db, comment({}), nextHour).id, { ...OPTIONS, now: nextHour, limit }));
  });

  it("rolls the limit's count back with the rest when the send fails", async () => {
    const { db, teamId } = await setUp();
    const draft = fillDraft(db, parentComplaint(teamId));
    db.$client.exec("CREATE TRIGGER outbox_unavailable BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END;");
    expect(() => submitDraft(db, draft.id, { ...OPTIONS, limit: { key: "send:203.0.113.7", limit: 5, windowMs: 60 * 60 * 1000 } })).toThrow(/outbox unavailable/);
    expect(db.select().from(rateLimits).all()).toEqual([]);
  });

  it("gives each representation its own reference", async () => {
    const { db, teamId } = await setUp();
    const references = new Set<string>();
    for (let i = 0; i < 20; i += 1) references.add(sent(submitDraft(db, fillDraft(db, parentComplaint(teamId)).id, OPTIONS)).reference);
    expect(references.size).toBe(20);
    expect(counts(db)).toEqual({ representations: 20, outbox: 40 });
  });
});

describe("summarise", () => {
  it("reads the columns from whichever route was taken", () => {
    expect(summarise(parentComplaint("1"))).toEqual({
      kind: "complaint",
      relationship: "parent",
      personName: PERSON.fullName,
      personEmail: PERSON.email,
      childName: PERSON.childName,
      wantsAdvocate: false,
    });
    expect(summarise(youngPersonComplaint("1", WANTS_ADVOCATE))).toMatchObject({
      relationship: "young-person",
      childName: YOUNG.fullName,
      personEmail: null,
      wantsAdvocate: true,
    });
    expect(summarise(compliment("1", { fullName: "Robin", email: "robin@example.com" }))).toMatchObject({
      kind: "compliment",
      relationship: null,
      personName: "Robin",
      personEmail: "robin@example.com",
      childName: null,
    });
    expect(summarise(comment({ fullName: "Robin", email: "robin@example.com" }))).toMatchObject({ kind: "comment", personName: "Robin", personEmail: "robin@example.com" });
  });

  it("wants an advocate only with yes and consent", () => {
    const offer = (values: Record<string, string>) => summarise(youngPersonComplaint("1", values)).wantsAdvocate;
    expect(offer({ wantsAdvocate: "yes" })).toBe(false);
    expect(offer({ wantsAdvocate: "no", advocacyConsent: "yes" })).toBe(false);
    expect(offer(WANTS_ADVOCATE)).toBe(true);
  });
});

describe("the emails a submission queues, over SMTP", () => {
  const servers: SMTPServer[] = [];
  const mailers: Mailer[] = [];
  afterEach(async () => {
    for (const mailer of mailers.splice(0)) mailer.close();
    await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  async function startSmtp() {
    const received: Array<{ to: string[]; mail: ParsedMail }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      disableReverseLookup: true,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
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

  it("arrive as written, each to its own recipient", async () => {
    const { db, teamId } = await setUp();
    const smtp = await startSmtp();
    const draft = fillDraft(db, youngPersonComplaint(teamId, WANTS_ADVOCATE, { contactMethod: "email", email: YOUNG.email }));
    const { reference } = sent(submitDraft(db, draft.id, OPTIONS));

    expect(await deliverDueEmails(db, smtp.mailer, { from: "Speak Up <no-reply@speak-up.localhost>", now: () => NOW })).toEqual({
      sent: 3,
      retrying: 0,
      failed: 0,
    });

    const byRecipient = Object.fromEntries(smtp.received.map((r) => [r.to.join(","), r.mail]));
    expect(Object.keys(byRecipient).sort()).toEqual([ADVOCACY_PROVIDER, COMPLAINTS_TEAM, YOUNG.email].sort());
    expect(byRecipient[YOUNG.email]?.subject).toBe(`We have received your complaint – reference ${reference}`);
    expect(byRecipient[YOUNG.email]?.text).toContain("We will reply by Monday 7 December 2026.");
    expect(byRecipient[YOUNG.email]?.html).toContain(`<p>Your reference number is ${reference}.</p>`);
    expect(byRecipient[ADVOCACY_PROVIDER]?.text).toContain(`Name: ${YOUNG.fullName}`);
    expect(byRecipient[ADVOCACY_PROVIDER]?.text).not.toContain("placement");
    expect(byRecipient[COMPLAINTS_TEAM]?.text).toContain(`http://localhost:3000/staff/cases/${reference}`);
    expect(mailOf(db).every((m) => m.status === "sent")).toBe(true);
  });
});

describe("purgeIdleDrafts", () => {
  it("removes drafts idle for more than seven days and keeps the rest", async () => {
    const { db } = await setUp();
    const stale = createDraft(db, new Date(NOW.getTime() - 8 * DAY_MS));
    const justOver = createDraft(db, new Date(NOW.getTime() - 7 * DAY_MS - 1));
    const exactlySeven = createDraft(db, new Date(NOW.getTime() - 7 * DAY_MS));
    const fresh = createDraft(db, new Date(NOW.getTime() - DAY_MS));
    // A draft started long ago but answered yesterday is not idle.
    const revived = saveStepAnswers(db, createDraft(db, new Date(NOW.getTime() - 30 * DAY_MS)), "kind", { kind: "complaint" }, new Date(NOW.getTime() - DAY_MS));

    expect(purgeIdleDrafts(db, NOW)).toBe(2);

    const left = db.select({ id: drafts.id }).from(drafts).all().map((d) => d.id);
    expect(left.sort()).toEqual([exactlySeven.id, fresh.id, revived.id].sort());
    expect(left).not.toContain(stale.id);
    expect(left).not.toContain(justOver.id);
    expect(purgeIdleDrafts(db, NOW)).toBe(0);
  });

  it("keeps a sent case when its draft is purged", async () => {
    const { db, teamId } = await setUp();
    sent(submitDraft(db, fillDraft(db, parentComplaint(teamId)).id, OPTIONS));

    expect(purgeIdleDrafts(db, new Date(NOW.getTime() + 8 * DAY_MS))).toBe(1);
    expect(counts(db)).toEqual({ representations: 1, outbox: 2 });
  });
});
