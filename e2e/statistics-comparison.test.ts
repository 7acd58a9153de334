import { describe, expect, it } from "vitest";
import { importFiles, loadComparisonFigures } from "../src/modules/statistics/index.js";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

const now = new Date();
const lastYear = now.getUTCFullYear() - 1;
/** The last complete month: the indicators page ends there. */
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  .toISOString()
  .slice(0, 7);

const files = [
  {
    name: "persons.csv",
    content: [
      "person_id,citizenship,stateless,sex,birth_date",
      "p1,SY,no,F,1990-05-01",
      "p2,AF,no,M,1985-02-01",
      "p3,IR,no,M,1980-07-01",
    ].join("\n"),
  },
  {
    name: "applications.csv",
    content: [
      "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
      `a1,p1,asylum,${lastYear}-01-10,,no,no,AZ-BA`,
      `a2,p2,asylum,${lastYear}-02-20,,no,no,AZ-GA`,
      `a3,p3,asylum,${lastMonth}-02,${lastMonth}-10,no,no,AZ-BA`,
    ].join("\n"),
  },
  {
    name: "decisions.csv",
    content: [
      "decision_id,application_id,instance,decided_on,outcome",
      `d1,a3,first,${lastMonth}-10,GENCONV`,
    ].join("\n"),
  },
];

const sweden = [
  "freq,citizen,sex,unit,age,asyl_app,geo,TIME_PERIOD,values",
  "A,TOTAL,T,PER,TOTAL,ASY_APP,SE,2007-01-01,36207",
  "A,TOTAL,T,PER,TOTAL,ASY_APP,SE,2020-01-01,16225",
  "A,TOTAL,F,PER,TOTAL,ASY_APP,SE,2020-01-01,6000",
  "A,TOTAL,T,PER,TOTAL,NASY_APP,SE,2020-01-01,13595",
].join("\n");

describe.runIf(browserAvailable)("comparison with other countries and key indicators", () => {
  const bed = useKarvanInBrowser();
  const usedCodes = new Set<string>();

  it("shows an analyst Karvan's figures beside Sweden's, and the indicators, accessibly", async () => {
    const db = bed.karvan.karvan.database.db;
    const imported = await importFiles(db, files, { importedBy: "e2e", at: new Date() });
    expect(imported.imported).toBe(true);
    const load = await loadComparisonFigures(
      db,
      { name: "sweden.csv", content: sweden },
      { country: "SE", indicator: "asylum_applicants", source: "Eurostat migr_asyappctza", at: new Date() },
    );
    expect(load.years.length).toBe(2);

    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "analyst", usedCodes);
    await visit(page, `${bed.karvan.baseUrl}/statistics/comparison?lang=en`);
    await expect(page.getByTestId("comparison-sources").textContent()).resolves.toContain(
      "Eurostat migr_asyappctza, loaded on",
    );
    const absolute = page.getByTestId("comparison-absolute");
    const perCapita = page.getByTestId("comparison-per-100000");
    await expect(absolute.locator("svg[role=img]").count()).resolves.toBe(1);
    /** The figures of a year: Karvan's own first, then Sweden's. */
    const cells = (section: typeof absolute, year: string) =>
      section
        .locator("tr", { has: page.locator(`th:text-is("${year}")`) })
        .locator("td")
        .allTextContents();
    await expect(cells(absolute, "2020")).resolves.toEqual(["not available", "16,225"]);
    await expect(cells(absolute, String(lastYear))).resolves.toEqual(["2", "not available"]);
    // Sweden's population on 1 January 2020 was 10,327,589: 16,225 applicants are 157.1 per 100,000.
    await expect(cells(perCapita, "2020")).resolves.toEqual(["not available", "157.1"]);
    // No population figure for Sweden in 2007: no rate, and no guess.
    await expect(cells(perCapita, "2007")).resolves.toEqual(["not available", "not available"]);
    await expectAccessible(page);

    // The choice of figures works as a plain form; Sweden's first-time applicants were not loaded.
    await visit(page, `${bed.karvan.baseUrl}/statistics/comparison?indicator=first_time_applicants&lang=en`);
    await expect(page.getByTestId("comparison-sources").textContent()).resolves.not.toContain("Eurostat");
    const wrong = await page.request.get(`${bed.karvan.baseUrl}/statistics/comparison?indicator=permits`);
    expect(wrong.status()).toBe(400);

    await visit(page, `${bed.karvan.baseUrl}/statistics/indicators?lang=en`);
    const recognition = page.getByTestId("indicator-asylum-recognition-rate");
    await expect(recognition.locator("svg[role=img]").count()).resolves.toBe(1);
    await expect(
      recognition.locator("tr", { has: page.locator(`th:text-is("${lastMonth}")`) }).textContent(),
    ).resolves.toContain("100 %");
    await expect(recognition.textContent()).resolves.toContain("examples");
    await expectAccessible(page);

    for (const lang of ["az", "ru"]) {
      await visit(page, `${bed.karvan.baseUrl}/statistics/comparison?lang=${lang}`);
      await expectAccessible(page);
      await visit(page, `${bed.karvan.baseUrl}/statistics/indicators?lang=${lang}`);
      await expectAccessible(page);
    }
  });
});
