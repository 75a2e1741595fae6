import { closedWeekdaysIn } from "./bank-holidays.server";

/** A calendar day in England, as "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

// Dates themselves are safe anywhere; working days need the bank holidays, which only the server
// has (bank-holidays.server.ts: Remix hands the browser an empty module in its place). Pages are
// given due dates by their loaders and never count working days themselves.
const closedDaysByYear = new Map<number, Set<IsoDate>>();

function closedDays(year: number): Set<IsoDate> {
  let days = closedDaysByYear.get(year);
  if (!days) {
    if (typeof closedWeekdaysIn !== "function") throw new Error("Working days are counted on the server only: pass the dates from the loader");
    days = closedWeekdaysIn(year);
    closedDaysByYear.set(year, days);
  }
  return days;
}

/** Parses "YYYY-MM-DD" to noon UTC, which is the same calendar day in London all year round. */
export function parseIsoDate(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  const [, y, m, d] = match;
  const parsed = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
  if (parsed.toISOString().slice(0, 10) !== date) throw new RangeError(`Not a real date: ${date}`);
  return parsed;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

const londonDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day an instant falls on in England (handles British Summer Time). */
export function londonDate(instant: Date): IsoDate {
  return londonDateFormat.format(instant);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
}

const workingDayCache = new Map<IsoDate, boolean>();

/** Any day but Saturday, Sunday, Christmas Day, Boxing Day, Good Friday or a bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  const cached = workingDayCache.get(date);
  if (cached !== undefined) return cached;
  const day = parseIsoDate(date);
  const weekday = day.getUTCDay();
  const working = weekday !== 0 && weekday !== 6 && !closedDays(day.getUTCFullYear()).has(date);
  workingDayCache.set(date, working);
  return working;
}

/**
 * The date `count` working days after `start`. The day of receipt is day 0, so a complaint received
 * on a Friday with a 10-day limit is due on the second Friday after it (with no holidays between).
 */
export function addWorkingDays(start: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a whole number ≥ 0");
  let time = parseIsoDate(start).getTime();
  let date = start;
  let remaining = count;
  while (remaining > 0) {
    time += DAY_MS;
    date = formatIsoDate(new Date(time));
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** `date` itself when it is a working day, otherwise the next working day after it. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

// For each year, the working days from 1 January up to and including each day, counted once: the
// working days between two dates are then a subtraction, not a walk through the calendar for every
// row of the inbox or the dashboard (decision record 038).
const workingCountsByYear = new Map<number, Int32Array>();

function workingCounts(year: number): Int32Array {
  let counts = workingCountsByYear.get(year);
  if (!counts) {
    const start = Date.UTC(year, 0, 1, 12);
    const days = Math.round((Date.UTC(year + 1, 0, 1, 12) - start) / DAY_MS);
    counts = new Int32Array(days);
    let running = 0;
    for (let i = 0; i < days; i += 1) {
      if (isWorkingDay(formatIsoDate(new Date(start + i * DAY_MS)))) running += 1;
      counts[i] = running;
    }
    workingCountsByYear.set(year, counts);
  }
  return counts;
}

// Each date's year and day of the year, parsed (and checked) once: the annual report measures half
// a million stages at a million cases, over a few thousand distinct dates (decision record 044).
const dayPositions = new Map<IsoDate, { year: number; day: number }>();

function dayPosition(date: IsoDate): { year: number; day: number } {
  let position = dayPositions.get(date);
  if (!position) {
    const parsed = parseIsoDate(date);
    const year = parsed.getUTCFullYear();
    position = { year, day: Math.round((parsed.getTime() - Date.UTC(year, 0, 1, 12)) / DAY_MS) };
    if (dayPositions.size >= 100_000) dayPositions.clear();
    dayPositions.set(date, position);
  }
  return position;
}

/** Working days from 1 January of `fromYear` up to and including `date` (in that year or later). */
function workingDaysSinceYearStart(date: IsoDate, fromYear: number): number {
  const { year, day } = dayPosition(date);
  let total = 0;
  for (let y = fromYear; y < year; y += 1) total += workingCounts(y).at(-1) ?? 0;
  return total + (workingCounts(year)[day] ?? 0);
}

/**
 * Working days from `today` until `due`: positive while time is left, 0 on the due day,
 * negative once it has passed (the number of working days overdue).
 */
export function workingDaysUntil(today: IsoDate, due: IsoDate): number {
  if (today === due) return 0;
  const forwards = today < due;
  const [from, to] = forwards ? [today, due] : [due, today];
  const fromYear = dayPosition(from).year;
  // The working days after `from`, up to and including `to`.
  const count = workingDaysSinceYearStart(to, fromYear) - workingDaysSinceYearStart(from, fromYear);
  return forwards ? count : -count;
}

/**
 * The working day `count` working days before `date`: there are exactly `count` working days
 * after it up to and including `date` (so from a Saturday, 0 is the Friday before). Dates in the
 * demo are counted back from "now" with it, so they mean the same whenever the demo starts.
 */
export function workingDaysBefore(date: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a whole number ≥ 0");
  let day = date;
  let counted = 0;
  while (counted < count || !isWorkingDay(day)) {
    if (isWorkingDay(day)) counted += 1;
    day = addCalendarDays(day, -1);
  }
  return day;
}
