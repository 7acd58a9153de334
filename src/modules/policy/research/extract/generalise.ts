import type { StatisticalRecord } from "../../../statistics/index.js";
import type { QuasiIdentifier } from "./extract-variables.js";

/**
 * The generalisation ladders: each step makes a quasi-identifier coarser. Dates start at the month
 * and ages at five-year bands (never finer); the others are released as they are or, when rare,
 * suppressed with their row.
 */
export const ladders = {
  month: ["month", "quarter", "year"],
  ageBand: ["5", "10", "20"],
  citizenship: ["country"],
  sex: ["sex"],
  region: ["region"],
} as const satisfies Record<QuasiIdentifier, readonly string[]>;

export type Levels = Record<QuasiIdentifier, number>;

export const finestLevels: Levels = { month: 0, ageBand: 0, citizenship: 0, sex: 0, region: 0 };

/** Completed years between a birth date and a day (both YYYY-MM-DD); null when the birth date is unknown or later. */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const age = day.slice(5) < birthDate.slice(5) ? years - 1 : years;
  return age >= 0 ? age : null;
}

/** The band of an age: "25-29" for width 5; the oldest band is open ("80+"; "60+" for 20-year bands). */
export function ageBand(age: number | null, width: number): string {
  if (age === null) return "UNK";
  const open = width === 20 ? 60 : 80;
  if (age >= open) return `${open}+`;
  const start = Math.floor(age / width) * width;
  return `${start}-${start + width - 1}`;
}

function period(date: string, level: string): string {
  const year = date.slice(0, 4);
  if (level === "year") return year;
  if (level === "quarter") return `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  return date.slice(0, 7);
}

/** A record's quasi-identifier at a level of its ladder. */
export function generalised(record: StatisticalRecord, variable: QuasiIdentifier, level: number): string {
  const step = ladders[variable][level] ?? ladders[variable][0];
  switch (variable) {
    case "month":
      return period(record.date, step);
    case "ageBand":
      return ageBand(ageOn(record.person.birthDate, record.date), Number(step));
    case "citizenship":
      return record.person.citizenship;
    case "sex":
      return record.person.sex;
    case "region":
      return record.region ?? "UNK";
  }
}
