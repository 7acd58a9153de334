import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { asylumAnswers } from "../../../asylum/test-support/asylum-answers.js";
import { defineCaseType } from "../../definition/case-type.js";
import { protectedProcedure } from "../../test-support/protected-case-type.js";
import { signInNewStaff } from "../../workspace/workspace-test-bed.js";

// Monday 2 March 2026, noon in Baku.
const clock = new ManualClock("2026-03-02T08:00:00Z");
/** The protected procedure without its mandatory task, so that a decision is drafted at once. */
const fourEyesProcedure = defineCaseType({
  ...protectedProcedure,
  code: "steps-procedure",
  numberPrefix: "STP",
  tasks: [],
});

type Officer = { browser: TestClient; userId: string };
let app: TestApp;
let officer: Officer;
let supervisor: Officer;
let lead: Officer;
let otherAgency: Officer;
let returnOfficer: Officer;
let returnApprover: Officer;
let asylumCaseId: string;
let registered = 0;

function call(
  who: Officer,
  method: "GET" | "POST",
  url: string,
  body?: unknown,
  key?: string,
  lang?: string,
) {
  return app.client().json(method, url, body, {
    cookie: [
      ...["karvan_session", "karvan_csrf"].map((name) => `${name}=${who.browser.cookie(name) ?? ""}`),
      ...(lang ? [`karvan_lang=${lang}`] : []),
    ].join("; "),
    ...(who.browser.csrfToken ? { "x-csrf-token": who.browser.csrfToken } : {}),
    ...(key ? { "idempotency-key": key } : {}),
  });
}

async function register(who: Officer, typeCode: string, answers: Record<string, unknown>): Promise<string> {
  registered += 1;
  const created = await call(
    who,
    "POST",
    `/api/v1/staff/cases/${typeCode}`,
    { answers },
    `case-${registered}`,
  );
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

const step = (
  who: Officer,
  caseId: string,
  name: string,
  body: Record<string, unknown> = {},
  lang?: string,
) => call(who, "POST", `/api/v1/staff/cases/${caseId}/steps/${name}`, body, undefined, lang);

async function auditOf(caseId: string, action: string) {
  return queryRows<{ actor_id: string; details: Record<string, unknown> }>(
    app.database.db,
    sql`select actor_id, details from audit_records where action = ${action} and entity_id = ${caseId} order by id`,
  );
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [fourEyesProcedure] });
  const staff = (email: string, roles: string[], agency = "SMS") =>
    signInNewStaff(app.database.db, clock, app.client(), { email, fullName: email, agency, roles });
  [officer, supervisor, lead, otherAgency, returnOfficer, returnApprover] = await Promise.all([
    staff("asylum@sms.gov.az", ["asylum_officer"]),
    staff("supervisor@sms.gov.az", ["asylum_supervisor"]),
    staff("lead@sms.gov.az", ["asylum_officer", "asylum_supervisor"]),
    staff("asylum@sbs.gov.az", ["asylum_officer"], "SBS"),
    staff("return@sms.gov.az", ["return_officer"]),
    staff("return-approver@sms.gov.az", ["return_officer", "approver"]),
  ]);
  asylumCaseId = await register(officer, "asylum", asylumAnswers({ religion: "Yazidi" }));
});

afterAll(async () => {
  await app?.close();
});

