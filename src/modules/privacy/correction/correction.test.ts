import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import type { MailMessage } from "../../../platform/mail/index.js";
import { findAgencyByCode, type Principal } from "../../access/index.js";
import { type CaseState, loadCaseState } from "../../cases/index.js";
import { signInNewApplicant } from "../../cases/portal/portal-test-bed.js";
import { signInNewStaff, submittedCase, workspaceSample } from "../../cases/workspace/workspace-test-bed.js";
import { parseCorrectionReference } from "./correction-repository.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
let app: TestApp;
let sms: string;
let amina: { browser: TestClient; userId: string };
let aminaCase: CaseState;
let officer: { browser: TestClient; userId: string };
let ganjaOfficer: { browser: TestClient; userId: string };

const wrong = "My surname is misspelt as Rahimova";
const right = "Rahimova-Aliyeva, as in my passport";
const reasons = "The passport you sent reads Rahimova; send the new passport first.";

function location(response: { headers: Record<string, unknown> }): string {
  return String(response.headers.location ?? "");
}

function mailsTo(address: string): MailMessage[] {
  return app.mailer.messages.filter((message) => message.to === address);
}

function correctionIdFrom(path: string): string {
  const id = /\/account\/my-data\/corrections\/([0-9a-f-]{36})/.exec(path)?.[1];
  if (!id) throw new Error(`no correction request in ${path}`);
  return id;
}

