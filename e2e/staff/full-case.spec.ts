import { arrived, expect, test, visit } from "../fixtures";
import { REFERENCE_PATTERN } from "../journey";

const OFFICER = { email: "officer@northshire.example", password: "demo-password-please-change" };

// The smallest valid PNG (1×1 pixel): the server checks a file's content, not its name.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

test("a complaint with every field filled shows every field on the staff case page", async ({ page, playwright, baseURL }) => {
  test.slow();
  const publicSide = await playwright.request.newContext({ baseURL });
  const post = async (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const response = await publicSide.post(path, { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: body.toString() });
    expect(response.status(), path).toBeLessThan(400);
    return response;
  };
  const everything = {
    childName: "Robin Everyfield",
    childOtherNames: "Rob",
    childAgreesWhyNot: "Robin is nervous and wants me to speak for them.",
    advocateOrganisation: "Voices for Children",
    advocateRole: "Independent advocate",
    fullName: "Avery Everyfield",
    phone: "01632 960002",
    timesToAvoid: "Not on Mondays",
    adjustments: "Please send letters in large print.",
    languageNeeds: "British Sign Language",
    description: "Robin's visits were cancelled three times.\nNobody explained why.",
    whenAbout: "Since September",
    workerName: "Jamie Worker",
    outcomeOther: "A meeting with Robin present",
    previousReference: "OLD-123",
  };
  await post("/form/kind", { kind: "complaint" });
  await post("/form/who-are-you", { relationship: "advocate" });
  await post("/form/about-the-child", { childName: everything.childName, childDobDay: "5", childDobMonth: "6", childDobYear: "2012", childAge: "14", childOtherNames: everything.childOtherNames });
  await post("/form/child-agrees", { childAgrees: "not-sure", childAgreesWhyNot: everything.childAgreesWhyNot });
  await post("/form/advocate-details", { advocateOrganisation: everything.advocateOrganisation, advocateRole: everything.advocateRole });
  await post("/form/your-details", { fullName: everything.fullName });
  await post("/form/contact", { contactMethod: "phone", phone: everything.phone });
  await post("/form/contact-safety", { safeToCall: "yes", safeToLeaveMessage: "no", timesToAvoid: everything.timesToAvoid });
  await post("/form/support-needs", { adjustments: everything.adjustments, languageNeeds: everything.languageNeeds });
  await post("/form/what-happened", { description: everything.description });
  await post("/form/when-it-happened", { whenKind: "about", whenAbout: everything.whenAbout });
  const teamPage = await (await publicSide.get("/form/team")).text();
  const fostering = /<option value="(\d+)">Fostering</.exec(teamPage)?.[1];
  expect(fostering).toBeTruthy();
  await post("/form/team", { team: fostering as string, workerName: everything.workerName });
  await post("/form/put-right", { outcomes: ["apology", "meeting", "change-worker"], outcomeOther: everything.outcomeOther });
  await post("/form/complained-before", { complainedBefore: "yes", previousReference: everything.previousReference });
  await post("/form/court-case", { courtCase: "not-sure" });
  const upload = await publicSide.post("/form/attachments", { multipart: { intent: "upload", file: { name: "visit-log.png", mimeType: "image/png", buffer: PNG } } });
  expect(upload.status()).toBeLessThan(400);
  await post("/form/attachments", { intent: "continue" });
  const sent = await post("/form/check-answers", { declaration: "yes" });
  const reference = /data-testid="reference">([A-Z0-9-]+)</.exec(await sent.text())?.[1] ?? "";
  expect(reference).toMatch(REFERENCE_PATTERN);
  await publicSide.dispose();

  await visit(page, `/staff/sign-in?redirectTo=${encodeURIComponent(`/staff/cases/${reference}`)}`);
  await page.getByLabel("Email address").fill(OFFICER.email);
  await page.getByLabel("Password").fill(OFFICER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await arrived(page, new RegExp(`/staff/cases/${reference}$`));

  const main = page.locator("main");
  for (const value of Object.values(everything)) {
    for (const line of value.split("\n")) await expect(main, value).toContainText(line);
  }
  for (const label of [
    "An advocate, or someone helping a young person",
    "Tuesday 5 June 2012",
    "Not sure",
    "Phone",
    "Fostering",
    "An apology",
    "A meeting",
    "A different social worker or worker",
    "visit-log.png",
  ]) {
    await expect(main, label).toContainText(label);
  }
  // The file opens for staff as a download.
  const download = await page.request.get((await page.getByRole("link", { name: /visit-log\.png/ }).getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
});
