import { and, asc, eq, inArray } from "drizzle-orm";
import { attachments, caseEntries, outbox, representations, staffUsers } from "../../db/schema";
import { maySeeCase, type CorrespondenceChannel, type Viewer } from "../domain/casework";
import { audit } from "./audit.server";
import { staffTeamIds } from "./auth.server";
import type { Db } from "./db.server";
import { caseAccessFacts } from "./stages.server";

export type Representation = typeof representations.$inferSelect;

/** Who is acting: enough to check what they may see and to sign what they do. */
export interface Actor {
  id: number;
  role: string;
}

/** `role` is the case role (caseRoleOf): it decides which cases the person sees. */
export function viewerOf(db: Db, actor: Actor): Viewer {
  return { id: actor.id, role: actor.role, teamIds: staffTeamIds(db, actor.id) };
}

/**
 * The case, if this member of staff may see it; otherwise null, so the route answers 404 and a
 * person does not learn that a case they may not see exists.
 */
export function findCaseFor(db: Db, actor: Actor, reference: string): Representation | null {
  const row = db.select().from(representations).where(eq(representations.reference, reference)).get();
  if (!row) return null;
  return maySeeCase(viewerOf(db, actor), caseAccessFacts(db, row)) ? row : null;
}

/** Opens a case for reading, writing the view to the audit trail. */
export function viewCase(db: Db, actor: Actor, reference: string): Representation | null {
  return db.transaction((tx) => {
    const row = findCaseFor(tx, actor, reference);
    if (row) audit(tx, { staffUserId: actor.id, action: "case.viewed", entity: "representation", entityId: row.id });
    return row;
  });
}

export type EntryKind =
  | "note"
  | "correspondence-in"
  | "correspondence-out"
  | "triage"
  | "eligibility"
  | "coding"
  | "decision"
  | "assignment"
  | "safeguarding-flagged"
  | "safeguarding-referred"
  | "restriction-added"
  | "restriction-ended"
  | "compliment-passed-on"
  | "feedback-closed"
  | "stage-extended"
  | "stage-responded"
  | "stage-escalated"
  /** The person asked online for the next stage ("Check your complaint"); staff confirm it by escalating. */
  | "next-stage-asked"
  | "stage-closed"
  | "stage-withdrawn"
  | "stage-reopened"
  | "stage-put-on-hold"
  | "stage-taken-off-hold"
  | "stage-dates-corrected"
  | "statement-agreed"
  /** Stage 2: staff shared a version of the statement of complaint with the person (decision record 041). */
  | "statement-shared"
  /** Stage 2: the person asked online for changes to the statement (their words). */
  | "statement-changes-asked"
  /** Staff marked something the person did online as dealt with (decision record 042). */
  | "online-request-dealt-with"
  | "people-named"
  | "panel-booked"
  | "panel-report"
  | "ombudsman-enquiry"
  | "ombudsman-enquiry-answered"
  | "ombudsman-decision"
  | "remedy-met"
  | "letter-posted"
  | "logged";

/** Adds a line to the case's timeline; call it inside the change's transaction. */
export function addEntry(
  db: Db,
  entry: {
    representationId: number;
    kind: EntryKind;
    staffUserId: number | null;
    body?: string | null;
    channel?: string | null;
    details?: Record<string, unknown>;
    at?: Date;
    /** Something the person did online that waits for staff (decision record 042). */
    awaitingStaff?: boolean;
  },
) {
  const at = entry.at ?? new Date();
  db.insert(caseEntries)
    .values({
      representationId: entry.representationId,
      kind: entry.kind,
      staffUserId: entry.staffUserId,
      body: entry.body ?? null,
      channel: entry.channel ?? null,
      details: entry.details ?? null,
      at,
      awaitingStaffSince: entry.awaitingStaff ? at : null,
    })
    .run();
}

/**
 * A change to a case, done in one transaction with its timeline entry and its audit row, after
 * checking again (inside the transaction) that this member of staff may act on it.
 */
