import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { clientOnAddress, type TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { describeUserAgent } from "./known-device.js";

const password = "river-lantern-copper-47";
const firefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("known devices on the account page", () => {
  const clock = new ManualClock("2026-02-10T09:00:00Z");
  let app: TestApp;
  let lastAddress = 0;

  beforeAll(async () => {
    app = await createTestApp({ clock });
  });
  afterAll(async () => {
    await app.close();
  });

  /** A browser with its own cookies on a network address and with a user agent of its own. */
  function browser(options: { address?: string; userAgent?: string } = {}): TestClient {
    lastAddress += 1;
    const address = options.address ?? `10.1.0.${lastAddress}`;
    const client = clientOnAddress(app.karvan.server, address, options.userAgent ?? "curl/8.0");
    client.setCookie("karvan_lang", "en");
    return client;
  }

  async function signIn(client: TestClient, email: string, secret = password) {
    await client.get("/sign-in");
    return client.post("/sign-in", { email, password: secret });
  }

  /** Signs up on a browser of its own, confirms the address and returns the account's id. */
  async function activeApplicant(email: string): Promise<string> {
    const client = browser();
    await client.get("/sign-up");
    await client.post("/sign-up", { fullName: "Nigar Hasanova", email, password, confirmPassword: password });
    await app.karvan.access.mailRequests.settled();
    await client.get(app.mailer.linkTo(email));
    const [user] = await queryRows<{ id: string }>(
      app.database.db,
      sql`select id from users where lower(email) = ${email}`,
    );
    return user?.id ?? "";
  }

  async function deviceIds(userId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      app.database.db,
      sql`select id from known_devices where user_id = ${userId} order by first_used_at`,
    );
    return rows.map((row) => row.id);
  }

  it("lists the devices signed in on, named by browser and system or by the day they were added", async () => {
    const userId = await activeApplicant("nigar@example.com");
    const laptop = browser({ userAgent: firefoxOnWindows });
    expect((await signIn(laptop, "nigar@example.com")).headers.location).toBe("/account");
    clock.advance(5 * 60_000);
    const script = browser();
    expect((await signIn(script, "nigar@example.com")).headers.location).toBe("/account");
    expect(await deviceIds(userId)).toHaveLength(2);

    const page = await script.get("/account");
    expect(page.statusCode).toBe(200);
    const table = /data-testid="known-devices"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? "";
    expect(table).toContain("Firefox on Windows");
    expect(table).toContain("Device added on");
    expect(table.match(/Forget this device/g)).toHaveLength(2);
    expect(page.body).toContain("Forget all devices");
    expect(page.body).not.toContain("Mozilla/5.0");
    expect(
      describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Safari/604.1"),
    ).toEqual({ browser: "Safari", platform: "iOS" });
  });

  it("forgets one device: it is told by e-mail and audited, and the throttle treats the browser as new", async () => {
    const userId = await activeApplicant("rashad@example.com");
    const address = "10.2.0.1";
    const owner = browser({ address, userAgent: firefoxOnWindows });
    expect((await signIn(owner, "rashad@example.com")).headers.location).toBe("/account");
    // Someone on the owner's network guesses until that network has to wait.
    const guesser = browser({ address });
    for (let attempt = 1; attempt <= 5; attempt += 1)
      await signIn(guesser, "rashad@example.com", `guess-${attempt}`);
    expect((await signIn(guesser, "rashad@example.com")).statusCode).toBe(429);
    // The known device is not held back by them.
    expect((await signIn(owner, "rashad@example.com")).headers.location).toBe("/account");

    const [device] = await deviceIds(userId);
    await owner.get("/account");
    const forgotten = await owner.post(`/account/devices/${device}/forget`);
    expect(forgotten.statusCode).toBe(303);
    expect(forgotten.headers.location).toBe("/account?done=deviceForgotten#devices");
    expect(await deviceIds(userId)).toEqual([]);
    const page = await owner.get("/account?done=deviceForgotten");
    expect(page.body).toContain("The device is forgotten");
    expect(page.body).toContain('data-testid="no-known-devices"');
    // The warning about the guessing goes out from a job and may come after this one.
    const subjects = app.mailer.messages
      .filter((mail) => mail.to === "rashad@example.com")
      .map((mail) => mail.subject);
    expect(subjects).toContain("A device was removed from your account");
    const audited = await queryRows<{ details: { device: string } }>(
      app.database.db,
      sql`select details from audit_records where action = 'auth.known_device_forgotten' and entity_id = ${userId}`,
    );
    expect(audited.map((row) => row.details.device)).toEqual([device]);

    // Its cookie still names the account, but it now waits like any browser on that network.
    await owner.post("/sign-out");
    expect((await signIn(owner, "rashad@example.com")).statusCode).toBe(429);
  });

  it("answers 404 for another account's device, and forgets nothing of it", async () => {
    const victimId = await activeApplicant("victim@example.com");
    await signIn(browser(), "victim@example.com");
    const [victimDevice] = await deviceIds(victimId);
    await activeApplicant("other@example.com");
    const other = browser();
    await signIn(other, "other@example.com");
    await other.get("/account");
    expect((await other.post(`/account/devices/${victimDevice}/forget`)).statusCode).toBe(404);
    expect((await other.post("/account/devices/not-a-device/forget")).statusCode).toBe(404);
    expect(await deviceIds(victimId)).toEqual([victimDevice]);
    expect(
      app.mailer.messages.filter((mail) => mail.to === "victim@example.com").map((mail) => mail.subject),
    ).not.toContain("A device was removed from your account");
  });

  it("forgets all devices at once, and refuses the button without the form's CSRF token", async () => {
    const userId = await activeApplicant("leyla@example.com");
    const phone = browser();
    await signIn(phone, "leyla@example.com");
    const laptop = browser({ userAgent: firefoxOnWindows });
    await signIn(laptop, "leyla@example.com");
    expect(await deviceIds(userId)).toHaveLength(2);
    await laptop.get("/account");
    expect((await laptop.post("/account/devices/forget-all", {}, { csrf: false })).statusCode).toBe(403);
    expect(await deviceIds(userId)).toHaveLength(2);
    const done = await laptop.post("/account/devices/forget-all");
    expect(done.headers.location).toBe("/account?done=allDevicesForgotten#devices");
    expect(await deviceIds(userId)).toEqual([]);
    expect(
      app.mailer.messages.some(
        (mail) =>
          mail.to === "leyla@example.com" && mail.text.includes("All the devices you had signed in on"),
      ),
    ).toBe(true);
    const audited = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_records
          where action = 'auth.known_device_forgotten' and entity_id = ${userId}`,
    );
    expect(audited[0]?.n).toBe(2);
    // Signing in again makes the browser known again, under a new id.
    await signIn(laptop, "leyla@example.com");
    expect(await deviceIds(userId)).toHaveLength(1);
  });
});
