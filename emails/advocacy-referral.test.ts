import { describe, expect, it } from "vitest";
import { createI18n } from "../app/i18n/i18n";
import { advocacyReferralEmail, type AdvocacyReferralData } from "./advocacy-referral";

const { t } = createI18n("en");
const DATA: AdvocacyReferralData = {
  reference: "SU-ABCD-EFGH",
  councilName: "Northshire Council",
  name: "Kit Featherstonehaugh",
  contactMethod: "phone",
  email: null,
  phone: "07700 900 417",
  address: null,
  advocateReach: null,
  safeToCall: "yes",
  safeToLeaveMessage: "no",
  timesToAvoid: "Not during school hours",
  complaintsTeamPhone: "0300 123 4567",
};

const email = (data: Partial<AdvocacyReferralData> = {}) => advocacyReferralEmail(t, { ...DATA, ...data });

describe("advocacyReferralEmail", () => {
  it("tells the provider who to contact and how, safely", () => {
    const { subject, text } = email();
    expect(subject).toBe("Advocacy referral from Northshire Council – SU-ABCD-EFGH");
    expect(text).toBe(
      [
        "A young person who is making a complaint to Northshire Council has asked for an advocate. Our reference is SU-ABCD-EFGH.",
        "Name: Kit Featherstonehaugh",
        "How they would like to be contacted: Phone",
        "Email: Not given",
        "Phone: 07700 900 417",
        "Address: Not given",
        "Safe to call: Yes",
        "Safe to leave a message: No",
        "Times to avoid: Not during school hours",
        "The young person agreed to us passing on these details so that you can contact them.",
        "If you have questions, call the complaints team on 0300 123 4567 and give the reference.",
      ].join("\n\n") + "\n",
    );
  });

  it("names each contact method in words", () => {
    const method = (contactMethod: string) => email({ contactMethod }).text.split("\n\n")[2];
    expect(method("email")).toBe("How they would like to be contacted: Email");
    expect(method("post")).toBe("How they would like to be contacted: Post");
    expect(method("advocate")).toBe("How they would like to be contacted: Through my advocate");
  });

  it("says 'Not given' for what is missing, including unanswered safety questions", () => {
    const { text } = email({ contactMethod: "email", email: "kit@example.com", phone: null, safeToCall: null, safeToLeaveMessage: null, timesToAvoid: null });
    expect(text).toContain("Email: kit@example.com");
    expect(text).toContain("Phone: Not given");
    expect(text).toContain("Safe to call: Not given");
    expect(text).toContain("Safe to leave a message: Not given");
    expect(text).toContain("Times to avoid: Not given");
  });

  it("keeps an address's lines, escapes it in the HTML, and leaves no key untranslated", () => {
    const { text, html, subject } = email({ contactMethod: "post", address: "1 <High> Street\nNorthtown" });
    expect(text).toContain("Address: 1 <High> Street\nNorthtown");
    expect(html).toContain("Address: 1 &lt;High&gt; Street\nNorthtown");
    expect(html.startsWith('<!DOCTYPE html><html lang="en" dir="ltr">')).toBe(true);
    for (const part of [subject, text, html]) expect(part).not.toMatch(/emails:|advocacyReferral\.|form:|options\.|\{\{/);
  });
});