async function audited(action: string, entityId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from audit_records where action = ${action} and entity_id = ${entityId}`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [workspaceSample] });
  sms = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  amina = await signInNewApplicant(app.database.db, clock, app.client(), "amina@example.org");
  const principal: Principal = {
    userId: amina.userId,
    email: "amina@example.org",
    fullName: "Amina Rahimova",
    kind: "public",
    agencyId: null,
    roles: ["applicant"],
    permissions: new Set(["portal.apply"]),
    locale: "en",
  };
  aminaCase = await submittedCase(app.karvan.cases, app.config, principal);
  officer = await signInNewStaff(app.database.db, clock, app.client(), {
    email: "leyla@sms.gov.az",
    fullName: "Leyla Mammadova",
    agency: "SMS",
    roles: ["case_officer"],
  });
  ganjaOfficer = await signInNewStaff(app.database.db, clock, app.client(), {
    email: "elvin@ganja.sms.gov.az",
    fullName: "Elvin Hasanov",
    agency: "SMS-GANJA",
    roles: ["case_officer"],
  });
  // Four sign-ins (password hashing) and a submitted case: slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await app.close();
});

describe("asking for a correction", () => {
  let requestId: string;
  let reference: string;

  it("takes the request from the item on the case, checks the form, stores it and e-mails a receipt", async () => {
    const form = await amina.browser.get(
      `/account/my-data/corrections/new?case=${aminaCase.id}&item=answer:fullName`,
    );
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="case" value="${aminaCase.id}"`);
    expect(form.body).toMatch(/<option value="answer:fullName" selected>[^<]*About you — Full name/);
    expect(form.body).toContain('value="document:');

    const empty = await amina.browser.post("/account/my-data/corrections", {
      case: aminaCase.id,
      item: "answer:fullName",
      whatIsWrong: "  ",
      whatIsRight: "",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Enter what is wrong");
    expect(empty.body).toContain("Enter what is right");
    expect(empty.body).toContain('href="#whatIsWrong"');

    const madeUp = await amina.browser.post("/account/my-data/corrections", {
      case: aminaCase.id,
      item: "answer:salary",
      whatIsWrong: wrong,
      whatIsRight: right,
    });
    expect(madeUp.statusCode).toBe(422);
    expect(madeUp.body).toContain("Choose what is to be corrected");
    expect(madeUp.body).toContain(wrong); // what was typed is kept

    const sent = await amina.browser.post("/account/my-data/corrections", {
      case: aminaCase.id,
      item: "answer:fullName",
      whatIsWrong: wrong,
      whatIsRight: right,
    });
    expect(sent.statusCode).toBe(303);
    requestId = correctionIdFrom(location(sent));
    expect(location(sent)).toBe(`/account/my-data/corrections/${requestId}?done=sent`);
    const own = await amina.browser.get(location(sent));
    expect(own.body).toContain('data-testid="correction-sent"');
    expect(own.body).toContain("Waiting for an answer");
    reference = /Correction request (CR-\d{6})/.exec(own.body)?.[1] ?? "";
    expect(parseCorrectionReference(reference)).not.toBeNull();

    const [receipt] = mailsTo("amina@example.org");
    expect(receipt?.id).toBe(`correction-${requestId}-received`);
    expect(receipt?.subject).toContain(reference);
    expect(receipt?.text).toContain(`/account/my-data/corrections/${requestId}?lang=en`);
    // The e-mail names the request, never what it says.
    expect(receipt?.text).not.toContain("Rahimova");
    expect(await audited("correction_request.created", requestId)).toBe(1);
  });

  it("keeps the request from other people and other agencies", async () => {
    const rustam = await signInNewApplicant(app.database.db, clock, app.client(), "rustam@example.org");
    const foreign = await rustam.browser.get(`/account/my-data/corrections/${requestId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(wrong);
    const onForeignCase = await rustam.browser.get(`/account/my-data/corrections/new?case=${aminaCase.id}`);
    expect(onForeignCase.statusCode).toBe(404);
    await rustam.browser.get("/account/my-data/corrections/new");
    const postedOnForeignCase = await rustam.browser.post("/account/my-data/corrections", {
      case: aminaCase.id,
      item: "answer:fullName",
      whatIsWrong: "x",
      whatIsRight: "y",
    });
    expect(postedOnForeignCase.statusCode).toBe(404);

    const ganjaList = await ganjaOfficer.browser.get("/corrections?status=all");
    expect(ganjaList.statusCode).toBe(200);
    expect(ganjaList.body).not.toContain(reference);
    expect((await ganjaOfficer.browser.get(`/corrections/${requestId}`)).statusCode).toBe(404);
    expect(await audited("access.denied", requestId)).toBe(2);
  });

  it("lets an officer of the owning agency find it by number, refuse it with reasons, and tells the requester", async () => {
    const list = await officer.browser.get("/corrections");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/corrections"'); // the navigation entry
    expect(list.body).toContain(reference);
    const found = await officer.browser.get(`/corrections?q=${reference.toLowerCase()}`);
    expect(found.body).toContain("Requests found: 1");
    const notFound = await officer.browser.get("/corrections?q=CR-999999");
    expect(notFound.body).toContain("Requests found: 0");

    const review = await officer.browser.get(`/corrections/${requestId}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain(wrong);
    expect(review.body).toContain(`href="/cases/${aminaCase.id}"`);
    expect(review.body).toContain('data-testid="answer-form"');

    const noReasons = await officer.browser.post(`/corrections/${requestId}`, {
      outcome: "refused",
      reply: "",
    });
    expect(noReasons.statusCode).toBe(422);
    expect(noReasons.body).toContain("Enter the reasons for refusing");
    const noOutcome = await officer.browser.post(`/corrections/${requestId}`, { reply: reasons });
    expect(noOutcome.statusCode).toBe(422);

    const refused = await officer.browser.post(`/corrections/${requestId}`, {
      outcome: "refused",
      reply: reasons,
    });
    expect(refused.statusCode).toBe(303);
    expect(location(refused)).toBe(`/corrections/${requestId}?done=answered`);
    const again = await officer.browser.get(`/corrections/${requestId}`);
    expect(again.body).not.toContain('data-testid="answer-form"');
    const twice = await officer.browser.post(`/corrections/${requestId}`, {
      outcome: "corrected",
      reply: "",
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("This request has been answered already");

    const answeredMail = mailsTo("amina@example.org").at(-1);
    expect(answeredMail?.id).toBe(`correction-${requestId}-answered`);
    expect(answeredMail?.subject).toContain(reference);
    expect(answeredMail?.text).not.toContain("passport");
    expect(answeredMail?.text).not.toContain("Refused");
    expect(await audited("correction_request.answered", requestId)).toBe(1);

    const own = await amina.browser.get(`/account/my-data/corrections/${requestId}`);
    expect(own.body).toContain("Refused");
    expect(own.body).toContain(reasons);
    expect(own.body).not.toContain("Leyla");
    const mine = await amina.browser.get("/account/my-data");
    expect(mine.body).toContain(reference);
  });

  it("sends a request about the account's own details to the migration service, answered as corrected", async () => {
    const form = await amina.browser.get("/account/my-data/corrections/new?item=account:fullName");
    expect(form.body).not.toContain('name="case"');
    const sent = await amina.browser.post("/account/my-data/corrections", {
      item: "account:fullName",
      whatIsWrong: "My name lacks the patronymic",
      whatIsRight: "Amina Rauf qizi Rahimova",
    });
    expect(sent.statusCode).toBe(303);
    const id = correctionIdFrom(location(sent));
    const [row] = await queryRows<{ agency_id: string; case_id: string | null }>(
      app.database.db,
      sql`select agency_id, case_id from correction_requests where id = ${id}`,
    );
    expect(row).toEqual({ agency_id: sms, case_id: null });
    const corrected = await officer.browser.post(`/corrections/${id}`, { outcome: "corrected", reply: "" });
    expect(corrected.statusCode).toBe(303);
    const own = await amina.browser.get(`/account/my-data/corrections/${id}`);
    expect(own.body).toContain("Corrected");
    expect(mailsTo("amina@example.org").map((mail) => mail.id)).toEqual(
      expect.arrayContaining([`correction-${id}-received`, `correction-${id}-answered`]),
    );
  });
});

describe("correcting a case answer from the request", () => {
  const asked = "Amina Rahimova-Aliyeva";
  let requestId: string;
  let reference: string;

  async function fullNameOnCase(): Promise<unknown> {
    return (await loadCaseState(app.database.db, aminaCase.id))?.answers.fullName;
  }

  async function corrections(): Promise<Array<{ payload: Record<string, unknown>; actor_id: string }>> {
    return queryRows(
      app.database.db,
      sql`select payload, actor_id from case_events
          where case_id = ${aminaCase.id} and type = 'case.answers_corrected'`,
    );
  }

  beforeAll(async () => {
    const sent = await amina.browser.post("/account/my-data/corrections", {
      case: aminaCase.id,
      item: "answer:fullName",
      whatIsWrong: "My name lacks my husband's surname",
      whatIsRight: asked,
    });
    requestId = correctionIdFrom(location(sent));
    const own = await amina.browser.get(location(sent));
    reference = /Correction request (CR-\d{6})/.exec(own.body)?.[1] ?? "";
  });

  it("shows the officer the current answer and proposes the one asked for", async () => {
    const review = await officer.browser.get(`/corrections/${requestId}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toMatch(/data-testid="current-value">Amina Rahimova</);
    expect(review.body).toMatch(new RegExp(`name="value"[^>]*value="${asked}"`));
  });

  it("keeps another agency's officer from applying it, and changes nothing", async () => {
    const foreign = await ganjaOfficer.browser.post(`/corrections/${requestId}`, {
      outcome: "corrected",
      reply: "",
      value: asked,
    });
    expect(foreign.statusCode).toBe(404);
    expect(await fullNameOnCase()).toBe("Amina Rahimova");
    expect(await corrections()).toEqual([]);
  });

  it("refuses a value the question's schema refuses, on the field, and changes nothing", async () => {
    const empty = await officer.browser.post(`/corrections/${requestId}`, {
      outcome: "corrected",
      reply: "",
      value: "  ",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#value"');
    expect(empty.body).toContain("Answer this question");
    expect(await fullNameOnCase()).toBe("Amina Rahimova");
    expect(await corrections()).toEqual([]);
    const [row] = await queryRows<{ status: string }>(
      app.database.db,
      sql`select status from correction_requests where id = ${requestId}`,
    );
    expect(row?.status).toBe("open");
  });

  it("writes the corrected answer to the case, records who and why, audits it and tells the requester", async () => {
    const corrected = await officer.browser.post(`/corrections/${requestId}`, {
      outcome: "corrected",
      reply: "",
      value: asked,
    });
    expect(corrected.statusCode).toBe(303);
    expect(await fullNameOnCase()).toBe(asked);
    expect(await corrections()).toEqual([
      {
        payload: {
          answers: { fullName: asked },
          previous: { fullName: "Amina Rahimova" },
          correction: reference,
        },
        actor_id: officer.userId,
      },
    ]);
    expect(await audited("case.answers_corrected", aminaCase.id)).toBe(1);
    expect(await audited("correction_request.answered", requestId)).toBe(1);
    expect(mailsTo("amina@example.org").at(-1)?.id).toBe(`correction-${requestId}-answered`);

    const caseFile = await officer.browser.get(`/cases/${aminaCase.id}`);
    expect(caseFile.statusCode).toBe(200);
    expect(caseFile.body).toContain(asked);
    const history = await officer.browser.get(`/cases/${aminaCase.id}/history`);
    expect(history.body).toContain(`Answers corrected at request ${reference}`);
    expect(history.body).toContain(`Full name: Amina Rahimova → ${asked}`);
    const own = await amina.browser.get(`/account/my-data/corrections/${requestId}`);
    expect(own.body).toContain("Corrected");
  });
});
