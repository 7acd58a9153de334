import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { sampleDocuments } from "../../../platform/files/test-documents.js";
import { generateApiKey } from "../../access/api-keys/api-key-format.js";
import { createUser, findAgencyByCode, type Principal, systemActor } from "../../access/index.js";
import { apiKeys } from "../../access/schema.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { completeTask } from "../operations/complete-task.js";
import { transitionCase } from "../operations/transition-case.js";
import { signInNewApplicant } from "../portal/portal-test-bed.js";

let app: TestApp;
const clock = new ManualClock("2026-03-02T08:00:00Z"); // Monday, noon in Baku

let employerKey: string;
let wrongScopeKey: string;
let otherEmployerKey: string;

async function newAccount(email: string, roles: string[]): Promise<string> {
  const staff = roles.some((role) => !["applicant", "host_employer"].includes(role));
  const { id } = await createUser(
    { db: app.karvan.database.db, clock, actor: systemActor },
    {
      email,
      fullName: email.split("@")[0] ?? email,
      password: "Correct-horse-battery-9",
      kind: staff ? "staff" : "public",
      agency: staff ? "SMS" : undefined,
      roles,
      status: "active",
      locale: "en",
    },
  );
  return id;
}

async function issueKey(userId: string, scopes: string[]): Promise<string> {
  const material = generateApiKey();
  await app.karvan.database.db
    .insert(apiKeys)
    .values({ userId, name: "HR system", prefix: material.prefix, keyHash: material.hash, scopes });
  return material.key;
}

function call(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.client().json(method, url, body, { authorization: `Bearer ${key}`, ...headers });
}

