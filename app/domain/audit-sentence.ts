import type { TFunction } from "i18next";
import { NOT_KEPT } from "./audit";
import { formatLongDate } from "./dates";

/**
 * An audit row read as a sentence ("Sam Officer changed the team of case SU-DEM5-LATE from
 * Fostering to Children in care, 30 Nov 2026, 14:02") with its field changes in a table.
 *
 * Only what the audit row holds is used: its code fields (app/domain/audit.ts keeps nothing
 * else), turned into words at render time: ids into the names of staff and teams, codes into
 * their labels (reference lists, statuses, stages), dates into words. So a renamed team or list
 * value reads with today's name, and no case content can appear, because none was kept.
 */

export interface AuditNames {
  /** Staff accounts by id (staff names are not case content). */
  staff: ReadonlyMap<number, string>;
  /** Teams by id. */
  teams: ReadonlyMap<number, string>;
  /** Reference-list values by their stable code (reference_values.code). */
  values: ReadonlyMap<string, string>;
}

export interface AuditEntryInput {
  /** Who did it, or null when nobody was signed in. */
  who: string | null;
  action: string;
  /** The record, already in words: "case SU-DEM5-LATE", "the case", "team 3". */
  record: string;
  /** When, already in words. */
  at: string;
  details: Record<string, unknown> | null;
}

export interface AuditChange {
  field: string;
  /** Null when the row holds no "before" (a record created, or a fact such as a count). */
  from: string | null;
  to: string;
}

export interface AuditEntryView {
  sentence: string;
  changes: AuditChange[];
}

const STAFF_ID_FIELDS = new Set(["respondingManagerId", "handlerId", "staffUserId", "investigatorStaffUserId", "independentPersonStaffUserId"]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Nested objects (a triage's eligibility answers, a retention run's counts) become dotted fields. */
function flatten(value: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && Object.keys(v).length) Object.assign(out, flatten(v, field));
    else out[field] = v;
  }
  return out;
}

/** One value in words. */
export function auditValue(t: TFunction, field: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0)) {
    return t("staff:auditEntry.nothing");
  }
  if (value === NOT_KEPT) return t("staff:auditEntry.notKept");
  if (typeof value === "boolean") return t(value ? "staff:auditEntry.yes" : "staff:auditEntry.no");
  if (Array.isArray(value)) return value.map((v) => auditValue(t, field, v, names)).join(", ");
  const leaf = field.split(".").at(-1) ?? field;
  if (typeof value === "number") {
    if (STAFF_ID_FIELDS.has(leaf)) return names.staff.get(value) ?? t("staff:auditEntry.account", { id: value });
    if (leaf === "teamId" || leaf === "teamIds") return names.teams.get(value) ?? t("staff:auditEntry.team", { id: value });
    if (leaf === "remedyPence") return `£${(value / 100).toFixed(2)}`;
    return String(value);
  }
  if (typeof value !== "string") return t("staff:auditEntry.notKept");
  if (DAY.test(value)) return formatLongDate(value, "en");
  // Codes with fixed words, then codes from the council's reference lists; anything else as stored.
  const fixed: Record<string, string> = {
    status: "casework:statuses",
    stage: "casework:stages",
    state: "casework:stageStates",
    process: "casework:processes",
    kind: "casework:kinds",
    decision: "casework:decisions",
    roles: "staff:roles",
    role: "staff:roles",
    channel: "casework:channels",
    referredTo: "casework:safeguarding.bodies",
  };
  const prefix = fixed[leaf];
  if (prefix) return t(`${prefix}.${value}`, { defaultValue: value });
  return names.values.get(value) ?? value;
}

/** A field's name in words ("teamId" → "team"). */
export function auditField(t: TFunction, field: string): string {
  return t(`staff:auditFields.${field.replaceAll(".", "_")}`, { defaultValue: field.replaceAll(".", ": ") });
}

export function describeAuditEntry(t: TFunction, entry: AuditEntryInput, names: AuditNames): AuditEntryView {
  const who = entry.who ?? t("staff:auditEntry.nobody");
  const details = entry.details ?? {};
  const before = isPlainObject(details.before) ? flatten(details.before) : null;
  const after = isPlainObject(details.after) ? flatten(details.after) : null;
  const changes: AuditChange[] = [];
  if (after) {
    // The fields that changed, in the order the row lists them; a created record lists them all.
    const changed = Array.isArray(details.changed) ? (details.changed as unknown[]).filter((f): f is string => typeof f === "string") : null;
    const fields = Object.keys(after).filter((f) => {
      if (!before) return true;
      const top = f.split(".")[0] ?? f;
      return changed ? changed.includes(top) : JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null);
    });
    for (const field of fields) {
      changes.push({ field: auditField(t, field), from: before ? auditValue(t, field, before[field], names) : null, to: auditValue(t, field, after[field], names) });
    }
  }
  // Facts beside before and after (a sign-in's method, a retention run's counts).
  for (const [field, value] of Object.entries(flatten(Object.fromEntries(Object.entries(details).filter(([k]) => k !== "before" && k !== "after" && k !== "changed"))))) {
    changes.push({ field: auditField(t, field), from: null, to: auditValue(t, field, value, names) });
  }
  const vars = { who, record: entry.record, at: entry.at };
  // One field changed: the sentence says it all.
  const first = changes[0];
  const only = changes.length === 1 && first && first.from !== null ? first : null;
  if (only) return { sentence: t("staff:auditEntry.changed", { ...vars, field: only.field, from: only.from, to: only.to }), changes };
  const action = t(`staff:auditActions.${entry.action}`, { record: entry.record, defaultValue: "" });
  const sentence = action ? t("staff:auditEntry.did", { ...vars, action }) : t("staff:auditEntry.other", { ...vars, action: entry.action });
  return { sentence, changes };
}
