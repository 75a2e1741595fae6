import { describe, expect, it } from "vitest";
import { columnSort, inboxAssignee } from "./inbox-view";

describe("inboxAssignee", () => {
  it("opens a team manager's inbox on their own cases", () => {
    expect(inboxAssignee("team-manager", 7, new URLSearchParams(""))).toEqual({ assigneeId: 7, mine: true });
    expect(inboxAssignee("team-manager", 7, new URLSearchParams("sort=reference"))).toEqual({ assigneeId: 7, mine: true });
  });

  it("lets an explicit choice win, including 'any' (an empty value)", () => {
    expect(inboxAssignee("team-manager", 7, new URLSearchParams("assignee="))).toEqual({ assigneeId: undefined, mine: false });
    expect(inboxAssignee("team-manager", 7, new URLSearchParams("assignee=9"))).toEqual({ assigneeId: 9, mine: false });
    expect(inboxAssignee("team-manager", 7, new URLSearchParams("assignee=7"))).toEqual({ assigneeId: 7, mine: true });
    expect(inboxAssignee("team-manager", 7, new URLSearchParams("assignee=x"))).toEqual({ assigneeId: undefined, mine: false });
  });

  it("opens everyone else's inbox on every case they may see", () => {
    for (const role of ["complaints-officer", "complaints-manager", "investigator"] as const) {
      expect(inboxAssignee(role, 7, new URLSearchParams(""))).toEqual({ assigneeId: undefined, mine: false });
    }
  });
});

describe("columnSort", () => {
  it("marks the sorted column and offers the other direction for received", () => {
    expect(columnSort("due", "due")).toEqual({ next: "due", ariaSort: "ascending" });
    expect(columnSort("reference", "due")).toEqual({ next: "reference", ariaSort: "none" });
    expect(columnSort("received", "due")).toEqual({ next: "received-newest", ariaSort: "none" });
    expect(columnSort("received", "received-newest")).toEqual({ next: "received-oldest", ariaSort: "descending" });
    expect(columnSort("received", "received-oldest")).toEqual({ next: "received-newest", ariaSort: "ascending" });
  });
});
