/**
 * Percentages in the report are whole numbers, as in the seeds, rounded half up: 46.5 % shows as
 * 47 %. Whole-number arithmetic, so no floating-point error can tip a half the wrong way.
 */
export function wholePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((200 * part + whole) / (2 * whole));
}

/** A mean to one decimal place, rounded half up (12.05 → 12.1); null when there is nothing to average. */
export function meanToOneDecimal(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((20 * sum + count) / (2 * count)) / 10;
}


/**
 * Small-number suppression: a count from 1 up to one less than the threshold is not shown, so
 * that no child can be identified. 0 and counts at or above the threshold are shown; a threshold
 * of 0 or 1 turns suppression off.
 */
export function isSuppressed(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
/** The largest threshold the settings accept: above it a small council's tables would be mostly hidden. */
export const MAX_SUPPRESSION_THRESHOLD = 20;

/** The setting as stored (a string) to the threshold in force: a whole number 0 to 20, else the default. */
export function readSuppressionThreshold(stored: string | null | undefined): number {
  const n = stored === null || stored === undefined || stored.trim() === "" ? NaN : Number(stored);
  return Number.isInteger(n) && n >= 0 && n <= MAX_SUPPRESSION_THRESHOLD ? n : DEFAULT_SUPPRESSION_THRESHOLD;
}