/** A multipart upload as an HR system would send it: the code, then the file. */
function upload(caseId: string, key: string, code: string, fileName: string, content: Buffer) {
  const boundary = "----KarvanApiTestBoundary";
  const part = (disposition: string, body: Buffer) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`),
    body,
    Buffer.from("\r\n"),
  ];
  const payload = Buffer.concat([
    ...part('form-data; name="code"', Buffer.from(code)),
    ...part(
      `form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream`,
      content,
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return app.karvan.server.inject({
    method: "POST",
    url: `/api/v1/applications/${caseId}/documents`,
    headers: {
      authorization: `Bearer ${key}`,
      accept: "application/json",
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.karvan.database.db, query);
  return row?.n ?? 0;
}

const pages = {
  employer: {
    employerName: "Caspian Drilling LLC",
    employerTaxId: "1234567891",
    employerKind: "legal-entity",
    employerAddress: { street: "Bülbül prospekti 5", city: "Bakı", region: "AZ-BA", postcode: "AZ1014" },
  },
  worker: {
    workerFullName: "Mehmet Yılmaz",
    workerBirthDate: "1984-02-14",
    workerCitizenship: "TR",
    workerPassportNumber: "U87654321",
    workerInAzerbaijan: "no",
  },
  job: {
    position: "Drilling supervisor",
    qualification: "Petroleum engineer",
    workplaceAddress: { street: "Səngəçal terminalı", city: "Qaradağ", region: "AZ-BA", postcode: "" },
    contractStart: "2026-04-01",
    contractEnd: "2026-12-31",
  },
};

const documentCodes = [
  "worker-passport",
  "qualification",
  "necessity-letter",
  "medical-certificate",
  "company-registration",
];

async function startDraft(key: string): Promise<{ id: string; seq: number }> {
  const started = await call("POST", "/api/v1/applications", key, { typeCode: "work-permit" });
  expect(started.statusCode).toBe(201);
  return started.json();
}

/** A draft with every page answered and every document attached. */
async function completeDraft(key: string): Promise<{ id: string; seq: number }> {
  const draft = await startDraft(key);
  let seq = draft.seq;
  for (const [pageId, answers] of Object.entries(pages)) {
    const saved = await call("PUT", `/api/v1/applications/${draft.id}/answers/${pageId}`, key, {
      answers,
      expectedSeq: seq,
    });
    expect(saved.statusCode).toBe(200);
    seq = saved.json().seq;
  }
  for (const code of documentCodes) {
    const attached = await upload(draft.id, key, code, `${code}.pdf`, sampleDocuments.pdf);
    expect(attached.statusCode).toBe(201);
    seq = attached.json().seq;
  }
  return { id: draft.id, seq };
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const employer = await newAccount("hr@caspian-drilling.az", ["host_employer"]);
  const otherEmployer = await newAccount("hr@baku-steel.az", ["host_employer"]);
  employerKey = await issueKey(employer, ["work-permits:write"]);
  wrongScopeKey = await issueKey(employer, ["stay-registrations:write", "work-permits:read"]);
  otherEmployerKey = await issueKey(otherEmployer, ["work-permits:read", "work-permits:write"]);
});

afterAll(async () => {
  await app.close();
});

describe("an employer's system applying step by step", () => {
  it("takes a work permit from draft to submitted: answers, documents, demo payment, one submission per key", async () => {
    const draft = await startDraft(employerKey);
    expect(draft).toMatchObject({
      number: expect.stringMatching(/^WP-2026-\d{6}$/),
      state: "draft",
      category: "draft",
      fee: { amountMinor: 100000, currency: "AZN", expressTier: null, paid: false },
    });
    const caseId = draft.id;
    const url = (path = "") => `/api/v1/applications/${caseId}${path}`;

    let seq = draft.seq;
    for (const [pageId, answers] of Object.entries(pages)) {
      const saved = await call("PUT", url(`/answers/${pageId}`), employerKey, { answers, expectedSeq: seq });
      expect(saved.statusCode).toBe(200);
      seq = saved.json().seq;
    }
    const afterAnswers = (await call("GET", url(), employerKey)).json();
    expect(afterAnswers.answers).toMatchObject({
      employerName: "Caspian Drilling LLC",
      contractEnd: "2026-12-31",
    });
    expect(afterAnswers.missingDocuments).toEqual(documentCodes);

    const tooEarly = await call(
      "POST",
      url("/submit"),
      employerKey,
      { expectedSeq: seq },
      { "idempotency-key": "a" },
    );
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().error).toMatchObject({
      code: "documents_missing",
      details: { missing: documentCodes },
    });

    // Documents are checked by content: a web page named .pdf is refused, and nothing is attached.
    const refused = await upload(
      caseId,
      employerKey,
      "worker-passport",
      "passport.pdf",
      sampleDocuments.html,
    );
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe("document_type_not_allowed");
    const unknownCode = await upload(caseId, employerKey, "photo", "photo.png", sampleDocuments.png);
    expect(unknownCode.statusCode).toBe(422);
    expect(unknownCode.json().error.code).toBe("unknown_document");
    for (const code of documentCodes) {
      const attached = await upload(caseId, employerKey, code, `${code}.pdf`, sampleDocuments.pdf);
      expect(attached.statusCode).toBe(201);
      expect(attached.json()).toMatchObject({ code, mediaType: "application/pdf", fileName: `${code}.pdf` });
    }
    // One too many: removed again.
    const extra = await upload(caseId, employerKey, "qualification", "second.png", sampleDocuments.png);
    const removed = await call("DELETE", url(`/documents/${extra.json().id}`), employerKey);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().documents).toHaveLength(documentCodes.length);
    expect(removed.json().missingDocuments).toEqual([]);
    seq = removed.json().seq;

    const unpaid = await call(
      "POST",
      url("/submit"),
      employerKey,
      { expectedSeq: seq },
      { "idempotency-key": "b" },
    );
    expect(unpaid.statusCode).toBe(422);
    expect(unpaid.json().error.code).toBe("fee_unpaid");

    // Express processing, then the demo gateway's page, completed as a payer would.
    const tier = await call("POST", url("/express-tier"), employerKey, { tier: "express-15" });
    expect(tier.json().fee).toMatchObject({ amountMinor: 120000, expressTier: "express-15" });
    const badTier = await call("POST", url("/express-tier"), employerKey, { tier: "overnight" });
    expect(badTier.statusCode).toBe(422);
    const payment = await call("POST", url("/payment"), employerKey);
    expect(payment.statusCode).toBe(201);
    const { paymentId, payUrl } = payment.json();
    expect(payment.json()).toMatchObject({ status: "pending", amountMinor: 120000, feePaid: false });
    const payPath = new URL(payUrl).pathname;
    expect(payPath).toBe(`/demo/pay/${paymentId}`);
    const pending = await call("GET", url(`/payment/${paymentId}`), employerKey);
    expect(pending.json()).toMatchObject({ status: "pending", feePaid: false });
    const payer = app.client();
    payer.setCookie("karvan_lang", "en");
    expect((await payer.get(payPath)).body).toContain("DEMO PAYMENT");
    const paid = await payer.post(payPath, { outcome: "paid" });
    expect(String(paid.headers.location)).toMatch(new RegExp(`^/applications/${caseId}/fee/return\\?`));
    for (let attempt = 0; attempt < 2; attempt++) {
      const followed = await call("GET", url(`/payment/${paymentId}`), employerKey);
      expect(followed.statusCode).toBe(200);
      expect(followed.json()).toMatchObject({ status: "paid", amountMinor: 120000, feePaid: true });
    }
    expect(
      await count(
        sql`select count(*)::int as n from case_events where case_id = ${caseId} and type = 'case.fee_paid'`,
      ),
    ).toBe(1);
    const payAgain = await call("POST", url("/payment"), employerKey);
    expect(payAgain.statusCode).toBe(409);
    expect(payAgain.json().error.code).toBe("fee_settled");

    seq = (await call("GET", url(), employerKey)).json().seq;
    const headers = { "idempotency-key": "submit-wp-1" };
    const submitted = await call("POST", url("/submit"), employerKey, { expectedSeq: seq }, headers);
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({
      state: "submitted",
      category: "open",
      submittedAt: "2026-03-02T08:00:00.000Z",
      fee: { paid: true, expressTier: "express-15" },
    });
    // The worker is new to the person register: the answer says so, with the worker's register id only.
    const registeredPersons = [{ role: "worker", slot: 0, outcome: "new", registerId: expect.any(String) }];
    expect(submitted.json().registeredPersons).toEqual(registeredPersons);
    expect(submitted.headers.location).toBe(`/api/v1/cases/${caseId}`);
    const again = await call("POST", url("/submit"), employerKey, { expectedSeq: seq }, headers);
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(caseId);
    expect(again.json().registeredPersons).toEqual(submitted.json().registeredPersons);
    const otherKey = await call(
      "POST",
      url("/submit"),
      employerKey,
      { expectedSeq: seq },
      { "idempotency-key": "x" },
    );
    expect(otherKey.statusCode).toBe(409);
    expect(
      await count(
        sql`select count(*)::int as n from case_events where case_id = ${caseId} and type = 'case.submitted'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from cases where type_code = 'work-permit' and id = ${caseId}`,
      ),
    ).toBe(1);
    const mails = app.mailer.messages.filter((message) => message.to === "hr@caspian-drilling.az");
    expect(mails).toHaveLength(1);
    const events = await queryRows<{ actor_type: string }>(
      app.karvan.database.db,
      sql`select distinct actor_type from case_events where case_id = ${caseId}`,
    );
    expect(events.map((event) => event.actor_type)).toEqual(["api_key"]);

    // No decision yet: no documents to download.
    expect((await call("GET", url("/decision.pdf?language=en"), employerKey)).statusCode).toBe(404);
    expect((await call("GET", url("/permit.pdf"), employerKey)).statusCode).toBe(404);
  });

  it("answers a request for documents, writes to the officer and downloads the decision and permit", async () => {
    const draft = await completeDraft(employerKey);
    const url = (path = "") => `/api/v1/applications/${draft.id}${path}`;
    expect((await call("POST", url("/messages"), employerKey, { message: "Hello" })).statusCode).toBe(409);
    await call("POST", url("/express-tier"), employerKey, { tier: null });
    const { paymentId } = (await call("POST", url("/payment"), employerKey)).json();
    const payer = app.client();
    await payer.get(`/demo/pay/${paymentId}`);
    await payer.post(`/demo/pay/${paymentId}`, { outcome: "paid" });
    await call("GET", url(`/payment/${paymentId}`), employerKey);
    const { seq } = (await call("GET", url(), employerKey)).json();
    const submitted = await call(
      "POST",
      url("/submit"),
      employerKey,
      { expectedSeq: seq },
      { "idempotency-key": "s-2" },
    );
    expect(submitted.statusCode).toBe(201);

    const sms = await findAgencyByCode(app.karvan.database.db, "SMS");
    const officer: Principal = {
      userId: await newAccount("officer@migration.gov.az", ["case_officer"]),
      email: "officer@migration.gov.az",
      fullName: "Officer",
      kind: "staff",
      agencyId: sms?.id ?? null,
      roles: ["case_officer"],
      permissions: new Set(["cases.read", "cases.process"]),
      locale: "en",
    };
    const staff = { ...app.karvan.cases.systemContext(), principal: officer };
    await transitionCase(staff, draft.id, undefined, "start-review");
    clock.set("2026-03-04T06:00:00Z");
    const asked = await transitionCase(staff, draft.id, undefined, "request-documents", {
      documentCodes: ["worker-passport"],
      message: "The passport copy is unreadable.",
    });
    expect(asked.state).toBe("awaiting-documents");

    const notYet = await call("POST", url("/provide-documents"), employerKey, { expectedSeq: asked.lastSeq });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().error).toMatchObject({
      code: "requested_documents_missing",
      details: { missing: ["worker-passport"] },
    });
    const sharper = await upload(
      draft.id,
      employerKey,
      "worker-passport",
      "passport-sharp.png",
      sampleDocuments.png,
    );
    expect(sharper.statusCode).toBe(201);
    const provided = await call("POST", url("/provide-documents"), employerKey, {
      expectedSeq: sharper.json().seq,
      message: "A sharper scan.",
    });
    expect(provided.statusCode).toBe(200);
    expect(provided.json()).toMatchObject({ state: "in-review", requestedDocuments: [] });

    const message = await call("POST", url("/messages"), employerKey, { message: "When can we expect it?" });
    expect(message.statusCode).toBe(201);
    expect(
      await count(
        sql`select count(*)::int as n from case_events where case_id = ${draft.id} and type = 'case.message_sent'`,
      ),
    ).toBe(1);

    // The employment service's opinion, a decision drafted, approved by another officer and issued.
    const labour = await findAgencyByCode(app.karvan.database.db, "MLSPP-DOST");
    const as = (n: number, permissions: string[], agencyId: string | null) => ({
      ...app.karvan.cases.systemContext(),
      principal: {
        ...officer,
        userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
        permissions: new Set(permissions),
        agencyId,
      } as Principal,
    });
    let decided = await loadCaseState(app.karvan.database.db, draft.id);
    await completeTask(
      as(11, ["cases.read", "labour.opinion"], labour?.id ?? null),
      draft.id,
      decided?.tasks[0]?.taskId as string,
      "positive",
      "",
    );
    await transitionCase(staff, draft.id, undefined, "draft-decision", {
      outcome: "approved",
      reasons: "The employment service found no local jobseeker.",
    });
    await transitionCase(
      as(12, ["cases.read", "cases.approve"], sms?.id ?? null),
      draft.id,
      undefined,
      "approve",
    );
    decided = await transitionCase(staff, draft.id, undefined, "issue");
    expect(decided.state).toBe("decided");

    const letter = await call("GET", url("/decision.pdf?language=en"), employerKey);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers["content-type"]).toBe("application/pdf");
    expect(String(letter.headers["content-disposition"])).toMatch(
      /^attachment; filename="WP-2026-\d{6}-decision-en\.pdf"/,
    );
    expect(letter.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const permit = await call("GET", url("/permit.pdf?language=ru"), wrongScopeKey);
    expect(permit.statusCode).toBe(200);
    expect(String(permit.headers["content-disposition"])).toContain("-permit-ru.pdf");
    expect((await call("GET", url("/permit.pdf"), otherEmployerKey)).statusCode).toBe(404);
    expect((await call("GET", url("/permit.pdf?language=de"), employerKey)).statusCode).toBe(400);
    const status = (await call("GET", url(), employerKey)).json();
    expect(status.decision).toMatchObject({ outcome: "approved", validTo: "2026-12-31" });
  });

  it("refuses a key without the type's write scope (403) and another employer's application (404)", async () => {
    const wrong = await call("POST", "/api/v1/applications", wrongScopeKey, { typeCode: "work-permit" });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe("insufficient_scope");

    const draft = await startDraft(employerKey);
    const url = (path = "") => `/api/v1/applications/${draft.id}${path}`;
    const wrongOnOwn = await call("PUT", url("/answers/employer"), wrongScopeKey, {
      answers: pages.employer,
      expectedSeq: draft.seq,
    });
    expect(wrongOnOwn.statusCode).toBe(403);
    // Reading needs only the read scope.
    expect((await call("GET", url(), wrongScopeKey)).statusCode).toBe(200);

    for (const [method, path, body] of [
      ["GET", "", undefined],
      ["PUT", "/answers/employer", { answers: pages.employer, expectedSeq: draft.seq }],
      ["POST", "/express-tier", { tier: null }],
      ["POST", "/payment", undefined],
      ["POST", "/messages", { message: "Hello" }],
    ] as const) {
      const response = await call(method, url(path), otherEmployerKey, body);
      expect(response.statusCode, `${method} ${path}`).toBe(404);
    }
    const otherSubmit = await call(
      "POST",
      url("/submit"),
      otherEmployerKey,
      { expectedSeq: draft.seq },
      { "idempotency-key": "steal" },
    );
    expect(otherSubmit.statusCode).toBe(404);
    const otherUpload = await upload(
      draft.id,
      otherEmployerKey,
      "worker-passport",
      "p.pdf",
      sampleDocuments.pdf,
    );
    expect(otherUpload.statusCode).toBe(404);
    expect((await app.client().json("GET", url())).statusCode).toBe(401);
    const state = (await call("GET", url(), employerKey)).json();
    expect(state).toMatchObject({ seq: draft.seq, documents: [], answers: {} });
  });

  it("refuses bad answers with a problem per field (422) and a stale version (409)", async () => {
    const draft = await startDraft(employerKey);
    const url = `/api/v1/applications/${draft.id}/answers/employer`;
    const bad = await call("PUT", `${url}?lang=en`, employerKey, {
      answers: { ...pages.employer, employerTaxId: "12", employerName: "", workerFullName: "Someone" },
      expectedSeq: draft.seq,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("answers_invalid");
    expect(bad.json().error.details.problems).toEqual([
      { field: "workerFullName", messageKey: "casesApi.answers.notOnPage", message: expect.any(String) },
    ]);
    const invalid = await call("PUT", url, employerKey, {
      answers: { ...pages.employer, employerTaxId: "12", employerName: "" },
      expectedSeq: draft.seq,
    });
    expect(invalid.statusCode).toBe(422);
    const problems = invalid.json().error.details.problems as Array<{ field: string; message: string }>;
    expect(problems.map((problem) => problem.field).sort()).toEqual(["employerName", "employerTaxId"]);
    expect(problems.every((problem) => problem.message.length > 0)).toBe(true);

    const saved = await call("PUT", url, employerKey, { answers: pages.employer, expectedSeq: draft.seq });
    expect(saved.statusCode).toBe(200);
    const stale = await call("PUT", url, employerKey, { answers: pages.employer, expectedSeq: draft.seq });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("case_changed");

    const noPage = await call("PUT", `/api/v1/applications/${draft.id}/answers/nowhere`, employerKey, {
      answers: {},
      expectedSeq: saved.json().seq,
    });
    expect(noPage.statusCode).toBe(404);
    const shapeless = await call("PUT", url, employerKey, { employerName: "x" });
    expect(shapeless.statusCode).toBe(400);
  });
});

describe("a signed-in applicant using the same API from the browser", () => {
  it("starts and fills in an application with the session, and needs the CSRF token to change it", async () => {
    const { browser } = await signInNewApplicant(
      app.karvan.database.db,
      clock,
      app.client(),
      "amina@example.org",
    );
    await browser.get("/applications");
    const cookies = ["karvan_session", "karvan_csrf"]
      .map((name) => `${name}=${browser.cookie(name) ?? ""}`)
      .join("; ");
    const session = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, csrf = true) =>
      app.client().json(method, url, body, {
        cookie: cookies,
        ...(csrf && browser.csrfToken ? { "x-csrf-token": browser.csrfToken } : {}),
      });

    const forged = await session(
      "POST",
      "/api/v1/applications",
      { typeCode: "temporary-residence-permit" },
      false,
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe("csrf_invalid");
    const started = await session("POST", "/api/v1/applications", { typeCode: "temporary-residence-permit" });
    expect(started.statusCode).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({ state: "draft", missingDocuments: expect.any(Array) });
    const read = await session("GET", `/api/v1/applications/${draft.id}`, undefined, false);
    expect(read.statusCode).toBe(200);
    // An employer's key cannot reach the applicant's own application.
    expect((await call("GET", `/api/v1/applications/${draft.id}`, employerKey)).statusCode).toBe(404);
    // Nor may an applicant apply for an employer's procedure.
    const notTheirs = await session("POST", "/api/v1/applications", { typeCode: "work-permit" });
    expect(notTheirs.statusCode).toBe(403);
  });
});

describe("the OpenAPI document", () => {
  it("describes every step of the application API", async () => {
    const document = await app.client().get("/api/docs/openapi.json");
    const paths = document.json().paths as Record<string, Record<string, { summary?: string }>>;
    const expected: Array<[string, string]> = [
      ["/api/v1/applications", "post"],
      ["/api/v1/applications/{id}", "get"],
      ["/api/v1/applications/{id}/answers/{pageId}", "put"],
      ["/api/v1/applications/{id}/documents", "post"],
      ["/api/v1/applications/{id}/documents/{documentId}", "delete"],
      ["/api/v1/applications/{id}/express-tier", "post"],
      ["/api/v1/applications/{id}/payment", "post"],
      ["/api/v1/applications/{id}/payment/{paymentId}", "get"],
      ["/api/v1/applications/{id}/submit", "post"],
      ["/api/v1/applications/{id}/provide-documents", "post"],
      ["/api/v1/applications/{id}/messages", "post"],
      ["/api/v1/applications/{id}/decision.pdf", "get"],
      ["/api/v1/applications/{id}/permit.pdf", "get"],
    ];
    for (const [path, method] of expected) {
      expect(paths[path]?.[method]?.summary, `${method} ${path}`).toEqual(expect.any(String));
    }
  });

  it("describes the answers of each case type by its form's questions, as they are checked", async () => {
    const document = (await app.client().get("/api/docs/openapi.json")).json();
    const body =
      document.paths["/api/v1/applications/{id}/answers/{pageId}"].put.requestBody.content["application/json"]
        .schema;
    const byType = body.properties.answers.anyOf as Array<{
      title: string;
      properties: Record<string, unknown>;
    }>;
    const stay = byType.find((one) => one.title.startsWith("stay-registration "));
    const definition = app.karvan.cases.registry.latest("stay-registration");
    const questions = definition?.form.flatMap((page) => page.fields.map((field) => field.name)) ?? [];
    expect(questions.length).toBeGreaterThan(5);
    expect(Object.keys(stay?.properties ?? {})).toEqual(questions);
    expect(stay?.properties.guestBirthDate).toMatchObject({ type: "string", format: "date" });
    expect(stay?.properties.stayAddress).toMatchObject({ type: "object", required: ["street", "city"] });
    expect(stay?.properties.accommodation).toMatchObject({ enum: expect.arrayContaining(["hotel"]) });
  });
});
