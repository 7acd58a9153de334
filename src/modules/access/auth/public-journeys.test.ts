import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { clientOnAddress, type TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { attemptKeyFor, delayMinutesAfter, throttleRules } from "./sign-in-throttle.js";

const password = "river-lantern-copper-47";

describe("public sign-up, sign-in, sessions and password reset", () => {
  const clock = new ManualClock("2026-01-15T09:00:00Z");
  let app: TestApp;
  let lastAddress = 0;

  beforeAll(async () => {
    app = await createTestApp({ clock });
  });
  afterAll(async () => {
    await app.close();
  });

  /** A browser on its own network address, so the per-address rate limits do not mix tests. */
  function browser(): TestClient {
    lastAddress += 1;
    return clientOnAddress(
      app.karvan.server,
      `10.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`,
    );
  }

  /** Posts the sign-up form without waiting for the e-mail it asks for. */
  async function postSignUp(client: TestClient, email: string, fields: Record<string, string> = {}) {
    await client.get("/sign-up");
    return client.post("/sign-up", {
      fullName: "Amina Rahimova",
      email,
      password,
      confirmPassword: password,
      ...fields,
    });
  }

  /** Signs up and waits for the e-mail the job sends. */
  async function signUp(client: TestClient, email: string, fields: Record<string, string> = {}) {
    const response = await postSignUp(client, email, fields);
    await app.karvan.access.mailRequests.settled();
    return response;
  }

  async function signIn(client: TestClient, email: string, secret = password, next?: string) {
    await client.get(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
    return client.post("/sign-in", { email, password: secret, ...(next ? { next } : {}) });
  }

  /** Signs up, follows the link in the e-mail and returns a signed-in browser. */
  async function activeApplicant(email: string): Promise<TestClient> {
    const client = browser();
    await signUp(client, email);
    await client.get(app.mailer.linkTo(email));
    const response = await signIn(client, email);
    expect(response.headers.location).toBe("/account");
    return client;
  }

  async function auditActions(userEmail: string): Promise<string[]> {
    const rows = await queryRows<{ action: string }>(
      app.database.db,
      sql`select a.action from audit_records a join users u on a.entity_id = u.id::text
          where lower(u.email) = ${userEmail} order by a.id`,
    );
    return rows.map((row) => row.action);
  }

  it("signs up, confirms the e-mail address by link and signs in", async () => {
    const client = browser();
    await client.get("/sign-up?lang=en");
    const signedUp = await signUp(client, "amina@example.com");
    expect(signedUp.statusCode).toBe(303);
    expect(signedUp.headers.location).toBe("/sign-up/check-email");
    expect((await client.get("/sign-up/check-email")).body).toContain("Check your e-mail");

    const mail = app.mailer.lastTo("amina@example.com");
    expect(mail?.subject).toBe("Confirm your e-mail address for Karvan");
    expect(mail?.text).toContain("Hello Amina Rahimova");
    const link = app.mailer.linkTo("amina@example.com");
    expect(link).toMatch(/^\/verify-email\?token=[\w-]{43}$/);
    const [stored] = await queryRows<{ token_hash: string; expires_at: Date }>(
      app.database.db,
      sql`select token_hash, expires_at from email_tokens where purpose = 'verify_email'`,
    );
    expect(stored?.token_hash).not.toContain(link.split("=")[1] ?? "none");
    expect(new Date(stored?.expires_at ?? 0).getTime() - clock.now().getTime()).toBe(24 * 3600_000);

    const unverified = await signIn(client, "amina@example.com");
    expect(unverified.statusCode).toBe(422);
    expect(unverified.body).toContain("You need to confirm your e-mail address before you can sign in");
    expect(unverified.body).toContain('href="/verify-email/resend"');

    const verified = await client.get(link);
    expect(verified.body).toContain("Your e-mail address is confirmed");
    expect((await client.get(link)).body).toContain("This confirmation link does not work");

    const signedIn = await signIn(client, "Amina@Example.com ");
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe("/account");
    const account = await client.get("/account");
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain("amina@example.com");
    expect(account.body).toContain("Applicant");
    expect(account.body).not.toContain("/account/api-keys");
    expect(await auditActions("amina@example.com")).toEqual(
      expect.arrayContaining(["auth.sign_up", "auth.email_verified", "auth.sign_in_failed", "auth.sign_in"]),
    );
  });

  it("gives the host/employer role to those who register guests or employ foreign workers", async () => {
    const client = browser();
    await client.get("/sign-up?lang=en");
    await signUp(client, "hotel@example.com", { hostOrEmployer: "yes", fullName: "Caspian Hotel" });
    await client.get(app.mailer.linkTo("hotel@example.com"));
    await signIn(client, "hotel@example.com");
    const account = await client.get("/account");
    expect(account.body).toContain("Host / employer");
    expect(account.body).toContain('href="/account/api-keys"');
  });

  it("writes the e-mail in the language the person signed up in", async () => {
    const client = browser();
    await client.get("/sign-up?lang=ru");
    await signUp(client, "rustam@example.com");
    expect(app.mailer.lastTo("rustam@example.com")?.subject).toBe(
      "Подтвердите адрес электронной почты для Karvan",
    );
    const azerbaijani = browser();
    await signUp(azerbaijani, "aysel@example.com");
    expect(app.mailer.lastTo("aysel@example.com")?.subject).toBe("Karvan üçün e-poçt ünvanınızı təsdiqləyin");
  });

  it("answers the same for an address that is already registered, and mails its owner instead", async () => {
    await activeApplicant("taken@example.com");
    const client = browser();
    const again = await signUp(client, "TAKEN@example.com", { fullName: "Someone Else" });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe("/sign-up/check-email");
    expect(app.mailer.lastTo("taken@example.com")?.subject).toBe("Sizin artıq Karvan hesabınız var");
    expect(app.mailer.linkTo("taken@example.com")).toBe("/sign-in");
    const [count] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from users where lower(email) = 'taken@example.com'`,
    );
    expect(count?.n).toBe(1);
  });

  it("shows form errors at the fields and in the summary, keeping what was typed except passwords", async () => {
    const client = browser();
    await client.get("/sign-up?lang=en");
    await client.get("/sign-up");
    const response = await client.post("/sign-up", {
      fullName: "Leyla Mammadova",
      email: "not-an-address",
      password: "short",
      confirmPassword: "short",
      hostOrEmployer: "yes",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("There is a problem");
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain("Enter an e-mail address in the correct format");
    expect(response.body).toContain("Password must be 12 characters or more");
    expect(response.body).toContain('value="Leyla Mammadova"');
    expect(response.body).toContain('value="not-an-address"');
    expect(response.body).not.toContain('value="short"');
    expect(response.body).toMatch(/name="hostOrEmployer" type="checkbox" value="yes" checked/);
    expect(response.body).toContain('autocomplete="new-password"');

    const mismatch = await client.post("/sign-up", {
      fullName: "Leyla Mammadova",
      email: "leyla@example.com",
      password,
      confirmPassword: `${password}x`,
    });
    expect(mismatch.body).toContain("The passwords do not match");

    const disguised = await client.post("/sign-up", {
      fullName: "Leyla \u202Eavodammam",
      email: "leyla@example.com",
      password,
      confirmPassword: password,
    });
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('href="#fullName"');
    expect(disguised.body).toContain("Full name must not contain hidden or control characters");
    expect(disguised.body).toContain('value="leyla@example.com"');
    const marked = await client.post("/sign-up", {
      fullName: "Leyla\u200F Mammadova",
      email: "leyla@example.com",
      password,
      confirmPassword: password,
    });
    expect(marked.statusCode).toBe(422);
    expect(marked.body).toContain("or marks that change the direction of text");
    expect(app.mailer.lastTo("leyla@example.com")).toBeUndefined();
  });

  it("sends a new verification link on request; the old link stops working and links expire after 24 hours", async () => {
    const client = browser();
    await signUp(client, "late@example.com");
    const first = app.mailer.linkTo("late@example.com");
    await client.get("/verify-email/resend");
    const resent = await client.post("/verify-email/resend", { email: "late@example.com" });
    expect(resent.headers.location).toBe("/verify-email/resend/sent");
    const unknown = await client.post("/verify-email/resend", { email: "nobody-here@example.com" });
    expect(unknown.headers.location).toBe("/verify-email/resend/sent");
    await app.karvan.access.mailRequests.settled();
    const second = app.mailer.linkTo("late@example.com");
    expect(second).not.toBe(first);
    expect((await client.get(first)).body).toContain("verify-email/resend");
    clock.advance(24 * 3600_000 + 60_000);
    const expired = await client.get(second);
    expect(expired.body).not.toContain('class="govuk-panel');
    const [user] = await queryRows<{ status: string }>(
      app.database.db,
      sql`select status from users where email = 'late@example.com'`,
    );
    expect(user?.status).toBe("pending_verification");
  });

  it("answers a wrong password and an unknown address the same way, and keeps no typed address", async () => {
    await activeApplicant("known@example.com");
    const wrong = await signIn(browser(), "known@example.com", "not-the-password-at-all");
    const unknown = await signIn(browser(), "nobody@example.com", "not-the-password-at-all");
    expect(wrong.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    const message = (body: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1];
    expect(message(wrong.body)).toBeDefined();
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.body).not.toContain("not-the-password-at-all");
    expect(wrong.body).toContain('autocomplete="current-password"');
    const audits = await queryRows<{ details: string }>(
      app.database.db,
      sql`select coalesce(details::text, '') as details from audit_records where action = 'auth.sign_in_failed'`,
    );
    expect(audits.some((row) => row.details.includes("unknown_account"))).toBe(true);
    expect(audits.every((row) => !row.details.includes("nobody@example.com"))).toBe(true);
    const [dump] = await queryRows<{ text: string }>(
      app.database.db,
      sql`select string_agg(coalesce(details::text, '') || coalesce(entity_id, ''), ' ') as text from audit_records`,
    );
    expect(dump?.text).not.toContain("nobody@example.com");
    expect(dump?.text).not.toContain("not-the-password-at-all");
  });

  /** The text of the error summary, to compare answers for different addresses. */
  const errorSummary = (body: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1];

  it("slows guesses from one network with growing delays, answering the same for an unknown address, and never locks the owner out", async () => {
    await activeApplicant("guessed@example.com");
    const attacker = browser();
    const prober = browser();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await signIn(attacker, "guessed@example.com", `wrong-guess-${attempt}`)).statusCode).toBe(422);
      expect((await signIn(prober, "nobody-at-all@example.com", `wrong-guess-${attempt}`)).statusCode).toBe(
        422,
      );
    }
    const fifth = await signIn(attacker, "guessed@example.com", "wrong-guess-5");
    expect(fifth.statusCode).toBe(429);
    expect(fifth.body).toContain("bu e-poçt ünvanı ilə daxil olmaq üçün həddindən çox cəhd edilib. 1 dəqiqə");
    const unknownFifth = await signIn(prober, "nobody-at-all@example.com", "wrong-guess-5");
    expect(unknownFifth.statusCode).toBe(429);
    expect(errorSummary(unknownFifth.body)).toBe(errorSummary(fifth.body));
    // While it waits, the right password is not even checked from there.
    const rightPassword = await signIn(attacker, "guessed@example.com");
    expect(rightPassword.statusCode).toBe(429);
    expect(rightPassword.headers["set-cookie"] ?? "").not.toContain("karvan_session=");
    expect(await auditActions("guessed@example.com")).toContain("auth.locked_out");
    // The owner, anywhere else, is not locked out.
    expect((await signIn(browser(), "guessed@example.com")).headers.location).toBe("/account");

    // Each further failure doubles the wait: 1, 2, 4 minutes...
    clock.advance(60_000 + 1000);
    expect((await signIn(attacker, "guessed@example.com", "wrong-guess-6")).body).toContain("2 dəqiqə");
    clock.advance(2 * 60_000 + 1000);
    expect((await signIn(attacker, "guessed@example.com", "wrong-guess-7")).body).toContain("4 dəqiqə");
    expect(delayMinutesAfter(4)).toBe(0);
    expect(delayMinutesAfter(8)).toBe(8);
    expect(delayMinutesAfter(40)).toBe(throttleRules.maxDelayMinutes);
    clock.advance(4 * 60_000 + 1000);
    expect((await signIn(attacker, "guessed@example.com")).headers.location).toBe("/account");

    // The owner was told once, with an unlock link; the unknown address led to no e-mail at all.
    await app.karvan.access.mailRequests.settled();
    const unlockMails = app.mailer.messages.filter(
      (mail) => mail.to === "guessed@example.com" && mail.subject.includes("çoxlu cəhdlər"),
    );
    expect(unlockMails).toHaveLength(1);
    expect(app.mailer.lastTo("nobody-at-all@example.com")).toBeUndefined();
  });

  it("holds the account at 100 failures an hour from unknown places, but lets the owner in from a known device or by the e-mailed link", async () => {
    const owner = await activeApplicant("hammered@example.com");
    await owner.get("/account");
    expect((await owner.post("/sign-out")).statusCode).toBe(303);
    // 99 failures from many addresses between 59 and 20 minutes ago: each too slow for the delays.
    const now = clock.now().getTime();
    const { subject } = await attemptKeyFor(
      { db: app.database.db, config: app.config, ip: "10.9.9.9" },
      "Hammered@Example.com ",
      null,
    );
    for (let index = 0; index < 99; index += 1) {
      const at = new Date(now - 59 * 60_000 + index * 23_000);
      await app.database.db.execute(
        sql`insert into sign_in_attempts (kind, succeeded, ip, at, subject, source)
            values ('password', false, ${`10.9.${index}.9`}, ${at.toISOString()}, ${subject}, ${`ip:10.9.${index}.9`})`,
      );
    }
    const hundredth = await signIn(browser(), "hammered@example.com", "one-more-wrong-guess");
    expect(hundredth.statusCode).toBe(429);
    expect(hundredth.body).toMatch(/\d+ dəqiqə gözləyin/);
    const phone = browser();
    expect((await signIn(phone, "hammered@example.com")).statusCode).toBe(429);
    // The browser the owner signed in with before is a known device: not held back.
    expect((await signIn(owner, "hammered@example.com")).headers.location).toBe("/account");
    const forged = browser();
    forged.setCookie(
      "karvan_device",
      owner.cookie("karvan_device")?.replace(/^[^.]+/, "00000000-0000-4000-8000-000000000000") ?? "",
    );
    expect((await signIn(forged, "hammered@example.com")).statusCode).toBe(429);

    // The link e-mailed when the hold began unlocks sign-in on the phone, once.
    await app.karvan.access.mailRequests.settled();
    const link = app.mailer.linkTo("hammered@example.com");
    expect(link).toMatch(/^\/sign-in\/unlock\?token=/);
    const page = await phone.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/sign-in/unlock"');
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";
    const unlocked = await phone.post("/sign-in/unlock", { token });
    expect(unlocked.headers.location).toBe("/sign-in?unlocked=1");
    expect((await phone.get("/sign-in?unlocked=1")).body).toContain("Bu cihazda giriş açıldı");
    expect((await signIn(phone, "hammered@example.com")).headers.location).toBe("/account");
    const again = browser();
    expect((await again.get(link)).body).toContain("Bu açma keçidi işləmir");
    await again.get("/sign-in");
    const reused = await again.post("/sign-in/unlock", { token });
    expect(reused.body).toContain("Bu açma keçidi işləmir");
    expect((await signIn(again, "hammered@example.com")).statusCode).toBe(429);
    expect(await auditActions("hammered@example.com")).toEqual(
      expect.arrayContaining(["auth.unlock_link_sent", "auth.sign_in_unlocked"]),
    );

    clock.advance(60_000 + 1000);
    expect((await signIn(browser(), "hammered@example.com")).statusCode).toBe(303);
  });

  it("answers a password reset request without waiting for the e-mail, the same for every address", async () => {
    await activeApplicant("patient@example.com");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const send = app.mailer.send.bind(app.mailer);
    // A mail server that does not answer: the page must not wait for it.
    const stalled = vi.spyOn(app.mailer, "send").mockImplementation(async (message) => {
      await held;
      await send(message);
    });
    try {
      const client = browser();
      await client.get("/forgot-password");
      const known = await client.post("/forgot-password", { email: "patient@example.com" });
      const unknown = await client.post("/forgot-password", { email: "nobody-waits@example.com" });
      expect(known.statusCode).toBe(303);
      expect(known.headers.location).toBe("/forgot-password/sent");
      expect(unknown.headers.location).toBe(known.headers.location);
      expect(app.mailer.lastTo("patient@example.com")?.subject).not.toBe("Karvan parolunuzu bərpa edin");
    } finally {
      release();
      stalled.mockRestore();
    }
    await app.karvan.access.mailRequests.settled();
    expect(app.mailer.linkTo("patient@example.com")).toMatch(/^\/reset-password\?token=/);
    expect(app.mailer.lastTo("nobody-waits@example.com")).toBeUndefined();
  });

  it("answers a sign-up without waiting for the e-mail, for a new address and a registered one alike", async () => {
    await activeApplicant("registered-early@example.com");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const send = app.mailer.send.bind(app.mailer);
    // A mail server that does not answer: the page must not wait for it.
    const stalled = vi.spyOn(app.mailer, "send").mockImplementation(async (message) => {
      await held;
      await send(message);
    });
    try {
      const fresh = await postSignUp(browser(), "newcomer@example.com");
      const taken = await postSignUp(browser(), "registered-early@example.com");
      expect(fresh.statusCode).toBe(303);
      expect(fresh.headers.location).toBe("/sign-up/check-email");
      expect(taken.statusCode).toBe(fresh.statusCode);
      expect(taken.headers.location).toBe(fresh.headers.location);
      expect(app.mailer.lastTo("newcomer@example.com")).toBeUndefined();
    } finally {
      release();
      stalled.mockRestore();
    }
    await app.karvan.access.mailRequests.settled();
    expect(app.mailer.linkTo("newcomer@example.com")).toMatch(/^\/verify-email\?token=/);
    expect(app.mailer.linkTo("registered-early@example.com")).toBe("/sign-in");
    expect(await auditActions("newcomer@example.com")).toEqual(
      expect.arrayContaining(["auth.sign_up", "auth.verification_sent"]),
    );
  });

  it("follows ?next= only to a path on this service", async () => {
    await activeApplicant("next@example.com");
    for (const evil of [
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      const response = await signIn(browser(), "next@example.com", password, evil);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe("/account");
    }
    const local = await signIn(browser(), "next@example.com", password, "/account?tab=documents");
    expect(local.headers.location).toBe("/account?tab=documents");
    const page = await browser().get("/sign-in?next=https%3A%2F%2Fevil.example");
    // The form does not carry the foreign address on (the language links keep the query, harmlessly).
    expect(page.body).not.toMatch(/name="next" value="[^"]*evil\.example/);
    expect(page.body).toContain('action="/sign-in"');
  });

  it("refuses a sign-in form without its CSRF token", async () => {
    await activeApplicant("csrf@example.com");
    const client = browser();
    await client.get("/sign-in");
    const response = await client.post("/sign-in", { email: "csrf@example.com", password }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(client.cookie("karvan_session")).toBeUndefined();
  });

  it("gives a new session id at every sign-in and ends the previous session", async () => {
    const client = await activeApplicant("rotate@example.com");
    const first = client.cookie("karvan_session");
    await signIn(client, "rotate@example.com");
    const second = client.cookie("karvan_session");
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = browser();
    stale.setCookie("karvan_session", first ?? "");
    const response = await stale.get("/account");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sign-in?next=%2Faccount");
  });

  it("signs out on the server: the old cookie no longer opens anything", async () => {
    const client = await activeApplicant("leaving@example.com");
    const cookie = client.cookie("karvan_session") ?? "";
    const account = await client.get("/account");
    expect(account.statusCode).toBe(200);
    const signedOut = await client.post("/sign-out");
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe("/signed-out");
    expect(client.cookie("karvan_session")).toBeUndefined();
    expect((await client.get("/signed-out")).statusCode).toBe(200);
    const replay = browser();
    replay.setCookie("karvan_session", cookie);
    expect((await replay.get("/account")).statusCode).toBe(303);
    expect(await auditActions("leaving@example.com")).toContain("auth.sign_out");
  });

  it("ends a public session after 30 idle minutes and any session after 12 hours", async () => {
    const idle = await activeApplicant("idle@example.com");
    clock.advance(29 * 60_000);
    expect((await idle.get("/account")).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await idle.get("/account")).statusCode).toBe(200);
    clock.advance(30 * 60_000 + 1000);
    expect((await idle.get("/account")).statusCode).toBe(303);

    const busy = await activeApplicant("busy@example.com");
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      clock.advance(20 * 60_000);
      expect((await busy.get("/account")).statusCode).toBe(200);
    }
    clock.advance(20 * 60_000);
    expect((await busy.get("/account")).statusCode).toBe(303);
  });

  it("resets a forgotten password by e-mail link, ending every session", async () => {
    const signedInElsewhere = await activeApplicant("forgetful@example.com");
    const client = browser();
    await client.get("/forgot-password?lang=en");
    await client.get("/forgot-password");
    const requested = await client.post("/forgot-password", { email: "forgetful@example.com" });
    expect(requested.headers.location).toBe("/forgot-password/sent");
    const unknown = await client.post("/forgot-password", { email: "no-account@example.com" });
    expect(unknown.headers.location).toBe("/forgot-password/sent");
    await app.karvan.access.mailRequests.settled();
    expect(app.mailer.lastTo("no-account@example.com")).toBeUndefined();

    const link = app.mailer.linkTo("forgetful@example.com");
    expect(link).toMatch(/^\/reset-password\?token=/);
    const form = await client.get(link);
    expect(form.body).toContain('autocomplete="new-password"');
    expect(form.body).not.toContain('name="code"');
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";

    const weak = await client.post("/reset-password", {
      token,
      password: "password12345678",
      confirmPassword: "password12345678",
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain("too common");

    const newPassword = "granite-orchard-sailing-92";
    const reset = await client.post("/reset-password", {
      token,
      password: newPassword,
      confirmPassword: newPassword,
    });
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe("/sign-in?passwordReset=1");
    expect((await client.get("/sign-in?passwordReset=1")).body).toContain("Your password has been changed");
    expect(app.mailer.lastTo("forgetful@example.com")?.subject).toBe("Karvan parolunuz dəyişdirildi");

    expect((await signedInElsewhere.get("/account")).statusCode).toBe(303);
    expect((await signIn(browser(), "forgetful@example.com")).statusCode).toBe(422);
    expect((await signIn(browser(), "forgetful@example.com", newPassword)).statusCode).toBe(303);
    const reused = await client.post("/reset-password", {
      token,
      password: "another-fresh-password-55",
      confirmPassword: "another-fresh-password-55",
    });
    expect(reused.body).toContain("This reset link does not work");
    expect(await auditActions("forgetful@example.com")).toEqual(
      expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]),
    );
  });

  it("lets a reset link work for one hour only", async () => {
    await activeApplicant("slow@example.com");
    const client = browser();
    await client.get("/forgot-password");
    await client.post("/forgot-password", { email: "slow@example.com" });
    await app.karvan.access.mailRequests.settled();
    const link = app.mailer.linkTo("slow@example.com");
    clock.advance(3600_000 + 1000);
    const page = await client.get(link);
    expect(page.body).toContain('href="/forgot-password"');
    expect(page.body).not.toContain('name="token"');
  });

  it("limits sign-in attempts from one network address", async () => {
    const client = browser();
    await client.get("/sign-in");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push(
        // A new address each time: the per-address-typed delays are not what is tested here.
        (await client.post("/sign-in", { email: `x${attempt}@example.com`, password: "whatever-it-is" }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
