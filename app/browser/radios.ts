import { Radios } from "govuk-frontend";

/**
 * GOV.UK Frontend's Radios (conditional questions hidden until their option is chosen), without
 * the aria-expanded it puts on each radio: ARIA 1.2 allows no aria-expanded on a radio, axe
 * fails the page for it, and screen readers already hear the revealed questions as they follow
 * the chosen option (aria-controls stays). Our React radios never set it either.
 */
export class RadiosRevealing extends Radios {
  protected override syncConditionalRevealWithInputState($input: HTMLInputElement) {
    super.syncConditionalRevealWithInputState($input);
    $input.removeAttribute("aria-expanded");
  }
}
