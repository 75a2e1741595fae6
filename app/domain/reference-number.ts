// No I, O, Q, 0 or 1: a reference read out over the phone or copied from a letter must not be
// mistaken for another. 31 symbols ^ 8 ≈ 8.5 × 10^11, so references cannot be guessed by counting.
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPRSTUVWXYZ";
const REFERENCE_PATTERN = new RegExp(`^SU-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

/** `randomIndex(n)` must return a uniformly random whole number in [0, n): pass crypto.randomInt. */
export function generateReference(randomIndex: (max: number) => number): string {
  let symbols = "";
  for (let i = 0; i < 8; i += 1) symbols += REFERENCE_ALPHABET[randomIndex(REFERENCE_ALPHABET.length)];
  return `SU-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** Accepts what people type: any case, with or without spaces, dashes and the "SU" prefix. */
export function normaliseReference(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s-]/g, "");
  // Only drop "SU" when it is a prefix: eight symbols may themselves begin with S and U.
  if (compact.length === 10 && compact.startsWith("SU")) compact = compact.slice(2);
  if (compact.length !== 8) return null;
  const candidate = `SU-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return REFERENCE_PATTERN.test(candidate) ? candidate : null;
}
