import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildKarvan, prepareDatabase } from "../src/app.js";
import { statisticsContextOf } from "../src/composition-root.js";
import { demoEmail, seedDemoCaseload, seedDemoHistory, seedDemoUsers } from "../src/demo/index.js";
import { createSession, sessionCookie } from "../src/modules/access/sessions.js";
import { addMonthsToMonth } from "../src/modules/statistics/cubes/months.js";
import { catchUpStatistics } from "../src/modules/statistics/index.js";
import { systemClock } from "../src/platform/clock/index.js";
import { type KarvanConfig, loadConfig } from "../src/platform/config/index.js";
import { type DatabaseHandle, openDatabase } from "../src/platform/db/index.js";
import { adminQuery, databaseNamed, percentile } from "./support/scratch-database.js";

/**
 * What heavy statistics do to everyone else: the latency of the public service catalogue
 * (/services) while eight analysts each load twelve-year dashboards one after another, on the demo
 * caseload (BENCH_SCALE, default 20) with its made-up history, in a scratch database of the
 * PostgreSQL server named by DATABASE_URL. Measured
 * - alone (the anchor: what /services costs on an idle server),
 * - "unbounded": as before the dashboard was kept and queued (KARVAN_STATISTICS_CACHE_SECONDS=0,
 *   64 heavy computations at once),
 * - "bounded, cold": the defaults, with every dashboard asked for a period nobody asked before
 *   (nothing to take from memory: only the queue of two at once helps),
 * - "bounded, warm": the defaults, each analyst reloading their own dashboard.
 * Each analyst pauses BENCH_PAUSE_MS (default 1000) between dashboards, as someone clicking
 * quickly; with 0 they ask without pause, and a kept dashboard then costs what any staff page costs.
 * Requests are injected (no sockets), so the time is the server's own: the contention is for the
 * one event loop, where charts are drawn, and for the database.
 */
const serverUrl = process.env.DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 150);
const analysts = 8;
/** Each analyst's pause between two dashboards (0: one after another without pause). */
const pauseMs = Number(process.env.BENCH_PAUSE_MS ?? 1000);

if (!serverUrl) {
  process.stderr.write(
    "dashboards: set DATABASE_URL to a PostgreSQL server (a scratch database is made there)\n",
  );
  process.exit(2);
}

const scratch = `karvan_bench_${randomBytes(4).toString("hex")}`;
const databaseUrl = databaseNamed(serverUrl, scratch);
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-bench-dashboards-"));
const note = (text: string) => process.stderr.write(`${text}\n`);
const currentMonth = systemClock.now().toISOString().slice(0, 7);

/** A twelve-year dashboard; `variant` picks a period of its own, so that no two are the same. */
function dashboardUrl(variant: number): string {
  const to = addMonthsToMonth(currentMonth, -Math.floor(variant / 60));
  const from = addMonthsToMonth(to, -143 - (variant % 60));
  return `/statistics?from=${from}&to=${to}`;
}

interface Figures {
  p50: number;
  p95: number;
  dashboards: number;
  dashboardP50: number;
  refused: number;
  /** The event loop's delay while /services was measured: p99 and maximum, in ms. */
  loopP99: number;
  loopMax: number;
}

