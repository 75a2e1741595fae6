import { REFERENCE_ALPHABET } from "./reference-number";

// One-time codes for signing in when the authenticator app is lost. The reference numbers'
// alphabet (no I, O, Q, 0 or 1), so a code copied from paper is read right. 10 symbols of 31:
// about 50 bits each, far beyond guessing with the sign-in lockout in front of it.
export const RECOVERY_CODE_COUNT = 10;
const LENGTH = 10;
const PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{${LENGTH}}$`);

/** `randomIndex(n)` must return a uniformly random whole number in [0, n): pass crypto.randomInt. */
export function generateRecoveryCode(randomIndex: (max: number) => number): string {
  let symbols = "";
  for (let i = 0; i < LENGTH; i += 1) symbols += REFERENCE_ALPHABET[randomIndex(REFERENCE_ALPHABET.length)];
  return symbols;
}

/** Shown in two groups of five: "ABCDE-FGHJK". */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Accepts what people type (any case, spaces, dashes); null if it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  return PATTERN.test(compact) ? compact : null;
}
