import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { LIMITS, choice, cleanLine, cleanMultiline, optionalEmail, optionalLine, optionalPhone, optionalText, requiredLine, requiredText } from "./fields";

/** The i18n keys of the issues, by field path, from a zod safeParse. */
function errorKeys(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const keys: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (keys[issue.path.join(".")] ??= []).push(issue.message);
  return keys;
}

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("cleanLine", () => {
  it("strips C0 and C1 control characters, DEL and bidirectional overrides and isolates", () => {
    expect(cleanLine("Ro\u0000bin\u0007 \u001BTester\u007F\u0085\u009F")).toBe("Robin Tester");
    expect(cleanLine("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanLine("\u2066Robin\u2069 \u202ATester\u202C \u2067x\u2068")).toBe("Robin Tester x");
  });

  it("turns runs of tabs and line breaks into one space and trims", () => {
    expect(cleanLine("  Robin\tTester\r\n\r\nJunior  ")).toBe("Robin Tester Junior");
    expect(cleanLine("\r\n\t")).toBe("");
  });

  it("keeps letters from every script, and ordinary punctuation", () => {
    expect(cleanLine("Zoë Ó Briain – محمد – 李小龙 (O'Neil-Smith)")).toBe("Zoë Ó Briain – محمد – 李小龙 (O'Neil-Smith)");
  });
});

describe("cleanMultiline", () => {
  it("normalises CRLF and lone CR to LF, and keeps paragraphs and tabs", () => {
    expect(cleanMultiline("one\r\ntwo\rthree\n\nfour\tfive")).toBe("one\ntwo\nthree\n\nfour\tfive");
  });

  it("strips control characters and bidi overrides, and trims", () => {
    expect(cleanMultiline("\n  It\u0000 happened\u202E\u0008 twice\u000B\u000C \n")).toBe("It happened twice");
  });
});

describe("requiredLine", () => {
  const schema = z.object({ name: requiredLine("name", 10) });

  it("gives the cleaned value", () => {
    expect(schema.parse({ name: " \tAl\u0000ex\u202E " })).toEqual({ name: "Alex" });
  });

  it("is required when missing, empty, or only spaces and control characters", () => {
    for (const input of [{}, { name: "" }, { name: "  \u0000\u202E\t " }]) {
      expect(errorKeys(schema.safeParse(input)), JSON.stringify(input)).toEqual({ name: ["errors.name.required"] });
    }
  });

  it("counts the limit after cleaning", () => {
    expect(schema.safeParse({ name: "  abcdefghij\u0000\u202E  " }).success).toBe(true);
    expect(errorKeys(schema.safeParse({ name: "abcdefghijk" }))).toEqual({ name: ["errors.name.tooLong"] });
  });
});

describe("requiredText", () => {
  const schema = z.object({ text: requiredText("text", 10) });

  it("keeps line breaks, normalised", () => {
    expect(schema.parse({ text: "One.\r\n\r\nTwo." })).toEqual({ text: "One.\n\nTwo." });
  });

  it("counts CRLF as one character", () => {
    // "a\r\n" five times is 15 characters as sent, "a\na\na\na\na" (9) once cleaned.
    expect(schema.safeParse({ text: "a\r\n".repeat(5) }).success).toBe(true);
    expect(errorKeys(schema.safeParse({ text: "a".repeat(11) }))).toEqual({ text: ["errors.text.tooLong"] });
  });

  it("is required when only whitespace", () => {
    expect(errorKeys(schema.safeParse({ text: " \r\n \u202E " }))).toEqual({ text: ["errors.text.required"] });
  });
});

describe("optional fields", () => {
  const schema = z.object({
    line: optionalLine("line", 5),
    text: optionalText("text", 5),
    email: optionalEmail("email"),
    phone: optionalPhone("phone"),
  });

  it("may be left out", () => {
    expect(schema.parse({})).toEqual({});
  });

  it("clean what is given", () => {
    expect(schema.parse({ line: " a\nb ", text: "a\r\nb\u0000", email: " Robin.Tester@Example.ORG ", phone: " 07700\t900 982 " })).toEqual({
      line: "a b",
      text: "a\nb",
      email: "robin.tester@example.org",
      phone: "07700 900 982",
    });
  });

  it("have their own too-long keys", () => {
    expect(errorKeys(schema.safeParse({ line: "abcdef", text: "abcdef" }))).toEqual({
      line: ["errors.line.tooLong"],
      text: ["errors.text.tooLong"],
    });
  });
});

describe("optionalEmail", () => {
  const schema = z.object({ email: optionalEmail("email") });

  it("accepts ordinary addresses", () => {
    for (const email of ["robin@example.com", "robin.tester+council@mail.example.co.uk", "o'neil@example.org"]) {
      expect(schema.safeParse({ email }).success, email).toBe(true);
    }
  });

  it("rejects an address in the wrong format", () => {
    for (const email of ["robin", "robin@example", "robin@@example.com", "robin tester@example.com", "@example.com", "robin@example.c", "robin@example."]) {
      expect(errorKeys(schema.safeParse({ email })), email).toEqual({ email: ["errors.email.invalid"] });
    }
  });

  it("allows 254 characters and no more", () => {
    const email = `${"a".repeat(243)}@example.com`; // 255 characters
    expect(errorKeys(schema.safeParse({ email }))).toEqual({ email: ["errors.email.tooLong"] });
    expect(schema.safeParse({ email: email.slice(1) }).success).toBe(true);
  });
});

describe("optionalPhone", () => {
  const schema = z.object({ phone: optionalPhone("phone") });

  it("accepts UK and international formats", () => {
    for (const phone of ["07700 900 982", "+44 (0)1632 960-001", "01632960001"]) {
      expect(schema.safeParse({ phone }).success, phone).toBe(true);
    }
  });

  it("rejects words, short numbers and letters", () => {
    for (const phone of ["call me", "12345", "0770090098x"]) {
      expect(errorKeys(schema.safeParse({ phone })), phone).toEqual({ phone: ["errors.phone.invalid"] });
    }
  });

  it("allows 40 characters and no more", () => {
    expect(schema.safeParse({ phone: "0".repeat(LIMITS.phone) }).success).toBe(true);
    expect(errorKeys(schema.safeParse({ phone: "0".repeat(LIMITS.phone + 1) }))).toEqual({ phone: ["errors.phone.tooLong"] });
  });
});

describe("choice", () => {
  const schema = z.object({ colour: choice("colour", ["red", "green"] as const) });

  it("accepts only the listed values, with the required key otherwise", () => {
    expect(schema.parse({ colour: "green" })).toEqual({ colour: "green" });
    for (const input of [{}, { colour: "" }, { colour: "blue" }, { colour: "Red" }]) {
      expect(errorKeys(schema.safeParse(input)), JSON.stringify(input)).toEqual({ colour: ["errors.colour.required"] });
    }
  });
});

describe("with conform's parseWithZod on posted form data", () => {
  const schema = z.object({ name: requiredLine("name", LIMITS.name), email: optionalEmail("email"), notes: optionalText("notes", LIMITS.shortText) });

  it("treats empty fields as not given", () => {
    const submission = parseWithZod(form([["name", "Robin"], ["email", ""], ["notes", ""]]), { schema });
    expect(submission.status === "success" && submission.value).toEqual({ name: "Robin" });
  });

  it("reports the required and invalid keys", () => {
    const submission = parseWithZod(form([["name", ""], ["email", "robin@"]]), { schema });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ name: ["errors.name.required"], email: ["errors.email.invalid"] });
  });

  it("strips control characters from what is posted", () => {
    const submission = parseWithZod(form([["name", "\u202ERobin\u0000 Tester"], ["notes", "One\r\nTwo\u0007"]]), { schema });
    expect(submission.status === "success" && submission.value).toEqual({ name: "Robin Tester", notes: "One\nTwo" });
  });
});
