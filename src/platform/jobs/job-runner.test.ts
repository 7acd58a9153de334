import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { defineJob } from "./job-definition.js";
import { registerJobMetrics } from "./job-metrics.js";
import { createJobRunner, type JobRunner, jobIdForKey } from "./job-runner.js";

const quietLog = { info() {}, warn() {}, error() {} };

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  seconds = 20,
): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > until) throw new Error(`gave up waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("background jobs", () => {
  let database: TestDatabase;
  let runner: JobRunner | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
  });
  afterAll(async () => {
    await database.destroy();
  });

  function queuedRunner(): JobRunner {
    runner = createJobRunner({ database, queued: true, log: quietLog, pollingIntervalSeconds: 0.5 });
    return runner;
  }

  it(`delivers a job to its handler on ${process.env.KARVAN_TEST_DB}`, async () => {
    const seen: Array<{ greeting: string; attempt: number }> = [];
    const greet = defineJob({
      name: "test.greet",
      payload: z.object({ greeting: z.string() }),
      handle: async (payload, context) => {
        seen.push({ greeting: payload.greeting, attempt: context.attempt });
      },
    });
    const jobs = queuedRunner();
    jobs.define(greet);
    await jobs.start();
    const id = await jobs.send(greet, { greeting: "salam" });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(
      async () => seen,
      (list) => list.length === 1,
    );
    expect(seen).toEqual([{ greeting: "salam", attempt: 1 }]);
    const job = await eventually(
      () => jobs.findJob("test.greet", id as string),
      (found) => found?.state === "completed",
    );
    expect(job).toEqual({ state: "completed", retryCount: 0 });
  });

  it("refuses a payload that does not match the job's schema when it is sent", async () => {
    const jobs = queuedRunner();
    jobs.define(
      defineJob({ name: "test.typed", payload: z.object({ count: z.number() }), handle: async () => {} }),
    );
    await jobs.start();
    await expect(jobs.send("test.typed", { count: "three" })).rejects.toThrow();
    await expect(jobs.send("test.unknown", {})).rejects.toThrow(/unknown job/);
  });

  it("moves a job that keeps failing to the dead-letter queue after its retries, and counts it", async () => {
    let attempts = 0;
    const jobs = queuedRunner();
    jobs.define(
      defineJob({
        name: "test.always-fails",
        payload: z.object({}),
        retry: { limit: 2, delaySeconds: 0, backoff: false },
        handle: async () => {
          attempts += 1;
          throw new Error("the remote service is down");
        },
      }),
    );
    await jobs.start();
    const id = await jobs.send("test.always-fails", {});
    const counts = await eventually(
      () => jobs.counts(),
      (all) => all["test.always-fails"]?.deadLetter === 1,
    );
    expect(counts["test.always-fails"]).toEqual({ waiting: 0, deadLetter: 1 });
    expect(attempts).toBe(3);
    expect(await jobs.findJob("test.always-fails", id as string)).toEqual({ state: "failed", retryCount: 2 });

    const registry = new Registry();
    registerJobMetrics(registry, jobs);
    const metrics = await registry.metrics();
    expect(metrics).toContain('karvan_jobs_dead_letter{queue="test.always-fails"} 1');
    expect(metrics).toContain('karvan_jobs_waiting{queue="test.always-fails"} 0');
  });

  it("sends a job once per singleton key", async () => {
    const seen: string[] = [];
    const jobs = queuedRunner();
    jobs.define(
      defineJob({
        name: "test.once",
        payload: z.object({ value: z.string() }),
        handle: async (payload) => {
          seen.push(payload.value);
        },
      }),
    );
    await jobs.start();
    const first = await jobs.send("test.once", { value: "first" }, { singletonKey: "message-1" });
    expect(first).toBe(jobIdForKey("test.once", "message-1"));
    await eventually(
      async () => seen,
      (list) => list.length === 1,
    );
    expect(await jobs.send("test.once", { value: "again" }, { singletonKey: "message-1" })).toBeNull();
    await jobs.send("test.once", { value: "other" }, { singletonKey: "message-2" });
    await eventually(
      async () => seen,
      (list) => list.length === 2,
    );
    expect(seen).toEqual(["first", "other"]);
  });

  it("keeps schedules in the database and answers the application's own queries meanwhile", async () => {
    const jobs = queuedRunner();
    jobs.define(defineJob({ name: "test.tick", payload: z.object({}), handle: async () => {} }));
    await jobs.start();
    await jobs.schedule("test.tick", "*/15 * * * *");
    const { rows } = await database.raw.query<{ name: string; cron: string }>(
      "select name, cron from pgboss.schedule where name = 'test.tick'",
    );
    expect(rows).toEqual([{ name: "test.tick", cron: "*/15 * * * *" }]);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        database.raw.query<{ value: number }>("select $1::int as value", [index]),
      ),
    );
    expect(answers.map((answer) => answer.rows[0]?.value)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("runs the handler at once, in the caller, when jobs are not queued", async () => {
    const seen: number[] = [];
    runner = createJobRunner({ database, queued: false, log: quietLog });
    runner.define(
      defineJob({
        name: "test.inline",
        payload: z.object({ n: z.number() }),
        handle: async (payload) => {
          seen.push(payload.n);
        },
      }),
    );
    await runner.start();
    await runner.send("test.inline", { n: 7 });
    expect(seen).toEqual([7]);
    await runner.schedule("test.inline", "* * * * *", { n: 1 });
    expect(await runner.counts()).toEqual({ "test.inline": { waiting: 0, deadLetter: 0 } });
  });

  it("leaves the connection usable after a failed text with its own transaction", async () => {
    await expect(database.raw.exec("BEGIN; SELECT 1; SELECT 1/0; COMMIT;")).rejects.toThrow(/division/);
    const { rows } = await database.raw.query<{ ok: number }>("select 1 as ok");
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
