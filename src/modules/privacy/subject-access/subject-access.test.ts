import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { createLocalDocuments } from "../../../platform/files/index.js";
import { findAgencyByCode, type Principal } from "../../access/index.js";
import { addNote, type CaseState, sendMessage } from "../../cases/index.js";
import { signInNewApplicant } from "../../cases/portal/portal-test-bed.js";
import {
  contextOf,
  signInNewStaff,
  staffPrincipal,
  submittedCase,
  workspaceSample,
} from "../../cases/workspace/workspace-test-bed.js";
import { archivesPerHour } from "./subject-access-routes.js";

const clock = new ManualClock("2026-02-02T06:00:00Z"); // Monday, 10:00 in Baku
let app: TestApp;
let sms: string;
let amina: { browser: TestClient; userId: string; principal: Principal };
let officer: { browser: TestClient; userId: string };
let aminaCase: CaseState;

const officerMessage = "Please send a clearer scan of your passport.";
const officerNote = "Employer called; contract looks genuine.";

function publicPrincipal(userId: string, email: string, fullName: string): Principal {
  return {
    userId,
    email,
    fullName,
    kind: "public",
    agencyId: null,
    roles: ["applicant"],
    permissions: new Set(["portal.apply"]),
    locale: "en",
  };
}

async function newPerson(email: string, fullName: string) {
  const signedIn = await signInNewApplicant(app.database.db, clock, app.client(), email);
  await app.database.db.execute(sql`update users set full_name = ${fullName} where id = ${signedIn.userId}`);
  return { ...signedIn, principal: publicPrincipal(signedIn.userId, email, fullName) };
}

async function archiveOf(response: LightMyRequestResponse): Promise<JSZip> {
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe("application/zip");
  return JSZip.loadAsync(response.rawPayload);
}

async function download(browser: TestClient): Promise<LightMyRequestResponse> {
  await browser.get("/account/my-data");
  return browser.post("/account/my-data/archive");
}

