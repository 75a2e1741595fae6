import { retentionKinds } from "./retention";

/**
 * What an audit row may keep (docs/decisions/010-audit-without-case-content.md).
 *
 * The audit says who did what to which record and which fields changed. Words about a case (notes,
 * correspondence, reasons staff typed) and people's names and contact details stay on the record,
 * where only people who may see it read them. So a value is kept only if its field is on the
 * record kind's list below (codes, statuses, ids, dates, counts); any other value is replaced by
 * NOT_KEPT and only the field's name stays. A field added later is kept by name only until
 * someone decides here that its values are codes.
 */

/** The kinds of record the audit trail is written about. */
export const AUDITED_ENTITIES = ["representation", "attachment", "staff_user", "team", "reference_value", "settings", "retention", "report", "learning_action"] as const;
export type AuditEntity = (typeof AUDITED_ENTITIES)[number];

export const NOT_KEPT = "(not kept in the audit)";

/** Field paths (dotted inside an object) whose values may be kept, or "all" for council configuration. */
type Keep = ReadonlySet<string> | "all";

const KEEP: Record<AuditEntity, Keep> = {
  // Codes from reference lists and fixed lists, states, dates, ids and counts. Not kept: the note,
  // the correspondence summary, what a contact restriction covers and why, the name of the person a
  // referral was made to, and the reasons typed on the eligibility checklist.
  representation: new Set([
    "reference",
    "kind",
    "method",
    "receivedOn",
    "files",
    "status",
    "process",
    "stage",
    "dueOn",
    "latestOn",
    // A stage (decision record 018): its kind, state, dates and codes. Its reasons (extension,
    // hold, withdrawal, reopening, a late request) and the names of people on it are not kept.
    "stageId",
    "state",
    "sequence",
    "startedOn",
    "requestedOn",
    // A request for the next stage came after its window (the reason itself stays on the stage).
    "late",
    "statementAgreedOn",
    "acknowledgedOn",
    "nextDueOn",
    "extendedTo",
    // Why, as a code (complex, advocate, other); the words staff typed stay on the stage.
    "extensionReasonCode",
    "personToldOfExtensionOn",
    "onHold",
    "handlerId",
    "respondedOn",
    "finding",
    "closedOn",
    "panelOn",
    "panelReportOn",
    "ombudsmanEnquiryDueOn",
    "ombudsmanEnquiryAnsweredOn",
    "ombudsmanStageId",
    "ombudsmanDecision",
    // A response's outcomes (decision record 028): the finding of each point, the actual outcomes'
    // value ids, and a stage's money (amounts and days; who was paid is not kept).
    "pointFindings",
    "actualOutcomeIds",
    "compensationOfferedPence",
    "compensationOfferedOn",
    "compensationAgreedPence",
    "compensationAgreedOn",
    "compensationPaidPence",
    "compensationPaidOn",
    "stagePersonIds",
    "costsPence",
    // The Ombudsman's remedy in money; its words are not kept.
    "remedyPence",
    // Stage 2's people as accounts (ids); names of people outside the council are not kept.
    "investigatorStaffUserId",
    "independentPersonStaffUserId",
    "remedyDueOn",
    "remedyMetOn",
    "staffUserId",
    "role",
    "decision",
    "personAgreed",
    "representationType",
    "receivedFrom",
    "eligibility.receivedFrom",
    "eligibility.childStatus",
    "eligibility.parentalResponsibility",
    "eligibility.sufficientInterest",
    "eligibility.childConsent",
    "eligibility.withinTwelveMonths",
    "eligibility.discretion",
    "eligibility.exclusions",
    "primaryNature",
    "natures",
    "outcomesSought",
    "teamId",
    "respondingManagerId",
    "recipients",
    "safeguarding",
    "concernId",
    "referredTo",
    "referredOn",
    "restrictionId",
    "personId",
    "reviewOn",
    "endedAt",
    "refusalReason",
    "sentBy",
    // A letter kept to post (decision record 023): which timeline entry, its kind, the day posted.
    "letterEntryId",
    "letter",
    "postedOn",
    "direction",
    "channel",
    // A subject access export: which records went out and in which format.
    "format",
    "representationIds",
    // A learning action raised on the case (its id, team, owner, due day; state is a stage's above).
    "learningActionId",
    "ownerId",
    // Stage 2's statement of complaint (decision record 041): which version and how it went, never its words.
    "statementVersion",
    "sharedBy",
    // Something the person did online, marked as dealt with (decision record 042): the entry and whether it waits.
    "entryId",
    "waiting",
  ]),
  attachment: new Set(["representationId"]),
  // A learning action (decision record 029): its state, team, owner and days. What will change, the
  // evidence, reasons and the public summary stay on the action.
  learning_action: new Set(["representationId", "stageId", "state", "teamId", "ownerId", "dueOn", "doneOn", "move", "published"]),
  // A member of staff's name and email stay on their account (never deleted), which the row's id
  // names; the audit keeps what was granted or changed about access.
  staff_user: new Set(["roles", "teamIds", "totpRequired", "disabled", "locked", "next", "secondFactor", "sessions", "left", "count"]),
  // The council's own configuration: team names (easy-read ones too) and shared mailboxes, list
  // values, council details and timescales are published or set by the council, not about a child
  // or a person.
  team: new Set(["name", "email", "easyReadName"]),
  reference_value: new Set(["list", "label", "note", "code"]),
  settings: "all",
  // A retention run: counts by kind of record and whether it failed; never a reference or a name.
  // The annual report (decision 032): a year's summary saved (never its words), a historic import's counts.
  report: new Set(["year", "rows", "imported", "alreadyImported"]),
  retention: new Set(["equalityAnswers", "emailBodies", "drafts", "files", ...retentionKinds.flatMap((kind) => [`deleted.${kind}`, `anonymised.${kind}`])]),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCode(value: unknown): boolean {
  if (typeof value === "string" || typeof value === "number") return true;
  return Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number");
}

function reduce(value: unknown, path: string, keep: Keep): unknown {
  // Nothing, or a yes/no, cannot carry words.
  if (value === null || value === undefined || typeof value === "boolean") return value ?? null;
  if (keep === "all") return value;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reduce(v, path ? `${path}.${k}` : k, keep)]));
  return keep.has(path) && isCode(value) ? value : NOT_KEPT;
}

/**
 * The details an audit row stores: `before` and `after` (the record's fields before and after the
 * change) and any other facts, each value kept only if it is a code for this kind of record, plus
 * `changed`, the names of the fields whose values differ (text included, its words not).
 */
export function auditDetails(entity: AuditEntity, details: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!details) return null;
  const keep = KEEP[entity];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] = key === "before" || key === "after" ? reduce(value, "", keep) : reduce(value, key, keep);
  }
  const { before, after } = details;
  if (isPlainObject(before) && isPlainObject(after)) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    out.changed = fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
  }
  return out;
}
