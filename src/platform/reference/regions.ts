import { countryProfile, type Region } from "../country/index.js";

/**
 * The country's regions as a code list (ISO 3166-2 subdivisions), from its profile (platform/country).
 * Forms store the code, statistics count by it, and people read the name in their language; the list
 * is data so that another country brings its own.
 */

/** The regions of a country (ISO 3166-1 alpha-2, e.g. "AZ"), in the list's order; none for another country. */
export function regionsOf(country: string): readonly Region[] {
  const profile = countryProfile();
  return country.toUpperCase() === profile.code ? profile.regions : [];
}

/** The country a region code belongs to (`AZ-BA` → `AZ`). */
function countryOfRegion(code: string): string {
  return code.slice(0, 2);
}

/** Whether a value is a region code on its country's list; anything else (free text, old codes) is not. */
export function isRegionCode(value: unknown): value is string {
  if (typeof value !== "string" || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(value)) return false;
  return regionsOf(countryOfRegion(value)).some((region) => region.code === value);
}

/** A region's name in the language; in the country's first language when it has none in that one. */
export function regionName(code: string, locale: string): string {
  const region = isRegionCode(code)
    ? regionsOf(countryOfRegion(code)).find((one) => one.code === code)
    : undefined;
  if (!region) return code;
  return region.name[locale] ?? region.name[countryProfile().locales[0]?.language ?? ""] ?? code;
}

/** A country's regions sorted by name in the language, for pick lists. */
export function regionOptions(country: string, locale: string): Array<{ code: string; name: string }> {
  return regionsOf(country)
    .map((region) => ({ code: region.code, name: regionName(region.code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
