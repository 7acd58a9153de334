import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { seedDemoPolicyIndicators } from "../../../../demo/index.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { findAgencyByCode } from "../../../access/index.js";
import { location, onePagePdf, signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";

// Tuesday 10 March 2026, 10:00 in Baku.
const clock = new ManualClock("2026-03-10T06:00:00Z");
let app: TestApp;
let officer: TestClient;
let focalPoint: TestClient;
let otherFocalPoint: TestClient;
let labourAgencyId: string;
let documentPath: string;
let actionPath: string;

const strategy = {
  kind: "strategy",
  title: "Labour migration strategy",
  summary: "Orderly labour migration.",
  adoptingBody: "Cabinet of Ministers",
  periodStart: "2026-01-01",
  periodEnd: "2030-12-31",
  citedActs: "Migration Code, article 5\nLabour Code, article 12",
};

beforeAll(async () => {
  app = await createTestApp({ clock });
  await seedDemoPolicyIndicators(app.database.db, clock);
  const db = app.database.db;
  labourAgencyId = (await findAgencyByCode(db, "MLSPP-DOST"))?.id as string;
  officer = (
    await signInNewStaff(db, clock, app.client(), {
      email: "policy@pages.gov.az",
      fullName: "Farid Policy",
      agency: "SMS",
      roles: ["policy_officer"],
    })
  ).browser;
  focalPoint = (
    await signInNewStaff(db, clock, app.client(), {
      email: "focal@labour.gov.az",
      fullName: "Nurlan Focal",
      agency: "MLSPP-DOST",
      roles: ["policy_focal_point"],
    })
  ).browser;
  otherFocalPoint = (
    await signInNewStaff(db, clock, app.client(), {
      email: "focal@sms-pages.gov.az",
      fullName: "Aysel Focal",
      agency: "SMS",
      roles: ["policy_focal_point"],
    })
  ).browser;
});
afterAll(async () => {
  await app?.close();
});

describe("policy document pages", () => {
  it("the document form points at the wrong fields and keeps what was typed; a good one makes a draft", async () => {
    await officer.get("/policy/documents/new");
    const refused = await officer.post("/policy/documents/new", {
      ...strategy,
      title: " ",
      periodEnd: "2030-02-30",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#title"');
    expect(refused.body).toContain('href="#periodEnd"');
    expect(refused.body).toContain("Orderly labour migration.");
    expect(refused.body).toContain("Labour Code, article 12");

    const created = await officer.post("/policy/documents/new", strategy);
    expect(created.statusCode).toBe(303);
    documentPath = location(created).split("?")[0] as string;
    const page = await officer.get(documentPath);
    expect(page.body).toMatch(/data-testid="status">Draft</);
    expect(page.body).toContain("Labour Code, article 12");
  });

  it("a refused status change is shown at its field; adoption and entry into force are recorded", async () => {
    await officer.get(documentPath);
    const refused = await officer.post(`${documentPath}/status`, { to: "in_force", onDate: "2026-03-09" });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#to"');
    const tooLate = await officer.post(`${documentPath}/status`, { to: "adopted", onDate: "2026-03-11" });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.body).toContain('href="#onDate"');
    expect(tooLate.body).toContain('value="2026-03-11"');
    expect(
      (await officer.post(`${documentPath}/status`, { to: "adopted", onDate: "2026-03-09" })).statusCode,
    ).toBe(303);
    await officer.get(documentPath);
    expect(
      (await officer.post(`${documentPath}/status`, { to: "in_force", onDate: "2026-03-10" })).statusCode,
    ).toBe(303);
    const page = await officer.get(documentPath);
    expect(page.body).toMatch(/data-testid="status">In force</);
  });

  it("objective, measure and action forms keep values and point at fields; the action shows in the tree", async () => {
    await officer.get(`${documentPath}/objectives/new`);
    const badCodes = await officer.post(`${documentPath}/objectives/new`, {
      code: "1",
      title: "Faster permits",
      description: "",
      indicatorCodes: "Average Days",
    });
    expect(badCodes.statusCode).toBe(422);
    expect(badCodes.body).toContain('href="#indicatorCodes"');
    expect(badCodes.body).toContain("Faster permits");
    const unknownCode = await officer.post(`${documentPath}/objectives/new`, {
      code: "1",
      title: "Faster permits",
      description: "",
      indicatorCodes: "average-processing-dayz",
    });
    expect(unknownCode.statusCode).toBe(422);
    expect(unknownCode.body).toContain('href="#indicatorCodes"');
    const objective = await officer.post(`${documentPath}/objectives/new`, {
      code: "1",
      title: "Faster permits",
      description: "",
      indicatorCodes: "average-processing-days, decisions-within-legal-time",
    });
    expect(objective.statusCode).toBe(303);
    const tree = await officer.get(documentPath);
    const measureForm = /href="(\/policy\/objectives\/[0-9a-f-]{36}\/measures\/new)"/.exec(
      tree.body,
    )?.[1] as string;
    await officer.get(measureForm);
    const measure = { code: "1.1", title: "Online forms", description: "", internal: "yes" };
    expect((await officer.post(measureForm, measure)).statusCode).toBe(303);
    // Marked internal on its form; the document's page says so and makes it public again.
    const marked = await officer.get(documentPath);
    expect(marked.body).toMatch(/Online forms <strong class="govuk-tag govuk-tag--yellow">\s*Internal/);
    const toggle = /action="(\/policy\/measures\/[0-9a-f-]{36}\/internal)"/.exec(marked.body)?.[1] as string;
    expect((await officer.post(toggle, { internal: "no" })).statusCode).toBe(303);
    const actionForm = /href="(\/policy\/measures\/[0-9a-f-]{36}\/actions\/new)"/.exec(
      (await officer.get(documentPath)).body,
    )?.[1] as string;
    expect((await officer.get(documentPath)).body).not.toMatch(/Online forms <strong class="govuk-tag/);
    // The agencies offered are every active one, an agency an administrator added included.
    await app.database.db.execute(
      sql`insert into agencies (code, kind, name_az, name_en, name_ru)
          values ('ADDED', 'ministry', 'Əlavə agentlik', 'Added agency', 'Добавленное ведомство')`,
    );
    expect((await officer.get(actionForm)).body).toContain("Added agency");
    const action = {
      code: "1.1.1",
      title: "Open the online form",
      description: "",
      responsibleAgencyId: labourAgencyId,
      startOn: "2026-04-01",
      dueOn: "2026-03-31",
      budget: "125 000,50",
      budgetCurrency: "",
    };
    const badDates = await officer.post(actionForm, action);
    expect(badDates.statusCode).toBe(422);
    expect(badDates.body).toContain('href="#dueOn"');
    expect(badDates.body).toContain('value="125 000,50"');
    expect(
      (await officer.post(actionForm, { ...action, startOn: "2026-01-15", dueOn: "2026-03-09" })).statusCode,
    ).toBe(303);
    const page = await officer.get(documentPath);
    expect(page.body).toContain("1.1.1. Open the online form");
    expect(page.body).toContain("<code>decisions-within-legal-time</code>");
    actionPath = /href="(\/policy\/actions\/[0-9a-f-]{36})"/.exec(page.body)?.[1] as string;
    expect((await officer.get(actionPath)).body).toContain("AZN");
    const edit = await officer.get(`${actionPath}/edit`);
    expect(edit.body).toContain('value="125000.50"');
    expect(edit.body).not.toMatch(/name="internal" type="checkbox" value="yes" checked/);
    const changed = await officer.post(`${actionPath}/edit`, {
      ...action,
      title: "Open the online work-permit form",
      startOn: "2026-01-15",
      dueOn: "2026-03-09",
      budget: "125000.50",
      partnerAgencyIds: [labourAgencyId],
      internal: "yes",
    });
    expect(changed.statusCode).toBe(303);
    expect((await officer.get(`${actionPath}/edit`)).body).toMatch(
      /name="internal" type="checkbox" value="yes" checked/,
    );
    expect((await officer.get(documentPath)).body).toContain("1.1.1. Open the online work-permit form");
  });

  it("the responsible agency's focal point reports with evidence; another agency's cannot", async () => {
    const other = await otherFocalPoint.get(actionPath);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('id="report-form"');
    const refused = await otherFocalPoint.postMultipart(`${actionPath}/reports`, [
      { name: "period", value: "2026-Q1" },
      { name: "percentDone", value: "50" },
      { name: "text", value: "Not ours" },
    ]);
    expect(refused.statusCode).toBe(403);

    const own = await focalPoint.get(actionPath);
    expect(own.body).toContain('id="report-form"');
    const missing = await focalPoint.postMultipart(`${actionPath}/reports`, [
      { name: "period", value: "2026-Q1" },
      { name: "percentDone", value: "140" },
      { name: "text", value: "Form drafted and tested." },
    ]);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#percentDone"');
    expect(missing.body).toContain("Form drafted and tested.");
    await focalPoint.get(actionPath);
    const reported = await focalPoint.postMultipart(`${actionPath}/reports`, [
      { name: "period", value: "2026-Q1" },
      { name: "percentDone", value: "40" },
      { name: "text", value: "Form drafted and tested." },
      { name: "evidence", fileName: "test-report.pdf", content: onePagePdf("Test report") },
    ]);
    expect(reported.statusCode).toBe(303);
    const page = await officer.get(actionPath);
    expect(page.body).toMatch(/data-testid="percent">40 %/);
    const evidence = /href="(\/policy\/evidence\/[0-9a-f-]{36})"/.exec(page.body)?.[1] as string;
    const download = await officer.get(evidence);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
  });

  it("the dashboard lists overdue actions first; a focal point sees its own agency's", async () => {
    const ministry = await officer.get("/policy/dashboard");
    expect(ministry.body).toMatch(/data-testid="overdue"[\s\S]*1\.1\.1\. Open the online work-permit form/);
    const own = await focalPoint.get("/policy/dashboard");
    expect(own.body).toContain('data-testid="own-agency"');
    expect(own.body).toMatch(/data-testid="overdue"[\s\S]*1\.1\.1/);
    const list = await focalPoint.get("/policy/documents?q=labour&status=in_force");
    expect(list.body).toContain("Labour migration strategy");
    expect((await focalPoint.get("/policy/documents?status=draft")).body).not.toContain(
      "Labour migration strategy",
    );
    expect((await focalPoint.get("/policy/documents/new")).statusCode).toBe(403);
  });
});
