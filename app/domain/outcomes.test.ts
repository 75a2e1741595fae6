import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseFinding, checkCompensation, checkFinding, findingCodes, findingFromPoints, moneyTotals, type Compensation } from "./outcomes";

const points = (...findings: string[]) => findings.map((finding) => ({ finding }));

describe("the overall finding of a complaint with several points", () => {
  it("is upheld only when every point judged is upheld", () => {
    expect(findingFromPoints(points("upheld", "upheld"))).toBe("upheld");
    expect(findingFromPoints(points("upheld", "withdrawn"))).toBe("upheld");
  });

  it("is at least partially upheld when any point is upheld or partially upheld", () => {
    expect(findingFromPoints(points("upheld", "not-upheld"))).toBe("partially-upheld");
    expect(findingFromPoints(points("not-upheld", "partially-upheld", "not-upheld"))).toBe("partially-upheld");
    expect(findingFromPoints(points("partially-upheld"))).toBe("partially-upheld");
  });

  it("is not upheld when no point is", () => {
    expect(findingFromPoints(points("not-upheld", "not-investigated", "not-upheld"))).toBe("not-upheld");
  });

  it("says nothing when no point was judged on its merits, or there are none", () => {
    expect(findingFromPoints(points("withdrawn", "resolved-early"))).toBeNull();
    expect(findingFromPoints([])).toBeNull();
  });

  it("never lets a complaint with an upheld point be recorded as not upheld (any order, any number of points)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...findingCodes), { minLength: 1, maxLength: 8 }), (codes) => {
        const overall = findingFromPoints(points(...codes));
        if (codes.includes("upheld") || codes.includes("partially-upheld")) expect(overall === "upheld" || overall === "partially-upheld").toBe(true);
        expect(checkFinding("not-upheld", points(...codes)) === null).toBe(overall === null || overall === "not-upheld");
      }),
    );
  });

  it("refuses a finding for the complaint that its points contradict, naming the one they make", () => {
    expect(checkFinding("not-upheld", points("upheld", "not-upheld"))).toBe("partially-upheld");
    expect(checkFinding("partially-upheld", points("upheld", "not-upheld"))).toBeNull();
    expect(checkFinding("resolved-early", points("resolved-early"))).toBeNull();
  });

  it("over the case's stages is the last stage's that responded", () => {
    expect(caseFinding([])).toBeNull();
    expect(caseFinding([{ sequence: 2, finding: null }, { sequence: 1, finding: "not-upheld" }])).toBe("not-upheld");
    expect(caseFinding([{ sequence: 2, finding: "partially-upheld" }, { sequence: 1, finding: "not-upheld" }])).toBe("partially-upheld");
  });
});

const none: Compensation = { offeredPence: null, offeredOn: null, agreedPence: null, agreedOn: null, paidPence: null, paidOn: null };

describe("compensation on a stage", () => {
  it("accepts nothing, an offer alone, and the three steps in order", () => {
    expect(checkCompensation(none)).toBeNull();
    expect(checkCompensation({ ...none, offeredPence: 5000, offeredOn: "2026-03-02" })).toBeNull();
    expect(checkCompensation({ offeredPence: 5000, offeredOn: "2026-03-02", agreedPence: 7500, agreedOn: "2026-03-09", paidPence: 7500, paidOn: "2026-03-09" })).toBeNull();
  });

  it("needs a day for every amount and an amount for every day", () => {
    expect(checkCompensation({ ...none, offeredPence: 5000 })).toEqual({ step: "offered", problem: "offered-date-required" });
    expect(checkCompensation({ ...none, offeredPence: 1, offeredOn: "2026-03-02", agreedOn: "2026-03-03" })).toEqual({ step: "agreed", problem: "date-without-amount" });
  });

  it("agrees only what was offered and pays only what was agreed, never earlier, never more", () => {
    expect(checkCompensation({ ...none, agreedPence: 1, agreedOn: "2026-03-02" })).toEqual({ step: "agreed", problem: "agreed-without-offer" });
    const agreed = { ...none, offeredPence: 5000, offeredOn: "2026-03-02", agreedPence: 5000, agreedOn: "2026-03-04" };
    expect(checkCompensation({ ...agreed, agreedOn: "2026-03-01" })).toEqual({ step: "agreed", problem: "agreed-before-offered" });
    expect(checkCompensation({ ...none, offeredPence: 1, offeredOn: "2026-03-02", paidPence: 1, paidOn: "2026-03-02" })).toEqual({ step: "paid", problem: "paid-without-agreement" });
    expect(checkCompensation({ ...agreed, paidPence: 5000, paidOn: "2026-03-03" })).toEqual({ step: "paid", problem: "paid-before-agreed" });
    expect(checkCompensation({ ...agreed, paidPence: 5001, paidOn: "2026-03-05" })).toEqual({ step: "paid", problem: "paid-more-than-agreed" });
  });
});

describe("the money sum rule", () => {
  it("adds each stage's compensation and costs; what is owed is agreed but unpaid; what is spent is paid plus costs", () => {
    const totals = moneyTotals([
      { offeredPence: 10000, agreedPence: 10000, paidPence: 10000, costsPence: [] },
      { offeredPence: 25000, agreedPence: 20000, paidPence: null, costsPence: [150000, null, 45000] },
      { offeredPence: null, agreedPence: null, paidPence: null, costsPence: [60000] },
    ]);
    expect(totals).toEqual({ offeredPence: 35000, agreedPence: 30000, paidPence: 10000, owedPence: 20000, costsPence: 255000, spentPence: 265000 });
  });

  it("is all noughts with nothing recorded", () => {
    expect(moneyTotals([])).toEqual({ offeredPence: 0, agreedPence: 0, paidPence: 0, owedPence: 0, costsPence: 0, spentPence: 0 });
  });

  it("a case's totals are the sum of its stages' totals", () => {
    const stage = fc.record({
      offeredPence: fc.option(fc.nat(1_000_000)),
      agreedPence: fc.option(fc.nat(1_000_000)),
      paidPence: fc.constant(null),
      costsPence: fc.array(fc.option(fc.nat(1_000_000)), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 5 }), (stages) => {
        const whole = moneyTotals(stages);
        const parts = stages.map((s) => moneyTotals([s]));
        expect(whole.spentPence).toBe(parts.reduce((t, p) => t + p.spentPence, 0));
        expect(whole.costsPence).toBe(parts.reduce((t, p) => t + p.costsPence, 0));
      }),
    );
  });
});