async function measure(
  database: DatabaseHandle,
  config: KarvanConfig,
  analystId: string,
  load: "none" | "cold" | "warm",
): Promise<Figures> {
  const karvan = await buildKarvan({ config, database, logger: false });
  try {
    const session = await createSession(database.db, systemClock, { userId: analystId, mfaPassed: true });
    const headers = { cookie: `${sessionCookie}=${session.token}` };
    const get = async (url: string) => {
      const started = performance.now();
      const response = await karvan.server.inject({ method: "GET", url, headers });
      return { ms: performance.now() - started, status: response.statusCode };
    };
    // Warm-up: templates compiled, plans cached, and in the warm case each analyst's dashboard kept.
    for (let at = 0; at < 5; at++) await get("/services");
    await get(dashboardUrl(10_000));
    if (load === "warm")
      for (let analyst = 0; analyst < analysts; analyst++) await get(dashboardUrl(analyst));

    let running = load !== "none";
    let variant = 100;
    const dashboardTimes: number[] = [];
    let refused = 0;
    const analystLoops = Array.from({ length: load === "none" ? 0 : analysts }, async (_, analyst) => {
      while (running) {
        const url = dashboardUrl(load === "warm" ? analyst : variant++);
        const answer = await get(url);
        if (answer.status === 503) refused += 1;
        else if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
        else dashboardTimes.push(answer.ms);
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    });
    const times: number[] = [];
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    for (let round = 0; round < rounds; round++) {
      const answer = await get("/services");
      if (answer.status !== 200) throw new Error(`/services answered ${answer.status}`);
      times.push(answer.ms);
      // About ten catalogue readers a second, not a tight loop of our own.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    loopDelay.disable();
    running = false;
    await Promise.all(analystLoops);
    return {
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      dashboards: dashboardTimes.length,
      dashboardP50: dashboardTimes.length > 0 ? percentile(dashboardTimes, 0.5) : 0,
      refused,
      loopP99: loopDelay.percentile(99) / 1e6,
      loopMax: loopDelay.max / 1e6,
    };
  } finally {
    await karvan.close();
  }
}

await adminQuery(serverUrl, `create database ${scratch}`);
try {
  const database = await openDatabase({ databaseUrl, poolSize: 20 });
  try {
    await prepareDatabase(database);
    const environment = {
      NODE_ENV: "test",
      KARVAN_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      KARVAN_JOBS: "false",
      KARVAN_DEMO: "true",
      // 0 draws the charts on the event loop, as before the drawing thread (ADR 0021).
      KARVAN_STATISTICS_CHART_THREADS: process.env.KARVAN_STATISTICS_CHART_THREADS ?? "1",
    };
    const bounded = loadConfig(environment);
    const unbounded = loadConfig({
      ...environment,
      KARVAN_STATISTICS_CACHE_SECONDS: "0",
      KARVAN_STATISTICS_HEAVY_QUERIES: "64",
    });
    const started = performance.now();
    await seedDemoUsers(database.db, systemClock, bounded.fileKey);
    const context = statisticsContextOf(database);
    const seeded = await seedDemoCaseload({
      db: database.db,
      registry: context.registry,
      deadlines: context.deadlines,
      clock: systemClock,
      country: bounded.country,
      scale,
      writers: 3,
    });
    await seedDemoHistory(database.db, { scale, at: systemClock.now() });
    await catchUpStatistics(context);
    note(
      `seeded ${seeded.cases} cases and their statistics in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const analystId = (
      await database.raw.query<{ id: string }>("select id from users where email = $1", [
        demoEmail("analyst"),
      ])
    ).rows[0]?.id;
    if (!analystId) throw new Error("the demo analyst is missing");

    const alone = await measure(database, bounded, analystId, "none");
    note(`alone: /services p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms`);
    const results: Array<[string, Figures]> = [];
    for (const [label, config, load] of [
      ["unbounded", unbounded, "cold"],
      ["bounded, cold", bounded, "cold"],
      ["bounded, warm", bounded, "warm"],
    ] as const) {
      const figures = await measure(database, config, analystId, load);
      results.push([label, figures]);
      note(
        `${label}: /services p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms ` +
          `(${(figures.p95 / alone.p95).toFixed(1)}× alone); ${figures.dashboards} dashboards, ` +
          `p50 ${figures.dashboardP50.toFixed(0)} ms, ${figures.refused} answered 503; ` +
          `event-loop delay p99 ${figures.loopP99.toFixed(0)} ms, max ${figures.loopMax.toFixed(0)} ms`,
      );
    }
    const [before, cold, warm] = results.map(([, figures]) => figures) as [Figures, Figures, Figures];
    process.stdout.write(
      `dashboards (${analysts} analysts, 12-year dashboards, ${pauseMs} ms pauses): /services p95 unbounded ${before.p95.toFixed(1)} ms, ` +
        `bounded cold ${cold.p95.toFixed(1)} ms, bounded warm ${warm.p95.toFixed(1)} ms; ` +
        `anchor (alone) ${alone.p95.toFixed(1)} ms; ratios ${(before.p95 / alone.p95).toFixed(1)} / ` +
        `${(cold.p95 / alone.p95).toFixed(1)} / ${(warm.p95 / alone.p95).toFixed(1)}\n`,
    );
  } finally {
    await database.close();
  }
} finally {
  await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
}
