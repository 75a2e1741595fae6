import { describe, expect, it } from "vitest";
import { createI18n } from "../app/i18n/i18n";
import { staffNotificationEmail } from "./staff-notification";

const { t } = createI18n("en");
const DATA = { reference: "SU-ABCD-EFGH", kind: "complaint", dueOn: "Monday 7 December 2026", caseUrl: "https://speakup.example/staff/cases/SU-ABCD-EFGH" };

describe("staffNotificationEmail", () => {
  it("says what arrived, when the reply is due, and links to the case", () => {
    const { subject, text, html } = staffNotificationEmail(t, DATA);
    expect(subject).toBe("New complaint received: SU-ABCD-EFGH");
    expect(text).toBe(
      [
        "A new complaint has arrived through the e-form: SU-ABCD-EFGH.",
        "The Stage 1 reply is due by Monday 7 December 2026.",
        "Open it in the back office: https://speakup.example/staff/cases/SU-ABCD-EFGH",
      ].join("\n\n") + "\n",
    );
    expect(html).toContain('<a href="https://speakup.example/staff/cases/SU-ABCD-EFGH">Open it in the back office</a>');
  });

  it("gives no due date for a compliment or comment", () => {
    const { subject, text } = staffNotificationEmail(t, { ...DATA, kind: "compliment", dueOn: null });
    expect(subject).toBe("New compliment received: SU-ABCD-EFGH");
    expect(text).not.toContain("due");
  });
});
