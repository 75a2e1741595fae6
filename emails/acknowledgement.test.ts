import { describe, expect, it } from "vitest";
import { createI18n } from "../app/i18n/i18n";
import { representationKinds } from "../app/domain/representation";
import { acknowledgementEmail, type AcknowledgementData } from "./acknowledgement";

const { t } = createI18n("en");
const DATA: AcknowledgementData = {
  kind: "complaint",
  reference: "SU-ABCD-EFGH",
  dueOn: "Monday 7 December 2026",
  councilName: "Northshire Council",
  complaintsTeamPhone: "0300 123 4567",
  complaintsTeamEmail: "childrens.complaints@northshire.example",
  advocacyProviderName: null,
};

const email = (data: Partial<AcknowledgementData> = {}) => acknowledgementEmail(t, "en", "ltr", { ...DATA, ...data });

describe("acknowledgementEmail", () => {
  it("thanks the person for a complaint, with the reference, the reply date and how to get help", () => {
    const { subject, text } = email();
    expect(subject).toBe("We have received your complaint – reference SU-ABCD-EFGH");
    expect(text).toBe(
      [
        "Thank you for telling us. We have received your complaint.",
        "Your reference number is SU-ABCD-EFGH.",
        "We will reply by Monday 7 December 2026. If your complaint is complicated we may need longer, and we will tell you why.",
        "A manager from the team involved will look into it. Nobody will get into trouble for complaining, and it will not change the help a child gets.",
        "If you need help, call us on 0300 123 4567 or email childrens.complaints@northshire.example. Give your reference number.",
        "Northshire Council complaints team",
      ].join("\n\n") + "\n",
    );
  });

  it("has its own words for each kind, and every key is translated", () => {
    const subjects = representationKinds.map((kind) => email({ kind, dueOn: null }).subject);
    expect(subjects).toEqual([
      "We have received your complaint – reference SU-ABCD-EFGH",
      "Thank you for your compliment – reference SU-ABCD-EFGH",
      "Thank you for your comment – reference SU-ABCD-EFGH",
    ]);
    for (const kind of representationKinds) {
      const { subject, text, html } = email({ kind, advocacyProviderName: "Northshire Children's Advocacy" });
      for (const part of [subject, text, html]) {
        expect(part, kind).not.toMatch(/emails:|acknowledgement\.|\{\{/);
      }
    }
    expect(email({ kind: "compliment", dueOn: null }).text).toContain("we will pass your words on");
    expect(email({ kind: "comment", dueOn: null }).text).toContain("We do not usually reply to comments.");
  });

  it("gives a reply date only when there is one", () => {
    expect(email({ kind: "compliment", dueOn: null }).text).not.toContain("We will reply by");
    expect(email({ dueOn: null }).text).not.toContain("We will reply by");
  });

  it("mentions the advocacy service only when a young person asked for an advocate", () => {
    expect(email().text).not.toContain("advocate");
    expect(email({ advocacyProviderName: "Northshire Children's Advocacy" }).text).toContain(
      "You asked for an advocate. We have asked Northshire Children's Advocacy to get in touch with you.",
    );
  });

  it("writes the same paragraphs as HTML, in the reader's language and direction", () => {
    const { html } = acknowledgementEmail(t, "en", "rtl", DATA);
    expect(html.startsWith("<!DOCTYPE html><html lang=\"en\" dir=\"rtl\">")).toBe(true);
    expect(html).toContain("<title>We have received your complaint – reference SU-ABCD-EFGH</title>");
    expect(html).toContain("<p>Your reference number is SU-ABCD-EFGH.</p>");
    expect(html.match(/<p>/g)).toHaveLength(6);
  });

  it("escapes what it is given in the HTML, and keeps it as typed in the text", () => {
    const { text, html } = email({ councilName: "<b>Smith & Jones</b>" });
    expect(text).toContain("<b>Smith & Jones</b> complaints team");
    expect(html).toContain("&lt;b&gt;Smith &amp; Jones&lt;/b&gt; complaints team");
    expect(html).not.toContain("<b>");
  });
});
