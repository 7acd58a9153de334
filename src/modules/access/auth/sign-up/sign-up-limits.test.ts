import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { signUpLimits } from "./sign-up-limits.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
const password = "Correct-horse-battery-9";
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(async () => {
  await app.close();
});

describe("sign-up limits", () => {
  it("accepts a few sign-ups an hour for one e-mail address, then says when to try again, keeping what was typed", async () => {
    const client = app.client();
    client.setCookie("karvan_lang", "en");
    const signUp = async (email: string) => {
      await client.get("/sign-up");
      return client.post("/sign-up", {
        fullName: "Amina Rahimova",
        email,
        password,
        confirmPassword: password,
      });
    };
    for (let index = 0; index < signUpLimits.perEmail.max; index++) {
      // The address in any spelling is the same mailbox.
      expect((await signUp(index === 0 ? "amina@example.org" : " Amina@Example.org ")).statusCode).toBe(303);
    }
    clock.advance(20 * 60_000);
    const refused = await signUp("amina@example.org");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe(String(40 * 60));
    expect(refused.body).toContain('href="#email"');
    expect(refused.body).toContain("Check that mailbox for our e-mail, or try again in 40 min.");
    expect(refused.body).toContain('value="Amina Rahimova"');
    expect(refused.body).not.toContain(password);
    // One e-mail to the address per accepted sign-up, none for the refused one.
    await app.karvan.access.mailRequests.settled();
    expect(app.mailer.messages.filter((message) => message.to === "amina@example.org")).toHaveLength(3);
    // Another address from the same network is not held back by this one.
    expect((await signUp("leyla@example.org")).statusCode).toBe(303);
    clock.advance(40 * 60_000);
    expect((await signUp("amina@example.org")).statusCode).toBe(303);
  });
});
