import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { MemoryMailer } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import type { I18n } from "../../../platform/http/index.js";
import {
  createUser,
  ensureReferenceData,
  findAgencyByCode,
  type Permission,
  type Principal,
  systemActor,
} from "../../access/index.js";
import { addToCubes } from "../../statistics/cubes/cube-repository.js";
import type { IndicatorContext } from "./indicator-context.js";
import { type IndicatorForm, indicatorFormSchema } from "./indicator-forms.js";
import { changeIndicator } from "./operations/change-indicator.js";
import { defineIndicator } from "./operations/define-indicator.js";
import { enterIndicatorValue } from "./operations/enter-indicator-value.js";
import { readIndicatorForReport } from "./operations/indicator-for-report.js";
import { listIndicators } from "./operations/list-indicators.js";
import { readFilterChoices } from "./operations/read-filter-choices.js";
import { readIndicator } from "./operations/read-indicator.js";
import { remindMissingValues } from "./operations/remind-missing-values.js";
import { seedDemoIndicators } from "./operations/seed-demo-indicators.js";
import { policyIndicatorValues } from "./schema.js";

const clock = new ManualClock("2026-03-10T09:00:00Z");
let database: TestDatabase;
let agencies: { sms: string; labour: string };
let focalPointId: string;
const mailer = new MemoryMailer();
// Notices are checked for who gets them and the link; their wording is checked on the pages.
const i18n: I18n = {
  t: () => ((key: string, values?: object) => `${key} ${JSON.stringify(values)}`) as never,
  has: () => true,
};

