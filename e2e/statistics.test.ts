import { describe, expect, it } from "vitest";
import { importStatisticalRecords } from "../src/modules/statistics/facts/import-records.js";
import { importFiles } from "../src/modules/statistics/index.js";
import { statisticalRecord } from "../src/modules/statistics/test-support/statistical-record.js";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

const lastYear = new Date().getUTCFullYear() - 1;

/** A previous system's records, so that every chart and table has figures. */
const files = [
  {
    name: "persons.csv",
    content: [
      "person_id,citizenship,stateless,sex,birth_date",
      "p1,SY,no,F,1990-05-01",
      "p2,AF,no,M,2009-02-01",
    ].join("\n"),
  },
  {
    name: "applications.csv",
    content: [
      "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,unaccompanied_minor,region",
      `a1,p1,asylum,${lastYear}-01-10,${lastYear}-03-02,no,no,AZ-BA`,
      `a2,p2,asylum,${lastYear}-02-20,,no,yes,AZ-GA`,
    ].join("\n"),
  },
  {
    name: "decisions.csv",
    content: [
      "decision_id,application_id,instance,decided_on,outcome",
      `d1,a1,first,${lastYear}-03-02,GENCONV`,
    ].join("\n"),
  },
];

describe.runIf(browserAvailable)("statistics for analysts and the public", () => {
  const bed = useKarvanInBrowser();
  const usedCodes = new Set<string>();

  it("shows an analyst the dashboards and the official tables in each language, and exports them", async () => {
    const imported = await importFiles(bed.karvan.karvan.database.db, files, {
      importedBy: "e2e",
      at: new Date(),
    });
    expect(imported.imported).toBe(true);
    // Registrations by region: two from a region of the list, one with a region typed as free text.
    const registration = (region: string) =>
      statisticalRecord({
        kind: "registration",
        caseType: "stay-registration",
        date: `${lastYear}-02-03`,
        region,
      });
    await importStatisticalRecords(
      bed.karvan.karvan.database.db,
      [registration("AZ-GA"), registration("AZ-GA"), registration("Bakı rayonu")],
      { importedBy: "e2e", files: { registrations: 3 }, at: new Date() },
    );
    const page = await bed.newPerson();
    await signInAsDemoStaff(page, bed.karvan, "analyst", usedCodes);
    await visit(page, `${bed.karvan.baseUrl}/statistics?from=${lastYear}-01&to=${lastYear}-12`);
    await expect(page.getByTestId("chart-recognition-rate").locator("svg[role=img]").count()).resolves.toBe(
      1,
    );
    await expectAccessible(page);

    // Filters are pick lists of names; regions are named, and free text is not a region of its own.
    await visit(page, `${bed.karvan.baseUrl}/statistics?from=${lastYear}-01&to=${lastYear}-12&lang=en`);
    for (const filter of ["caseType", "citizen", "region"])
      await expect(page.locator(`select#${filter}`).count()).resolves.toBe(1);
    await expect(page.locator("#region option[value='AZ-GA']").textContent()).resolves.toBe("Ganja");
    await expect(page.locator("#caseType option[value='work-permit']").textContent()).resolves.toBe(
      "Work permit",
    );
    await expect(page.locator("#citizen option[value='EL']").textContent()).resolves.toBe("Greece");
    const byRegion = page.getByTestId("chart-registrations-by-region");
    const regionRows = await byRegion.locator("tbody th").allTextContents();
    expect(regionRows).toEqual(["Ganja", "Unknown or other region"]);
    await expect(byRegion.locator("svg").textContent()).resolves.toContain("Ganja");
    await expect(byRegion.locator("svg").textContent()).resolves.not.toContain("Bakı rayonu");
    await page.selectOption("#region", "AZ-GA");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/region=AZ-GA/);
    await expect(page.locator("#region").inputValue()).resolves.toBe("AZ-GA");
    await expect(byRegion.locator("tbody th").allTextContents()).resolves.toEqual(["Ganja"]);

    // A month that does not parse is pointed at, and kept as typed.
    await visit(page, `${bed.karvan.baseUrl}/statistics?from=2025-13&to=${lastYear}-12`);
    await expect(page.locator(".govuk-error-summary").count()).resolves.toBe(1);
    await expect(page.locator("#from").inputValue()).resolves.toBe("2025-13");

    await visit(page, `${bed.karvan.baseUrl}/statistics/forecast?caseType=asylum`);
    await expect(page.getByTestId("forecast-chart").locator("svg[role=img]").count()).resolves.toBe(1);
    await expect(page.getByTestId("forecast-table").locator("tbody tr").count()).resolves.toBe(12);
    await expectAccessible(page);

    for (const lang of ["en", "ru", "az"]) {
      await visit(
        page,
        `${bed.karvan.baseUrl}/statistics/tables/asylum-applicants?period=${lastYear}-01&lang=${lang}`,
      );
      await expectAccessible(page);
      await expect(page.getByTestId("validation").textContent()).resolves.toBeTruthy();
    }
    const download = await page.request.get(
      `${bed.karvan.baseUrl}/statistics/tables/asylum-applicants/export?period=${lastYear}-01&format=sdmx-csv-1.0`,
    );
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain(
      "DATAFLOW,citizen,sex,age,asyl_app,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
    );
  });

  it("publishes the tables as open data, rounded, for anyone", async () => {
    const page = await bed.newPerson();
    await visit(page, `${bed.karvan.baseUrl}/open-data`);
    await expectAccessible(page);
    await visit(page, `${bed.karvan.baseUrl}/open-data/asylum-applicants?period=${lastYear}-02`);
    await expectAccessible(page);
    // A period without cases is an answer, not an error.
    await visit(page, `${bed.karvan.baseUrl}/open-data/work-permits?period=${lastYear}-02&lang=en`);
    await expect(page.getByTestId("no-observations").textContent()).resolves.toContain(
      "No cases in this period",
    );
    await expectAccessible(page);
    const api = await page.request.get(
      `${bed.karvan.baseUrl}/api/v1/statistics/tables/asylum-applicants?period=${lastYear}-02`,
    );
    const body = (await api.json()) as { observations: Array<{ value: number | null }> };
    expect(
      body.observations.every((observation) => observation.value === null || observation.value % 5 === 0),
    ).toBe(true);
  });
});
