/**
 * Money typed in pounds ("£1,250.50", "300") as whole pence, so sums never meet floating point.
 * Empty is null (the amount is optional); anything else that is not an amount is "invalid".
 */
export function penceFromPounds(text: string | null | undefined): number | null | "invalid" {
  const typed = (text ?? "").trim();
  if (typed === "") return null;
  const cleaned = typed.replace(/^£\s*/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return "invalid";
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

/** Whole pence written as pounds for staff pages: 125050 → "£1,250.50". */
export function formatPounds(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = String(pence % 100).padStart(2, "0");
  return `£${pounds.toLocaleString("en-GB")}.${rest}`;
}
