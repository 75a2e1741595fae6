import type { InboxSort } from "./casework";
import type { CaseRole } from "./permissions";

/**
 * Whose cases the inbox opens on. A team manager answers for the cases assigned to them, so their
 * inbox opens on "my cases"; an explicit `assignee` in the address (even empty: "any") wins, so
 * "all my teams' cases" is one link away and a filtered inbox can still be bookmarked.
 */
export function inboxAssignee(caseRole: CaseRole | "administrator", staffId: number, params: URLSearchParams): { assigneeId: number | undefined; mine: boolean } {
  if (params.has("assignee")) {
    const value = params.get("assignee") ?? "";
    const id = /^\d{1,9}$/.test(value) ? Number(value) : undefined;
    return { assigneeId: id, mine: id === staffId };
  }
  return caseRole === "team-manager" ? { assigneeId: staffId, mine: true } : { assigneeId: undefined, mine: false };
}

/** The columns the inbox sorts by on the server, and the sort a heading's link asks for next. */
export type SortableColumn = "reference" | "received" | "due";

export function columnSort(column: SortableColumn, current: InboxSort): { next: InboxSort; ariaSort: "ascending" | "descending" | "none" } {
  switch (column) {
    case "reference":
      return { next: "reference", ariaSort: current === "reference" ? "ascending" : "none" };
    case "due":
      return { next: "due", ariaSort: current === "due" ? "ascending" : "none" };
    case "received":
      // Newest first on the first press; the other way round on the next.
      if (current === "received-newest") return { next: "received-oldest", ariaSort: "descending" };
      if (current === "received-oldest") return { next: "received-newest", ariaSort: "ascending" };
      return { next: "received-newest", ariaSort: "none" };
  }
}
