import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { buildComparison } from "./comparison-data.js";
import { FiguresLoadError, loadComparisonFigures, parseSelection, storedFigures } from "./load-figures.js";

let database: TestDatabase;
const at = new Date("2026-02-01T10:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

const bulk = [
  "freq,citizen,sex,unit,age,asyl_app,geo,TIME_PERIOD,values",
  "A,TOTAL,T,PER,TOTAL,ASY_APP,SE,2019-01-01,26255",
  "A,TOTAL,T,PER,TOTAL,ASY_APP,SE,2020-01-01,16225",
  "A,TOTAL,F,PER,TOTAL,ASY_APP,SE,2020-01-01,6000",
  "A,TOTAL,T,PER,TOTAL,NASY_APP,SE,2020-01-01,13595",
  "A,SY,T,PER,TOTAL,ASY_APP,SE,2020-01-01,2000",
  "A,TOTAL,T,PER,TOTAL,ASY_APP,NO,2020-01-01,1500",
].join("\n");

const sdmx = [
  "DATAFLOW,freq,geo,unit,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
  "ESTAT:MIGR_ASYAPPCTZA(1.0),A,FR,PER,2021,120685,",
  "ESTAT:MIGR_ASYAPPCTZA(1.0),A,FR,PER,2022,166880,p",
  "ESTAT:MIGR_ASYAPPCTZA(1.0),A,DE,PER,2022,244132,",
].join("\n");

async function rows(country: string) {
  return (await storedFigures(database.db)).filter((series) => series.country === country);
}

describe("loadComparisonFigures", () => {
  it("stores the yearly totals of a Eurostat bulk CSV for the country", async () => {
    const load = await loadComparisonFigures(
      database.db,
      { name: "sweden.csv", content: bulk },
      { country: "se", indicator: "asylum_applicants", source: "Eurostat migr_asyappctza", at },
    );
    expect(load.years).toEqual([
      { period: "2019", value: 26_255 },
      { period: "2020", value: 16_225 },
    ]);
    const [stored] = await rows("SE");
    expect(stored?.source).toBe("Eurostat migr_asyappctza");
    expect(stored?.loadedAt.toISOString()).toBe(at.toISOString());
    expect([...(stored?.values ?? [])]).toEqual([
      ["2019", 26_255],
      ["2020", 16_225],
    ]);
  });

  it("takes first-time applicants with the default selection of that indicator", async () => {
    const load = await loadComparisonFigures(
      database.db,
      { name: "sweden.csv", content: bulk },
      { country: "SE", indicator: "first_time_applicants", at },
    );
    expect(load.years).toEqual([{ period: "2020", value: 13_595 }]);
  });

  it("reads SDMX-CSV, names the dataflow as source and replaces earlier figures", async () => {
    await loadComparisonFigures(
      database.db,
      { name: "old.csv", content: sdmx.replace("120685", "1") },
      { country: "FR", indicator: "asylum_applicants", at },
    );
    const load = await loadComparisonFigures(
      database.db,
      { name: "france.csv", content: sdmx.split("\n").slice(0, 2).join("\n") },
      { country: "FR", indicator: "asylum_applicants", at },
    );
    expect(load.source).toBe("Eurostat migr_asyappctza");
    const [stored] = await rows("FR");
    expect([...(stored?.values ?? [])]).toEqual([["2021", 120_685]]);
  });

  it("reads SDMX-CSV 2.0 with an explicit selection", async () => {
    const v2 = [
      "STRUCTURE,STRUCTURE_ID,ACTION,geo,sex,TIME_PERIOD,OBS_VALUE",
      "dataflow,ESTAT:DEMO_PJAN(1.0),I,NO,T,2020,5367580",
      "dataflow,ESTAT:DEMO_PJAN(1.0),I,NO,F,2020,2670000",
    ].join("\n");
    const load = await loadComparisonFigures(
      database.db,
      { name: "norway.csv", content: v2 },
      { country: "NO", indicator: "population", select: parseSelection("sex=T"), at },
    );
    expect(load.years).toEqual([{ period: "2020", value: 5_367_580 }]);
  });

  it("stores nothing from a bad file and says why", async () => {
    const before = await rows("SE");
    const broken = `${bulk}\nA,TOTAL,T,PER,TOTAL,ASY_APP,SE,2021-01-01,many`;
    await expect(
      loadComparisonFigures(
        database.db,
        { name: "bad.csv", content: broken },
        {
          country: "SE",
          indicator: "asylum_applicants",
          at,
        },
      ),
    ).rejects.toThrow(/line 8/);
    const twoUnits = `${sdmx}\nESTAT:MIGR_ASYAPPCTZA(1.0),A,SE,PER,2021,1,\nESTAT:MIGR_ASYAPPCTZA(1.0),A,SE,THS_PER,2021,0.001,`;
    await expect(
      loadComparisonFigures(
        database.db,
        { name: "open.csv", content: twoUnits },
        { country: "SE", indicator: "asylum_applicants", at },
      ),
    ).rejects.toThrow(/more than one observation/);
    await expect(
      loadComparisonFigures(
        database.db,
        { name: "x.csv", content: "a,b\n1,2" },
        {
          country: "SE",
          indicator: "asylum_applicants",
          at,
        },
      ),
    ).rejects.toThrow(FiguresLoadError);
    await expect(
      loadComparisonFigures(
        database.db,
        { name: "sweden.csv", content: bulk },
        {
          country: "SE",
          indicator: "asylum_applicants",
          select: { region: "X" },
          at,
        },
      ),
    ).rejects.toThrow(/no dimension region/);
    await expect(
      loadComparisonFigures(
        database.db,
        { name: "sweden.csv", content: bulk },
        {
          country: "DK",
          indicator: "asylum_applicants",
          at,
        },
      ),
    ).rejects.toThrow(/no observation matches/);
    expect(await rows("SE")).toEqual(before);
    expect(await rows("DK")).toEqual([]);
  });

  it("refuses a bad country or indicator", () => {
    const file = { name: "sweden.csv", content: bulk };
    return Promise.all([
      expect(
        loadComparisonFigures(database.db, file, { country: "SWE", indicator: "asylum_applicants", at }),
      ).rejects.toThrow(FiguresLoadError),
      expect(
        loadComparisonFigures(database.db, file, { country: "SE", indicator: "permits", at }),
      ).rejects.toThrow(FiguresLoadError),
    ]);
  });
});

describe("buildComparison", () => {
  it("puts Karvan's yearly sums beside the loaded figures, per 100,000 only where the population is known", async () => {
    const cell = (period: string, n: number) => ({
      tableCode: "asylum_applicants" as const,
      period,
      citizen: "SY",
      sex: "F",
      age: "Y30-34",
      d1: "ASY_APP",
      d2: "",
      d3: "",
      n,
      total: 0,
    });
    await addToCubes(database.db, [cell("2019-03", 600), cell("2019-11", 400), cell("2020-05", 50)]);
    await addToCubes(database.db, [{ ...cell("2026-01", 9) }]);
    const comparison = await buildComparison(database.db, "asylum_applicants", 2025);
    const own = comparison.series.find((series) => series.own);
    expect(own?.values.find((v) => v.period === "2019")).toEqual({
      period: "2019",
      value: 1_000,
      perHundredThousand: 10,
    });
    expect(own?.values.find((v) => v.period === "2025")).toEqual({
      period: "2025",
      value: 0,
      perHundredThousand: null,
    });
    expect(own?.values.some((v) => v.period === "2026")).toBe(false);
    const sweden = comparison.series.find((series) => series.country === "SE");
    expect(sweden?.values.find((v) => v.period === "2020")).toEqual({
      period: "2020",
      value: 16_225,
      perHundredThousand: 157.1,
    });
    // Loaded population figures win over the built-in table.
    await loadComparisonFigures(
      database.db,
      {
        name: "pop.csv",
        content: "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:DEMO_PJAN(1.0),AZ,2025,10000000",
      },
      { country: "AZ", indicator: "population", at },
    );
    const again = await buildComparison(database.db, "asylum_applicants", 2025);
    expect(
      again.series.find((series) => series.own)?.values.find((v) => v.period === "2025")?.perHundredThousand,
    ).toBe(0);
  });
});
