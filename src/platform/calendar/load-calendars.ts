import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  type CountryCalendarData,
  countryCalendarSchema,
  type YearCalendarData,
  yearCalendarSchema,
} from "./calendar-data.js";
import { DayTable } from "./day-table.js";
import { CalendarCountryMissingError, CalendarDataError } from "./errors.js";
import { LegalCalendar } from "./legal-calendar.js";
import { assertTimeZone } from "./legal-date.js";

/** The calendar files shipped with Karvan. */
export const shippedCalendarDataDir = fileURLToPath(new URL("./data/", import.meta.url));

/** One calendar file: its name decides what it is (`az.json` a country, `az-2026.json` a year). */
export interface CalendarFile {
  file: string;
  content: unknown;
}

/** The legal calendars of every country with data. */
export class LegalCalendars {
  constructor(private readonly byCountry: ReadonlyMap<string, LegalCalendar>) {}

  countries(): string[] {
    return [...this.byCountry.keys()].sort();
  }

  /** The calendar of a country (ISO 3166-1 alpha-2, e.g. "AZ"). */
  of(country: string): LegalCalendar {
    const calendar = this.byCountry.get(country.toUpperCase());
    if (!calendar) throw new CalendarCountryMissingError(country);
    return calendar;
  }
}

/**
 * Reads and validates every calendar file of a folder; call it at start-up so that a bad
 * file stops Karvan before any deadline is counted with it. Files other than .json are ignored.
 */
export function loadLegalCalendars(dataDir: string = shippedCalendarDataDir): LegalCalendars {
  const files = readdirSync(dataDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name): CalendarFile => {
      const text = readFileSync(path.join(dataDir, name), "utf8");
      try {
        return { file: name, content: JSON.parse(text) };
      } catch (error) {
        throw new CalendarDataError(name, [`not valid JSON: ${(error as Error).message}`]);
      }
    });
  return buildLegalCalendars(files);
}

const countryFileName = /^([a-z]{2})\.json$/;
const yearFileName = /^([a-z]{2})-(\d{4})\.json$/;

/** Validates calendar files (already parsed) and builds one calendar per country. */
export function buildLegalCalendars(files: readonly CalendarFile[]): LegalCalendars {
  const countries = new Map<string, CountryCalendarData>();
  const years = new Map<string, Array<{ data: YearCalendarData; file: string }>>();
  for (const { file, content } of files) {
    const countryMatch = countryFileName.exec(file);
    const yearMatch = yearFileName.exec(file);
    if (countryMatch) {
      const data = parse(countryCalendarSchema, file, content);
      const problems: string[] = [];
      if (data.country !== countryMatch[1]?.toUpperCase())
        problems.push(`country ${data.country} does not match the file name`);
      try {
        assertTimeZone(data.timeZone);
      } catch {
        problems.push(`timeZone ${data.timeZone} is not a known IANA zone`);
      }
      if (problems.length > 0) throw new CalendarDataError(file, problems);
      countries.set(data.country, data);
    } else if (yearMatch) {
      const data = parse(yearCalendarSchema, file, content);
      const country = yearMatch[1]?.toUpperCase() ?? "";
      if (data.country !== country || data.year !== Number(yearMatch[2])) {
        throw new CalendarDataError(file, [
          `holds ${data.country} ${data.year}, which does not match the file name`,
        ]);
      }
      years.set(country, [...(years.get(country) ?? []), { data, file }]);
    } else {
      throw new CalendarDataError(file, [
        "the name must be <country>.json or <country>-<year>.json, e.g. az-2026.json",
      ]);
    }
  }
  const calendars = new Map<string, LegalCalendar>();
  for (const [code, yearEntries] of years) {
    const country = countries.get(code);
    if (!country) {
      throw new CalendarDataError(yearEntries[0]?.file ?? code, [
        `there is no country file ${code.toLowerCase()}.json`,
      ]);
    }
    calendars.set(code, new LegalCalendar(new DayTable(country, yearEntries)));
  }
  for (const [code, country] of countries) {
    if (!calendars.has(code)) calendars.set(code, new LegalCalendar(new DayTable(country, [])));
  }
  return new LegalCalendars(calendars);
}

function parse<Schema extends z.ZodType>(schema: Schema, file: string, content: unknown): z.output<Schema> {
  const result = schema.safeParse(content);
  if (!result.success) {
    throw new CalendarDataError(
      file,
      result.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`),
    );
  }
  return result.data;
}
