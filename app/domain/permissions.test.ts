import { describe, expect, it } from "vitest";
import { allPermissions, allRoles, can, caseRoleOf, checkRoleSet, homeFor, menuFor, permissions, permissionsOf, roles, staffMenu } from "./permissions";

describe("roles", () => {
  it("are sets of known permissions, and every permission belongs to some role", () => {
    const granted = new Set(Object.values(roles).flat());
    for (const p of granted) expect(allPermissions).toContain(p);
    for (const p of allPermissions) expect(granted.has(p), p).toBe(true);
    expect(Object.keys(permissions)).toEqual(["cases", "learning", "audit", "subjectAccess", "report", "admin", "account"]);
  });

  it("an administrator sees no case content; case roles have no administration", () => {
    expect(can("administrator", "cases.view")).toBe(false);
    expect(can("administrator", "admin.users")).toBe(true);
    for (const role of ["complaints-officer", "complaints-manager", "team-manager", "investigator"]) {
      expect(can(role, "cases.view"), role).toBe(true);
      expect(can(role, "admin.users"), role).toBe(false);
      expect(can(role, "admin.settings"), role).toBe(false);
    }
    expect(can("team-manager", "cases.triage")).toBe(false);
    expect(can("investigator", "cases.assign")).toBe(false);
  });

  it("subject access exports are for the complaints manager alone: they hold every case's content", () => {
    expect(allRoles.filter((role) => can(role, "subject-access.export"))).toEqual(["complaints-manager"]);
  });

  it("grants the union of several roles", () => {
    expect(can(["administrator", "complaints-manager"], "cases.view")).toBe(true);
    expect(can(["administrator", "complaints-manager"], "admin.settings")).toBe(true);
    expect(permissionsOf(["administrator", "complaints-manager"])).toEqual([...allPermissions]);
    expect(permissionsOf(["team-manager"])).toEqual(["cases.view", "cases.respond", "learning.manage", "account.manage"]);
  });

  it("grants nothing for unknown roles", () => {
    expect(can("superuser", "admin.users")).toBe(false);
    expect(can([], "account.manage")).toBe(false);
    expect(can(["constructor"], "account.manage")).toBe(false);
  });
});

describe("case role", () => {
  it("is the one case role held, or administrator", () => {
    expect(caseRoleOf(["administrator", "team-manager"])).toBe("team-manager");
    expect(caseRoleOf(["investigator"])).toBe("investigator");
    expect(caseRoleOf(["administrator"])).toBe("administrator");
    expect(caseRoleOf([])).toBe("administrator");
  });

  it("role sets: at least one, known, one case role at most", () => {
    expect(checkRoleSet(["administrator", "complaints-manager"])).toBeNull();
    expect(checkRoleSet(["investigator"])).toBeNull();
    expect(checkRoleSet([])).toBe("none");
    expect(checkRoleSet(["boss"])).toBe("unknown");
    expect(checkRoleSet(["team-manager", "investigator"])).toBe("several-case-roles");
  });
});

describe("menu", () => {
  it("shows each role only what it may use", () => {
    const keys = (held: string[]) => menuFor(held).map((m) => m.key);
    expect(keys(["complaints-officer"])).toEqual(["inbox", "deadlines", "learning", "account"]);
    expect(keys(["complaints-manager"])).toEqual(["inbox", "deadlines", "learning", "audit", "subjectAccess", "dashboard", "report", "account"]);
    expect(keys(["team-manager"])).toEqual(["inbox", "deadlines", "learning", "account"]);
    expect(keys(["administrator"])).toEqual(["users", "teams", "settings", "lists", "timescales", "retention", "audit", "dashboard", "report", "import", "account"]);
    for (const role of allRoles) {
      for (const entry of menuFor([role])) expect(can(role, entry.permission)).toBe(true);
    }
    expect(staffMenu.every((m) => m.href.startsWith("/staff"))).toBe(true);
  });

  it("gives the annual report to the complaints manager and administrator, and the historic import to the administrator alone", () => {
    expect(allRoles.filter((role) => can(role, "report.view"))).toEqual(["complaints-manager", "administrator"]);
    expect(allRoles.filter((role) => can(role, "report.import"))).toEqual(["administrator"]);
  });

  it("sends each person home to the first page they may use", () => {
    expect(homeFor(["complaints-officer"])).toBe("/staff");
    expect(homeFor(["administrator"])).toBe("/staff/admin/users");
  });
});
