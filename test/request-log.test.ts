import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInNewStaff } from "../src/modules/cases/workspace/workspace-test-bed.js";
import { createTestApp, type TestApp } from "./support/test-app.js";

/**
 * The JSON request log, as operators ship it to their log store, walked through the journeys whose
 * addresses carry secrets or personal data: none of it may reach the log.
 */
describe("request log", () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const password = "river-lantern-copper-47";
  const applicantEmail = "log.reader@example.com";
  const searched = ["seen.person@example.org", "P11223344", "09.03.1985", "1985-03-09"];
  const secrets: string[] = [];
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ logger: { level: "info", stream } });
  });
  afterAll(async () => {
    await app.close();
  });

  const logText = () => lines.join("\n");
  const tokenOf = (link: string) => new URL(link, "http://x").searchParams.get("token") ?? "";

  it("logs route patterns and redacted queries, never tokens, e-mail addresses, passports or birth dates", async () => {
    const applicant = app.client();
    await applicant.get("/sign-up");
    await applicant.post("/sign-up", {
      fullName: "Amina Rahimova",
      email: applicantEmail,
      password,
      confirmPassword: password,
    });
    await app.karvan.access.mailRequests.settled();
    const verifyLink = app.mailer.linkTo(applicantEmail);
    secrets.push(tokenOf(verifyLink));
    expect((await applicant.get(`${verifyLink}&lang=en`)).statusCode).toBe(303);
    await applicant.get(verifyLink);

    const next = `/cases?q=${encodeURIComponent(searched[0] as string)}`;
    await applicant.get(`/sign-in?next=${encodeURIComponent(next)}`);
    await applicant.post("/sign-in", { email: applicantEmail, password, next });

    const forgetful = app.client();
    await forgetful.get("/forgot-password");
    await forgetful.post("/forgot-password", { email: applicantEmail });
    await app.karvan.access.mailRequests.settled();
    const resetLink = app.mailer.linkTo(applicantEmail);
    const resetToken = tokenOf(resetLink);
    secrets.push(resetToken);
    await forgetful.get(resetLink);
    await forgetful.post("/reset-password", {
      token: resetToken,
      password: "granite-orchard-sailing-92",
      confirmPassword: "granite-orchard-sailing-92",
    });

    const officer = await signInNewStaff(app.database.db, app.karvan.clock, app.client(), {
      email: "log.officer@sms.gov.az",
      fullName: "Leyla Mammadova",
      agency: "SMS",
      roles: ["case_officer"],
    });
    for (const term of searched) {
      const page = await officer.browser.get(`/cases?q=${encodeURIComponent(term)}&page=1`);
      expect(page.statusCode, term).toBe(200);
    }
    // A mistyped link: no route, so nothing of its path is logged.
    await applicant.get(`/verify-emial/${secrets[0]}?token=${secrets[0]}`);

    const text = logText();
    expect(secrets.every((secret) => secret.length >= 20)).toBe(true);
    for (const value of [...secrets, applicantEmail, "log.officer@sms.gov.az", ...searched]) {
      expect(text, value).not.toContain(value);
      expect(text, value).not.toContain(encodeURIComponent(value));
    }
    const urls = lines
      .map((line) => JSON.parse(line) as { req?: { url?: string } })
      .flatMap((entry) => (entry.req?.url ? [entry.req.url] : []));
    expect(urls).toEqual(
      expect.arrayContaining([
        "/verify-email?token=[redacted]",
        "/verify-email?token=[redacted]&lang=en",
        "/sign-in?next=[redacted]",
        "/reset-password?token=[redacted]",
        "/cases?q=[redacted]&page=1",
        "(no route)?token=[redacted]",
      ]),
    );
  });
});
