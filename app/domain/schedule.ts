import { formatIsoDate, londonDate, parseIsoDate, type IsoDate } from "./calendar";

const londonHourFormat = new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: "Europe/London" });

export function londonHour(instant: Date): number {
  return Number(londonHourFormat.format(instant));
}

/**
 * When a daily job runs next, as England's date and hour: today at `hour` if it has not run today,
 * otherwise tomorrow. Once the hour has passed on a day with no run, it is due now.
 */
export function nextDailyRun(now: Date, hour: number, lastRunOn: IsoDate | null): { on: IsoDate; hour: number; dueNow: boolean } {
  const today = londonDate(now);
  if (lastRunOn !== null && lastRunOn >= today) return { on: formatIsoDate(new Date(parseIsoDate(today).getTime() + 86_400_000)), hour, dueNow: false };
  return { on: today, hour, dueNow: londonHour(now) >= hour };
}
