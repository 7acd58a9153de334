import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword } from "../src/demo/index.js";
import { sampleDocuments } from "../src/platform/files/test-documents.js";
import { browserAvailable, expectAccessible, expectFitsPhone, visit } from "./support/browser.js";
import { signInAsDemoStaff } from "./support/journeys.js";
import { useKarvanInBrowser } from "./support/setup.js";

/** A researcher applies for microdata with an ethics approval, the DPO approves, the researcher downloads once. */
describe.runIf(browserAvailable)("research data access in the browser", () => {
  const bed = useKarvanInBrowser();

  it("applies, approves and downloads with plain forms, readable on a phone", async () => {
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
