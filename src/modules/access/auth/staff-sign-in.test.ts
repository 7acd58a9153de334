import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { clientOnAddress, type TestClient } from "../../../../test/support/test-client.js";
import { listDemoAccounts, seedDemoUsers } from "../../../demo/index.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { createUser } from "../create-user.js";
import { mfaSecretBox } from "../mfa-secret.js";
import { systemActor } from "../principal.js";
import { users } from "../schema.js";
import { currentTotpCode, newTotpSecret } from "../totp.js";

const password = "harbour-violet-thunder-31";

describe("staff sign-in with a second factor", () => {
  const clock = new ManualClock("2026-02-02T08:00:00Z");
  let app: TestApp;
  let lastAddress = 0;

  beforeAll(async () => {
    app = await createTestApp({ clock });
  });
  afterAll(async () => {
    await app.close();
  });

  function browser(): TestClient {
    lastAddress += 1;
    return clientOnAddress(app.karvan.server, `10.1.0.${lastAddress}`);
  }

  async function createStaff(email: string, options: { enrolled: boolean }) {
    const { id } = await createUser(
      { db: app.database.db, clock, actor: systemActor },
      {
        email,
        fullName: "Leyla Mammadova",
        password,
        kind: "staff",
        agency: "SMS",
        roles: ["case_officer"],
        status: "active",
      },
    );
    if (!options.enrolled) return { id, secret: "" };
    const secret = newTotpSecret();
    await app.database.db
      .update(users)
      .set({ mfaSecretEncrypted: mfaSecretBox(app.config.fileKey).seal(secret), mfaEnabledAt: clock.now() })
      .where(eq(users.id, id));
    return { id, secret };
  }

  async function signInWithPassword(client: TestClient, email: string, secret = password) {
    await client.get("/sign-in");
    return client.post("/sign-in", { email, password: secret });
  }

  async function enterCode(client: TestClient, code: string) {
    await client.get("/sign-in/code");
    return client.post("/sign-in/code", { code });
  }

  async function signedInStaff(email: string, secret: string): Promise<TestClient> {
    const client = browser();
    await signInWithPassword(client, email);
    const done = await enterCode(client, await currentTotpCode(secret, clock));
    expect(done.headers.location).toBe("/staff");
    return client;
  }

  async function auditActions(userId: string): Promise<string[]> {
    const rows = await queryRows<{ action: string }>(
      app.database.db,
      sql`select action from audit_records where entity_id = ${userId} order by id`,
    );
    return rows.map((row) => row.action);
  }

  it("asks staff for the authenticator code after the password and starts a new session on success", async () => {
    const { id, secret } = await createStaff("officer@sms.example", { enrolled: true });
    const client = browser();
    const password = await signInWithPassword(client, "officer@sms.example");
    expect(password.statusCode).toBe(303);
    expect(password.headers.location).toBe("/sign-in/code");
    const pendingCookie = client.cookie("karvan_session");
    expect(pendingCookie).toBeDefined();

    const notYet = await client.get("/staff");
    expect(notYet.statusCode).toBe(303);
    expect(notYet.headers.location).toMatch(/^\/sign-in/);

    const page = await client.get("/sign-in/code");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('autocomplete="one-time-code"');
    const wrong = await client.post("/sign-in/code", { code: "000000" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('href="#code"');

    const right = await client.post("/sign-in/code", { code: await currentTotpCode(secret, clock) });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe("/staff");
    const fullCookie = client.cookie("karvan_session");
    expect(fullCookie).not.toBe(pendingCookie);
    expect((await client.get("/staff")).statusCode).toBe(200);
    expect((await client.get("/account")).headers.location).toBe("/staff");

    const stale = browser();
    stale.setCookie("karvan_session", pendingCookie ?? "");
    expect((await stale.get("/sign-in/code")).headers.location).toBe("/sign-in");
    expect(await auditActions(id)).toEqual(expect.arrayContaining(["auth.mfa_failed", "auth.sign_in"]));
  });

  it("refuses a code that was already used, even in a new sign-in", async () => {
    const { id, secret } = await createStaff("replay@sms.example", { enrolled: true });
    const code = await currentTotpCode(secret, clock);
    const first = browser();
    await signInWithPassword(first, "replay@sms.example");
    expect((await enterCode(first, code)).headers.location).toBe("/staff");

    const second = browser();
    await signInWithPassword(second, "replay@sms.example");
    const replayed = await enterCode(second, code);
    expect(replayed.statusCode).toBe(422);
    const [failure] = await queryRows<{ reason: string }>(
      app.database.db,
      sql`select details->>'reason' as reason from audit_records
          where entity_id = ${id} and action = 'auth.mfa_failed' order by id desc limit 1`,
    );
    expect(failure?.reason).toBe("replayed");

    clock.advance(30_000);
    expect((await enterCode(second, await currentTotpCode(secret, clock))).headers.location).toBe("/staff");
  });

  it("sets up the authenticator app at the first sign-in and shows 10 single-use recovery codes once", async () => {
    const { id } = await createStaff("newcomer@sms.example", { enrolled: false });
    const client = browser();
    await client.get("/sign-in?lang=en");
    const afterPassword = await signInWithPassword(client, "newcomer@sms.example");
    expect(afterPassword.headers.location).toBe("/sign-in/set-up-code");
    expect((await client.get("/sign-in/code")).headers.location).toBe("/sign-in/set-up-code");

    const setUp = await client.get("/sign-in/set-up-code");
    expect(setUp.statusCode).toBe(200);
    expect(setUp.body).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
    const secret = (/data-testid="mfa-secret">([A-Z2-7 ]+)</.exec(setUp.body)?.[1] ?? "").replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const reloaded = await client.get("/sign-in/set-up-code");
    expect(reloaded.body).toContain(secret.slice(0, 4));

    const wrong = await client.post("/sign-in/set-up-code", { code: "123456" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("The code is not correct");
    expect((await client.get("/staff")).statusCode).toBe(303);

    const pendingCookie = client.cookie("karvan_session");
    const enrolled = await client.post("/sign-in/set-up-code", {
      code: await currentTotpCode(secret, clock),
    });
    expect(enrolled.statusCode).toBe(200);
    const codes = [
      ...enrolled.body.matchAll(/<strong class="karvan-code">([a-z2-9]{5}-[a-z2-9]{5})<\/strong>/g),
    ].map((match) => match[1] ?? "");
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(client.cookie("karvan_session")).not.toBe(pendingCookie);
    expect((await client.get("/staff")).statusCode).toBe(200);
    const stored = await queryRows<{ code_hash: string }>(
      app.database.db,
      sql`select code_hash from recovery_codes where user_id = ${id}`,
    );
    expect(stored).toHaveLength(10);
    expect(stored.every((row) => !codes.some((code) => row.code_hash.includes(code.replace("-", ""))))).toBe(
      true,
    );
    expect(await auditActions(id)).toContain("auth.mfa_enrolled");

    await client.post("/sign-out");
    clock.advance(30_000);
    const withRecovery = browser();
    expect((await signInWithPassword(withRecovery, "newcomer@sms.example")).headers.location).toBe(
      "/sign-in/code",
    );
    const recovered = await enterCode(withRecovery, (codes[3] ?? "").toUpperCase().replace("-", " "));
    expect(recovered.headers.location).toBe("/staff");
    expect(await auditActions(id)).toContain("auth.recovery_code_used");

    const again = browser();
    await signInWithPassword(again, "newcomer@sms.example");
    expect((await enterCode(again, codes[3] ?? "")).statusCode).toBe(422);
    expect((await enterCode(again, codes[4] ?? "")).headers.location).toBe("/staff");
  });

  it("makes code guesses wait after 5 wrong codes, also for the right code, never holding back the owner elsewhere", async () => {
    const { id, secret } = await createStaff("guessing@sms.example", { enrolled: true });
    const owner = await signedInStaff("guessing@sms.example", secret);
    clock.advance(30_000);
    const client = browser();
    await signInWithPassword(client, "guessing@sms.example");
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await enterCode(client, `00000${attempt}`)).statusCode).toBe(422);
    }
    const fifth = await enterCode(client, "000005");
    expect(fifth.statusCode).toBe(429);
    const right = await enterCode(client, await currentTotpCode(secret, clock));
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain("Şəbəkənizdən həddindən çox səhv kod daxil edilib");
    expect(await auditActions(id)).toContain("auth.locked_out");
    // Whoever knows the password is guessing codes: the owner is told, with an unlock link.
    await app.karvan.access.mailRequests.settled();
    expect(app.mailer.linkTo("guessing@sms.example")).toMatch(/^\/sign-in\/unlock\?token=/);
    // The owner's own browser (a known device) signs in with the password and a fresh code.
    clock.advance(30_000);
    await owner.get("/staff");
    await owner.post("/sign-out");
    await signInWithPassword(owner, "guessing@sms.example");
    expect((await enterCode(owner, await currentTotpCode(secret, clock))).headers.location).toBe("/staff");

    clock.advance(15 * 60_000 + 1000);
    const later = browser();
    await signInWithPassword(later, "guessing@sms.example");
    expect((await enterCode(later, await currentTotpCode(secret, clock))).headers.location).toBe("/staff");
  });

  it("ends a staff session after 15 idle minutes", async () => {
    const { secret } = await createStaff("idle@sms.example", { enrolled: true });
    const client = await signedInStaff("idle@sms.example", secret);
    clock.advance(14 * 60_000);
    expect((await client.get("/staff")).statusCode).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    const expired = await client.get("/staff");
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe("/sign-in?next=%2Fstaff");
  });

  it("asks staff for a current code when resetting the password, and keeps the code at the next sign-in", async () => {
    const { id, secret } = await createStaff("reset@sms.example", { enrolled: true });
    const signedIn = await signedInStaff("reset@sms.example", secret);
    clock.advance(30_000);

    const client = browser();
    await client.get("/forgot-password");
    await client.post("/forgot-password", { email: "reset@sms.example" });
    await app.karvan.access.mailRequests.settled();
    const link = app.mailer.linkTo("reset@sms.example");
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";
    const form = await client.get(link);
    expect(form.body).toContain('name="code"');
    expect(form.body).toContain('autocomplete="one-time-code"');

    const newPassword = "meadow-compass-fifty-lamps";
    const fields = { token, password: newPassword, confirmPassword: newPassword };
    const withoutCode = await client.post("/reset-password", fields);
    expect(withoutCode.statusCode).toBe(422);
    expect(withoutCode.body).toContain('href="#code"');
    const wrongCode = await client.post("/reset-password", { ...fields, code: "999999" });
    expect(wrongCode.statusCode).toBe(422);
    expect((await signedIn.get("/staff")).statusCode).toBe(200);

    const reset = await client.post("/reset-password", {
      ...fields,
      code: await currentTotpCode(secret, clock),
    });
    expect(reset.headers.location).toBe("/sign-in?passwordReset=1");
    expect((await signedIn.get("/staff")).statusCode).toBe(303);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(["auth.mfa_failed", "auth.password_reset"]),
    );

    clock.advance(30_000);
    const next = browser();
    const afterReset = await signInWithPassword(next, "reset@sms.example", newPassword);
    expect(afterReset.headers.location).toBe("/sign-in/code");
    expect((await next.get("/staff")).statusCode).toBe(303);
    expect((await enterCode(next, await currentTotpCode(secret, clock))).headers.location).toBe("/staff");
  });

  it("regenerates recovery codes for signed-in staff after a fresh code", async () => {
    const { id, secret } = await createStaff("codes@sms.example", { enrolled: true });
    const client = await signedInStaff("codes@sms.example", secret);
    const page = await client.get("/staff/recovery-codes");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="unused-codes"');
    const replay = await client.post("/staff/recovery-codes", { code: await currentTotpCode(secret, clock) });
    expect(replay.statusCode).toBe(422);
    clock.advance(30_000);
    const created = await client.post("/staff/recovery-codes", {
      code: await currentTotpCode(secret, clock),
    });
    expect(created.statusCode).toBe(200);
    expect(created.body.match(/class="karvan-code">[a-z2-9]{5}-[a-z2-9]{5}</g)).toHaveLength(10);
    expect(await auditActions(id)).toContain("auth.recovery_codes_regenerated");
  });

  it("signs in a seeded demo staff account with its printed secret", async () => {
    await seedDemoUsers(app.database.db, clock, app.config.fileKey);
    const approver = (await listDemoAccounts(app.database.db, app.config.fileKey)).find(
      (account) => account.role === "approver",
    );
    expect(approver?.totpSecret).toBeTruthy();
    const client = browser();
    await client.get("/sign-in");
    await client.post("/sign-in", { email: approver?.email ?? "", password: approver?.password ?? "" });
    clock.advance(30_000);
    const done = await enterCode(client, await currentTotpCode(approver?.totpSecret ?? "", clock));
    expect(done.headers.location).toBe("/staff");
  });
});
