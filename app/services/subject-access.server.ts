import { eq, inArray, or, sql } from "drizzle-orm";
import { persons, representations } from "../../db/schema";
import { answerRows } from "../components/answers";
import { maySeeCase } from "../domain/casework";
import type { DraftAnswers } from "../domain/form/steps";
import { normaliseReference } from "../domain/reference-number";
import { equalityAnswerKeys, MAX_MATCHES, phoneDigits, roleOf, sameName, type ChosenRecord, type SubjectRole } from "../domain/subject-access";
import { fixedT } from "../i18n/i18n";
import { attachmentsForRepresentation } from "./attachments.server";
import { readAudit, type AuditRow } from "./audit-log.server";
import { audit } from "./audit.server";
import { activeRestrictions } from "./case-restrictions.server";
import { caseCoding } from "./case-triage.server";
import { caseEmails, caseTimeline, viewerOf, type Actor, type Representation } from "./case.server";
import type { Db } from "./db.server";
import { caseAccessFacts, currentStage, stagesOf } from "./stages.server";
import { statementVersionsOf } from "./statements.server";
import { findEqualityAnswers } from "./equality.server";
import { teamOptions } from "./public-teams.server";

// A subject access request (UK GDPR article 15): everything held about one person, found by
// their email address, phone number, or name with a case reference, chosen by a member of staff
// and exported in one object that both the readable document and the JSON download render.
// See docs/decisions/014-subject-access-requests.md.

export type SubjectSearch = { by: "email"; email: string } | { by: "phone"; phone: string } | { by: "name"; name: string; reference: string };

export interface SubjectMatch {
  id: number;
  reference: string;
  kind: string;
  receivedAt: Date;
  role: SubjectRole;
}

/**
 * Representations that may be about the person searched for, newest first, each with the
 * person's part in it. Only cases this member of staff may see. A member of staff then chooses
 * which belong to the requester: names and numbers are shared by different people.
 */
export function findSubjectRecords(db: Db, actor: Actor, search: SubjectSearch): SubjectMatch[] {
  const r = representations;
  let found: Array<{ row: Representation; person: boolean; child: boolean }> = [];
  if (search.by === "email") {
    const email = search.email.trim().toLowerCase();
    const known = db.select({ id: persons.id }).from(persons).where(eq(persons.email, email)).all().map((p) => p.id);
    found = db
      .select()
      .from(r)
      .where(or(sql`lower(${r.personEmail}) = ${email}`, known.length ? inArray(r.personId, known) : undefined))
      .all()
      .map((row) => ({ row, person: true, child: false }));
  } else if (search.by === "phone") {
    const wanted = phoneDigits(search.phone);
    if (!wanted) return [];
    // The last six digits narrow the search in SQL; the whole number is compared here.
    const tail = wanted.slice(-6);
    const phone = sql`json_extract(${r.answers}, '$.contact.phone')`;
    found = db
      .select()
      .from(r)
      .where(sql`replace(replace(replace(replace(replace(${phone}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '') LIKE ${`%${tail}%`}`)
      .all()
      .filter((row) => {
        const given = (row.answers as DraftAnswers)["contact"] as { phone?: unknown } | undefined;
        return typeof given?.phone === "string" && phoneDigits(given.phone) === wanted;
      })
      .map((row) => ({ row, person: true, child: false }));
  } else {
    const reference = normaliseReference(search.reference);
    const anchor = reference ? db.select().from(r).where(eq(r.reference, reference)).get() : undefined;
    if (!anchor) return [];
    const person = sameName(anchor.personName, search.name);
    const child = sameName(anchor.childName, search.name);
    if (!person && !child) return [];
    // The case named, and every other under the same name or linked to its maker. Names are
    // compared here, not in SQL, whose lower() folds only ASCII letters (not "Ł" or "Ö").
    const email = person ? anchor.personEmail?.trim().toLowerCase() || null : null;
    const linkedTo = (row: Pick<Representation, "personId" | "personEmail">) =>
      person && ((anchor.personId !== null && row.personId === anchor.personId) || (email !== null && row.personEmail?.trim().toLowerCase() === email));
    const ids = db
      .select({ id: r.id, personName: r.personName, childName: r.childName, personId: r.personId, personEmail: r.personEmail })
      .from(r)
      .all()
      .filter((row) => row.id === anchor.id || linkedTo(row) || sameName(row.personName, search.name) || sameName(row.childName, search.name))
      .map((row) => row.id);
    found = (ids.length ? db.select().from(r).where(inArray(r.id, ids)).all() : []).map((row) => ({
      row,
      person: linkedTo(row) || sameName(row.personName, search.name),
      child: sameName(row.childName, search.name),
    }));
  }
  const viewer = viewerOf(db, actor);
  return found
    .filter(({ row }) => maySeeCase(viewer, caseAccessFacts(db, row)))
    .flatMap(({ row, person, child }) => {
      const role = roleOf(row.personRelationship, { person, child });
      return role ? [{ id: row.id, reference: row.reference, kind: row.kind, receivedAt: row.receivedAt, role }] : [];
    })
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id)
    .slice(0, MAX_MATCHES + 1);
}

