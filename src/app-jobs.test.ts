import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/support/test-app.js";
import { seedDemoCaseload, seedDemoUsers } from "./demo/index.js";
import { createUser, systemActor } from "./modules/access/index.js";
import { ManualClock, systemClock } from "./platform/clock/index.js";

async function eventually(check: () => Promise<boolean>, seconds = 20): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("gave up waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("background jobs in the application", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { KARVAN_JOBS: "true" } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("queues mail and delivers it through the worker", async () => {
    await app.karvan.mailer.send({ id: "hello-1", to: "nigar@example.org", subject: "Salam", text: "Hi" });
    await eventually(async () => app.mailer.messages.length === 1);
    expect(app.mailer.lastTo("nigar@example.org")).toMatchObject({ id: "hello-1", subject: "Salam" });
  });

  it("schedules the session clean-up every 15 minutes, and the job deletes expired sessions", async () => {
    const { rows } = await app.database.raw.query<{ cron: string }>(
      "select cron from pgboss.schedule where name = 'sessions.cleanup'",
    );
    expect(rows).toEqual([{ cron: "*/15 * * * *" }]);

    const { id: userId } = await createUser(
      { db: app.database.db, clock: systemClock, actor: systemActor },
      {
        email: "expired.session@test.karvan.az",
        fullName: "Expired Session",
        password: "Orbit-lantern-Quartz-7581",
        kind: "public",
        roles: ["applicant"],
      },
    );
    const expired = createHash("sha256").update(randomBytes(32)).digest("hex");
    await app.database.raw.query(
      `insert into sessions (id_hash, user_id, mfa_passed, created_at, last_seen_at, expires_at)
       values ($1, $2, true, now() - interval '13 hours', now() - interval '13 hours', now() - interval '1 hour')`,
      [expired, userId],
    );
    await app.karvan.jobs.send("sessions.cleanup", {});
    await eventually(async () => {
      const left = await app.database.raw.query("select 1 from sessions where id_hash = $1", [expired]);
      return left.rows.length === 0;
    });
  });

  it("keeps the statistics current behind the request path, on either database", async () => {
    const clock = new ManualClock("2026-06-15T09:00:00Z");
    await seedDemoUsers(app.database.db, clock, "demo-file-key-".padEnd(40, "x"));
    await seedDemoCaseload({
      ...app.karvan.cases,
      clock,
      country: "AZ",
      scale: 0.05,
      population: "built-in",
    });
    const count = async (table: string) =>
      (await app.database.raw.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n;
    expect(await count("cases")).toBe(50);
    await eventually(async () => (await count("case_change_outbox")) === 0);
    expect(await count("stat_records")).toBeGreaterThanOrEqual(40);
    expect(await count("stat_cube")).toBeGreaterThan(0);
  });

  it("reports the dead-letter queues at /metrics", async () => {
    const metrics = await app.client().get("/metrics");
    expect(metrics.body).toContain('karvan_jobs_dead_letter{queue="mail.send"} 0');
    expect(metrics.body).toContain('karvan_jobs_dead_letter{queue="sessions.cleanup"} 0');
  });
});
