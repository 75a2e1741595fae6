// Benchmarks (not tests): how fast the rules that run on every inbox row are.
import { addWorkingDays, workingDaysUntil } from "../app/domain/calendar";
import { stage1DueDates } from "../app/domain/timescales";

function bench(name: string, iterations: number, fn: (i: number) => void) {
  fn(0);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) fn(i);
  const ns = Number(process.hrtime.bigint() - started);
  console.log(`${name}: ${(ns / iterations / 1000).toFixed(2)} µs per call (${iterations} calls)`);
}

const dates = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString().slice(0, 10));
bench("stage1DueDates", 20_000, (i) => stage1DueDates(dates[i % dates.length] as string));
bench("addWorkingDays(65)", 20_000, (i) => addWorkingDays(dates[i % dates.length] as string, 65));
bench("workingDaysUntil (one year)", 2_000, (i) => workingDaysUntil("2026-01-01", dates[i % dates.length] as string));
