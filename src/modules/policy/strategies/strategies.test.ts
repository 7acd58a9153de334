import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { seedDemoPolicyIndicators, seedDemoStrategy } from "../../../demo/index.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import {
  createUser,
  findAgencyByCode,
  type Permission,
  type Principal,
  systemActor,
} from "../../access/index.js";
import { sendOverdueWarnings } from "./alerts/send-overdue-warnings.js";
import {
  agencyTextsForPeriod,
  indicatorCodesByObjective,
  policyDocumentForMonitoring,
} from "./monitoring-reads.js";
import { addAction } from "./operations/add-action.js";
import { addMeasure } from "./operations/add-measure.js";
import { addObjective } from "./operations/add-objective.js";
import { changePolicyDocumentStatus } from "./operations/change-document-status.js";
import { createPolicyDocument } from "./operations/create-document.js";
import { policyDashboard } from "./operations/policy-dashboard.js";
import { readPolicyDocument } from "./operations/read-plan.js";
import { reportProgress } from "./operations/report-progress.js";
import { updatePolicyDocument } from "./operations/update-document.js";
import type { DocumentContent } from "./records.js";
import type { PolicyStrategiesContext } from "./strategies-module.js";

// Tuesday 10 March 2026, 10:00 in Baku.
const clock = new ManualClock("2026-03-10T06:00:00Z");
let app: TestApp;
let officer: Principal;
let focalPoint: Principal;
let otherFocalPoint: Principal;
let labourAgencyId: string;
let smsAgencyId: string;

async function staff(email: string, agency: string, role: string, permissions: Permission[], locale = "en") {
  const { id } = await createUser(
    { db: app.database.db, clock, actor: systemActor },
    {
      email,
      fullName: email.split("@")[0] ?? email,
      password: "Karvan-test-2026!",
      kind: "staff",
      agency,
      roles: [role],
      locale,
    },
  );
  const agencyRecord = await findAgencyByCode(app.database.db, agency);
  return {
    userId: id,
    email,
    fullName: email,
    kind: "staff",
    agencyId: agencyRecord?.id ?? null,
    roles: [role],
    permissions: new Set(permissions),
    locale,
  } satisfies Principal;
}

function as(principal: Principal | null): PolicyStrategiesContext {
  return { ...app.karvan.policyStrategies, principal, ip: "203.0.113.7", requestId: "strategies-test" };
}

const content: DocumentContent = {
  kind: "strategy",
  title: "Migration strategy 2026–2030",
  summary: "Orderly labour migration.",
  adoptingBody: null,
  periodStart: "2026-01-01",
  periodEnd: "2030-12-31",
  citedActs: ["Migration Code, article 5"],
};

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, status: error.status };
}

/** An adopted strategy with one objective, one measure and one action of the labour ministry due on `dueOn`. */
async function adoptedPlan(title: string, dueOn: string) {
  const documentId = await createPolicyDocument(as(officer), {
    ...content,
    title,
    adoptingBody: "Cabinet of Ministers",
  });
  await changePolicyDocumentStatus(as(officer), documentId, { to: "adopted", onDate: "2026-03-02" });
  const objectiveId = await addObjective(as(officer), documentId, {
    code: "1",
    title: "Faster permits",
    description: "",
    indicatorCodes: ["average-processing-days", "decisions-within-legal-time"],
  });
  const measureId = await addMeasure(as(officer), objectiveId, {
    code: "1.1",
    title: "Online applications",
    description: "",
  });
  const actionId = await addAction(as(officer), measureId, {
    code: "1.1.1",
    title: "Open the online work-permit form",
    description: "",
    responsibleAgencyId: labourAgencyId,
    partnerAgencyIds: [smsAgencyId, labourAgencyId],
    startOn: "2026-01-15",
    dueOn,
    budgetMinor: 12_500_050,
    budgetCurrency: "AZN",
  });
  return { documentId, objectiveId, actionId };
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  await seedDemoPolicyIndicators(app.database.db, clock);
  labourAgencyId = (await findAgencyByCode(app.database.db, "MLSPP-DOST"))?.id as string;
  smsAgencyId = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  officer = await staff("policy@mia.gov.az", "SMS", "policy_officer", [
    "policy.manage",
    "scope.all_agencies",
  ]);
  focalPoint = await staff(
    "focal@labour.gov.az",
    "MLSPP-DOST",
    "policy_focal_point",
    ["policy.report"],
    "ru",
  );
  otherFocalPoint = await staff("focal@sms.gov.az", "SMS", "policy_focal_point", ["policy.report"]);
});
afterAll(async () => {
  await app?.close();
});

