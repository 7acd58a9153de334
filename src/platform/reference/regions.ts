import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * A country's regions as a code list (ISO 3166-2 subdivisions), read from `data/regions-<country>.json`.
 * Forms store the code, statistics count by it, and people read the name in their language; the list
 * is data so that another country brings its own file.
 */
const regionFileSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  regions: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/),
        kind: z.string().min(1),
        name: z.object({ az: z.string().min(1), en: z.string().min(1), ru: z.string().min(1) }),
      }),
    )
    .min(1),
});

type Region = z.infer<typeof regionFileSchema>["regions"][number];

const loaded = new Map<string, readonly Region[]>();

/** The regions of a country (ISO 3166-1 alpha-2, e.g. "AZ"), in the file's order. */
export function regionsOf(country: string): readonly Region[] {
  const key = country.toUpperCase();
  const cached = loaded.get(key);
  if (cached) return cached;
  const file = fileURLToPath(new URL(`./data/regions-${key.toLowerCase()}.json`, import.meta.url));
  const parsed = regionFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  if (parsed.country !== key) throw new Error(`${file} holds the regions of ${parsed.country}, not ${key}`);
  if (new Set(parsed.regions.map((region) => region.code)).size !== parsed.regions.length)
    throw new Error(`${file} lists a region code twice`);
  loaded.set(key, parsed.regions);
  return parsed.regions;
}

/** The country a region code belongs to (`AZ-BA` → `AZ`). */
function countryOfRegion(code: string): string {
  return code.slice(0, 2);
}

/** Whether a value is a region code on its country's list; anything else (free text, old codes) is not. */
export function isRegionCode(value: unknown): value is string {
  if (typeof value !== "string" || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(value)) return false;
  try {
    return regionsOf(countryOfRegion(value)).some((region) => region.code === value);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** A region's name in the language (az, en or ru); the code itself when it is not on the list. */
export function regionName(code: string, locale: string): string {
  if (!isRegionCode(code)) return code;
  const region = regionsOf(countryOfRegion(code)).find((one) => one.code === code);
  const language = locale === "en" || locale === "ru" ? locale : "az";
  return region?.name[language] ?? code;
}

/** A country's regions sorted by name in the language, for pick lists. */
export function regionOptions(country: string, locale: string): Array<{ code: string; name: string }> {
  const language = locale === "en" || locale === "ru" ? locale : "az";
  return regionsOf(country)
    .map((region) => ({ code: region.code, name: region.name[language] }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
