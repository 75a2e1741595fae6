import { describe, expect, it } from "vitest";
import { wantsReact } from "./page-scripts";

describe("wantsReact", () => {
  it("hydrates a page no route says anything about (staff pages)", () => {
    expect(wantsReact([undefined, { breadcrumb: "x" }])).toBe(true);
    expect(wantsReact([])).toBe(true);
  });

  it("does not hydrate a page under a layout that says so (public pages)", () => {
    expect(wantsReact([undefined, { react: false }, undefined])).toBe(false);
  });

  it("lets the deepest route that says so decide: a public page that needs React can ask for it", () => {
    expect(wantsReact([undefined, { react: false }, { react: true }])).toBe(true);
    expect(wantsReact([{ react: true }, { react: false }])).toBe(false);
  });
});