export type ExportFormat = "html" | "json";

export interface SubjectAccessExport {
  generatedAt: string;
  generatedBy: string;
  representations: Array<{
    id: number;
    reference: string;
    kind: string;
    status: string;
    process: string | null;
    stage: string | null;
    representationType: string | null;
    receivedAt: string;
    howReceived: string;
    language: string;
    mode: string;
    person: { name: string; relationship: string; email: string | null };
    childName: string | null;
    /** Each question the person (or staff logging it) answered, in words. */
    answers: Array<{ question: string; answer: string }>;
    /** The same answers exactly as stored. */
    storedAnswers: Record<string, unknown>;
    coding: Array<{ list: string; label: string; primary: boolean }>;
    timeline: Array<{ at: string; what: string; channel: string | null; text: string | null; by: string | null; details: Record<string, unknown> | null }>;
    emails: Array<{ at: string; status: string; to: string; subject: string; text: string }>;
    files: Array<{ id: number; name: string; type: string; sizeBytes: number; addedAt: string; download: string }>;
    contactRestrictions: Array<{ restricted: string; reason: string; reviewOn: string; addedAt: string }>;
    /**
     * Optional equality monitoring answers: shown to staff only here (decision 014). Null when the
     * requester is only the child the record is about: the answers are its maker's.
     */
    equality: Array<{ question: string; answer: string }> | null;
    /** Who viewed or changed these records, from the audit trail: who, what and when only. */
    accessLog: Array<{ at: string; staff: string | null; action: string }>;
  }>;
}

/** Every audit row about a record, oldest first (the trail is read a page at a time). */
function wholeTrail(db: Db, reader: Actor, entity: string, entityId: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let before: number | undefined;
  for (;;) {
    const page = readAudit(db, reader, { entity, entityId: String(entityId), before }, 500);
    rows.push(...page.rows);
    if (page.nextBefore === null) return rows.reverse();
    before = page.nextBefore;
  }
}

/**
 * Builds the export of the chosen representations and writes one audit row for each (who,
 * which ids, which format: never the content), in one transaction, so the trail it contains
 * ends with this export. Null, with nothing written, if any id is unknown or not the actor's to
 * see.
 */
