import type { Page } from "@playwright/test";
import { landed, visit } from "../fixtures";

/**
 * Triage over the pages as eligible for the statutory process (a parent, a child in need, within
 * 12 months, nothing against it) and accept into Stage 1. `onDecision` checks the decision page
 * before choosing.
 */
export async function acceptIntoStage1(page: Page, reference: string, onDecision?: (page: Page) => Promise<void>) {
  await visit(page, `/staff/cases/${reference}/triage`);
  await page.getByLabel("Type of representation").selectOption("Complaint");
  await page.getByRole("group", { name: "Process" }).getByLabel("Statutory (children's social care)").check();
  await page.getByLabel("Who is complaining (received from)").selectOption("Parent / adopter: Parent");
  await page.getByRole("group", { name: "The child is" }).getByLabel("A child in need").check();
  await page.getByRole("group", { name: "Was it made within 12 months of the matter?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: "Does any of these apply?" }).getByLabel("None of these").check();
  await page.getByRole("button", { name: "Save triage" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}/triage$`));
  await page.getByRole("link", { name: "Go on to the decision" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}/decision$`));
  await onDecision?.(page);
  await page.getByLabel("Accept into the statutory process at Stage 1").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await landed(page, new RegExp(`/staff/cases/${reference}$`));
}
