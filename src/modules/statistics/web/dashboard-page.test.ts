import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { createUser, systemActor } from "../../access/index.js";
import { createSession, sessionCookie } from "../../access/sessions.js";
import { noteCubesChanged } from "../cubes/cube-changes.js";
import { HeavyQueryGate } from "../dashboard/heavy-query-gate.js";

const clock = new ManualClock("2026-05-04T08:00:00Z");
let app: TestApp;
let analyst: TestClient;

const period = "from=2026-01&to=2026-04";

async function setApplications(n: number): Promise<void> {
  await app.database.db.execute(sql`insert into stat_cube (table_code, period, citizen, sex, age, d1, d2, d3, n, total)
    values ('applications', '2026-03', 'SYR', 'F', 'Y25-29', 'work-permit', 'AZ-BA', '', ${n}, 0)
    on conflict (table_code, period, citizen, sex, age, d1, d2, d3) do update set n = excluded.n`);
}

async function applicationsCsv(): Promise<string> {
  const csv = await analyst.get(`/statistics/charts/applications.csv?${period}`);
  expect(csv.statusCode).toBe(200);
  return csv.body;
}

beforeAll(async () => {
  // One heavy computation at a time, and no waiting for a turn: the second at once is refused.
  app = await createTestApp({ clock, config: { statisticsHeavyQueries: 1, statisticsWaitSeconds: 0 } });
  const { id } = await createUser(
    { db: app.karvan.access.db, clock, actor: systemActor },
    {
      email: "dashboard.analyst@test.karvan.az",
      fullName: "Test Analyst",
      password: "a-long-enough-passphrase-42",
      kind: "staff",
      agency: "SMS",
      roles: ["analyst"],
    },
  );
  const session = await createSession(app.karvan.access.db, clock, { userId: id, mfaPassed: true });
  analyst = app.client();
  analyst.setCookie(sessionCookie, session.token);
  await analyst.get("/?lang=en");
  await setApplications(5);
});

afterAll(async () => {
  await app.close();
});

describe("the statistics dashboard", () => {
  it("keeps a computed dashboard, says how old its figures are, and computes it again once the cubes moved on", async () => {
    const first = await analyst.get(`/statistics?${period}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("Figures as of 12:00, now");
    expect(first.body).toContain('data-testid="chart-applications"');
    expect(await applicationsCsv()).toContain("2026-03,5");

    // The figures change; half a minute later the kept dashboard is still what is shown.
    await setApplications(7);
    clock.advance(30_000);
    const kept = await analyst.get(`/statistics?${period}`);
    expect(kept.body).toContain("Figures as of 12:00, 30 seconds ago");
    expect(await applicationsCsv()).toContain("2026-03,5");

    // The projector moved the cubes on: a dashboard a minute old is computed again.
    noteCubesChanged();
    clock.advance(30_000);
    const fresh = await analyst.get(`/statistics?${period}`);
    expect(fresh.body).toContain("Figures as of 12:01, now");
    expect(await applicationsCsv()).toContain("2026-03,7");

    // In each language, with the reader's own words for the age.
    clock.advance(180_000);
    const russian = await analyst.get(`/statistics?${period}&lang=ru`);
    expect(russian.statusCode).toBe(303);
    expect((await analyst.get(`/statistics?${period}`)).body).toContain("Данные на 12:04, сейчас");
    await analyst.get("/?lang=en");
  });

  it("answers 503 with Retry-After to a dashboard that cannot have its turn in time", async () => {
    // The first computation holds its turn until released, so the others surely find it taken.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = HeavyQueryGate.prototype.run;
    const holdFirst = vi.spyOn(HeavyQueryGate.prototype, "run").mockImplementationOnce(function (
      this: HeavyQueryGate,
      work,
    ) {
      return run.call(this, async () => {
        await released;
        return work();
      });
    });
    const first = analyst.get("/statistics?from=2025-01&to=2025-12");
    await vi.waitFor(() => expect(holdFirst).toHaveBeenCalledTimes(1));

    const refused = await analyst.get("/statistics?from=2024-01&to=2024-12");
    expect(refused.statusCode).toBe(503);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.body).toContain("Many people are computing statistics right now");
    const busy = await analyst.get("/statistics?from=2022-01&to=2022-12", { accept: "application/json" });
    expect(busy.statusCode).toBe(503);
    expect(busy.json()).toMatchObject({
      error: { code: "statistics_busy", details: { retryAfterSeconds: 5 } },
    });

    release();
    expect((await first).statusCode).toBe(200);
    holdFirst.mockRestore();
  });
});