describe("policy documents", () => {
  it("a draft changes in place; adoption needs its body; an adopted document's change is a new version", async () => {
    const id = await createPolicyDocument(as(officer), content);
    await updatePolicyDocument(as(officer), id, {
      ...content,
      summary: "Orderly and fair labour migration.",
    });
    expect((await readPolicyDocument(as(officer), id)).document).toMatchObject({
      status: "draft",
      version: 1,
    });

    expect(
      await refusal(changePolicyDocumentStatus(as(officer), id, { to: "in_force", onDate: "2026-03-05" })),
    ).toEqual({ code: "policy_transition_not_allowed", status: 409 });
    expect(
      await refusal(changePolicyDocumentStatus(as(officer), id, { to: "adopted", onDate: "2026-03-05" })),
    ).toEqual({
      code: "policy_adoption_needs_body",
      status: 409,
    });
    await changePolicyDocumentStatus(as(officer), id, { to: "consultation", onDate: "2026-03-03" });
    await updatePolicyDocument(as(officer), id, { ...content, adoptingBody: "Cabinet of Ministers" });
    expect(
      await refusal(changePolicyDocumentStatus(as(officer), id, { to: "adopted", onDate: "2026-03-20" })),
    ).toEqual({
      code: "policy_transition_date_future",
      status: 409,
    });
    await changePolicyDocumentStatus(as(officer), id, { to: "adopted", onDate: "2026-03-06" });
    expect(
      await refusal(changePolicyDocumentStatus(as(officer), id, { to: "in_force", onDate: "2026-03-01" })),
    ).toEqual({
      code: "policy_transition_date_too_early",
      status: 409,
    });
    expect(
      await refusal(changePolicyDocumentStatus(as(officer), id, { to: "draft", onDate: "2026-03-09" })),
    ).toEqual({
      code: "policy_transition_not_allowed",
      status: 409,
    });
    await changePolicyDocumentStatus(as(officer), id, { to: "in_force", onDate: "2026-04-01" });

    const { version } = await updatePolicyDocument(as(officer), id, {
      ...content,
      adoptingBody: "Cabinet of Ministers",
      citedActs: ["Migration Code, article 5", "Labour Code, article 12"],
    });
    expect(version).toBe(2);
    const file = await readPolicyDocument(as(focalPoint), id);
    expect(file.document).toMatchObject({
      status: "in_force",
      version: 2,
      adoptedOn: "2026-03-06",
      inForceOn: "2026-04-01",
    });
    expect(file.versions).toMatchObject([
      { version: 1, status: "in_force", citedActs: ["Migration Code, article 5"] },
    ]);
    expect(file.statusChanges.map((change) => change.toStatus)).toEqual([
      "consultation",
      "adopted",
      "in_force",
    ]);

    await changePolicyDocumentStatus(as(officer), id, { to: "ended", onDate: "2026-03-10" }).catch(
      () => undefined,
    );
    // In force from 1 April: ending it on 10 March is before that date.
    expect((await readPolicyDocument(as(officer), id)).document.status).toBe("in_force");
    clock.set("2026-04-02T06:00:00Z");
    await changePolicyDocumentStatus(as(officer), id, { to: "ended", onDate: "2026-04-02" });
    expect(await refusal(updatePolicyDocument(as(officer), id, content))).toEqual({
      code: "policy_document_ended",
      status: 409,
    });
    clock.set("2026-03-10T06:00:00Z");
  });

  it("only policy officers write documents; an item's number is unique in its document", async () => {
    expect(await refusal(createPolicyDocument(as(focalPoint), content))).toEqual({
      code: "forbidden",
      status: 403,
    });
    const { documentId } = await adoptedPlan("Numbering", "2026-12-31");
    expect(
      await refusal(
        addObjective(as(officer), documentId, {
          code: "1",
          title: "Again",
          description: "",
          indicatorCodes: [],
        }),
      ),
    ).toEqual({ code: "policy_code_taken", status: 409 });
    expect(
      await refusal(
        addObjective(as(officer), documentId, {
          code: "2",
          title: "Measured by a mistyped indicator",
          description: "",
          indicatorCodes: ["decisions-within-legal-tme"],
        }),
      ),
    ).toEqual({ code: "policy_indicator_unknown", status: 422 });
  });
});

