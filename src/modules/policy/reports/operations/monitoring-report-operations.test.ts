import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../../test/support/database.js";
import { sourceRoot } from "../../../../app.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { DomainError } from "../../../../platform/errors/index.js";
import { createI18n, type I18n } from "../../../../platform/http/index.js";
import { findAgencyByCode, type Permission, type Principal } from "../../../access/index.js";
import { seedDemoIndicators } from "../../indicators/operations/seed-demo-indicators.js";
import { seedPolicyDocument } from "../../strategies/operations/seed-policy-document.js";
import {
  insertReport,
  listActions,
  setPlanItemInternal,
  updateActionProgress,
} from "../../strategies/repository.js";
import { policyDocuments } from "../../strategies/schema.js";
import { assembleMonitoringReport, type MonitoringReportContext } from "../assemble-monitoring-report.js";
import { publicVersion } from "../monitoring-report.js";
import { exportMonitoringReport } from "./export-monitoring-report.js";
import { publishMonitoringReport } from "./publish-monitoring-report.js";
import { renderPublishedReport } from "./read-published-report.js";

// 10 October 2026: the third quarter is over and reported on.
const clock = new ManualClock("2026-10-10T08:00:00Z");
let database: TestDatabase;
let i18n: I18n;
let documentId: string;
let labourAgencyId: string;

function principal(permissions: Permission[], agencyId: string): Principal {
  const userId = randomUUID();
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

function as(who: Principal | null): MonitoringReportContext & { i18n: I18n } {
  return { db: database.db, clock, i18n, principal: who, ip: "203.0.113.9", requestId: "reports-test" };
}

const officer = () => principal(["policy.manage", "scope.all_agencies"], labourAgencyId);
const focalPoint = () => principal(["policy.report"], labourAgencyId);

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, code: error.code };
}

async function docxText(docx: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(" ");
}

beforeAll(async () => {
  [database, i18n] = await Promise.all([createTestDatabase(), createI18n(sourceRoot)]);
  const db = database.db;
  labourAgencyId = (await findAgencyByCode(db, "MLSPP-DOST"))?.id as string;
  await seedDemoIndicators(db, clock, { agencyCode: "SMS" });
  await seedPolicyDocument(db, clock.now(), {
    kind: "strategy",
    title: "Miqrasiya strategiyası 2026–2030",
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
        // The second is not defined: the report shows the indicators that are.
        indicatorCodes: ["average-processing-days", "not-defined-yet"],
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
              {
                code: "1.1.2",
                title: "Train the regional offices",
                agencyCode: "MLSPP-DOST",
                partnerCodes: ["SMS"],
                startOn: "2026-02-01",
                dueOn: "2026-12-31",
                budgetMinor: null,
              },
            ],
          },
        ],
      },
    ],
  });
  const [document] = await db.select({ id: policyDocuments.id }).from(policyDocuments);
  documentId = document?.id as string;
  const [late] = await listActions(db, documentId);
  // The labour ministry's focal point reported on the late action for the third quarter.
  await insertReport(
    db,
    {
      id: randomUUID(),
      actionId: late?.id as string,
      period: "2026-Q3",
      text: "Forma hazırdır, sınaq mərhələsindədir.",
      percentDone: 80,
      agencyId: labourAgencyId,
      writtenBy: randomUUID(),
      writtenAt: new Date("2026-10-02T07:00:00Z"),
    },
    [],
  );
  await updateActionProgress(db, late?.id as string, { percentDone: 80, doneOn: null });
});

afterAll(async () => {
  await database?.destroy();
});