async function auditCount(action: string, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from audit_records where action = ${action} and actor_id = ${userId}`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = await createTestApp({ clock, caseTypes: [workspaceSample] });
  sms = (await findAgencyByCode(app.database.db, "SMS"))?.id as string;
  amina = await newPerson("amina@example.org", "Amina Rahimova");
  officer = await signInNewStaff(app.database.db, clock, app.client(), {
    email: "leyla@sms.gov.az",
    fullName: "Leyla Mammadova",
    agency: "SMS",
    roles: ["case_officer"],
  });
  aminaCase = await submittedCase(app.karvan.cases, app.config, amina.principal);
  const processing = contextOf(
    app.karvan.cases,
    staffPrincipal(officer.userId, sms, ["cases.read", "cases.process"]),
  );
  await sendMessage(processing, aminaCase.id, officerMessage);
  await addNote(processing, aminaCase.id, officerNote);
  // The officer opens the case file: the audit trail records the read.
  const opened = await officer.browser.get(`/cases/${aminaCase.id}`);
  expect(opened.statusCode).toBe(200);
  // Three sign-ins (password hashing) and a submitted case: slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await app.close();
});

describe("a person's own data", () => {
  it("lists the account, the application and who at which agency opened it, without the officer's name", async () => {
    const page = await amina.browser.get("/account/my-data");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain("Your data");
    expect(page.body).toContain("Amina Rahimova");
    expect(page.body).toContain("amina@example.org");
    expect(page.body).toContain(`href="/account/my-data/cases/${aminaCase.id}"`);
    expect(page.body).toContain(aminaCase.number);
    const accesses = page.body.slice(page.body.indexOf('data-testid="accesses"'));
    expect(accesses).toContain("Case file viewed");
    expect(accesses).toContain("State Migration Service, Case officer");
    expect(page.body).not.toContain("Leyla");
    expect(page.body).toContain('action="/account/my-data/archive"');

    const account = await amina.browser.get("/account");
    expect(account.body).toContain('href="/account/my-data"');
    expect(await auditCount("privacy.data_viewed", amina.userId)).toBeGreaterThan(0);
  });

  it("shows one application in full: answers, documents, the message, counts of what is withheld", async () => {
    const page = await amina.browser.get(`/account/my-data/cases/${aminaCase.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Amina Rahimova");
    expect(page.body).toContain("U12345678");
    expect(page.body).toContain("passport.pdf");
    expect(page.body).toContain(officerMessage);
    expect(page.body).toContain("Internal notes: 1");
    expect(page.body).not.toContain(officerNote);
    expect(page.body).toContain(
      `href="/account/my-data/corrections/new?case=${aminaCase.id}&amp;item=answer:fullName"`,
    );
  });

  it("downloads everything as a ZIP: data.json with answers, documents as files, the message and the officer's view", async () => {
    const before = await auditCount("privacy.archive_downloaded", amina.userId);
    const response = await download(amina.browser);
    expect(String(response.headers["content-disposition"])).toMatch(
      /^attachment; filename="karvan-my-data-2026-02-02\.zip"/,
    );
    expect(response.headers["cache-control"]).toContain("no-store");
    const zip = await archiveOf(response);
    const data = JSON.parse((await zip.file("data.json")?.async("string")) ?? "{}");
    expect(data.schema).toBe("karvan.subject-access/1");
    expect(data.account.email).toBe("amina@example.org");
    expect(JSON.stringify(data.account)).not.toMatch(/password_?hash|argon2/i);
    // The browser she signed in with is listed, without the device id its cookie holds.
    expect(data.account.knownDevices).toHaveLength(1);
    expect(Object.keys(data.account.knownDevices[0]).sort()).toEqual([
      "browser",
      "firstUsedAt",
      "lastUsedAt",
      "platform",
    ]);
    const [record] = data.cases;
    expect(record.number).toBe(aminaCase.number);
    expect(record.answers).toMatchObject({ fullName: "Amina Rahimova", passportNumber: "U12345678" });
    expect(record.answeredPages[0].questions[0]).toMatchObject({ name: "fullName", label: "Full name" });
    expect(record.messages).toEqual([
      expect.objectContaining({ kind: "message", from: "agency", text: officerMessage }),
    ]);
    expect(record.withheld.internalNotes).toBe(1);
    expect(JSON.stringify(data)).not.toContain(officerNote);

    // The documents, decrypted, byte for byte what was uploaded (the store's own copy).
    expect(record.documents).toHaveLength(2);
    for (const document of record.documents) {
      expect(document.missing).toBe(false);
      const file = await zip.file(document.archivePath)?.async("nodebuffer");
      const stored = await createLocalDocuments(app.config, clock).readDocument(document.documentId);
      expect(file?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(file?.equals(stored)).toBe(true);
    }

    const views = data.accessByOthers.filter(
      (entry: { action: string; entityId: string }) =>
        entry.action === "case.viewed" && entry.entityId === aminaCase.id,
    );
    expect(views.length).toBeGreaterThan(0);
    expect(views[0]).toMatchObject({
      actor: "staff",
      agency: { code: "SMS" },
      roles: [expect.objectContaining({ code: "case_officer" })],
      caseNumber: aminaCase.number,
    });
    // The person's own reads are theirs, not "access by others".
    const actions = data.accessByOthers.map((entry: { action: string }) => entry.action);
    expect(actions).not.toContain("privacy.data_viewed");
    expect(actions).not.toContain("case.list_viewed");
    // Nothing in the archive names the officer.
    for (const name of Object.keys(zip.files)) {
      const content = await zip.file(name)?.async("string");
      expect(content ?? "").not.toContain("Leyla");
      expect(content ?? "").not.toContain("leyla@sms.gov.az");
    }
    const readme = await zip.file("README.txt")?.async("string");
    expect(readme).toContain("Karvan: your data");
    expect(await auditCount("privacy.archive_downloaded", amina.userId)).toBe(before + 1);
  });

  it("writes the archive's README in the person's language", async () => {
    amina.browser.setCookie("karvan_lang", "ru");
    try {
      const zip = await archiveOf(await download(amina.browser));
      expect(await zip.file("README.txt")?.async("string")).toContain("Karvan: ваши данные");
      const data = JSON.parse((await zip.file("data.json")?.async("string")) ?? "{}");
      expect(data.language).toBe("ru");
      expect(data.cases[0].answeredPages[0].questions[0].label).toBe("Полное имя");
    } finally {
      amina.browser.setCookie("karvan_lang", "en");
    }
  });

  it("gives another person only their own data: someone else's case is not found, their archive holds nothing of Amina", async () => {
    const other = await newPerson("rustam@example.org", "Rustam Karimov");
    const foreign = await other.browser.get(`/account/my-data/cases/${aminaCase.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain("Amina");
    const [denied] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records
          where action = 'access.denied' and actor_id = ${other.userId} and entity_id = ${aminaCase.id}`,
    );
    expect(denied?.n).toBe(1);

    const zip = await archiveOf(await download(other.browser));
    const data = JSON.parse((await zip.file("data.json")?.async("string")) ?? "{}");
    expect(data.account.email).toBe("rustam@example.org");
    expect(data.cases).toEqual([]);
    expect(Object.keys(zip.files).filter((name) => name.startsWith("documents/"))).toEqual([]);
    const everything = (await zip.file("data.json")?.async("string")) ?? "";
    expect(everything).not.toContain("Amina");
    expect(everything).not.toContain(aminaCase.number);
    // Only what others did to his own account: Karvan created it.
    expect(data.accessByOthers).toEqual([
      expect.objectContaining({ action: "user.created", actor: "system", entityId: other.userId }),
    ]);
  });

  it("refuses a download without the form's CSRF token, and more than the hourly allowance", async () => {
    const person = await newPerson("farid@example.org", "Farid Aliyev");
    await person.browser.get("/account/my-data");
    const forged = await person.browser.post("/account/my-data/archive", {}, { csrf: false });
    expect(forged.statusCode).toBe(403);
    for (let n = 0; n < archivesPerHour; n++) expect((await download(person.browser)).statusCode).toBe(200);
    const refused = await download(person.browser);
    expect(refused.statusCode).toBe(429);
    // One person's allowance is theirs alone.
    const neighbour = await newPerson("sabina@example.org", "Sabina Huseynova");
    expect((await download(neighbour.browser)).statusCode).toBe(200);
  });

  it("keeps the pages for signed-in members of the public", async () => {
    const anonymous = await app.client().get("/account/my-data");
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toContain("/sign-in");
    const staff = await officer.browser.get("/account/my-data");
    expect(staff.statusCode).toBe(303);
    expect(staff.headers.location).toBe("/staff");
  });
});
