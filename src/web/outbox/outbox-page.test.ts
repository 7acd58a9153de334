import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import type { TestClient } from "../../../test/support/test-client.js";
import { dataPaths } from "../../app.js";
import { createUser, systemActor } from "../../modules/access/index.js";
import { systemClock } from "../../platform/clock/index.js";
import { createMailer } from "../../platform/mail/index.js";

/** A staff member with one role, signed in by a session made directly in the database. */
async function signedInStaff(app: TestApp, role: string): Promise<TestClient> {
  const { id } = await createUser(
    { db: app.database.db, clock: systemClock, actor: systemActor },
    {
      email: `${role}.${randomBytes(3).toString("hex")}@test.karvan.az`,
      fullName: "Test Staff Member",
      password: "Orbit-lantern-Quartz-7581",
      kind: "staff",
      agency: "SMS",
      roles: [role],
    },
  );
  const token = randomBytes(32).toString("base64url");
  await app.database.raw.query(
    `insert into sessions (id_hash, user_id, mfa_passed, created_at, last_seen_at, expires_at)
     values ($1, $2, true, now(), now(), now() + interval '1 hour')`,
    [createHash("sha256").update(token).digest("hex"), id],
  );
  const client = app.client();
  client.setCookie("karvan_session", token);
  await client.get("/?lang=en");
  return client;
}

describe("demo outbox page", () => {
  let app: TestApp;
  let administrator: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    administrator = await signedInStaff(app, "administrator");
    const outbox = createMailer({
      from: "Karvan <no-reply@karvan.local>",
      outboxDir: dataPaths(app.config).outbox,
    });
    await outbox.send({
      id: "first",
      to: "amina@example.org",
      subject: "Confirm your e-mail address",
      text: [
        "Hello <b>Amina</b>,",
        "",
        `Open ${app.config.publicUrl}/verify-email?token=abc&x=1. Or do not.`,
        "Not ours: https://evil.example.com/phish and javascript:alert(1)",
      ].join("\n"),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await outbox.send({
      id: "second",
      to: "rashad@example.org",
      subject: "Şifrəni yeniləyin",
      text: "Salam",
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it("lists the messages, newest first", async () => {
    const page = await administrator.get("/demo/outbox");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sent e-mails");
    const table = page.body.slice(page.body.indexOf('data-testid="outbox-messages"'));
    expect(table.indexOf("rashad@example.org")).toBeGreaterThan(0);
    expect(table.indexOf("rashad@example.org")).toBeLessThan(table.indexOf("amina@example.org"));
    expect(page.body).toContain("Şifrəni yeniləyin");
    expect(page.body).toMatch(/href="\/demo\/outbox\/[^"]+-first\.eml"/);
  });

  it("shows a message with links to this service only, everything else escaped", async () => {
    const list = await administrator.get("/demo/outbox");
    const href = /href="(\/demo\/outbox\/[^"]+-first\.eml)"/.exec(list.body)?.[1] as string;
    const page = await administrator.get(href);
    expect(page.statusCode).toBe(200);
    const text = page.body.slice(page.body.indexOf('data-testid="outbox-message-text"'));
    const link = `${app.config.publicUrl}/verify-email?token=abc&amp;x=1`;
    expect(text).toContain(`<a class="govuk-link" href="${link}">${link}</a>. Or do not.`);
    expect(text).toContain("Hello &lt;b&gt;Amina&lt;/b&gt;,");
    expect(text).toContain("Not ours: https://evil.example.com/phish and javascript:alert(1)");
    expect(text).not.toContain('href="https://evil.example.com');
    expect(page.body).toContain("amina@example.org");

    const { rows } = await app.database.raw.query<{ entity_id: string }>(
      "select entity_id from audit_records where action = 'mail.outbox.read'",
    );
    expect(rows.map((row) => row.entity_id)).toEqual([href.split("/").at(-1)]);
  });

  it("answers 404 for a message that does not exist or a name outside the outbox", async () => {
    expect((await administrator.get("/demo/outbox/nothing.eml")).statusCode).toBe(404);
    expect((await administrator.get("/demo/outbox/..%2Fkarvan.lock")).statusCode).toBe(404);
    expect((await administrator.get("/demo/outbox/..%2Flocal-secrets.json")).statusCode).toBe(404);
  });

  it("refuses staff without mail.outbox.read and sends visitors to sign in", async () => {
    const caseOfficer = await signedInStaff(app, "case_officer");
    expect((await caseOfficer.get("/demo/outbox")).statusCode).toBe(403);
    const visitor = await app.client().get("/demo/outbox");
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe("/sign-in?next=%2Fdemo%2Foutbox");
  });
});

describe("outbox page outside demo mode", () => {
  it("does not exist", async () => {
    const app = await createTestApp({ env: { KARVAN_DEMO: "false" } });
    try {
      const administrator = await signedInStaff(app, "administrator");
      expect((await administrator.get("/demo/outbox")).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
