import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { experienceAnswers } from "../app/domain/check/experience";
import { statementAnswers } from "../app/domain/check/statement";
import { learningStates } from "../app/domain/learning";
import { stageKinds, stagePersonRoles, stageStates } from "../app/domain/stages";

/** A CHECK that a text column holds one of the domain's values (the list is the domain's, not repeated here). */
const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(", ")})`);
/** The same for a column that may be empty. */
const maybeOneOf = (column: string, values: readonly string[]) => sql.raw(`${column} IS NULL OR ${column} IN (${values.map((v) => `'${v}'`).join(", ")})`);

// Timestamps are stored as Unix milliseconds; working-day dates as ISO "YYYY-MM-DD" text,
// because a due date is a calendar day in England, not an instant.
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** A public e-form journey in progress. The cookie carries only `id`. */
export const drafts = sqliteTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    representationId: integer("representation_id").references(() => representations.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("drafts_updated_at_idx").on(t.updatedAt)],
);

/**
 * A complaint, compliment or comment, however it arrived. `answers` keeps exactly what the person
 * gave, validated by the form schemas; the columns beside it are what staff filter and sort on.
 */
export const representations = sqliteTable(
  "representations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull(),
    kind: text("kind", { enum: ["complaint", "compliment", "comment"] }).notNull(),
    status: text("status", { enum: ["new", "triaged", "open", "closed", "refused"] })
      .notNull()
      .default("new"),
    process: text("process", { enum: ["statutory", "corporate", "other"] }),
    methodReceived: text("method_received").notNull(),
    language: text("language").notNull().default("en"),
    /** "easy-read" when the person used the young person's easy-read e-form. */
    mode: text("mode", { enum: ["standard", "easy-read"] }).notNull().default("standard"),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    receivedOn: text("received_on").notNull(),
    personName: text("person_name").notNull(),
    personRelationship: text("person_relationship").notNull(),
    personEmail: text("person_email"),
    childName: text("child_name"),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    // Casework: set by staff at triage and afterwards (labels from reference_values).
    representationType: text("representation_type"),
    receivedFrom: text("received_from"),
    primaryNature: text("primary_nature"),
    personId: integer("person_id").references(() => persons.id),
    teamId: integer("team_id").references(() => teams.id),
    respondingManagerId: integer("responding_manager_id").references(() => staffUsers.id),
    /** "flagged" until the referral to the MASH or the LADO is recorded, then "referred". */
    safeguarding: text("safeguarding", { enum: ["flagged", "referred"] }),
    /** The eligibility checklist as answered at triage (see app/domain/eligibility.ts). */
    eligibility: text("eligibility", { mode: "json" }).$type<Record<string, unknown>>(),
    refusalReason: text("refusal_reason"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    /** When the case ended (refused, or a compliment passed on); retention counts from here. */
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    /** Set when retention stripped the personal data; the coded row stays for the annual report. */
    anonymisedAt: integer("anonymised_at", { mode: "timestamp_ms" }),
    /**
     * Historic records brought from a council's old case system (`npm run import`, decision 033):
     * when, and the old system's own reference, which makes a second import of the same file add
     * nothing. Imported records are counted by the report and otherwise read-only.
     */
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
    sourceReference: text("source_reference"),
    /**
     * The public form's "I want an advocate" referral was sent to the advocacy provider (with the
     * person's agreement). A coded fact kept when retention strips the answers, so the annual
     * report can count referrals made (decision 043).
     */
    advocacyReferred: integer("advocacy_referred", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // The inbox reads and sorts on these (decision record 038). The current stage's id, kind and next
    // deadline are copies kept by triggers on `stages` (the migration's hand-written SQL), whichever
    // service writes a stage; the two generated columns are what the inbox orders by, so an index
    // can give the order instead of sorting a million rows by CASE expressions on every page.
    currentStageId: integer("current_stage_id"),
    currentStageKind: text("current_stage_kind"),
    nextDueOn: text("next_due_on"),
    /** 0 while a safeguarding concern waits for its referral (pinned first), else 1. */
    pinOrder: integer("pin_order").generatedAlwaysAs(sql`(safeguarding IS NOT 'flagged')`, { mode: "virtual" }),
    /** The next deadline, or a far date once the stage ended, so running stages sort first. */
    dueKey: text("due_key").generatedAlwaysAs(sql`coalesce(next_due_on, '9999-12-31')`, { mode: "virtual" }),
  },
  (t) => [
    uniqueIndex("representations_reference_idx").on(t.reference),
    index("representations_received_at_idx").on(t.receivedAt),
    index("representations_status_idx").on(t.status),
    index("representations_team_idx").on(t.teamId),
    index("representations_person_idx").on(t.personId),
    index("representations_closed_at_idx").on(t.closedAt),
    // The retention run's candidates: cases still holding personal data, by kind and when they closed.
    index("representations_retention_idx").on(t.kind, t.closedAt).where(sql`anonymised_at IS NULL AND imported_at IS NULL AND closed_at IS NOT NULL`),
    // One index per inbox sort, each ending in id so every order is total.
    index("representations_inbox_due_idx").on(t.pinOrder, t.dueKey, sql`received_at DESC`, t.id),
    index("representations_inbox_newest_idx").on(t.pinOrder, sql`received_at DESC`, sql`id DESC`),
    index("representations_inbox_oldest_idx").on(t.pinOrder, t.receivedAt, t.id),
    index("representations_inbox_reference_idx").on(t.pinOrder, t.reference),
    // Each filter with the default order: the filter's rows come out already in order (a filter
    // such as "comments" would otherwise walk past every complaint with a deadline first).
    ...(["status", "kind", "process", "currentStageKind", "teamId", "respondingManagerId", "personRelationship"] as const).map((column) =>
      index(`representations_inbox_${t[column].name}_idx`).on(t[column], t.pinOrder, t.dueKey, sql`received_at DESC`, t.id),
    ),
    // A team manager's counts by status.
    index("representations_team_status_idx").on(t.teamId, t.status),
    index("representations_next_due_idx").on(t.nextDueOn),
    // The deadlines dashboard: only cases with a deadline, in its order, with what it shows and
    // filters on, so the wide case rows are never read (decision record 051).
    index("representations_deadlines_idx")
      .on(t.nextDueOn, t.reference, t.teamId, t.respondingManagerId, t.currentStageId, t.currentStageKind)
      .where(sql`next_due_on IS NOT NULL`),
    index("representations_current_stage_idx").on(t.currentStageId),
    uniqueIndex("representations_source_reference_idx").on(t.sourceReference),
    // The annual report and the managers' dashboard read representations by the day they were
    // received; every column they count is in the index, so the wide rows (the answers) are never
    // read (decision record 044).
    index("representations_report_idx").on(
      t.receivedOn,
      t.kind,
      t.process,
      t.status,
      t.methodReceived,
      t.receivedFrom,
      t.primaryNature,
      t.teamId,
      t.refusalReason,
      t.importedAt,
    ),
    // The report's advocacy table reads the few referred cases of its years apart (decision 050):
    // a column outside the covering index, read from every row in the years, was most of its time.
    index("representations_advocacy_idx").on(t.receivedOn).where(sql`advocacy_referred = 1`),
  ],
);

/**
 * One row for each stage a case enters (decision record 018): its kind and state (the domain's
 * lists, app/domain/stages.ts), the facts its clocks are computed from (app/domain/stage-clocks.ts)
 * and what happened in it. `dueOn`/`latestOn` are the clock's results kept for reading;
 * `nextDueOn` is the next deadline not yet met while the stage runs (null once it has ended): what
 * the inbox sorts and filters on. All three are recomputed whenever a fact changes.
 */
export const stages = sqliteTable(
  "stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    /** 1 for the first stage of the case, then 2, 3, …; the highest is the current stage. */
    sequence: integer("sequence").notNull(),
    kind: text("kind").notNull(),
    state: text("state").notNull().default("open"),
    /** The day the stage began (see StageClockFacts.startedOn). */
    startedOn: text("started_on").notNull(),
    /** Stage 2 and 3, corporate Stage 2: the day the person asked for it. */
    requestedOn: text("requested_on"),
    lateRequestReason: text("late_request_reason"),
    statementAgreedOn: text("statement_agreed_on"),
    acknowledgedOn: text("acknowledged_on"),
    dueOn: text("due_on"),
    latestOn: text("latest_on"),
    nextDueOn: text("next_due_on"),
    extendedTo: text("extended_to"),
    extensionReason: text("extension_reason"),
    extendedById: integer("extended_by_id").references(() => staffUsers.id),
    extendedAt: integer("extended_at", { mode: "timestamp_ms" }),
    personToldOfExtensionOn: text("person_told_of_extension_on"),
    onHold: integer("on_hold", { mode: "boolean" }).notNull().default(false),
    onHoldReason: text("on_hold_reason"),
    /** The responding manager, or whoever holds the stage for the council. */
    handlerId: integer("handler_id").references(() => staffUsers.id),
    respondedOn: text("responded_on"),
    /**
     * The finding for the complaint: a code of the "finding" reference list (app/domain/outcomes.ts,
     * decision records 028 and 048). The service checks it against the list.
     */
    finding: text("finding"),
    // Compensation offered, agreed and paid in this stage: whole pence, each with its day.
    compensationOfferedPence: integer("compensation_offered_pence"),
    compensationOfferedOn: text("compensation_offered_on"),
    compensationAgreedPence: integer("compensation_agreed_pence"),
    compensationAgreedOn: text("compensation_agreed_on"),
    compensationPaidPence: integer("compensation_paid_pence"),
    compensationPaidOn: text("compensation_paid_on"),
    closedOn: text("closed_on"),
    withdrawnReason: text("withdrawn_reason"),
    reopenedReason: text("reopened_reason"),
    panelOn: text("panel_on"),
    panelReportOn: text("panel_report_on"),
    ombudsmanReference: text("ombudsman_reference"),
    ombudsmanEnquiryDueOn: text("ombudsman_enquiry_due_on"),
    ombudsmanEnquiryAnsweredOn: text("ombudsman_enquiry_answered_on"),
    /** A label from the "outcome" reference list (the Ombudsman's decision). */
    ombudsmanDecision: text("ombudsman_decision"),
    remedy: text("remedy"),
    remedyPence: integer("remedy_pence"),
    remedyDueOn: text("remedy_due_on"),
    remedyMetOn: text("remedy_met_on"),
    /**
     * The person asked online for the next stage (app/services/check.server.ts) on this day; staff
     * confirm it with the escalate move, which counts the next stage's clock from it.
     */
    nextStageAskedOn: text("next_stage_asked_on"),
    /** Why the online request came after its window (the person's words: case content). */
    nextStageAskedLateReason: text("next_stage_asked_late_reason"),
    /** The person answered the experience questions about this stage (what they said is kept apart, unlinked). */
    experienceAnsweredAt: integer("experience_answered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("stages_representation_sequence_idx").on(t.representationId, t.sequence),
    index("stages_state_next_due_idx").on(t.state, t.nextDueOn),
    // The managers' dashboard counts running stages by kind from the index alone (decision record 044).
    index("stages_state_kind_idx").on(t.state, t.kind),
    index("stages_next_due_idx").on(t.nextDueOn),
    // The deadlines dashboard's running stage of each case, read from the index alone (decision record 051).
    index("stages_running_idx")
      .on(t.representationId, t.nextDueOn, t.startedOn, t.statementAgreedOn, t.handlerId)
      .where(sql`next_due_on IS NOT NULL`),
    // The annual report counts completed stages by the day of their response.
    index("stages_responded_on_idx").on(t.respondedOn, t.representationId),
    // …and a case received before the years shown by a stage started in them (both indexes hold
    // the case's id, so finding those cases reads no stage row; decision record 044).
    index("stages_started_on_idx").on(t.startedOn, t.representationId),
    check("stages_kind_check", oneOf("kind", stageKinds)),
    check("stages_state_check", oneOf("state", stageStates)),
  ],
);

/**
 * Representations received per month, by what the managers' dashboard counts them by (decision
 * record 051): kept by triggers on representations and equality_responses (in the migration), so
 * the dashboard reads a few hundred rows whatever the number of cases. Deleted cases and answers
 * leave it as they leave their tables.
 */
export const receivedCounts = sqliteTable(
  "received_counts",
  {
    /** "YYYY-MM" of received_on. */
    month: text("month").notNull(),
    kind: text("kind").notNull(),
    methodReceived: text("method_received").notNull(),
    /** The received-from label, or "" when none was recorded (a key cannot hold null). */
    receivedFrom: text("received_from").notNull(),
    /** 1 for records imported from an old case system (not offered Speak Up's equality questions). */
    imported: integer("imported", { mode: "boolean" }).notNull(),
    count: integer("count").notNull(),
    /** Of them, those with equality answers (kept by triggers on equality_responses too). */
    answered: integer("answered").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind, t.methodReceived, t.receivedFrom, t.imported] }), check("received_counts_kind_check", oneOf("kind", ["complaint", "compliment", "comment"]))],
);

/**
 * Stage 2: the statement of complaint staff wrote up, one row per version shared with the person
 * (decision record 041). A version is never changed once shared: when the person asks for
 * changes, staff share a new one. The words and the person's changes are case content (timeline
 * and this table only, never the audit).
 */
export const statements = sqliteTable(
  "statements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stageId: integer("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    writtenById: integer("written_by_id").references(() => staffUsers.id),
    sharedAt: integer("shared_at", { mode: "timestamp_ms" }).notNull(),
    /** How the person was told: "email" (read it online) or "letter" (kept to post, with the words). */
    sharedBy: text("shared_by").notNull(),
    /** The person's answer online: agreed, or asked for changes (null: not answered yet). */
    answer: text("answer"),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    /** What the person said is wrong (their words). */
    changes: text("changes"),
  },
  (t) => [
    uniqueIndex("statements_stage_version_idx").on(t.stageId, t.version),
    check("statements_shared_by_check", oneOf("shared_by", ["email", "letter"])),
    check("statements_answer_check", maybeOneOf("answer", statementAnswers)),
  ],
);

/**
 * The people on a stage who are not simply its handler: Stage 2's Investigating Officer,
 * Independent Person and Adjudicating Officer, Stage 3's panel. They may be people from outside
 * the council, so a name, a staff account, or both.
 */
export const stagePeople = sqliteTable(
  "stage_people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stageId: integer("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    staffUserId: integer("staff_user_id").references(() => staffUsers.id),
    name: text("name"),
    costPence: integer("cost_pence"),
    /** Who the cost was paid to when not the person themselves (an agency, a chambers): words staff typed. */
    paidTo: text("paid_to"),
    createdAt: createdAt(),
  },
  (t) => [
    index("stage_people_stage_idx").on(t.stageId),
    index("stage_people_staff_idx").on(t.staffUserId, t.role),
    check("stage_people_role_check", oneOf("role", stagePersonRoles)),
    check("stage_people_who_check", sql`staff_user_id IS NOT NULL OR name IS NOT NULL`),
  ],
);

/**
 * A point of complaint answered in a stage's response (Stage 2 always has several): the point in
 * the person's words, its finding (a "finding" code) and the reasons. The stage's own finding
 * follows from them by the rule in app/domain/outcomes.ts.
 */
export const stagePoints = sqliteTable(
  "stage_points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stageId: integer("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    point: text("point").notNull(),
    finding: text("finding").notNull(),
    reasons: text("reasons").notNull(),
  },
  // No CHECK on the finding: it is a code of the "finding" list, which a council adds to (decision
  // record 048); respondToStage checks it against the list's values.
  (t) => [uniqueIndex("stage_points_stage_position_idx").on(t.stageId, t.position)],
);

/**
 * Coding recorded at a stage's response from the reference lists (the "actual-outcome" list,
 * several allowed): the same values as the triage's coding, by id, so a retired value stays on
 * the stage it was recorded on.
 */
export const stageCodes = sqliteTable(
  "stage_codes",
  {
    stageId: integer("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "cascade" }),
    list: text("list").notNull(),
    referenceValueId: integer("reference_value_id")
      .notNull()
      .references(() => referenceValues.id),
  },
  (t) => [uniqueIndex("stage_codes_pk").on(t.stageId, t.list, t.referenceValueId)],
);

/**
 * A learning action (decision record 029): a change the council agreed because of a complaint,
 * compliment, comment or concern, optionally at a stage. Its states are the domain's
 * (app/domain/learning.ts). The public summary is staff's own words written for publication
 * ("what people told us", "what we changed"), never the case's text.
 */
export const learningActions = sqliteTable(
  "learning_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    stageId: integer("stage_id").references(() => stages.id, { onDelete: "set null" }),
    /** What will change. */
    change: text("change").notNull(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => staffUsers.id),
    dueOn: text("due_on").notNull(),
    state: text("state").notNull().default("agreed"),
    evidence: text("evidence"),
    /** Why it was dropped or reopened, as staff wrote it. */
    reason: text("reason"),
    doneOn: text("done_on"),
    publicHeard: text("public_heard"),
    publicChanged: text("public_changed"),
    createdById: integer("created_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("learning_actions_representation_idx").on(t.representationId),
    index("learning_actions_state_due_idx").on(t.state, t.dueOn),
    index("learning_actions_team_idx").on(t.teamId),
    check("learning_actions_state_check", oneOf("state", learningStates)),
  ],
);

/** Someone who makes representations; staff link each case to one so restrictions follow them. */
export const persons = sqliteTable(
  "persons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** Lower case; how a new case is matched to a person already known. */
    email: text("email"),
    createdAt: createdAt(),
  },
  (t) => [index("persons_email_idx").on(t.email)],
);

/**
 * A case's timeline: notes, correspondence in and out, and what staff changed. Append-only, like
 * the audit log, but written for people to read.
 */
export const caseEntries = sqliteTable(
  "case_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** For correspondence: email, letter, phone, in person, … */
    channel: text("channel"),
    body: text("body"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    staffUserId: integer("staff_user_id").references(() => staffUsers.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    /**
     * Something the person did online that waits for the complaints team (decision record 042):
     * set when it is written, cleared when staff act on it (the move that settles it, or "dealt with").
     */
    awaitingStaffSince: integer("awaiting_staff_since", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("case_entries_representation_idx").on(t.representationId, t.at),
    // Only the few entries still waiting are in it, so the dashboard and the digest read them alone.
    index("case_entries_awaiting_idx").on(t.awaitingStaffSince).where(sql`awaiting_staff_since IS NOT NULL`),
  ],
);

/** Coding from the reference lists (nature, outcome sought, …); one primary nature per case. */
export const caseCodes = sqliteTable(
  "case_codes",
  {
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    list: text("list").notNull(),
    referenceValueId: integer("reference_value_id")
      .notNull()
      .references(() => referenceValues.id),
    primary: integer("is_primary", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("case_codes_pk").on(t.representationId, t.list, t.referenceValueId)],
);

/** A safeguarding concern raised on a case, and the referral to the MASH or the LADO. */
export const safeguardingConcerns = sqliteTable(
  "safeguarding_concerns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    concern: text("concern").notNull(),
    flaggedById: integer("flagged_by_id").references(() => staffUsers.id),
    flaggedAt: integer("flagged_at", { mode: "timestamp_ms" }).notNull(),
    referredTo: text("referred_to", { enum: ["mash", "lado"] }),
    /** Who took the referral at the MASH or the LADO. */
    referredToName: text("referred_to_name"),
    referredOn: text("referred_on"),
    referralRecordedById: integer("referral_recorded_by_id").references(() => staffUsers.id),
    referralRecordedAt: integer("referral_recorded_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("safeguarding_concerns_representation_idx").on(t.representationId)],
);

/** Contact restrictions under the unreasonable behaviour policy; shown on every case of the person. */
export const contactRestrictions = sqliteTable(
  "contact_restrictions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    restricted: text("restricted").notNull(),
    reason: text("reason").notNull(),
    reviewOn: text("review_on").notNull(),
    createdById: integer("created_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endedById: integer("ended_by_id").references(() => staffUsers.id),
  },
  (t) => [index("contact_restrictions_person_idx").on(t.personId)],
);

/** Mail is written here in the same transaction as the change that caused it, then sent later. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id").references(() => representations.id, {
      onDelete: "cascade",
    }),
    template: text("template").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

export const staffUsers = sqliteTable(
  "staff_users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; an unusable placeholder until an invited person sets their password. */
    passwordHash: text("password_hash").notNull(),
    /**
     * The role that decides which cases they see (kept for reading convenience); every role a
     * person holds is in staff_roles, which is what permissions are checked against.
     */
    role: text("role").notNull(),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    /** Null while an invitation is outstanding. */
    passwordSetAt: integer("password_set_at", { mode: "timestamp_ms" }),
    /**
     * The TOTP secret, encrypted with TOTP_ENCRYPTION_KEY ("v1:…", see app/services/secret-box.server.ts);
     * set when enrolment starts, in use once totpEnabledAt is set.
     */
    totpSecret: text("totp_secret"),
    totpEnabledAt: integer("totp_enabled_at", { mode: "timestamp_ms" }),
    /** The last time step accepted, so a code cannot be used twice. */
    totpLastStep: integer("totp_last_step"),
    /** An administrator's choice: true or false; null follows the default (required unless demo mode). */
    totpRequired: integer("totp_required", { mode: "boolean" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_users_email_idx").on(t.email)],
);

/** Every role a member of staff holds (see app/domain/permissions.ts); several are allowed. */
export const staffRoles = sqliteTable(
  "staff_roles",
  {
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
  },
  (t) => [uniqueIndex("staff_roles_pk").on(t.staffUserId, t.role)],
);

/** One-time links for invitations and password resets. Only a SHA-256 of the token is kept. */
export const staffTokens = sqliteTable(
  "staff_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["invitation", "password-reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_tokens_token_hash_idx").on(t.tokenHash), index("staff_tokens_user_idx").on(t.staffUserId)],
);

/**
 * Failed sign-ins per account and per client address (keys are hashes), for lockout with a
 * growing delay. A success clears the account's row.
 */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * One-time recovery codes for when the authenticator app is lost: a keyed SHA-256 of each code,
 * never the code. A new set replaces the old; a used code keeps its row (usedAt) until then.
 */
export const staffRecoveryCodes = sqliteTable(
  "staff_recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("staff_recovery_codes_user_idx").on(t.staffUserId)],
);

/** Staff sessions are rows; the cookie holds only the id. */
export const staffSessions = sqliteTable(
  "staff_sessions",
  {
    id: text("id").primaryKey(),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    /**
     * Set while the password was right but the second step is outstanding: "totp" (enter a
     * code) or "totp-enrol" (set up an authenticator). Such a session opens nothing else.
     */
    pending: text("pending", { enum: ["totp", "totp-enrol"] }),
    createdAt: createdAt(),
  },
  (t) => [index("staff_sessions_user_idx").on(t.staffUserId)],
);

/** Append-only: who saw or changed what. Never updated or deleted by the application. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    staffUserId: integer("staff_user_id").references(() => staffUsers.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

/**
 * Reference lists (nature, outcomes, refusal reasons, …). Values are retired, never deleted, so old
 * records and old years' reports keep their meaning.
 */
export const referenceValues = sqliteTable(
  "reference_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    list: text("list").notNull(),
    label: text("label").notNull(),
    /**
     * A value's stable name: what cases and rules store and read (received-from: who may use the
     * statutory procedure; findings). The label is the council's to rename; the code never changes.
     * Seeded values that rules read have their own (db/seed-data); every other value gets
     * `value-<id>` when it is added (decision record 048).
     */
    code: text("code"),
    groupLabel: text("group_label"),
    note: text("note"),
    sortOrder: integer("sort_order").notNull().default(0),
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("reference_values_list_label_idx").on(t.list, t.label), uniqueIndex("reference_values_list_code_idx").on(t.list, t.code)],
);

/** The council's own details and choices, edited by an administrator. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

/** Guards the public send against floods: one row per hashed client address and hour. */
export const rateLimits = sqliteTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("rate_limits_bucket_window_idx").on(t.bucket, t.windowStart)],
);

/**
 * Files a person or staff member attached. Stored outside the web root under a random name;
 * opened only by staff. While the form is a draft, `draftId` holds them; sending moves them to
 * the representation.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: text("draft_id").references(() => drafts.id, { onDelete: "cascade" }),
    representationId: integer("representation_id").references(() => representations.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedByStaffId: integer("uploaded_by_staff_id").references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("attachments_draft_idx").on(t.draftId),
    index("attachments_representation_idx").on(t.representationId),
    uniqueIndex("attachments_storage_key_idx").on(t.storageKey),
  ],
);

/** "Save and come back later": a one-time link, emailed, valid for 7 days. Only a hash is kept. */
export const returnLinks = sqliteTable(
  "return_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("return_links_token_hash_idx").on(t.tokenHash)],
);

/** The council's teams and services: cases are assigned to them, the public picks from them. */
export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** The team in plain words for easy read ("People who find you a foster family"); null: its name. */
    easyReadName: text("easy_read_name"),
    email: text("email"),
    sortOrder: integer("sort_order").notNull().default(0),
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_name_idx").on(t.name)],
);

/** Which teams a member of staff belongs to (a team manager sees only their teams' cases). */
export const staffTeamMembers = sqliteTable(
  "staff_team_members",
  {
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
  },
  (t) => [uniqueIndex("staff_team_members_pk").on(t.staffUserId, t.teamId)],
);

/**
 * Optional equality monitoring, answered after sending. Kept apart from the case: answers only
 * (no names), never shown on a staff case page, read only as counts for reports, and deleted with
 * the representation. A missing column means the question was skipped.
 */
export const equalityResponses = sqliteTable(
  "equality_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    ageBand: text("age_band"),
    gender: text("gender"),
    disability: text("disability"),
    ethnicGroup: text("ethnic_group"),
    ethnicity: text("ethnicity"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("equality_responses_representation_idx").on(t.representationId), index("equality_responses_created_at_idx").on(t.createdAt)],
);

/**
 * One row per scheduled job and day (England's date): inserting it claims the day's run, so a job
 * runs once a day however many server processes share the database and however often they restart.
 */
export const scheduledRuns = sqliteTable(
  "scheduled_runs",
  {
    job: text("job").notNull(),
    runOn: text("run_on").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    /** Counts only (never personal data), or the error's message when the run failed. */
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex("scheduled_runs_job_day_idx").on(t.job, t.runOn)],
);

/**
 * "Check your complaint" (decision record 030): one-time codes emailed to the person on a case.
 * Only a keyed hash of the code is kept; a code works once, for 30 minutes.
 */
export const checkCodes = sqliteTable(
  "check_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("check_codes_representation_idx").on(t.representationId)],
);

/** A person's session on "Check your complaint": the cookie holds a token, this row its sha256. */
export const checkSessions = sqliteTable(
  "check_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    representationId: integer("representation_id")
      .notNull()
      .references(() => representations.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("check_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Answers to the optional experience questions (decision record 031), kept apart from the case:
 * no reference, no person, only the stage kind and the month, so they cannot be traced back.
 */
export const experienceResponses = sqliteTable(
  "experience_responses",
  {
    /** Random, not a counter: the order of rows must not match the order cases were answered in. */
    id: text("id").primaryKey(),
    stageKind: text("stage_kind").notNull(),
    /** "YYYY-MM" in England: enough for a year's report, too coarse to match to a case. */
    month: text("month").notNull(),
    easy: text("easy"),
    listened: text("listened"),
    again: text("again"),
    easyRead: integer("easy_read", { mode: "boolean" }).notNull().default(false),
    /**
     * Made by the child or young person themselves, so the report can show young people's answers
     * (decision 043); as coarse as `easyRead`. Null for answers given before it was kept.
     */
    youngPerson: integer("young_person", { mode: "boolean" }),
  },
  (t) => [
    index("experience_responses_month_idx").on(t.month),
    check("experience_responses_kind_check", oneOf("stage_kind", stageKinds)),
    check("experience_responses_easy_check", maybeOneOf("easy", experienceAnswers)),
    check("experience_responses_listened_check", maybeOneOf("listened", experienceAnswers)),
    check("experience_responses_again_check", maybeOneOf("again", experienceAnswers)),
  ],
);

/**
 * The annual report's summary for a financial year (1 April of `year` to 31 March), drafted from
 * the numbers and edited by staff before publishing (decision 032). Kept per year.
 */
export const reportNarratives = sqliteTable("report_narratives", {
  year: integer("year").primaryKey(),
  text: text("text").notNull(),
  updatedById: integer("updated_by_id").references(() => staffUsers.id),
  updatedAt: updatedAt(),
});

/**
 * The annual report's counts kept per closed financial year (decision 050): every table's sums for
 * the year (`YearPart` of app/domain/report/tally.ts, as JSON), under a key of the counting version
 * and what counting reads besides the records (the lists and the timescale limits). Triggers on
 * every table the report reads drop a year's counts when a write could change them, and count a
 * generation, so counts made from a snapshot older than such a write are not kept.
 */
export const reportKeptCounts = sqliteTable("report_kept_counts", {
  year: integer("year").primaryKey(),
  key: text("key").notNull(),
  counts: text("counts").notNull(),
  countedAt: integer("counted_at", { mode: "timestamp_ms" }).notNull(),
});

/** One row: how many writes could have changed a closed year's counts (bumped by the triggers). */
export const reportKeptState = sqliteTable(
  "report_kept_state",
  {
    id: integer("id").primaryKey(),
    generation: integer("generation").notNull().default(0),
  },
  () => [check("report_kept_state_one_row", sql`id = 1`)],
);