describe("reading a case through the staff API", () => {
  it("leaves special-category answers out without asylum.sensitive, and audits the read", async () => {
    const read = await call(officer, "GET", `/api/v1/staff/cases/${asylumCaseId}`);
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json();
    expect(body).toMatchObject({ id: asylumCaseId, state: "registered", answers: { familyName: "Haddad" } });
    expect(body.answers).not.toHaveProperty("religion");
    expect(body.nextSteps.map((one: { name: string }) => one.name)).toContain("start-checks");
    expect(body.events[0]).toMatchObject({ seq: 1, actorType: "user" });
    expect(await auditOf(asylumCaseId, "case.viewed")).toEqual([
      expect.objectContaining({ actor_id: officer.userId, details: { page: "api" } }),
    ]);
    expect(await auditOf(asylumCaseId, "case.sensitive_read")).toEqual([]);
  });

  it("shows them to a holder of asylum.sensitive, audited as a sensitive read", async () => {
    const read = await call(supervisor, "GET", `/api/v1/staff/cases/${asylumCaseId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().answers.religion).toBe("Yazidi");
    expect(read.json().nextSteps).toEqual([]);
    expect(await auditOf(asylumCaseId, "case.sensitive_read")).toEqual([
      expect.objectContaining({
        actor_id: supervisor.userId,
        details: { channel: "api:case", answers: "religion" },
      }),
    ]);
  });

  it("answers 404 for another agency's case and an unknown one", async () => {
    expect((await call(otherAgency, "GET", `/api/v1/staff/cases/${asylumCaseId}`)).statusCode).toBe(404);
    const unknown = await call(officer, "GET", "/api/v1/staff/cases/00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("case_not_found");
    expect((await step(otherAgency, asylumCaseId, "start-checks")).statusCode).toBe(404);
  });
});

describe("taking a step through the staff API", () => {
  it("moves the case on with the workspace's checks, and refuses a step the type does not have", async () => {
    const unknown = await step(officer, asylumCaseId, "no-such-step");
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe("unknown_transition");
    expect(unknown.json().error.message).not.toContain("caseStepsApi");
    // A step answers only what its transition declares: the asylum procedure's checks ask nothing.
    const answered = await step(officer, asylumCaseId, "start-checks", { answers: { urgent: "yes" } });
    expect(answered.statusCode).toBe(422);
    expect(answered.json().error).toMatchObject({
      code: "step_answer_unknown",
      details: { field: "answers.urgent" },
    });
    const alias = await step(officer, asylumCaseId, "start-checks", { assistanceReceived: "yes" });
    expect(alias.json().error).toMatchObject({
      code: "step_answer_unknown",
      details: { field: "answers.assistanceReceived" },
    });
    const { seq } = (await call(officer, "GET", `/api/v1/staff/cases/${asylumCaseId}`)).json();
    const stale = await step(officer, asylumCaseId, "start-checks", { expectedSeq: seq - 1 });
    expect(stale.json().error.code).toBe("case_changed");
    const moved = await step(officer, asylumCaseId, "start-checks", { expectedSeq: seq });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ state: "identity-checks", seq: expect.any(Number) });
    expect(moved.json().seq).toBeGreaterThan(seq);
    const again = await step(officer, asylumCaseId, "start-checks");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("transition_not_allowed");
  });

  it("keeps four eyes: the drafter's own approval is refused, another person's taken", async () => {
    const id = await register(lead, "steps-procedure", {
      fullName: "Farid Rezaei",
      birthDate: "1988-01-09",
      citizenship: "IR",
      ground: "family",
    });
    expect((await step(lead, id, "start-review")).statusCode).toBe(200);
    const drafted = await step(lead, id, "draft-decision", { outcome: "approved", reasons: "Family ties." });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const own = await step(lead, id, "approve");
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe("guard_fourEyes");
    const approved = await step(supervisor, id, "approve");
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe("approved");
  });

  it("takes a return order's step through the return module's operation", async () => {
    const id = await registerReturnOrder();
    const read = await call(returnOfficer, "GET", `/api/v1/staff/cases/${id}`);
    expect(read.json().nextSteps).toContainEqual(
      expect.objectContaining({ name: "draft-order", onActionsPage: true, answers: [] }),
    );
    // The return module's own operation takes the step: it checks an outcome's day and record,
    // which the engine alone does not know.
    const noRecord = await step(returnOfficer, id, "record-departure", {
      occurredOn: "2030-01-01",
      answers: { assistanceReceived: "no" },
    });
    expect(noRecord.statusCode).toBe(422);
    expect(noRecord.json().error.code).toBe("outcome_date");
    const drafted = await step(returnOfficer, id, "draft-order", { reasons: "Overstay of 12 days." });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json().state).toBe("order-drafted");
  });

  it("checks a departure's answers against the return order's declaration", async () => {
    const id = await notifiedReturnOrder();
    const read = await call(returnOfficer, "GET", `/api/v1/staff/cases/${id}`);
    expect(read.json().nextSteps).toContainEqual(
      expect.objectContaining({
        name: "record-departure",
        answers: [{ name: "assistanceReceived", kind: "choice", required: true, choices: ["yes", "no"] }],
      }),
    );
    const departure = { occurredOn: "2026-03-02", record: "Left at Heydar Aliyev airport." };
    const missing = await step(returnOfficer, id, "record-departure", departure, "en");
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({
      code: "step_answer_required",
      message: "Say whether the person received return assistance",
      details: { field: "answers.assistanceReceived" },
    });
    const outside = await step(returnOfficer, id, "record-departure", {
      ...departure,
      answers: { assistanceReceived: "maybe" },
    });
    expect(outside.json().error).toMatchObject({
      code: "step_answer_choice",
      details: { field: "answers.assistanceReceived" },
    });
    const notANumber = await step(returnOfficer, id, "record-departure", {
      ...departure,
      answers: { assistanceReceived: 1 },
    });
    expect(notANumber.json().error.code).toBe("step_answer_choice");
    const unknown = await step(returnOfficer, id, "record-departure", {
      ...departure,
      answers: { assistanceReceived: "yes", assistanceOffered: "yes" },
    });
    expect(unknown.json().error).toMatchObject({
      code: "step_answer_unknown",
      details: { field: "answers.assistanceOffered" },
    });
    const conflict = await step(returnOfficer, id, "record-departure", {
      ...departure,
      assistanceReceived: "yes",
      answers: { assistanceReceived: "no" },
    });
    expect(conflict.json().error).toMatchObject({
      code: "step_answer_conflict",
      details: { field: "answers.assistanceReceived" },
    });
    expect(await departureAnswers(id)).toEqual([]);
    const left = await step(returnOfficer, id, "record-departure", {
      ...departure,
      answers: { assistanceReceived: "yes" },
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().state).toBe("departed");
    expect(await departureAnswers(id)).toEqual([{ assistanceReceived: "yes" }]);
  });

  it("still takes the deprecated top-level assistanceReceived as answers.assistanceReceived", async () => {
    const id = await notifiedReturnOrder();
    const left = await step(returnOfficer, id, "record-departure", {
      occurredOn: "2026-03-02",
      record: "Left by land at Astara.",
      assistanceReceived: "no",
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(await departureAnswers(id)).toEqual([{ assistanceReceived: "no" }]);
  });
});

const returnPeople = [
  { familyName: "Petrov", givenNames: "Ivan", citizenship: "RU", documentNumber: "751234567" },
  { familyName: "Karimov", givenNames: "Aziz", citizenship: "UZ", documentNumber: "FA7654321" },
  { familyName: "Demir", givenNames: "Ali", citizenship: "TR", documentNumber: "U87654321" },
];

/** Each order is for another person: an earlier order's entry ban would hold a new case of the same one. */
function registerReturnOrder(): Promise<string> {
  const person = returnPeople.shift();
  if (!person) throw new Error("no person left for a return order");
  return register(returnOfficer, "return-order", {
    ...person,
    birthDate: "1990-03-14",
    sex: "M",
    ground: "stay-violation",
    assistedReturnOffered: "yes",
    destination: "origin",
    destinationCountry: person.citizenship,
    departurePeriod: "hours",
    entryBan: "none",
  });
}

/** An order drafted, approved by another officer and notified: its departure can be recorded. */
async function notifiedReturnOrder(): Promise<string> {
  const id = await registerReturnOrder();
  for (const [who, name, body] of [
    [returnOfficer, "draft-order", { reasons: "Overstay of 12 days." }],
    [returnApprover, "approve", {}],
    [returnOfficer, "notify", {}],
  ] as const) {
    const moved = await step(who, id, name, body);
    expect(moved.statusCode, moved.body).toBe(200);
  }
  return id;
}

/** The answers kept on the departure's event, where the statistics read them. */
async function departureAnswers(caseId: string) {
  const rows = await queryRows<{ answers: Record<string, string> | null }>(
    app.database.db,
    sql`select payload->'answers' as answers from case_events
        where case_id = ${caseId} and type = 'case.transitioned' and payload->>'transition' = 'record-departure'`,
  );
  return rows.map((row) => row.answers);
}

it("is described in the OpenAPI document", async () => {
  const paths = (await app.client().get("/api/docs/openapi.json")).json().paths;
  expect(paths["/api/v1/staff/cases/{id}"].get.summary).toEqual(expect.any(String));
  const takeStep = paths["/api/v1/staff/cases/{id}/steps/{transition}"].post;
  expect(takeStep.summary).toEqual(expect.any(String));
  const body = takeStep.requestBody.content["application/json"].schema.properties;
  expect(body.answers.description).toContain("step_answer_required");
  expect(body.assistanceReceived).toMatchObject({ deprecated: true });
  expect(body.assistanceReceived.description).toMatch(/^Deprecated/);
});
