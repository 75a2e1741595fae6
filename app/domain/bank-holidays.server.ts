import Holidays from "date-holidays";
import type { IsoDate } from "./calendar";

// Server only (the .server name keeps it out of every browser bundle): date-holidays carries
// moment-timezone and every country's rules, 1.5 MB of script that no page needs, since every due
// date is counted on the server and sent to the page as a date (docs/decisions/036).

// England and Wales share one list of bank holidays (regulation 2 of the 2006 Regulations counts a
// bank holiday "in England and Wales"). date-holidays keeps the list, including substitute days
// and one-off holidays; its "observance" entries (Mother's Day and the like) are not holidays.
const holidays = new Holidays("GB", "ENG");

/** The days of `year` that are not working days though they fall on a weekday, as "YYYY-MM-DD". */
export function closedWeekdaysIn(year: number): Set<IsoDate> {
  const days = new Set(
    holidays
      .getHolidays(year)
      .filter((h) => h.type === "public" || h.type === "bank")
      .map((h) => h.date.slice(0, 10)),
  );
  // The regulation names these days itself, whatever the library says.
  days.add(`${year}-12-25`);
  days.add(`${year}-12-26`);
  return days;
}
