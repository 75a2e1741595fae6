import { ExitThisPage } from "govuk-frontend";

/**
 * GOV.UK Frontend's Exit this page (Shift pressed three times, the counting lights, what a screen
 * reader hears), leaving as this service always has: the page is REPLACED in the browser's
 * history, so Back does not bring a worried parent's eyes back to it. GOV.UK's own exitPage()
 * sets `location.href`, which keeps it.
 */
export class LeaveForGood extends ExitThisPage {
  protected override exitPage() {
    if (!this.$updateSpan) return;
    this.$updateSpan.textContent = "";
    document.body.classList.add("govuk-exit-this-page-hide-content");
    this.$overlay = document.createElement("div");
    this.$overlay.className = "govuk-exit-this-page-overlay";
    this.$overlay.setAttribute("role", "alert");
    this.$overlay.textContent = this.i18n.t("activated");
    document.body.appendChild(this.$overlay);
    window.location.replace(this.$button.href);
  }
}
