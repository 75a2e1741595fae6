import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REFERENCE_ALPHABET, generateReference, normaliseReference } from "./reference-number";

const FORMAT = /^SU-[23456789ABCDEFGHJKLMNPRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPRSTUVWXYZ]{4}$/;

describe("REFERENCE_ALPHABET", () => {
  it("has 31 distinct symbols and none that can be mistaken for another", () => {
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
    expect(REFERENCE_ALPHABET).toHaveLength(31);
    for (const lookAlike of ["I", "O", "Q", "0", "1"]) expect(REFERENCE_ALPHABET).not.toContain(lookAlike);
    expect(REFERENCE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });
});

describe("generateReference", () => {
  it("builds SU-XXXX-XXXX from the symbols randomIndex picks", () => {
    const picks = [0, 1, 2, 3, 8, 9, 29, 30];
    const asked: number[] = [];
    const reference = generateReference((max) => {
      asked.push(max);
      return picks[asked.length - 1] ?? 0;
    });
    // 0→"2", 1→"3", 2→"4", 3→"5", 8→"A", 9→"B", 29→"Y", 30→"Z"
    expect(reference).toBe("SU-2345-ABYZ");
    expect(asked).toEqual(Array(8).fill(31));
  });

  it("gives 10,000 distinct well-formed references with crypto.randomInt", () => {
    const references = Array.from({ length: 10_000 }, () => generateReference(randomInt));
    for (const reference of references) expect(reference).toMatch(FORMAT);
    expect(new Set(references).size).toBe(references.length);
  });

  it("uses every symbol of the alphabet in every position over many draws", () => {
    const seen = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 5_000; i += 1) {
      const symbols = generateReference(randomInt).replace(/^SU-/, "").replace("-", "");
      [...symbols].forEach((s, position) => seen[position]?.add(s));
    }
    // With 5,000 draws a symbol is missed from a position with probability ≈ 31·(30/31)^5000 ≈ 0.
    for (const set of seen) expect(set.size).toBe(31);
  });
});

describe("normaliseReference", () => {
  it("keeps a well-formed reference as it is", () => {
    expect(normaliseReference("SU-7K3M-9PXD")).toBe("SU-7K3M-9PXD");
  });

  it("accepts what people type: lower case, spaces, no dashes, no prefix", () => {
    for (const typed of [
      "su-7k3m-9pxd",
      " SU 7K3M 9PXD ",
      "SU7K3M9PXD",
      "7K3M-9PXD",
      "7k3m9pxd",
      "7K3M 9PXD",
      "su - 7k3m - 9pxd",
      "SU-7K3M9PXD",
      "SU\t7K3M\n9PXD",
    ]) {
      expect(normaliseReference(typed), typed).toBe("SU-7K3M-9PXD");
    }
  });

  it("accepts a reference whose own symbols begin with S U, with or without the prefix", () => {
    expect(normaliseReference("SU-SU23-4567")).toBe("SU-SU23-4567");
    expect(normaliseReference("su su23 4567")).toBe("SU-SU23-4567");
    expect(normaliseReference("SU23-4567")).toBe("SU-SU23-4567");
    expect(normaliseReference("su234567")).toBe("SU-SU23-4567");
  });

  it("rejects the wrong number of symbols", () => {
    for (const typed of ["", "SU-", "SU-7K3M-9PX", "SU-7K3M-9PXDA", "7K3M9PX", "7K3M9PXDA", "SUSU7K3M9PXD"]) {
      expect(normaliseReference(typed), typed).toBeNull();
    }
  });

  it("rejects look-alike characters rather than guessing", () => {
    for (const typed of ["SU-7K3M-9PX0", "SU-7K3M-9PXO", "SU-7K3M-9PX1", "SU-7K3M-9PXI", "SU-7K3M-9PXQ", "su-7k3m-9pxo"]) {
      expect(normaliseReference(typed), typed).toBeNull();
    }
  });

  it("rejects punctuation and letters outside A–Z", () => {
    for (const typed of ["SU-7K3M-9PX!", "SU-7K3M_9PXD", "SU-7K3M-9PXÉ", "SU.7K3M.9PXD", "XX-7K3M-9PXD"]) {
      expect(normaliseReference(typed), typed).toBeNull();
    }
  });

  it("round-trips every generated reference", () => {
    for (let i = 0; i < 500; i += 1) {
      const reference = generateReference(randomInt);
      expect(normaliseReference(reference)).toBe(reference);
      expect(normaliseReference(reference.toLowerCase().replace(/-/g, " "))).toBe(reference);
      expect(normaliseReference(reference.slice(3))).toBe(reference);
    }
  });
});
