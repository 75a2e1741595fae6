/**
 * What a table counts, before its rows are made (decision 050): named sums per column (year).
 * Every table counts into its own `Counter` and then makes its rows from the counts alone, so a
 * year's counts can be kept (`yearPart`) and a report built from kept years and years counted
 * afresh (`fromParts`) equals one counted from the facts. Only sums and counts are kept, never
 * averages or percentages: those are made from the sums when the rows are made.
 */
export class Counter {
  private readonly counts = new Map<string, number[]>();
  private readonly joined = new Map<string, Map<string, string>>();

  constructor(private readonly width: number) {}

  /** Adds n under a key in a column; a column of -1 (a date outside the years) counts nothing. */
  add(key: string, column: number, n = 1): void {
    if (column < 0) return;
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = new Array<number>(this.width).fill(0)));
    c[column] = (c[column] ?? 0) + n;
  }

  /**
   * Adds n under prefix + value. The same few keys recur across a hundred thousand facts, so each
   * is joined once (decision 054): a new string for each add was much of counting's garbage.
   */
  addUnder(prefix: string, value: string, column: number, n = 1): void {
    if (column < 0) return;
    let keys = this.joined.get(prefix);
    if (!keys) this.joined.set(prefix, (keys = new Map()));
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = prefix + value));
    this.add(key, column, n);
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  /** The key's counts per column (zeros when nothing was counted under it). */
  get(key: string): number[] {
    return this.counts.get(key) ?? new Array<number>(this.width).fill(0);
  }

  /** The keys that begin with `prefix`, without it, and their counts: a tally of values. */
  map(prefix = ""): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const [key, values] of this.counts) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), values);
    return out;
  }

  /**
   * One column's counts, as kept for a year: the keys with a count other than 0 (a table never
   * makes a row from a key's presence alone, only from its counts).
   */
  column(column: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, values] of this.counts) {
      const n = values[column] ?? 0;
      if (n !== 0) out[key] = n;
    }
    return out;
  }
}

/** One financial year's counts of every table: table id → key → count. What is kept per closed year. */
export type YearPart = Record<string, Record<string, number>>;

/** Each table's counter over the given years (columns). */
export type Tallies = Map<string, Counter>;

/** The counts of one column (year) of every table. */
export function yearPart(tallies: Tallies, column: number): YearPart {
  const out: YearPart = {};
  for (const [id, counter] of tallies) out[id] = counter.column(column);
  return out;
}

/** Every table's counters over several years, from each year's part (in the years' order). */
export function fromParts(parts: YearPart[]): Tallies {
  const out: Tallies = new Map();
  parts.forEach((part, column) => {
    for (const [id, counts] of Object.entries(part)) {
      let counter = out.get(id);
      if (!counter) out.set(id, (counter = new Counter(parts.length)));
      for (const [key, n] of Object.entries(counts)) counter.add(key, column, n);
    }
  });
  return out;
}
