// The only script a public page runs (docs/decisions/046): public pages are not hydrated by
// React, and everything on them works without JavaScript. This adds what GOV.UK Frontend adds on
// GOV.UK (conditional questions shown when chosen, live character counts, the error summary
// focused, Exit this page by Shift pressed three times, buttons that are not pressed twice) and
// our own read-aloud button, each found by its `data-module` in the server's HTML.
import { Button, CharacterCount, Checkboxes, createAll, ErrorSummary, NotificationBanner, SkipLink } from "govuk-frontend";
import { LeaveForGood } from "./exit-this-page";
import { RadiosRevealing } from "./radios";
import { readAloud } from "./read-aloud";

// GOV.UK Frontend styles some components differently once its script runs, and runs only where
// the body says it is supported (as the GOV.UK page template's inline snippet does).
document.body.classList.add("js-enabled", "govuk-frontend-supported");
for (const component of [Button, CharacterCount, Checkboxes, ErrorSummary, NotificationBanner, RadiosRevealing, SkipLink, LeaveForGood]) createAll(component);
document.querySelectorAll<HTMLElement>('[data-module="speakup-read-aloud"]').forEach(readAloud);
// Tests (e2e/fixtures.ts `ready`) wait for this mark before typing, as on pages React hydrates.
document.documentElement.dataset.hydrated = "true";
