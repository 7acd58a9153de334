import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type LegalCalendar, loadLegalCalendars } from "../calendar/index.js";

/**
 * A country profile: everything that makes Karvan one country's system rather than another's. The
 * profile file names its locales with their Intl tags, its currency and its agencies, and points to
 * its legal calendar (whose country file gives the time zone) and its regions code list; paths are
 * relative to the profile file, so that a country can keep its profile outside Karvan's source.
 */

const languageCode = z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code, e.g. en");

/** The languages Karvan is translated into: names the database keeps in each of them. */
const translatedNames = z.strictObject({
  az: z.string().min(1),
  en: z.string().min(1),
  ru: z.string().min(1),
});

const intlTag = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { message: "must be a BCP 47 language tag, e.g. en-GB" },
);

const agencySchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,32}$/),
  /** One of the kinds the agency administration names (migration_service, labour, regional, …). */
  kind: z.string().regex(/^[a-z][a-z_]*$/),
  /** Regional offices: the region (from the profile's code list) they serve. */
  region: z.string().optional(),
  names: translatedNames,
});
export type AgencyDefinition = z.infer<typeof agencySchema>;

const profileFileSchema = z.strictObject({
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code in capitals"),
  /** The languages offered, the first being the default, each with the Intl tag that formats for it. */
  locales: z
    .array(z.strictObject({ language: languageCode, intlTag }))
    .min(1)
    .refine((locales) => new Set(locales.map((one) => one.language)).size === locales.length, {
      message: "lists a language twice",
    }),
  currency: z.strictObject({
    code: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code, e.g. EUR"),
    /** Digits after the decimal point: amounts are kept as integers of this minor unit. */
    minorUnits: z.number().int().min(0).max(4),
  }),
  /** The folder of the legal calendar files (`<country>.json`, `<country>-<year>.json`). */
  calendar: z.string().min(1),
  /** The regions code list (ISO 3166-2 subdivisions with names). */
  regions: z.string().min(1),
  /** The agencies created on first start; administrators add others. */
  agencies: z.array(agencySchema).min(1),
});

const regionFileSchema = z.object({
  $comment: z.union([z.string(), z.array(z.string())]).optional(),
  country: z.string().regex(/^[A-Z]{2}$/),
  regions: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/),
        kind: z.string().min(1),
        name: z.record(languageCode, z.string().min(1)),
      }),
    )
    .min(1),
});
export type Region = z.infer<typeof regionFileSchema>["regions"][number];

export interface CountryLocale {
  language: string;
  intlTag: string;
}

export interface CountryProfile {
  /** ISO 3166-1 alpha-2, in capitals. */
  code: string;
  /** The languages offered; the first is the default. */
  locales: readonly CountryLocale[];
  /** The IANA zone of the legal calendar, in which times are shown and days begin. */
  timeZone: string;
  currency: { code: string; minorUnits: number };
  calendar: LegalCalendar;
  regions: readonly Region[];
  agencies: readonly AgencyDefinition[];
}

export class CountryProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`the country profile ${file} is invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "CountryProfileError";
  }
}

/** The profiles shipped with Karvan, one `<country>.json` each. */
const shippedProfilesDir = fileURLToPath(new URL("./profiles/", import.meta.url));

/**
 * The profile file a `KARVAN_COUNTRY` value names: a shipped country's code (`az`, `AZ`) or the path
 * of a profile file of one's own. Throws when there is none, so that the start says what is wrong.
 */
export function countryProfileFile(value: string): string {
  if (/^[A-Za-z]{2}$/.test(value)) {
    const file = path.join(shippedProfilesDir, `${value.toLowerCase()}.json`);
    if (existsSync(file)) return file;
    throw new Error(
      `no country profile "${value}"; Karvan ships ${shippedCountries().join(", ")} (or give the path of a profile file)`,
    );
  }
  const file = path.resolve(value);
  if (!file.endsWith(".json") || !existsSync(file))
    throw new Error(`${value} is neither a shipped country's code nor a country profile file (.json)`);
  return file;
}

function shippedCountries(): string[] {
  return readdirSync(shippedProfilesDir)
    .filter((name) => /^[a-z]{2}\.json$/.test(name))
    .map((name) => name.slice(0, 2))
    .sort();
}

/** Reads and checks a profile with its calendar and regions; call it at start-up (it reads files). */
export function loadCountryProfile(file: string): CountryProfile {
  const parsed = profileFileSchema.safeParse(readJson(file));
  if (!parsed.success) throw new CountryProfileError(file, issuesOf(parsed.error));
  const data = parsed.data;
  const folder = path.dirname(file);
  const problems: string[] = [];
  if (!(Intl.supportedValuesOf("currency") as string[]).includes(data.currency.code))
    problems.push(`currency.code ${data.currency.code} is not an ISO 4217 currency`);
  const calendar = loadLegalCalendars(path.resolve(folder, data.calendar)).of(data.country);
  const regionsFile = path.resolve(folder, data.regions);
  const regionList = regionFileSchema.safeParse(readJson(regionsFile));
  if (!regionList.success) throw new CountryProfileError(regionsFile, issuesOf(regionList.error));
  const regions = regionList.data.regions;
  if (regionList.data.country !== data.country)
    problems.push(`${data.regions} holds the regions of ${regionList.data.country}`);
  const codes = new Set(regions.map((region) => region.code));
  if (codes.size !== regions.length) problems.push(`${data.regions} lists a region code twice`);
  for (const region of regions) {
    if (!region.code.startsWith(`${data.country}-`))
      problems.push(`region ${region.code} is not in ${data.country}`);
    for (const { language } of data.locales)
      if (!region.name[language]) problems.push(`region ${region.code} has no name in ${language}`);
  }
  for (const agency of data.agencies)
    if (agency.region !== undefined && !codes.has(agency.region))
      problems.push(`agency ${agency.code}: region ${agency.region} is not on the regions code list`);
  if (problems.length > 0) throw new CountryProfileError(file, problems);
  return {
    code: data.country,
    locales: data.locales,
    timeZone: calendar.timeZone,
    currency: data.currency,
    calendar,
    regions,
    agencies: data.agencies,
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CountryProfileError(file, [(error as Error).message]);
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
}