export function changeCase<T>(
  db: Db,
  actor: Actor,
  reference: string,
  action: string,
  change: (tx: Db, row: Representation) => { result: T; before?: Record<string, unknown>; after?: Record<string, unknown> } | null,
): { ok: true; result: T } | { ok: false } {
  // IMMEDIATE: take the write lock before reading, so a change made by another process (a command
  // run beside the server) waits its turn instead of failing with SQLITE_BUSY_SNAPSHOT.
  return db.transaction((tx) => {
    const row = findCaseFor(tx, actor, reference);
    // Imported history is read-only (decision 033): counted by the report, never changed here.
    if (!row || row.importedAt !== null) return { ok: false } as const;
    const done = change(tx, row);
    if (!done) return { ok: false } as const;
    audit(tx, {
      staffUserId: actor.id,
      action,
      entity: "representation",
      entityId: row.id,
      details: { before: done.before ?? null, after: done.after ?? null },
    });
    return { ok: true, result: done.result } as const;
  }, { behavior: "immediate" });
}

export function addNote(db: Db, actor: Actor, reference: string, body: string) {
  return changeCase(db, actor, reference, "case.note-added", (tx, row) => {
    addEntry(tx, { representationId: row.id, kind: "note", staffUserId: actor.id, body });
    return { result: null, after: { note: body } };
  });
}


export function recordCorrespondence(
  db: Db,
  actor: Actor,
  reference: string,
  c: { direction: "in" | "out"; channel: CorrespondenceChannel; summary: string },
) {
  return changeCase(db, actor, reference, "case.correspondence-recorded", (tx, row) => {
    addEntry(tx, {
      representationId: row.id,
      kind: c.direction === "in" ? "correspondence-in" : "correspondence-out",
      channel: c.channel,
      staffUserId: actor.id,
      body: c.summary,
    });
    return { result: null, after: { direction: c.direction, channel: c.channel, summary: c.summary } };
  });
}

export interface TimelineItem {
  key: string;
  at: Date;
  kind: EntryKind | "email-sent" | "email-pending" | "email-failed" | "attachment" | "received";
  channel: string | null;
  body: string | null;
  details: Record<string, unknown> | null;
  author: string | null;
}

/** The emails the system wrote about a case (sent or not), oldest first, with their words. */
export function caseEmails(db: Db, representationId: number) {
  return db.select().from(outbox).where(eq(outbox.representationId, representationId)).orderBy(asc(outbox.createdAt), asc(outbox.id)).all();
}

/**
 * Everything that happened on a case, newest first: staff entries, the emails the system wrote
 * (from the outbox) and the files attached.
 */
export function caseTimeline(db: Db, row: Representation): TimelineItem[] {
  const entries = db
    .select({ entry: caseEntries, author: staffUsers.name })
    .from(caseEntries)
    .leftJoin(staffUsers, eq(staffUsers.id, caseEntries.staffUserId))
    .where(eq(caseEntries.representationId, row.id))
    .orderBy(asc(caseEntries.at), asc(caseEntries.id))
    .all()
    .map(({ entry, author }): TimelineItem => ({
      key: `entry-${entry.id}`,
      at: entry.at,
      kind: entry.kind as EntryKind,
      channel: entry.channel,
      body: entry.body,
      details: entry.details,
      author,
    }));
  const mail = caseEmails(db, row.id).map((m): TimelineItem => ({
    key: `mail-${m.id}`,
    at: m.sentAt ?? m.createdAt,
    kind: m.status === "sent" ? "email-sent" : m.status === "failed" ? "email-failed" : "email-pending",
    channel: "email",
    body: m.subject,
    details: { to: m.toAddress, template: m.template },
    author: null,
  }));
  const files = db
    .select({ file: attachments, author: staffUsers.name })
    .from(attachments)
    .leftJoin(staffUsers, eq(staffUsers.id, attachments.uploadedByStaffId))
    .where(eq(attachments.representationId, row.id))
    .all()
    .map(({ file, author }): TimelineItem => ({
      key: `file-${file.id}`,
      at: file.createdAt,
      kind: "attachment",
      channel: null,
      body: file.originalName,
      details: { sizeBytes: file.sizeBytes, contentType: file.contentType },
      author,
    }));
  const received: TimelineItem = {
    key: "received",
    at: row.receivedAt,
    kind: "received",
    channel: row.methodReceived,
    body: null,
    details: null,
    author: null,
  };
  return [received, ...entries, ...mail, ...files].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.key < b.key ? 1 : -1));
}

/** Names of staff members by id, for showing who a case is assigned to. */
export function staffNames(db: Db, ids: Array<number | null>): Map<number, string> {
  const wanted = ids.filter((id): id is number => id !== null);
  if (wanted.length === 0) return new Map();
  return new Map(
    db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .where(and(inArray(staffUsers.id, wanted)))
      .all()
      .map((r) => [r.id, r.name]),
  );
}
