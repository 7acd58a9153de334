import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { CountryProfileError, countryProfile, countryProfileFile, loadCountryProfile } from "./index.js";

const shipped = fileURLToPath(new URL("./profiles/az.json", import.meta.url));
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The shipped profile with some fields changed, written where its data files are found absolutely. */
function changedProfile(change: (profile: Record<string, unknown>) => void): string {
  const profile = JSON.parse(readFileSync(shipped, "utf8")) as Record<string, unknown>;
  profile.calendar = path.resolve(path.dirname(shipped), profile.calendar as string);
  profile.regions = path.resolve(path.dirname(shipped), profile.regions as string);
  change(profile);
  const folder = mkdtempSync(path.join(tmpdir(), "karvan-country-"));
  folders.push(folder);
  const file = path.join(folder, "profile.json");
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

describe("country profiles", () => {
  it("ships Azerbaijan: its languages, Baku's zone, the manat in qəpik, its calendar, regions and agencies", () => {
    const az = loadCountryProfile(countryProfileFile("AZ"));
    expect(az.locales.map((locale) => locale.language)).toEqual(["az", "en", "ru"]);
    expect(az.timeZone).toBe("Asia/Baku");
    expect(az.currency).toEqual({ code: "AZN", minorUnits: 2 });
    expect(az.calendar.isWorkingDay("2026-03-20")).toBe(false);
    expect(az.regions).toHaveLength(78);
    expect(az.agencies.map((agency) => agency.code)).toContain("SMS");
    expect(countryProfile().code).toBe("AZ");
  });

  it("names the problem of a country that has no profile, or a profile that does not hold together", () => {
    expect(() => countryProfileFile("xx")).toThrow(/no country profile "xx"; Karvan ships az/);
    expect(() => countryProfileFile("/nowhere/profile.json")).toThrow(/neither/);
    const problems = (change: (profile: Record<string, unknown>) => void) => {
      try {
        loadCountryProfile(changedProfile(change));
      } catch (error) {
        return error instanceof CountryProfileError ? error.problems : [String(error)];
      }
      return [];
    };
    expect(problems(() => {})).toEqual([]);
    expect(problems((profile) => (profile.currency = { code: "XYZ", minorUnits: 2 }))).toEqual([
      "currency.code XYZ is not an ISO 4217 currency",
    ]);
    expect(problems((profile) => (profile.locales = [{ language: "az", intlTag: "not a tag" }]))).toEqual([
      "locales.0.intlTag: must be a BCP 47 language tag, e.g. en-GB",
    ]);
    expect(
      problems((profile) => {
        (profile.agencies as Array<Record<string, unknown>>)[0] = {
          code: "SMS-XX",
          kind: "regional",
          region: "AZ-XX",
          names: { az: "a", en: "b", ru: "c" },
        };
      }),
    ).toEqual(["agency SMS-XX: region AZ-XX is not on the regions code list"]);
    expect(problems((profile) => (profile.locales = [{ language: "fr", intlTag: "fr-FR" }]))).toContain(
      "region AZ-BA has no name in fr",
    );
  });
});