describe("the monitoring report of a document", () => {
  it("is put together from the plan, the agencies' texts for the period and the indicators", async () => {
    const report = await assembleMonitoringReport(as(officer()), documentId, "2026-Q3", {
      locale: "en",
      t: i18n.t("en"),
    });
    expect(report.period).toEqual({ code: "2026-Q3", from: "2026-07-01", to: "2026-09-30" });
    expect(report.strategy).toMatchObject({ status: "adopted", version: 1, owner: "Cabinet of Ministers" });
    const [objective] = report.objectives;
    expect(objective?.progressPercent).toBe(40);
    const actions = objective?.measures[0]?.actions ?? [];
    expect(actions.map((action) => [action.code, action.late, action.percentDone])).toEqual([
      ["1.1.1", true, 80],
      ["1.1.2", false, 0],
    ]);
    expect(actions[0]?.agency).toBe((await findAgencyByCode(database.db, "MLSPP-DOST"))?.names.en);
    expect(actions[0]?.agencyText).toMatchObject({
      text: "Forma hazırdır, sınaq mərhələsindədir.",
      internal: true,
    });
    expect(objective?.indicators.map((indicator) => indicator.code)).toEqual(["average-processing-days"]);
    expect(objective?.indicators[0]?.series).toHaveLength(36);

    expect(
      await refusal(
        assembleMonitoringReport(as(officer()), documentId, "2026-Q5", { locale: "en", t: i18n.t("en") }),
      ),
    ).toEqual({
      status: 422,
      code: "policy_report_bad_period",
    });
  });

  it("is downloaded by policy officers only, each download audited", async () => {
    expect(
      await refusal(
        exportMonitoringReport(as(focalPoint()), {
          documentId,
          period: "2026-Q3",
          locale: "az",
          format: "docx",
          edition: "full",
        }),
      ),
    ).toEqual({ status: 403, code: "forbidden" });
    const file = await exportMonitoringReport(as(officer()), {
      documentId,
      period: "2026-Q3",
      locale: "az",
      format: "docx",
      edition: "full",
    });
    expect(file.fileName).toBe("monitoring-report-2026-Q3-az.docx");
    const text = await docxText(file.body);
    expect(text).toContain("Monitorinq hesabatı");
    expect(text).toContain("Forma hazırdır, sınaq mərhələsindədir.");
    const audit = await queryRows<{ action: string; outcome: string }>(
      database.db,
      sql`select action, outcome from audit_records where entity_type = 'policy_document' and request_id = 'reports-test' order by id`,
    );
    expect(audit).toEqual([
      { action: "access.denied", outcome: "denied" },
      { action: "policy.monitoring_report.exported", outcome: "success" },
    ]);
  });

  it("is published in its public version, which anyone reads, and publishing again replaces it", async () => {
    expect(await refusal(publishMonitoringReport(as(focalPoint()), documentId, "2026-Q3"))).toEqual({
      status: 403,
      code: "forbidden",
    });
    const id = await publishMonitoringReport(as(officer()), documentId, "2026-Q3");
    clock.advance(60_000);
    expect(await publishMonitoringReport(as(officer()), documentId, "2026-Q3")).toBe(id);
    const stored = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from policy_published_reports`,
    );
    expect(stored).toEqual([{ count: 1 }]);

    const file = await renderPublishedReport(database.db, id, "docx", "ru", i18n.t("ru"));
    const text = await docxText(file.body);
    expect(file.fileName).toBe("monitoring-report-2026-Q3-public-ru.docx");
    expect(text).toContain("Публичная версия");
    expect(text).toContain("Open the online work-permit form");
    expect(text).not.toContain("Forma hazırdır");
    // Written once, then served from memory until the report is published again.
    expect(await renderPublishedReport(database.db, id, "docx", "ru", i18n.t("ru"))).toBe(file);
    expect(
      await refusal(renderPublishedReport(database.db, randomUUID(), "pdf", "en", i18n.t("en"))),
    ).toEqual({
      status: 404,
      code: "policy_report_not_published",
    });
  });

  it("leaves an action marked internal out of the public version, and keeps it, marked, in the full one", async () => {
    const [, training] = await listActions(database.db, documentId);
    await setPlanItemInternal(database.db, "action", training?.id as string, true);
    try {
      const full = await assembleMonitoringReport(as(officer()), documentId, "2026-Q3", {
        locale: "en",
        t: i18n.t("en"),
      });
      const codes = (report: typeof full) =>
        report.objectives
          .flatMap((one) => one.measures.flatMap((measure) => measure.actions))
          .map((a) => a.code);
      expect(codes(full)).toEqual(["1.1.1", "1.1.2"]);
      expect(full.objectives[0]?.measures[0]?.actions[1]?.internal).toBe(true);
      expect(codes(publicVersion(full))).toEqual(["1.1.1"]);

      const id = await publishMonitoringReport(as(officer()), documentId, "2026-Q3");
      const published = await docxText(
        (await renderPublishedReport(database.db, id, "docx", "en", i18n.t("en"))).body,
      );
      expect(published).toContain("Open the online work-permit form");
      expect(published).not.toContain("Train the regional offices");
      const exported = await exportMonitoringReport(as(officer()), {
        documentId,
        period: "2026-Q3",
        locale: "en",
        format: "docx",
        edition: "full",
      });
      const text = await docxText(exported.body);
      expect(text).toContain("Train the regional offices");
      expect(text).toContain("Internal");
    } finally {
      await setPlanItemInternal(database.db, "action", training?.id as string, false);
    }
  });

  it("is not published for a document still in draft", async () => {
    await database.db.execute(sql`update policy_documents set status = 'draft' where id = ${documentId}`);
    try {
      expect(await refusal(publishMonitoringReport(as(officer()), documentId, "2026-Q3"))).toEqual({
        status: 409,
        code: "policy_report_document_not_adopted",
      });
    } finally {
      await database.db.execute(sql`update policy_documents set status = 'adopted' where id = ${documentId}`);
    }
  });
});
