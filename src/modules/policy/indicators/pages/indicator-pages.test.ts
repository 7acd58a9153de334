import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";

// 10 March 2026: the pages show the 36 months up to February 2026 unless asked otherwise.
const clock = new ManualClock("2026-03-10T09:00:00Z");
let app: TestApp;
let officer: TestClient;
let focalPoint: TestClient;
let otherFocalPoint: TestClient;

const definition = {
  code: "cohort-employment-rate",
  nameAz: "2024 kohortunun məşğulluq səviyyəsi",
  nameEn: "Employment rate of the 2024 cohort",
  nameRu: "Уровень занятости когорты 2024 года",
  kind: "entered",
  numeratorSeries: "",
  numeratorFilter: "",
  denominatorSeries: "",
  denominatorFilter: "",
  factor: "",
  unitAz: "%",
  unitEn: "%",
  unitRu: "%",
  baselinePeriod: "2025",
  baselineValue: "40",
  targetPeriod: "2027",
  targetValue: "60",
  targetDirection: "up",
  responsibleAgency: "MLSPP-DOST",
  policyChanges: "2025-07-01",
};

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  const staff = (email: string, agency: string, roles: string[]) =>
    signInNewStaff(db, clock, app.client(), { email, fullName: "Test Person", agency, roles }).then(
      (one) => one.browser,
    );
  [officer, focalPoint, otherFocalPoint] = await Promise.all([
    staff("policy@sms.gov.az", "SMS", ["policy_officer"]),
    staff("focal@labour.gov.az", "MLSPP-DOST", ["policy_focal_point"]),
    staff("focal@sms.gov.az", "SMS", ["policy_focal_point"]),
  ]);
});

afterAll(async () => {
  await app?.close();
});

describe("policy indicator pages", () => {
  it("define an indicator: errors at their fields with the values kept, then the indicator's page", async () => {
    const form = await officer.get("/policy/indicators/new");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="numeratorSeries"');
    const refused = await officer.post("/policy/indicators/new", {
      ...definition,
      code: "Bad Code",
      targetValue: "30",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#code"');
    expect(refused.body).toContain('href="#targetDirection"');
    expect(refused.body).toContain("Уровень занятости когорты 2024 года");
    const defined = await officer.post("/policy/indicators/new", definition);
    expect(defined.statusCode).toBe(303);
    expect(defined.headers.location).toBe("/policy/indicators/cohort-employment-rate");
    expect(app.mailer.lastTo("focal@labour.gov.az")?.text).toContain(
      "/policy/indicators/cohort-employment-rate/values",
    );
  });

  it("offer every active agency, and the codes the statistics know for a filter, refusing others at the field", async () => {
    await app.database.db.execute(
      sql`insert into agencies (code, kind, name_az, name_en, name_ru)
          values ('ADDED', 'ministry', 'Əlavə agentlik', 'Added agency', 'Добавленное ведомство')`,
    );
    const form = await officer.get("/policy/indicators/new");
    expect(form.body).toContain('<option value="ADDED">Added agency</option>');
    expect(form.body).toContain('data-filter-series="numeratorSeries"');

    const codes = await officer.get("/policy/indicator-filter-codes?series=processing", {
      accept: "application/json",
    });
    expect(codes.statusCode).toBe(200);
    const timeliness = codes.json().columns.find((one: { column: string }) => one.column === "d2");
    expect(timeliness.label).toBe("Against the legal time (d2)");
    expect(timeliness.codes[0]).toEqual({ code: "WITHIN", label: "WITHIN — Within the legal time" });
    const unknown = await officer.get("/policy/indicator-filter-codes?series=nothing", {
      accept: "application/json",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe("policy_indicator_unknown_series");

    const refused = await officer.post("/policy/indicators/new", {
      ...definition,
      code: "late-decisions",
      kind: "computed",
      numeratorSeries: "processing",
      numeratorFilter: "d2=LAET",
      factor: "1",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#numeratorFilter"');
    expect(refused.body).toContain('data-error-code="policy_indicator_filter_unknown_code"');
    expect(refused.body).toContain('value="d2=LAET"');
  });

  it("take values from the responsible agency's focal point, and refuse another agency's with its code", async () => {
    const form = await focalPoint.get("/policy/indicators/cohort-employment-rate/values");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="2026-02"');
    const missing = await focalPoint.post("/policy/indicators/cohort-employment-rate/values", {
      period: "2026-02",
      value: "forty",
      source: "",
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#value"');
    expect(missing.body).toContain('href="#source"');
    const saved = await focalPoint.post("/policy/indicators/cohort-employment-rate/values", {
      period: "2026-02",
      value: "47,5",
      source: "Labour force survey, February 2026",
    });
    expect(saved.statusCode).toBe(303);
    const again = await focalPoint.get(String(saved.headers.location));
    expect(again.body).toContain("Labour force survey, February 2026");

    const other = await otherFocalPoint.get("/policy/indicators/cohort-employment-rate/values");
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain(
      "Only the focal points of the indicator&#39;s responsible agency enter its values",
    );
    const officerEntry = await officer.get("/policy/indicators/cohort-employment-rate/values");
    expect(officerEntry.statusCode).toBe(403);
  });

  it("show the list with search, and an indicator's chart, progress, estimate and table", async () => {
    const list = await focalPoint.get("/policy/indicators?q=cohort");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/policy/indicators/cohort-employment-rate"');
    expect(list.body).not.toContain("/policy/indicators/new");
    expect((await focalPoint.get("/policy/indicators?q=nothing-like-it")).body).toContain(
      'data-testid="no-indicators"',
    );

    const page = await officer.get("/policy/indicators/cohort-employment-rate");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<svg");
    expect(page.body).toContain("Employment rate of the 2024 cohort");
    expect(page.body).toMatch(/47[.,]5 %/);
    expect(page.body).toContain('data-status="too_little_data"');
    expect(page.body).toContain("Too little data to estimate the change of 2025-07-01");
    expect(page.body).toContain('href="/policy/indicators/cohort-employment-rate/edit"');

    const badRange = await officer.get("/policy/indicators/cohort-employment-rate?from=2026-05&to=2026-01");
    expect(badRange.statusCode).toBe(200);
    expect(badRange.body).toContain('href="#from"');
    expect((await officer.get("/policy/indicators/Not_A_Code")).statusCode).toBe(404);
  });

  it("let policy officers change a definition, keeping the stored values in the form", async () => {
    const form = await officer.get("/policy/indicators/cohort-employment-rate/edit");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("2025-07-01");
    const changed = await officer.post("/policy/indicators/cohort-employment-rate/edit", {
      ...definition,
      nameEn: "Employment rate of the 2024 arrivals",
    });
    expect(changed.statusCode).toBe(303);
    expect((await focalPoint.get("/policy/indicators/cohort-employment-rate/edit")).statusCode).toBe(403);
  });
});