export function exportSubjectAccess(db: Db, actor: Actor & { name: string }, chosen: readonly ChosenRecord[], format: ExportFormat, now = new Date()): SubjectAccessExport | null {
  const asChild = new Map(chosen.map((c) => [c.id, c.asChild]));
  const wanted = [...asChild.keys()];
  if (wanted.length === 0) return null;
  return db.transaction((tx) => {
    const rows = tx.select().from(representations).where(inArray(representations.id, wanted)).all();
    const viewer = viewerOf(tx, actor);
    if (rows.length !== wanted.length || !rows.every((row) => maySeeCase(viewer, caseAccessFacts(tx, row)))) return null;
    rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
    for (const row of rows) {
      audit(tx, { staffUserId: actor.id, action: "subject-access.exported", entity: "representation", entityId: row.id, at: now, details: { format, representationIds: rows.map((r) => r.id) } });
    }
    const t = fixedT("en", "casework");
    const tCommon = fixedT("en", "common");
    const tStaff = fixedT("en", "staff");
    const teams = teamOptions(tx, { includeRetired: true });
    return {
      generatedAt: now.toISOString(),
      generatedBy: actor.name,
      representations: rows.map((row) => {
        const files = attachmentsForRepresentation(tx, row.id);
        const trail = [wholeTrail(tx, actor, "representation", row.id), ...files.map((f) => wholeTrail(tx, actor, "attachment", f.id))]
          .flat()
          .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
        return {
          id: row.id,
          reference: row.reference,
          kind: row.kind,
          status: row.status,
          process: row.process,
          stage: currentStage(tx, row.id)?.kind ?? null,
          // Each stage the case went through, with its dates and what was found.
          stages: stagesOf(tx, row.id).map((st) => ({
            kind: st.kind,
            state: st.state,
            startedOn: st.startedOn,
            requestedOn: st.requestedOn,
            dueOn: st.dueOn,
            latestOn: st.latestOn,
            extendedTo: st.extendedTo,
            extensionReason: st.extensionReason,
            respondedOn: st.respondedOn,
            finding: st.finding,
            closedOn: st.closedOn,
            // Stage 2's statement of complaint, each version shared and the person's answer (decision record 041).
            statementAgreedOn: st.statementAgreedOn,
            statementVersions: statementVersionsOf(tx, st.id).map((v) => ({
              version: v.version,
              sharedAt: v.sharedAt.toISOString(),
              sharedBy: v.sharedBy,
              text: v.body,
              answer: v.answer,
              answeredAt: v.answeredAt?.toISOString() ?? null,
              changesAsked: v.changes,
            })),
          })),
          representationType: row.representationType,
          receivedAt: row.receivedAt.toISOString(),
          howReceived: row.methodReceived,
          language: row.language,
          mode: row.mode,
          person: { name: row.personName, relationship: row.personRelationship, email: row.personEmail },
          childName: row.childName,
          answers: answerRows(t, row.answers as DraftAnswers, { changeLinks: false, teams, language: "en" }).map((a) => ({ question: String(a.label), answer: String(a.value) })),
          storedAnswers: row.answers,
          coding: Object.entries(caseCoding(tx, row.id)).flatMap(([list, codes]) => codes.map((c) => ({ list, label: c.label, primary: c.primary }))),
          timeline: caseTimeline(tx, row)
            .reverse()
            .map((item) => ({
              at: item.at.toISOString(),
              what: t(`timeline.kinds.${item.kind}`, { channel: item.channel ? t(`channels.${item.channel}`, { defaultValue: item.channel }) : "" }),
              channel: item.channel,
              text: item.body,
              by: item.author,
              details: item.details,
            })),
          emails: caseEmails(tx, row.id).map((m) => ({ at: (m.sentAt ?? m.createdAt).toISOString(), status: m.status, to: m.toAddress, subject: m.subject, text: m.textBody })),
          files: files.map((f) => ({ id: f.id, name: f.name, type: f.contentType, sizeBytes: f.sizeBytes, addedAt: f.createdAt.toISOString(), download: f.href })),
          contactRestrictions: activeRestrictions(tx, row).map((c) => ({ restricted: c.restricted, reason: c.reason, reviewOn: c.reviewOn, addedAt: c.createdAt.toISOString() })),
          equality: asChild.get(row.id)
            ? null
            : equalityAnswerKeys(findEqualityAnswers(tx, row.id)).map((e) => ({ question: tCommon(e.questionKey), answer: e.answerKey ? tCommon(e.answerKey) : e.value })),
          accessLog: trail.map((a) => ({ at: a.at.toISOString(), staff: a.staffName, action: tStaff(`subjectAccess.actions.${a.action}`, { defaultValue: a.action }) })),
        };
      }),
    };
  });
}
