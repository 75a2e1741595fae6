import { describe, expect, it } from "vitest";
import { corporateStage1DueDates, earlyResolutionDueOn } from "./timescales";

// The council's timescale settings (effectiveTimescales in app/services/settings.server.ts) are
// passed to the same pure rules; without them the rules use the defaults.
describe("timescales chosen by the council", () => {
  it("corporate Stage 1 follows the council's numbers when given", () => {
    const defaults = corporateStage1DueDates("2026-11-02", "2026-11-03");
    expect(defaults.dueOn).toBe("2026-11-17");
    const longer = corporateStage1DueDates("2026-11-02", "2026-11-03", { acknowledgeWithin: 3, respondWithin: 15, maximumExtension: 5 });
    expect(longer).toEqual({ acknowledgeBy: "2026-11-05", dueOn: "2026-11-24", latestOn: "2026-12-01" });
  });

  it("early resolution follows the council's number when given", () => {
    expect(earlyResolutionDueOn("2026-11-02")).toBe("2026-11-05");
    expect(earlyResolutionDueOn("2026-11-02", 5)).toBe("2026-11-09");
  });
});
