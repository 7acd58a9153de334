import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData } from "../src/modules/access/index.js";
import { CaseTypeRegistry } from "../src/modules/cases/index.js";
import { samplePermit } from "../src/modules/cases/test-support/sample-case-type.js";
import { ConfigError, loadConfig } from "../src/platform/config/index.js";
import { countryProfile, loadCountryProfile, selectCountryProfile } from "../src/platform/country/index.js";
import { createViewEnvironment } from "../src/platform/http/index.js";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "../src/platform/locale/index.js";
import { isRegionCode, regionName, regionOptions } from "../src/platform/reference/index.js";
import { createTestDatabase } from "./support/database.js";

/**
 * Karvan run for a second, smaller country (test/country-profile: two languages, Asia/Bahrain,
 * a currency of three minor digits, a Friday–Saturday weekend): whatever still said Azerbaijan in
 * code would show here as a manat, a Baku time or a Monday deadline.
 */
const profileFile = fileURLToPath(new URL("./country-profile/bh.json", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-country-"));
const sourceRoot = fileURLToPath(new URL("../src/", import.meta.url));
/** Intl separates with no-break spaces; the tests compare the words. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** Test files share their worker's modules: the next file must find the country it started with. */
const countryBefore = countryProfile();
beforeAll(() => {
  const config = loadConfig({ KARVAN_DATA_DIR: dataDir, KARVAN_COUNTRY: profileFile });
  selectCountryProfile(loadCountryProfile(config.countryProfile));
});
afterAll(() => {
  selectCountryProfile(countryBefore);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a second country chosen by KARVAN_COUNTRY", () => {
  it("is chosen by the path of its profile; an unknown country stops the start, saying which", () => {
    expect(loadConfig({ KARVAN_DATA_DIR: dataDir, KARVAN_COUNTRY: profileFile }).country).toBe("BH");
    expect(loadConfig({ KARVAN_DATA_DIR: dataDir }).country).toBe("AZ");
    expect(() => loadConfig({ KARVAN_DATA_DIR: dataDir, KARVAN_COUNTRY: "xx" })).toThrow(ConfigError);
    expect(() => loadConfig({ KARVAN_DATA_DIR: dataDir, KARVAN_COUNTRY: "xx" })).toThrow(
      /KARVAN_COUNTRY: no country profile "xx"; Karvan ships az/,
    );
    expect(countryProfile().code).toBe("BH");
  });

  it("writes dates, times and numbers in its languages on its own clock", () => {
    // 21:30 UTC is already the next day in Bahrain (UTC+3), still the same day in London.
    const lateEvening = new Date("2026-12-16T21:30:00Z");
    expect(plain(formatDate(lateEvening, "en"))).toBe("December 17, 2026");
    expect(plain(formatDateTime(lateEvening, "ru"))).toBe("17 дек. 2026 г., 00:30");
    expect(plain(formatDate("2026-12-16", "en"))).toBe("December 16, 2026");
    expect(plain(formatNumber(1234.5, "ru"))).toBe("1 234,5");
    // A language the country does not offer is written in its first one.
    expect(plain(formatDate("2026-12-16", "az"))).toBe("December 16, 2026");
    const views = createViewEnvironment(sourceRoot);
    expect(plain(views.renderString("{{ at | dateTime('en') }}", { at: lateEvening }))).toBe(
      "Dec 17, 2026, 12:30 AM",
    );
  });

  it("shows fees in its currency with three minor digits, and refuses a fee in another", () => {
    const definition = new CaseTypeRegistry([samplePermit]).get("sample-permit", 1);
    expect(definition.fee.currency).toBe("BHD");
    expect(plain(formatMoney(definition.fee.amountMinor, "en"))).toBe("BHD 3.000");
    expect(plain(formatMoney(definition.fee.amountMinor, "ru"))).toBe("3,000 BHD");
    expect(
      () => new CaseTypeRegistry([{ ...samplePermit, fee: { ...samplePermit.fee, currency: "AZN" } }]),
    ).toThrow(/country's currency/);
  });

  it("counts a deadline on its legal calendar: its holidays and a Friday–Saturday weekend", () => {
    const { calendar } = countryProfile();
    // National Day (16–17 December), then Friday and Saturday: three working days end on Tuesday.
    expect(calendar.addWorkingDays("2026-12-15", 3)).toBe("2026-12-22");
    expect(calendar.isWorkingDay("2026-12-20")).toBe(true);
    expect(calendar.legalDate(new Date("2026-12-16T21:30:00Z"))).toBe("2026-12-17");
  });

  it("lists its regions and creates its agencies", async () => {
    expect(regionOptions("BH", "ru").map((region) => region.code)).toEqual([
      "BH-15",
      "BH-17",
      "BH-13",
      "BH-14",
    ]);
    expect(regionName("BH-15", "en")).toBe("Muharraq");
    expect(isRegionCode("BH-13")).toBe(true);
    expect(isRegionCode("AZ-BA")).toBe(false);
    const database = await createTestDatabase();
    try {
      await ensureReferenceData(database.db);
      const rows = await database.raw.query<{ code: string }>(
        "select code from agencies where code in ('NPRA', 'LMRA', 'NPRA-MUHARRAQ') order by code",
      );
      expect(rows.rows.map((row) => row.code)).toEqual(["LMRA", "NPRA", "NPRA-MUHARRAQ"]);
    } finally {
      await database.destroy();
    }
  });
});
