/**
 * "Check your complaint" (decision record 030): the rules for the one-time code and the session
 * it opens. Pure: app/services/check.server.ts keeps the codes (as keyed hashes) and the sessions.
 */

/** A code works for this long after it is sent, and once. */
export const CODE_MINUTES = 30;
/** The session a code opens lasts this long from signing in, however busy (it is not renewed). */
export const SESSION_MINUTES = 30;
export const CODE_LENGTH = 6;

/**
 * Limits, each counted per hour. Asking is counted per reference whether or not the reference
 * exists, so a limit never tells anyone a complaint is there.
 */
export const CHECK_LIMITS = {
  /** Codes sent about one reference: a typo or two, a slow email, not a stream at someone's inbox. */
  codesPerReference: 3,
  /** Codes asked for from one client address: a household, a school or an advocate's office (CHECK_CODES_PER_HOUR_PER_CLIENT). */
  codesPerClient: 20,
  /** Codes tried for one reference: a million codes, five tries an hour. */
  attemptsPerReference: 5,
  /** Code tries from one client address, per code it may ask for. */
  attemptsPerClientPerCode: 10,
} as const;
export const LIMIT_WINDOW_MS = 60 * 60 * 1000;

/** `randomIndex(n)` must return a uniformly random whole number in [0, n): pass crypto.randomInt. */
export function generateCheckCode(randomIndex: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i += 1) code += String(randomIndex(10));
  return code;
}

/** Accepts what people type: spaces and dashes between the digits. Null when it cannot be a code. */
export function normaliseCheckCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(compact) ? compact : null;
}

export type CodeState = "valid" | "used" | "expired";

/** Whether a code sent earlier may still be used now. */
export function codeState(code: { expiresAt: Date; usedAt: Date | null }, now: Date): CodeState {
  if (code.usedAt) return "used";
  return code.expiresAt.getTime() > now.getTime() ? "valid" : "expired";
}

export function codeExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CODE_MINUTES * 60 * 1000);
}

export function sessionExpiresAt(signedInAt: Date): Date {
  return new Date(signedInAt.getTime() + SESSION_MINUTES * 60 * 1000);
}
