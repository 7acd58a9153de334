import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword } from "../src/demo/index.js";
import { sampleDocuments } from "../src/platform/files/test-documents.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

/**
 * One turn of the policy cycle: a policy officer defines an indicator computed from the statistics,
 * writes a strategy with an objective it measures and an action of the labour ministry; the
 * ministry's focal point reports progress; the officer sees it on the document's page and the
 * dashboard, downloads the monitoring report as PDF and publishes its public version, which a visitor
 * finds on the portal. The report files themselves are checked by src/modules/policy/reports.
 */
describe.runIf(browserAvailable)("the policy cycle and research access in the browser", () => {
  const bed = useKarvanInBrowser();

  it("runs one turn: an indicator, a strategy, the agency's report, the monitoring report published", async () => {
    const codes = new Set<string>();
    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "policy_officer", codes);
    await visit(officer, `${bed.karvan.baseUrl}/policy/indicators/new`);
    await officer.fill("#code", "decided-permits");
    await officer.fill("#nameAz", "Qərar verilmiş müraciətlər");
    await officer.fill("#nameEn", "Applications decided");
    await officer.fill("#nameRu", "Решённые заявления");
    await officer.getByLabel("Computed from the statistics").check();
    await officer.selectOption("#numeratorSeries", "asylum_applicants");
    // The script offers the cube's codes per column and writes the filter from the choice.
    await officer.selectOption("#numeratorFilter-d1", "ASY_APP");
    await expect(officer.inputValue("#numeratorFilter")).resolves.toBe("d1=ASY_APP");
    await officer.fill("#factor", "1");
    for (const unit of ["#unitAz", "#unitEn", "#unitRu"]) await officer.fill(unit, "1");
    await officer.selectOption("#responsibleAgency", "SMS");
    await expectAccessible(officer);
    await officer.getByRole("button", { name: "Save the indicator" }).click();
    await officer.waitForURL(/\/policy\/indicators\/decided-permits$/);
    await expectAccessible(officer);
    await expectFitsPhone(officer);

    await officer.getByRole("link", { name: "Policy documents" }).first().click();
    await officer.getByRole("link", { name: "Add a policy document" }).click();
    await officer.getByLabel("Strategy").check();
    await officer.fill("#title", "Labour migration strategy 2026–2030");
    await officer.fill("#summary", "Orderly labour migration that meets the labour market's needs.");
    await officer.fill("#adoptingBody", "Cabinet of Ministers");
    await officer.fill("#periodStart", "2026-01-01");
    await officer.fill("#periodEnd", "2025-01-01");
    await officer.getByRole("button", { name: "Save the document" }).click();
    // The end before the start: the form says so at the field and keeps the rest.
    await expect(officer.locator(".govuk-error-summary a[href='#periodEnd']").count()).resolves.toBe(1);
    await expect(officer.inputValue("#adoptingBody")).resolves.toBe("Cabinet of Ministers");
    await expectAccessible(officer);
    await expectFitsPhone(officer);
    await officer.fill("#periodEnd", "2030-12-31");
    await officer.getByRole("button", { name: "Save the document" }).click();
    await officer.waitForURL(/\/policy\/documents\/[0-9a-f-]{36}\?done=created/);
    const documentUrl = officer.url().split("?")[0] as string;

    await officer.getByLabel("Adopted").check();
    await officer.fill("#onDate", day(0));
    await officer.getByRole("button", { name: "Save the status" }).click();
    await expect(officer.getByTestId("status").textContent()).resolves.toBe("Adopted");

    await officer.getByRole("link", { name: "Add an objective" }).click();
    await officer.fill("#code", "1");
    await officer.fill("#title", "Labour migration that meets the market's needs");
    await officer.fill("#indicatorCodes", "decided-permits");
    await officer.getByRole("button", { name: "Save" }).click();
    await officer.getByRole("link", { name: "Add a measure" }).click();
    await officer.fill("#code", "1.1");
    await officer.fill("#title", "A labour-market test before each work permit");
    await officer.getByRole("button", { name: "Save" }).click();
    await officer.getByRole("link", { name: "Add an action" }).click();
    await officer.fill("#code", "1.1.1");
    await officer.fill("#title", "Publish the list of occupations in shortage");
    await officer.selectOption("#responsibleAgencyId", {
      label: "Ministry of Labour and Social Protection — State Employment Agency",
    });
    await officer.fill("#startOn", day(-10));
    await officer.fill("#dueOn", day(20));
    await officer.fill("#budget", "15000");
    await expectAccessible(officer);
    await expectFitsPhone(officer);
    await officer.getByRole("button", { name: "Save" }).click();
    await officer.waitForURL(/done=action/);
    await expectAccessible(officer);
    await expectFitsPhone(officer);

    // The focal point of the labour ministry finds the action on its dashboard and reports.
    const focal = await bed.newPerson();
    await signInAsDemoStaff(focal, bed.karvan, "policy_focal_point", codes);
    await visit(focal, `${bed.karvan.baseUrl}/policy/dashboard`);
    await expectFitsPhone(focal);
    await focal.getByRole("link", { name: "1.1.1. Publish the list of occupations in shortage" }).click();
    await focal.fill("#percentDone", "60");
    await focal.fill("#text", "The draft list is agreed with the employers' confederation.");
    await focal.getByRole("button", { name: "Send the report" }).click();
    await focal.waitForURL(/done=reported/);
    await expect(focal.getByTestId("percent").textContent()).resolves.toBe("60 %");
    await expectAccessible(focal);
    await expectFitsPhone(focal);

    // The officer sees the progress on the document and on the ministry's dashboard.
    await visit(officer, documentUrl);
    await expect(officer.getByTestId("percent-1.1.1").textContent()).resolves.toBe("60 %");
    await visit(officer, `${bed.karvan.baseUrl}/policy/dashboard`);
    await expect(officer.getByTestId("due-soon").textContent()).resolves.toContain("Publish the list");
    await expect(officer.getByTestId("progress").textContent()).resolves.toContain("60 %");
    await expectFitsPhone(officer);

    // The monitoring report of this quarter, as PDF; then its public version on the portal.
    await visit(officer, documentUrl);
    await officer.getByRole("link", { name: /^Monitoring report/ }).click();
    await expectAccessible(officer);
    await expectFitsPhone(officer);
    const [download] = await Promise.all([
      officer.waitForEvent("download"),
      officer.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await officer.getByRole("button", { name: "Publish the public version" }).click();
    await officer.waitForURL(/\?published=\d{4}-Q[1-4]/);
    const visitor = await bed.newPerson();
    await visit(visitor, `${bed.karvan.baseUrl}/?lang=en`);
    await visitor.getByRole("link", { name: "Policy monitoring reports" }).click();
    await expectAccessible(visitor);
    await expectFitsPhone(visitor);
    await expect(visitor.getByTestId("published-reports").textContent()).resolves.toContain(
      "Labour migration strategy 2026–2030",
    );
    for (const lang of ["az", "ru"]) {
      await visit(officer, `${bed.karvan.baseUrl}/policy/documents?lang=${lang}`);
      expect(await officer.locator("h1").count()).toBe(1);
    }
  });

  /** A researcher applies for microdata with an ethics approval, the DPO approves, the researcher downloads once. */
  it("gives a researcher a k-anonymous extract: applies, the DPO approves, downloads once", async () => {
    const base = bed.karvan.baseUrl;
    const researcher = await bed.newPerson();
    // The library is public: searched without signing in.
    await visit(researcher, `${base}/research?lang=az&q=demo`);
    await expectFitsPhone(researcher);
    await visit(researcher, `${base}/sign-in?lang=en`);
    await researcher.fill("#email", demoEmail("applicant"));
    await researcher.fill("#password", demoPassword);
    await researcher.getByRole("button", { name: "Sign in" }).click();
    await researcher.waitForURL(/\/account/);

    await visit(researcher, `${base}/research/applications/new`);
    await expectFitsPhone(researcher);
    await researcher.fill("#title", "Asylum outcomes by month");
    await researcher.fill("#purpose", "How first-instance outcomes changed over the year");
    await researcher.fill("#institution", "Baku State University");
    await researcher.check("#variables");
    await researcher.getByLabel("Outcome", { exact: true }).check();
    await researcher.fill("#fromMonth", "2025-01");
    await researcher.fill("#toMonth", "2025-12");
    await researcher.setInputFiles("#ethics", {
      name: "ethics-approval.pdf",
      mimeType: "application/pdf",
      buffer: sampleDocuments.pdf,
    });
    await researcher.getByRole("button", { name: "Send the application" }).click();
    await researcher.waitForURL(/\/research\/applications\/[0-9a-f-]{36}\?sent=1$/);
    await expectAccessible(researcher);
    const path = new URL(researcher.url()).pathname;
    const id = path.split("/").at(-1) as string;

    const officer = await bed.newPerson();
    await signInAsDemoStaff(officer, bed.karvan, "data_protection_officer", new Set());
    await visit(officer, `${base}/research/reviews/${id}?lang=en`);
    await expectFitsPhone(officer);
    await officer.getByLabel("Approve as asked").check();
    await officer.fill("#reasons", "The ethics approval covers the stated purpose.");
    await officer.getByRole("button", { name: "Record the decision" }).click();
    await officer.waitForURL(/\?decided=1$/);
    await expectAccessible(officer);

    await visit(researcher, `${base}${path}`);
    await expectFitsPhone(researcher);
    const [download] = await Promise.all([
      researcher.waitForEvent("download"),
      researcher.getByRole("button", { name: "Download the extract (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^karvan-research-RA-\d{6}\.csv$/);
  }, 300_000);
});
