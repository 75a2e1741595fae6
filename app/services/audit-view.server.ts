import type { TFunction } from "i18next";
import { inArray, isNotNull } from "drizzle-orm";
import { referenceValues, representations, staffUsers, teams } from "../../db/schema";
import { describeAuditEntry, type AuditNames, type AuditEntryView } from "../domain/audit-sentence";
import { formatDateTime } from "../domain/dates";
import type { AuditRow } from "./audit-log.server";
import type { Db } from "./db.server";

/**
 * Today's names for what audit rows hold as ids and codes: staff accounts, teams, reference-list
 * values. Read at render time, so an entry reads with the names the council uses now.
 */
export function auditNames(db: Db): AuditNames {
  return {
    staff: new Map(db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).all().map((s) => [s.id, s.name])),
    teams: new Map(db.select({ id: teams.id, name: teams.name }).from(teams).all().map((t) => [t.id, t.name])),
    values: new Map(
      db
        .select({ code: referenceValues.code, label: referenceValues.label })
        .from(referenceValues)
        .where(isNotNull(referenceValues.code))
        .all()
        .map((v) => [v.code ?? "", v.label])
    ),
  };
}

export interface AuditEntryRow extends AuditEntryView {
  id: number;
  /** The action's code (for filtering and tests; the sentence says it in words). */
  action: string;
  /** When, in words, and as an ISO instant for <time>. */
  at: string;
  iso: string;
}

/**
 * A page of audit rows as sentences with their changes. `thisCase` is the case whose own trail is
 * shown (its rows then say "the case"). A row about a case the reader may not see names it by its
 * record number only, with no details (readAudit has withheld them).
 */
export function auditEntries(db: Db, t: TFunction, rows: AuditRow[], thisCase: number | null = null): AuditEntryRow[] {
  const names = auditNames(db);
  const caseIds = [...new Set(rows.filter((r) => r.entity === "representation" && !r.detailsWithheld).map((r) => Number(r.entityId)))].filter(Number.isSafeInteger);
  const references = new Map(
    caseIds.length ? db.select({ id: representations.id, reference: representations.reference }).from(representations).where(inArray(representations.id, caseIds)).all().map((r) => [r.id, r.reference]) : []
  );
  const valueLabels = new Map(
    db
      .select({ id: referenceValues.id, label: referenceValues.label })
      .from(referenceValues)
      .all()
      .map((v) => [String(v.id), v.label])
  );
  const record = (r: AuditRow): string => {
    const id = Number(r.entityId);
    switch (r.entity) {
      case "representation":
        if (id === thisCase) return t("staff:auditEntry.theCase");
        return references.has(id) ? t("staff:auditEntry.case", { reference: references.get(id) }) : t("staff:auditEntry.hiddenCase", { id: r.entityId });
      case "staff_user":
        return names.staff.get(id) ?? t("staff:auditEntry.account", { id: r.entityId });
      case "team":
        return names.teams.get(id) ?? t("staff:auditEntry.team", { id: r.entityId });
      case "reference_value":
        return valueLabels.get(r.entityId) ?? t("staff:auditEntry.record", { entity: r.entity, id: r.entityId });
      default:
        return t("staff:auditEntry.record", { entity: r.entity.replaceAll("_", " "), id: r.entityId });
    }
  };
  return rows.map((r) => {
    const at = formatDateTime(r.at, "en");
    const view = describeAuditEntry(t, { who: r.staffName, action: r.action, record: record(r), at, details: r.detailsWithheld ? null : r.details }, names);
    return { id: r.id, action: r.action, at, iso: r.at.toISOString(), ...view };
  });
}