describe("status reports", () => {
  it("an agency writes only its own actions' reports: another agency's focal point is refused with 403 and a code", async () => {
    const { actionId, documentId } = await adoptedPlan("Reports", "2026-09-30");
    // The responsible agency's focal point was told of the new action, in their language.
    const assigned = app.mailer.messages.filter((message) => message.text.includes(actionId));
    expect(assigned.map((message) => message.to)).toEqual([focalPoint.email]);
    expect(assigned[0]?.subject).toContain("Новое мероприятие вашего ведомства 1.1.1");
    expect(
      await refusal(
        reportProgress(as(otherFocalPoint), actionId, {
          period: "2026-Q1",
          text: "Done",
          percentDone: 50,
          evidence: [],
        }),
      ),
    ).toEqual({ code: "policy_report_other_agency", status: 403 });
    const [denied] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records where action = 'access.denied' and entity_id = ${actionId}`,
    );
    expect(denied?.n).toBe(1);

    await reportProgress(as(focalPoint), actionId, {
      period: "2026-Q1",
      text: "Form drafted.",
      percentDone: 30,
      evidence: [],
    });
    clock.advance(60_000);
    await reportProgress(as(focalPoint), actionId, {
      period: "2026-Q1",
      text: "Form tested.",
      percentDone: 60,
      evidence: [],
    });
    clock.advance(60_000);
    // A policy officer may write one for the agency (e.g. from a letter).
    await reportProgress(as(officer), actionId, {
      period: "2026-Q2",
      text: "Form online.",
      percentDone: 100,
      evidence: [],
    });

    const monitored = await policyDocumentForMonitoring(app.database.db, documentId, "2026-12-31");
    const action = monitored.objectives[0]?.measures[0]?.actions[0];
    expect(action).toMatchObject({
      status: "done",
      percentDone: 100,
      done: true,
      late: false,
      partnerAgencyIds: [smsAgencyId],
    });
    expect(action?.latestReportPerPeriod.map((report) => [report.period, report.text])).toEqual([
      ["2026-Q1", "Form tested."],
      ["2026-Q2", "Form online."],
    ]);
    expect(
      (await agencyTextsForPeriod(app.database.db, documentId, "2026-Q1")).map((one) => one.text),
    ).toEqual(["Form tested."]);
    const codes = await indicatorCodesByObjective(app.database.db, documentId);
    expect([...codes.values()]).toEqual([["average-processing-days", "decisions-within-legal-time"]]);
  });
});

describe("overdue actions", () => {
  it("are overdue by the country's date, and their focal points are warned once per action and due date", async () => {
    const { actionId } = await adoptedPlan("Overdue", "2026-03-31");
    // 23:00 in Baku on the due date: not yet overdue.
    clock.set("2026-03-31T19:00:00Z");
    let dashboard = await policyDashboard(as(officer));
    expect(dashboard.overdue.map((action) => action.id)).not.toContain(actionId);
    expect(dashboard.dueSoon.map((action) => action.id)).toContain(actionId);
    expect((await sendOverdueWarnings(app.karvan.policyStrategies)).warned).toBe(0);

    // 01:30 in Baku on 1 April (still 31 March in UTC): overdue.
    clock.set("2026-03-31T21:30:00Z");
    dashboard = await policyDashboard(as(officer));
    expect(dashboard.overdue.map((action) => action.id)).toContain(actionId);
    const own = await policyDashboard(as(otherFocalPoint));
    expect(own.overdue.map((action) => action.id)).not.toContain(actionId);

    const before = app.mailer.messages.length;
    expect((await sendOverdueWarnings(app.karvan.policyStrategies)).warned).toBeGreaterThanOrEqual(1);
    expect((await sendOverdueWarnings(app.karvan.policyStrategies)).warned).toBe(0);
    const sent = app.mailer.messages.slice(before).filter((message) => message.text.includes(actionId));
    expect(sent.map((message) => message.to)).toEqual([focalPoint.email]);
    expect(sent[0]?.subject).toContain("Просрочено мероприятие 1.1.1");
    clock.set("2026-03-10T06:00:00Z");
  });
});

describe("demo data", () => {
  it("seeds one demo strategy in force, marked demo, with overdue actions; a second run adds nothing", async () => {
    expect(await seedDemoStrategy(app.database.db, clock)).toBe(true);
    expect(await seedDemoStrategy(app.database.db, clock)).toBe(false);
    const [row] = await queryRows<{ documents: number; actions: number; overdue: number; status: string }>(
      app.database.db,
      sql`select count(distinct d.id)::int as documents, count(a.id)::int as actions,
                 count(a.id) filter (where a.due_on < '2026-03-10')::int as overdue, min(d.status) as status
            from policy_documents d join policy_actions a on a.document_id = d.id
           where d.title like '%(demo)'`,
    );
    expect(row).toEqual({ documents: 1, actions: 4, overdue: 2, status: "in_force" });
  });
});
