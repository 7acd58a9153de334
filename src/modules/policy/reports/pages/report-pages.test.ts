import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { pdfTextRuns } from "../../../../platform/pdf/pdf-text-runs.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";
import { seedPolicyDocument } from "../../strategies/operations/seed-policy-document.js";

// 10 October 2026: the third quarter is the last complete one.
const clock = new ManualClock("2026-10-10T08:00:00Z");
let app: TestApp;
let officer: TestClient;
let page: string;

const pdfText = (pdf: Buffer) =>
  pdfTextRuns(pdf)
    .map((run) => run.text)
    .join("");

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  await seedPolicyDocument(db, clock.now(), {
    kind: "strategy",
    title: "Migration strategy 2026–2030",
    summary: "",
    adoptingBody: "Cabinet of Ministers",
    periodStart: "2026-01-01",
    periodEnd: "2030-12-31",
    citedActs: [],
    statuses: [{ to: "adopted", onDate: "2026-01-10" }],
    objectives: [
      {
        code: "1",
        title: "Faster permits",
        indicatorCodes: [],
        measures: [
          {
            code: "1.1",
            title: "Online applications",
            actions: [
              {
                code: "1.1.1",
                title: "Open the online work-permit form",
                agencyCode: "MLSPP-DOST",
                partnerCodes: [],
                startOn: "2026-01-15",
                dueOn: "2026-06-30",
                budgetMinor: null,
              },
            ],
          },
        ],
      },
    ],
  });
  const [document] = await queryRows<{ id: string }>(db, sql`select id from policy_documents`);
  page = `/policy/documents/${document?.id}/monitoring-report`;
  // Who else may not use the pages is checked in the operations' tests: one signed-in officer here.
  officer = (
    await signInNewStaff(db, clock, app.client(), {
      email: "policy@sms.gov.az",
      fullName: "Test Person",
      agency: "SMS",
      roles: ["policy_officer"],
    })
  ).browser;
});

afterAll(async () => {
  await app?.close();
});

describe("monitoring report pages", () => {
  it("let a policy officer choose a period and download the report, with errors at the field", async () => {
    const form = await officer.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<option value="2026-Q3" selected>');
    expect(form.headers["cache-control"]).toContain("no-store");

    const refused = await officer.get(`${page}?period=2026-Q9&language=en&edition=full&format=pdf`);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("govuk-error-summary");
    expect(refused.body).toContain('href="#period"');

    const pdf = await officer.get(`${page}?period=2026-Q3&language=ru&edition=public&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("monitoring-report-2026-Q3-public-ru.pdf");
    expect(pdfText(pdf.rawPayload)).toContain("Публичная версия");

    const docx = await officer.get(`${page}.docx?period=2026-Q3&language=az`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toContain("monitoring-report-2026-Q3-az.docx");
    expect((await officer.get(`${page}.pdf?period=soon`)).statusCode).toBe(422);
  });

  it("publish the public version, which the portal lists and anyone downloads", async () => {
    await officer.get(page);
    const published = await officer.post(`${page}/publish`, { publishPeriod: "2026-Q3" });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`${page}?published=2026-Q3`);
    const after = await officer.get(String(published.headers.location));
    expect(after.body).toContain("govuk-notification-banner--success");
    expect(after.body).toContain('data-testid="published-reports"');

    const visitor = app.client();
    const list = await visitor.get("/policy-reports");
    expect([list.statusCode, list.headers.location]).toEqual([200, undefined]);
    expect(list.body).toContain("Migration strategy 2026–2030");
    const link = /href="(\/policy-reports\/[^"]+\.pdf)\?language=[a-z]+"/.exec(list.body)?.[1];
    const file = await visitor.get(`${link}?language=en`);
    expect(file.statusCode).toBe(200);
    expect(pdfText(file.rawPayload)).toContain("Open the online work-permit form");
    expect((await visitor.get(`${link}?language=fr`)).statusCode).toBe(422);
    expect((await visitor.get("/policy-reports/not-an-id/monitoring-report.pdf")).statusCode).toBe(404);
  });
});
