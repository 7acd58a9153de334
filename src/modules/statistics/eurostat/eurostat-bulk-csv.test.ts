import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isoFromEurostat } from "./citizenship-codes.js";
import { EurostatCsvError, readEurostatBulkCsv, readEurostatLabelledCsv } from "./eurostat-bulk-csv.js";
import type { SdmxObservation } from "./sdmx-csv.js";

const bulkFixture = [
  "freq,citizen,sex,unit,age,asyl_app,geo,TIME_PERIOD,values",
  "A,TOTAL,T,PER,TOTAL,NASY_APP,SE,2015-01-01,156195",
  "A,SY,T,PER,TOTAL,NASY_APP,SE,2015-01-01,50890",
  "A,EL,F,PER,Y_LT14,ASY_APP,SE,2016-01-01,",
  "A,UK,M,PER,UNK,ASY_APP,SE,2016-01-01,: c",
  "M,AF,T,PER,TOTAL,ASY_APP,SE,2016-01-01,15 p",
  "",
].join("\r\n");

const labelledFixture = [
  '"TIME","GEO","CITIZEN","SEX","AGE","DECISION","UNIT","Value","Flag and Footnotes"',
  '"2008","European Union (28 countries)","Extra-EU-28","Total","Total","Total","Person","213,925",""',
  '"2008","Croatia","Extra-EU-28","Total","Total","Total","Person",":",""',
  '"2012","Netherlands","Extra-EU-28","Total","Total","Rejected","Person","8,160","p"',
  '"2016","Total","Total","Total","Total","Total","Person","1,149,110",""',
  "",
].join("\r\n");

describe("readEurostatBulkCsv (inline fixture)", () => {
  it("maps rows to observations keyed by dimension codes", () => {
    const table = readEurostatBulkCsv(bulkFixture);
    expect(table.dimensions).toEqual(["freq", "citizen", "sex", "unit", "age", "asyl_app", "geo"]);
    expect(table.observations[0]).toEqual({
      key: {
        freq: "A",
        citizen: "TOTAL",
        sex: "T",
        unit: "PER",
        age: "TOTAL",
        asyl_app: "NASY_APP",
        geo: "SE",
      },
      period: "2015",
      value: 156195,
      flag: "",
    });
    expect(table.observations.slice(2).map((o) => [o.period, o.value, o.flag])).toEqual([
      ["2016", null, ""],
      ["2016", null, "c"],
      ["2016-01-01", 15, "p"],
    ]);
  });

  it("names the line of a malformed row", () => {
    const bad = `${bulkFixture}A,SY,T,PER,TOTAL,NASY_APP,SE,2015-01-01,12x\r\n`;
    expect(() => readEurostatBulkCsv(bad)).toThrow(EurostatCsvError);
    expect(() => readEurostatBulkCsv(bad)).toThrow(/line 7: value "12x"/);
    expect(() => readEurostatBulkCsv("freq,citizen,values\n")).toThrow(/no TIME_PERIOD column/);
    expect(() => readEurostatBulkCsv(`${bulkFixture}A,SY\r\n`)).toThrow(/line 7: expected 9 fields, found 2/);
  });
});

describe("readEurostatLabelledCsv (inline fixture)", () => {
  it("strips thousands separators and maps ':' to null", () => {
    const table = readEurostatLabelledCsv(labelledFixture);
    expect(table.dimensions).toEqual(["GEO", "CITIZEN", "SEX", "AGE", "DECISION", "UNIT"]);
    expect(table.observations.map((o) => [o.key.GEO, o.period, o.value, o.flag])).toEqual([
      ["European Union (28 countries)", "2008", 213925, ""],
      ["Croatia", "2008", null, ""],
      ["Netherlands", "2012", 8160, "p"],
      ["Total", "2016", 1149110, ""],
    ]);
  });

  it("rejects values that are not thousands-grouped numbers", () => {
    const bad = `${labelledFixture}"2016","Total","Total","Total","Total","Total","Person","1,14",""\r\n`;
    expect(() => readEurostatLabelledCsv(bad)).toThrow(/line 6: value "1,14"/);
  });
});

const projectRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const dataDir = path.join(projectRoot, "..", "shared", "data", "eurostat");
const haveData = existsSync(dataDir);

describe.skipIf(!haveData)(
  `real Eurostat extracts${haveData ? "" : ` (SKIPPED: ${dataDir} does not exist in this checkout)`}`,
  () => {
    const select = (observations: SdmxObservation[], want: Record<string, string>, period: string) =>
      observations.filter(
        (o) => o.period === period && Object.entries(want).every(([k, v]) => o.key[k] === v),
      );

    it("reads Sweden's first-time asylum applicants in 2015 from migr_asyappctza", () => {
      const text = readFileSync(path.join(dataDir, "sweden_migr_asyappctza_2008_2022.csv"), "utf8");
      const { observations } = readEurostatBulkCsv(text);
      expect(observations).toHaveLength(text.trimEnd().split("\n").length - 1);

      const filter = { sex: "T", unit: "PER", age: "TOTAL", asyl_app: "NASY_APP", geo: "SE" };
      const rows = select(observations, filter, "2015");
      const total = rows.filter((o) => o.key.citizen === "TOTAL");
      expect(total).toHaveLength(1);
      // The file's row: A,TOTAL,T,PER,TOTAL,NASY_APP,SE,2015-01-01,156195
      expect(total[0]?.value).toBe(156195);

      const aggregates = new Set(["TOTAL", "EU27_2020", "EXT_EU27_2020"]);
      const citizens = rows.filter((o) => !aggregates.has(o.key.citizen ?? ""));
      const sum = citizens.reduce((acc, o) => acc + (o.value ?? 0), 0);
      // Eurostat rounds each cell to the nearest 5, so the sum may drift by up to 2.5 per row.
      expect(Math.abs(sum - 156195)).toBeLessThanOrEqual(2.5 * citizens.length);
      expect(Math.abs(sum - 156195) / 156195).toBeLessThan(0.005);
    });

    it("finds only valid Eurostat citizenship codes (EL/UK, never GR/GB)", () => {
      const text = readFileSync(path.join(dataDir, "sweden_migr_asyappctza_2008_2022.csv"), "utf8");
      const codes = new Set(readEurostatBulkCsv(text).observations.map((o) => o.key.citizen ?? ""));
      expect(codes.has("EL")).toBe(true);
      expect(codes.has("UK")).toBe(true);
      expect(codes.has("GR")).toBe(false);
      expect(codes.has("GB")).toBe(false);
      for (const code of codes) {
        if (/^[A-Z]{2}$/.test(code) || ["STLS", "UNK", "TOTAL"].includes(code)) {
          expect(() => isoFromEurostat(code)).not.toThrow();
        }
      }
    });

    it("reads the labelled migr_asydcfsta extract", () => {
      const text = readFileSync(path.join(dataDir, "eu_migr_asydcfsta_2008_2016_labels.csv"), "utf8");
      const { observations } = readEurostatLabelledCsv(text);
      const eu2008 = select(
        observations,
        { GEO: "European Union (28 countries)", CITIZEN: "Extra-EU-28", DECISION: "Total" },
        "2008",
      );
      expect(eu2008.map((o) => o.value)).toEqual([213925]);
      expect(observations.some((o) => o.value === null)).toBe(true);
      // Positive decisions + rejections make up the total for every complete (geo, citizen, year).
      const byCell = new Map<string, Record<string, number | null>>();
      for (const o of observations) {
        const cell = `${o.period}|${o.key.GEO}|${o.key.CITIZEN}|${o.key.SEX}|${o.key.AGE}`;
        const entry = byCell.get(cell) ?? {};
        entry[o.key.DECISION ?? ""] = o.value;
        byCell.set(cell, entry);
      }
      let checked = 0;
      for (const entry of byCell.values()) {
        const total = entry.Total;
        const positive = entry["Total positive decisions"];
        const rejected = entry.Rejected;
        if (typeof total === "number" && typeof positive === "number" && typeof rejected === "number") {
          expect(Math.abs(positive + rejected - total)).toBeLessThanOrEqual(10);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  },
);
