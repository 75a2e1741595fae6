import type { APIRequestContext, Page } from "@playwright/test";
import { arrived, expect } from "./fixtures";

export const REFERENCE_PATTERN = /^SU-[2-9A-HJ-NPR-Z]{4}-[2-9A-HJ-NPR-Z]{4}$/;

const continueButton = (page: Page) => page.getByRole("button", { name: "Continue" });

/** Clicks Continue and waits for the next page (scanned by axe). */
export async function next(page: Page, path: string | RegExp) {
  await continueButton(page).click();
  await arrived(page, typeof path === "string" ? new RegExp(`/form/${path}$`) : path);
}

export interface HttpComplaint {
  relationship?: string;
  fullName: string;
  description: string;
  email?: string;
  phone?: string;
  address?: string;
  childName?: string;
  team?: string;
}

/**
 * Sends a complaint over plain HTTP, as a browser without JavaScript would, and returns its
 * reference. Pages are posted in journey order; the server decides the route.
 */
export async function sendComplaintOverHttp(request: APIRequestContext, a: HttpComplaint) {
  const post = await answerComplaintOverHttp(request, a);
  const sent = await post("/form/check-answers", { declaration: "yes" });
  expect(sent.url()).toMatch(/\/form\/sent$/);
  const html = await sent.text();
  const reference = /data-testid="reference">([A-Z0-9-]+)</.exec(html)?.[1];
  expect(reference).toMatch(REFERENCE_PATTERN);
  return reference as string;
}

/** Answers every page of a complaint over HTTP, up to (not including) sending it. */
export async function answerComplaintOverHttp(request: APIRequestContext, a: HttpComplaint) {
  const relationship = a.relationship ?? "parent";
  const post = async (path: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const response = await request.post(path, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: body.toString(),
      maxRedirects: 5,
    });
    expect(response.status(), `POST ${path}`).toBeLessThan(400);
    return response;
  };
  await post("/form/kind", { kind: "complaint" });
  await post("/form/who-are-you", { relationship });
  if (relationship === "young-person") {
    await post("/form/advocate-offer", { wantsAdvocate: "no" });
  } else {
    await post("/form/about-the-child", { childName: a.childName ?? "Sam Child", childAge: "11" });
    if (["advocate", "relative", "professional", "someone-else"].includes(relationship)) {
      await post("/form/child-agrees", { childAgrees: "yes" });
    }
    if (relationship === "advocate") await post("/form/advocate-details", { advocateOrganisation: "Voices for Children", advocateRole: "Advocate" });
  }
  await post("/form/your-details", { fullName: a.fullName });
  const method = a.email ? "email" : a.phone ? "phone" : "post";
  await post("/form/contact", { contactMethod: method, email: a.email ?? "", phone: a.phone ?? "", address: a.address ?? "" });
  if (method === "phone") await post("/form/contact-safety", { safeToCall: "yes", safeToLeaveMessage: "no", timesToAvoid: "" });
  if (method === "post") await post("/form/contact-safety", { safeToWrite: "yes", timesToAvoid: "" });
  await post("/form/support-needs", {});
  await post("/form/what-happened", { description: a.description });
  await post("/form/when-it-happened", { whenKind: "about", whenAbout: "Last month" });
  await post("/form/team", { team: a.team ?? "dont-know" });
  await post("/form/put-right", { outcomes: ["apology", "explanation"] });
  await post("/form/complained-before", { complainedBefore: "no" });
  await post("/form/court-case", { courtCase: "no" });
  await post("/form/attachments", { intent: "continue" });
  return post;
}
