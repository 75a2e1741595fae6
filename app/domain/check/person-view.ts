import type { IsoDate } from "../calendar";
import { latestVersion, statementStatus, type StatementStatus, type StatementVersion } from "./statement";

/**
 * What the person on a case may see of it online ("Check your complaint", decision record 030).
 * Pure, and an allow-list: a kind of record is shown only if it is named here, so a new kind of
 * staff entry, email or file stays hidden until someone decides here that the person may see it.
 *
 * Shown: the letters the council sent them (emailed, or kept to post), the files they sent
 * themselves, each stage with its dates, and extensions with the reason they were told. Never:
 * notes, correspondence staff recorded, coding, safeguarding, contact restrictions, emails to
 * staff or to anyone else (an advocacy service, a manager), files staff added, names of staff or
 * of people on a stage.
 */

/** The letters written to the person (the outbox's template names; acknowledgements end in the kind). */
const LETTERS_TO_PERSON = new Set(["refusal", "stage-decided", "stage-accepted", "extension", "response", "closure", "statement-shared"]);

export function isLetterToPerson(template: string): boolean {
  return template.startsWith("acknowledgement-") || LETTERS_TO_PERSON.has(template);
}

export interface RecordMail {
  id: number;
  template: string;
  toAddress: string;
  subject: string;
  textBody: string;
  createdAt: Date;
}

export interface RecordEntry {
  id: number;
  kind: string;
  channel: string | null;
  body: string | null;
  details: Record<string, unknown> | null;
  at: Date;
}

export interface RecordFile {
  id: number;
  originalName: string;
  uploadedByStaffId: number | null;
  createdAt: Date;
}

export interface RecordStage {
  sequence: number;
  kind: string;
  state: string;
  startedOn: IsoDate;
  /** The day the reply is due, extension included (the stage's clocks' respondBy). */
  replyDueOn: IsoDate | null;
  extendedTo: IsoDate | null;
  extensionReason: string | null;
  respondedOn: IsoDate | null;
  closedOn: IsoDate | null;
  nextStageAskedOn: IsoDate | null;
}

/** Everything the case holds that could matter: the function picks what the person may see. */
export interface CaseRecord {
  mail: readonly RecordMail[];
  entries: readonly RecordEntry[];
  files: readonly RecordFile[];
  stages: readonly RecordStage[];
  /** Stage 2's statement of complaint (the latest Stage 2's): the versions shared, and the day it was agreed. */
  statement?: { versions: readonly StatementVersion[]; agreedOn: IsoDate | null } | null;
  /**
   * A contact restriction is in force for the person (decision record 042). Its words and reason
   * are never in the record: only that one exists.
   */
  restricted?: boolean;
}

export interface PersonLetter {
  key: string;
  at: Date;
  by: "email" | "post";
  subject: string;
  body: string;
}

export interface PersonStage {
  sequence: number;
  kind: string;
  state: string;
  startedOn: IsoDate;
  /** The reply is due by this day (the extended date if it was extended). */
  dueOn: IsoDate | null;
  extension: { to: IsoDate; reason: string | null } | null;
  respondedOn: IsoDate | null;
  closedOn: IsoDate | null;
  nextStageAskedOn: IsoDate | null;
}

/** The statement of complaint as the person sees it: the latest version shared, never who wrote it. */
export interface PersonStatement {
  version: number;
  body: string;
  sharedAt: Date;
  status: StatementStatus;
  agreedOn: IsoDate | null;
  /** What they asked to change in this version, when they did. */
  changes: string | null;
}

export interface PersonView {
  letters: PersonLetter[];
  statement: PersonStatement | null;
  /**
   * They may send messages and files online. Not while a contact restriction is in force: that is
   * what restrictions limit (how often and by which route someone writes), so the page points to
   * the route they were told instead. Their statutory steps (the next stage, the statement,
   * withdrawing) stay open: a restriction manages contact, it does not take the procedure away.
   */
  mayMessage: boolean;
  files: Array<{ key: string; name: string; at: Date }>;
  /** Oldest first; the last is the current stage. */
  stages: PersonStage[];
}

function keptLetter(entry: RecordEntry): PersonLetter | null {
  const template = entry.details?.letter;
  if (entry.kind !== "correspondence-out" || entry.channel !== "letter" || typeof template !== "string" || !isLetterToPerson(template)) return null;
  const [subject = "", ...rest] = (entry.body ?? "").split("\n\n");
  return { key: `letter-${entry.id}`, at: entry.at, by: "post", subject, body: rest.join("\n\n") };
}

export function personView(record: CaseRecord): PersonView {
  const emailed = record.mail
    .filter((m) => isLetterToPerson(m.template))
    .map((m): PersonLetter => ({ key: `mail-${m.id}`, at: m.createdAt, by: "email", subject: m.subject, body: m.textBody }));
  const posted = record.entries.map(keptLetter).filter((l): l is PersonLetter => l !== null);
  const latest = record.statement ? latestVersion(record.statement.versions) : null;
  return {
    statement:
      latest && record.statement
        ? {
            version: latest.version,
            body: latest.body,
            sharedAt: latest.sharedAt,
            status: statementStatus(record.statement.versions, record.statement.agreedOn),
            agreedOn: record.statement.agreedOn,
            changes: latest.answer === "changes-asked" ? latest.changes : null,
          }
        : null,
    mayMessage: !record.restricted,
    letters: [...emailed, ...posted].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : 1)),
    files: record.files.filter((f) => f.uploadedByStaffId === null).map((f) => ({ key: `file-${f.id}`, name: f.originalName, at: f.createdAt })),
    stages: [...record.stages]
      .sort((a, b) => a.sequence - b.sequence)
      .map((s) => ({
        sequence: s.sequence,
        kind: s.kind,
        state: s.state,
        startedOn: s.startedOn,
        dueOn: s.replyDueOn,
        extension: s.extendedTo ? { to: s.extendedTo, reason: s.extensionReason } : null,
        respondedOn: s.respondedOn,
        closedOn: s.closedOn,
        nextStageAskedOn: s.nextStageAskedOn,
      })),
  };
}
