import { z } from "zod";
import { isLegalDate } from "./legal-date.js";

/**
 * The shape of the calendar data files in data/: one country file (`az.json`) with the rules
 * that do not change from year to year, and one file a year (`az-2025.json`) with that year's
 * days. Another country adds `xx.json` and `xx-2026.json`; nothing else changes.
 * Objects are strict, so that a misspelt field stops start-up instead of being ignored.
 */

/** JSON has no comments: `$comment` carries the notes for whoever updates the file. */
const comment = z.union([z.string(), z.array(z.string())]).optional();

const legalDate = z.string().refine(isLegalDate, { message: "must be an existing day written YYYY-MM-DD" });

const countryCode = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code in capitals");

/** A name in several languages (language code -> text); English is always required. */
const localizedName = z
  .record(z.string().regex(/^[a-z]{2}$/), z.string().min(1))
  .refine((names) => typeof names.en === "string", { message: "needs at least an English name (en)" });

const source = z.strictObject({
  title: z.string().min(1),
  url: z.string().url().optional(),
  date: legalDate.optional(),
  note: z.string().optional(),
});

/**
 * Kinds of non-working day. Only the kinds the country lists in `carryOver.kinds` give a day
 * off elsewhere when they fall on a weekend or on another such day.
 */
export const nonWorkingDayKinds = ["holiday", "memorial", "election", "other"] as const;
export type NonWorkingDayKind = (typeof nonWorkingDayKinds)[number];

export const countryCalendarSchema = z.strictObject({
  $comment: comment,
  country: countryCode,
  name: localizedName,
  /** IANA zone in which instants are read as legal dates. */
  timeZone: z.string().min(1),
  /** ISO weekdays (Monday 1 ... Sunday 7) of the weekly rest days of the standard working week. */
  weekendDays: z.array(z.number().int().min(1).max(7)).min(1).max(6),
  carryOver: z.strictObject({
    /** Non-working days of these kinds that fall on a rest day give the next working day off. */
    kinds: z.array(z.enum(nonWorkingDayKinds)),
    reference: z.string().min(1),
  }),
  deadlines: z.strictObject({
    /** When a deadline counted in calendar days ends on a non-working day. */
    calendarDaysEndingOnDayOff: z.enum(["next-working-day", "unchanged"]),
    reference: z.string().min(1),
  }),
  sources: z.array(source).default([]),
});
export type CountryCalendarData = z.infer<typeof countryCalendarSchema>;

const nonWorkingDay = z.strictObject({
  date: legalDate,
  kind: z.enum(nonWorkingDayKinds),
  /** "law": fixed by statute; "decree": the date is set each year by the government. */
  basis: z.enum(["law", "decree"]),
  name: localizedName,
  reference: z.string().min(1),
});

const transfer = z.strictObject({
  date: legalDate,
  reason: z.string().min(1),
  reference: z.string().min(1),
});

export const yearCalendarSchema = z.strictObject({
  $comment: comment,
  country: countryCode,
  year: z.number().int().min(1900).max(2999),
  /** "provisional": some dates are estimates awaiting the official decree. */
  status: z.enum(["official", "provisional"]),
  /** The day the file was last checked against the official sources. */
  checkedOn: legalDate,
  sources: z.array(source).min(1),
  nonWorkingDays: z.array(nonWorkingDay),
  /** Working days made days off by a decree (transfers, one-off days off). */
  extraDaysOff: z.array(transfer).default([]),
  /** Rest days made working days by a decree (the other half of a transfer). */
  extraWorkingDays: z.array(transfer).default([]),
});
export type YearCalendarData = z.infer<typeof yearCalendarSchema>;
export type NonWorkingDayData = z.infer<typeof nonWorkingDay>;