function principal(
  permissions: Permission[],
  agencyId: string,
  userId: string = crypto.randomUUID(),
): Principal {
  return {
    userId,
    email: `${userId}@example.org`,
    fullName: "Test",
    kind: "staff",
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

function contextOf(who: Principal | null): IndicatorContext {
  return {
    db: database.db,
    clock,
    principal: who,
    requestId: "test",
    notices: { mailer, i18n, publicUrl: "https://karvan.example.org" },
  };
}

const officer = () => contextOf(principal(["policy.manage", "scope.all_agencies"], agencies.sms));
const focalPoint = () => contextOf(principal(["policy.report"], agencies.labour, focalPointId));
const otherFocalPoint = () => contextOf(principal(["policy.report"], agencies.sms));

function form(fields: Record<string, string>): IndicatorForm {
  return indicatorFormSchema.parse({
    nameAz: "Ad",
    nameEn: "Name",
    nameRu: "Имя",
    kind: "computed",
    numeratorSeries: "",
    numeratorFilter: "",
    denominatorSeries: "",
    denominatorFilter: "",
    factor: "100",
    unitAz: "%",
    unitEn: "%",
    unitRu: "%",
    baselinePeriod: "",
    baselineValue: "",
    targetPeriod: "",
    targetValue: "",
    targetDirection: "",
    responsibleAgency: "SMS",
    policyChanges: "",
    ...fields,
  });
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { status: number; code: string } | null;
  if (!error) throw new Error("expected a refusal");
  return { status: error.status, code: error.code };
}

const cell = (period: string, d2: string, n: number) => ({
  tableCode: "processing" as const,
  period,
  citizen: "SY",
  sex: "F",
  age: "Y30-34",
  d1: "work-permit",
  d2,
  d3: "",
  n,
  total: 10 * n,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureReferenceData(database.db);
  const sms = await findAgencyByCode(database.db, "SMS");
  const labour = await findAgencyByCode(database.db, "MLSPP-DOST");
  if (!sms || !labour) throw new Error("the country's agencies are missing");
  agencies = { sms: sms.id, labour: labour.id };
  focalPointId = (
    await createUser(
      { db: database.db, clock, actor: systemActor },
      {
        email: "focal@labour.gov.az",
        fullName: "Leyla Focal",
        password: "a long enough demo passphrase 42",
        kind: "staff",
        status: "active",
        locale: "en",
        roles: ["policy_focal_point"],
        agency: "MLSPP-DOST",
      },
    )
  ).id;
  await addToCubes(database.db, [
    cell("2026-01", "WITHIN", 3),
    cell("2026-01", "LATE", 1),
    cell("2026-02", "WITHIN", 1),
    cell("2026-02", "LATE", 1),
  ]);
});

afterAll(async () => {
  await database?.destroy();
});

describe("computed indicators", () => {
  it("are defined by policy officers only, read from the cubes each time, with trajectory and progress", async () => {
    const definition = form({
      code: "within-legal-time",
      nameEn: "Decisions within the legal time",
      numeratorSeries: "processing",
      numeratorFilter: "d2=WITHIN",
      denominatorSeries: "processing",
      denominatorFilter: "d2=WITHIN|LATE",
      baselinePeriod: "2025-12",
      baselineValue: "50",
      targetPeriod: "2026-12",
      targetValue: "98",
      targetDirection: "up",
    });
    expect(await refusal(defineIndicator(focalPoint(), definition))).toEqual({
      status: 403,
      code: "forbidden",
    });
    await defineIndicator(officer(), definition);
    expect(await refusal(defineIndicator(officer(), definition))).toMatchObject({
      status: 409,
      code: "policy_indicator_code_taken",
    });

    const reading = await readIndicator(officer(), "within-legal-time", { from: "2026-01", to: "2026-03" });
    expect(reading.points.map((point) => point.value)).toEqual([75, 50, null]);
    expect(reading.points[0]).toMatchObject({ numerator: 3, denominator: 4 });
    // From 50 in mid-December to 98 in mid-December next year: 4 a month.
    expect(reading.trajectory.map((one) => one.value)).toEqual([54, 58, 62]);
    expect(reading.progress).toMatchObject({ period: "2026-02", value: 50, share: 0, onTrack: false });

    // A new month in the cubes shows at the next reading.
    await addToCubes(database.db, [cell("2026-03", "WITHIN", 9), cell("2026-03", "LATE", 1)]);
    const again = await readIndicator(focalPoint(), "within-legal-time", { from: "2026-01", to: "2026-03" });
    expect(again.points.at(-1)?.value).toBe(90);
    expect(again.progress?.onTrack).toBe(true);
  });

  it("narrow a series only by codes the statistics know for its cube's columns", async () => {
    const choices = await readFilterChoices(officer(), "processing.total");
    expect(choices.map((one) => [one.column, one.meaning])).toEqual([
      ["citizen", "citizen"],
      ["d1", "caseType"],
      ["d2", "timeliness"],
    ]);
    // Case types come from the figures; the timeliness codes are known before any figure has them.
    expect(choices.find((one) => one.column === "d1")?.codes).toEqual(["work-permit"]);
    expect(choices.find((one) => one.column === "d2")?.codes).toEqual(["WITHIN", "LATE", "UNK"]);
    expect(await refusal(readFilterChoices(focalPoint(), "processing"))).toMatchObject({ status: 403 });

    const mistyped = form({ code: "mistyped", numeratorSeries: "processing", numeratorFilter: "d2=WITHN" });
    const error = await defineIndicator(officer(), mistyped).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 422,
      code: "policy_indicator_filter_unknown_code",
      details: { field: "numeratorFilter", column: "d2", code: "WITHN", known: "WITHIN, LATE, UNK" },
    });
    const noColumn = form({
      code: "no-column",
      numeratorSeries: "processing",
      denominatorSeries: "processing",
      denominatorFilter: "d3=X",
    });
    expect(await defineIndicator(officer(), noColumn).catch((caught: unknown) => caught)).toMatchObject({
      code: "policy_indicator_filter_unknown_code",
      details: { field: "denominatorFilter", column: "d3" },
    });
  });

  it("are found by code or by a name in any language, and refused to those without a reading right", async () => {
    expect((await listIndicators(officer(), "legal time")).map((one) => one.code)).toEqual([
      "within-legal-time",
    ]);
    expect((await listIndicators(officer(), "WITHIN-legal")).map((one) => one.agency?.code)).toEqual(["SMS"]);
    expect(await listIndicators(officer(), "%")).toEqual([]);
    expect(
      await refusal(listIndicators(contextOf(principal(["cases.read"], agencies.sms)), "")),
    ).toMatchObject({
      status: 403,
    });
  });

  it("take no entered values", async () => {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from policy_indicators`,
    );
    expect(row?.n).toBe(1);
    const sms = contextOf(principal(["policy.report"], agencies.sms));
    expect(
      await refusal(
        enterIndicatorValue(sms, "within-legal-time", { period: "2026-01", value: 1, source: "x" }),
      ),
    ).toMatchObject({ status: 409, code: "policy_indicator_computed" });
  });
});

describe("entered indicators", () => {
  const monthly = (offset: number) => {
    const index = 2024 * 12 + offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  };

  beforeAll(async () => {
    mailer.messages.length = 0;
    await defineIndicator(
      officer(),
      form({
        code: "cohort-employment-rate",
        nameEn: "Employment rate of the 2024 cohort",
        kind: "entered",
        responsibleAgency: "MLSPP-DOST",
        policyChanges: "2025-01-15",
      }),
    );
  });

  it("tell the responsible agency's focal points that the indicator is theirs to report", () => {
    expect(mailer.messages.map((message) => message.to)).toEqual(["focal@labour.gov.az"]);
    expect(mailer.messages[0]?.text).toContain(
      "https://karvan.example.org/policy/indicators/cohort-employment-rate/values",
    );
  });

  it("take values from the responsible agency's focal points only, each correction audited", async () => {
    const value = { period: "2024-01", value: 40, source: "Labour force survey, Jan 2024" };
    expect(await refusal(enterIndicatorValue(otherFocalPoint(), "cohort-employment-rate", value))).toEqual({
      status: 403,
      code: "policy_indicator_other_agency",
    });
    expect(await refusal(enterIndicatorValue(officer(), "cohort-employment-rate", value))).toEqual({
      status: 403,
      code: "forbidden",
    });
    expect(
      await refusal(
        enterIndicatorValue(focalPoint(), "cohort-employment-rate", { ...value, period: "2026-04" }),
      ),
    ).toMatchObject({ status: 422, code: "policy_indicator_future_period" });
    await enterIndicatorValue(focalPoint(), "cohort-employment-rate", { ...value, value: 4 });
    await enterIndicatorValue(focalPoint(), "cohort-employment-rate", value);
    const audit = await queryRows<{ action: string; outcome: string; details: { replaced?: number | null } }>(
      database.db,
      sql`select action, outcome, details from audit_records where entity_type = 'policy_indicator' order by id`,
    );
    expect(audit.filter((one) => one.outcome === "denied")).toHaveLength(2);
    expect(
      audit
        .filter((one) => one.action === "policy_indicator.value_entered")
        .map((one) => one.details.replaced),
    ).toEqual([null, 4]);
  });

  it("estimate the policy change, or say there is too little data", async () => {
    // Months 2024-01..2025-12; the change of 15 January 2025 is in force from February, January is left out.
    // The entering itself is tested above; the series goes in at once.
    const { id } = (
      await readIndicator(officer(), "cohort-employment-rate", { from: "2024-01", to: "2024-01" })
    ).indicator;
    await database.db.insert(policyIndicatorValues).values(
      Array.from({ length: 23 }, (_, index) => {
        const offset = index + 1;
        const after = offset >= 13;
        return {
          indicatorId: id,
          period: monthly(offset),
          value: 40 + 0.5 * offset + (after ? 6 + 0.25 * (offset - 13) : 0),
          source: "Labour force survey",
          agencyId: agencies.labour,
          enteredBy: focalPointId,
          enteredAt: clock.now(),
        };
      }),
    );
    const reading = await readIndicator(officer(), "cohort-employment-rate", {
      from: "2024-01",
      to: "2025-12",
    });
    const [change] = reading.changes;
    expect(change?.date).toBe("2025-01-15");
    if (change?.result.status !== "estimated") throw new Error("expected an estimate");
    expect(change.result).toMatchObject({
      changeMonth: "2025-02",
      pointsBefore: 12,
      pointsAfter: 11,
      lowPower: true,
    });
    expect(change.result.levelChange.value).toBeCloseTo(6, 8);
    expect(change.result.slopeChange.value).toBeCloseTo(0.25, 8);

    const short = await readIndicator(officer(), "cohort-employment-rate", {
      from: "2024-09",
      to: "2025-12",
    });
    expect(short.changes[0]?.result).toMatchObject({
      status: "too_little_data",
      pointsBefore: 4,
      pointsAfter: 11,
    });
  });

  it("give the monitoring report its series, estimate in words and chart", async () => {
    const report = await readIndicatorForReport(officer(), "cohort-employment-rate", {
      from: "2024-01",
      to: "2025-12",
      locale: "en",
      t: (key) => key,
    });
    expect(report.points).toHaveLength(24);
    expect(report.chart.svg).toContain("<svg");
    expect(report.chart.spec.series.map((one) => one.name)).toContain("policyIndicators.chart.withoutChange");
    expect(report.changesInWords[0]).toContain("policyIndicators.its.level");
  });

  it("remind the focal points once of last month's missing value", async () => {
    mailer.messages.length = 0;
    const services = { db: database.db, clock, mailer, i18n, publicUrl: "https://karvan.example.org" };
    expect(await remindMissingValues(services)).toEqual({ reminded: 1 });
    await remindMissingValues(services);
    expect(mailer.messages.map((message) => message.to)).toEqual(["focal@labour.gov.az"]);
    expect(mailer.messages[0]?.text).toContain('"month":"2026-02"');
    await enterIndicatorValue(focalPoint(), "cohort-employment-rate", {
      period: "2026-02",
      value: 50,
      source: "LFS",
    });
    expect(await remindMissingValues(services)).toEqual({ reminded: 0 });
  });

  it("move to another agency, whose focal points alone then enter values; only policy officers move them", async () => {
    mailer.messages.length = 0;
    const moved = form({ code: "cohort-employment-rate", kind: "entered", responsibleAgency: "SMS" });
    const { id } = (
      await readIndicator(officer(), "cohort-employment-rate", { from: "2025-01", to: "2025-01" })
    ).indicator;
    expect(await refusal(changeIndicator(focalPoint(), id, moved))).toMatchObject({ status: 403 });
    expect(await refusal(changeIndicator(officer(), id, { ...moved, code: "renamed" }))).toMatchObject({
      status: 422,
      code: "policy_indicator_code_fixed",
    });
    await changeIndicator(officer(), id, moved);
    expect(
      await refusal(
        enterIndicatorValue(focalPoint(), "cohort-employment-rate", {
          period: "2025-01",
          value: 1,
          source: "x",
        }),
      ),
    ).toMatchObject({ code: "policy_indicator_other_agency" });
    expect(mailer.messages).toEqual([]);
  });
});

describe("demo indicators", () => {
  it("are the statistics module's built-in ones, marked demo, seeded once", async () => {
    expect(await seedDemoIndicators(database.db, clock, { agencyCode: "SMS" })).toBe(5);
    expect(await seedDemoIndicators(database.db, clock, { agencyCode: "SMS" })).toBe(0);
    const listed = await listIndicators(officer(), "average-processing-days");
    expect(listed[0]).toMatchObject({ demo: true, kind: "computed", target: { direction: "down" } });
    const reading = await readIndicator(officer(), "average-processing-days", {
      from: "2026-01",
      to: "2026-02",
    });
    expect(reading.points.map((point) => point.value)).toEqual([10, 10]);
  });
});
