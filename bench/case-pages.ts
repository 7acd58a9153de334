import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildKarvan, prepareDatabase } from "../src/app.js";
import { statisticsContextOf } from "../src/composition-root.js";
import { seedDemoCaseload, seedDemoUsers } from "../src/demo/index.js";
import { createSession, sessionCookie } from "../src/modules/access/sessions.js";
import { systemClock } from "../src/platform/clock/index.js";
import { loadConfig } from "../src/platform/config/index.js";
import { openDatabase } from "../src/platform/db/index.js";
import { adminQuery, databaseNamed, percentile } from "./support/scratch-database.js";

/**
 * Server time of the officer's pages on a large caseload: the queue (each filter, sorts, further
 * pages) and the case file, requested one at a time with a case officer's session (injected, so
 * that only the server's own time counts). The caseload is the demo seed at BENCH_SCALE (1 = a
 * thousand cases, 1000 = a million) in a scratch database of the server named by DATABASE_URL; or
 * an existing seeded database named by BENCH_CASE_DATABASE_URL, used as it is.
 * Two targets: a page's fixed cost, the process's own CPU time per page (median; it does not grow
 * with the caseload and, unlike wall time, holds on a busy machine), under 5 ms; and the p95 of
 * every queue filter and of the case file under 25 ms.
 */
const fixedCostTargetMs = 5;
const p95TargetMs = 25;
const serverUrl = process.env.DATABASE_URL;
const existing = process.env.BENCH_CASE_DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? 100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);

if (!serverUrl && !existing) {
  process.stderr.write(
    "case-pages: set DATABASE_URL to a PostgreSQL server (a scratch database is made there)\n",
  );
  process.exit(2);
}

const scratch = `karvan_bench_${randomBytes(4).toString("hex")}`;
const databaseUrl = existing ?? databaseNamed(serverUrl as string, scratch);
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-bench-pages-"));

if (!existing) await adminQuery(serverUrl as string, `create database ${scratch}`);
try {
  const database = await openDatabase({ databaseUrl, poolSize: 20 });
  try {
    await prepareDatabase(database);
    const config = loadConfig({
      NODE_ENV: "test",
      KARVAN_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      KARVAN_JOBS: "false",
      KARVAN_DEMO: "true",
    });
    if (!existing) {
      const started = performance.now();
      await seedDemoUsers(database.db, systemClock, config.fileKey);
      const report = await seedDemoCaseload({
        ...statisticsContextOf(database),
        clock: systemClock,
        country: config.country,
        scale,
        writers: 3,
        onProgress: (done, total) => {
          if (done % 50_000 < 1000) process.stderr.write(`\rseeding ${done}/${total}`);
        },
      });
      process.stderr.write(
        `\nseeded ${report.cases} cases (${report.events} events) in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
      // A live database is vacuumed by autovacuum as it fills; a fresh seed is not yet, and
      // without a visibility map every index-only scan (the queue's count) reads the table too.
      await database.raw.query("vacuum (analyze) cases");
    }
    const officer = (
      await database.raw.query<{ id: string }>(
        "select id from users where email = 'case-officer@demo.karvan.az'",
      )
    ).rows[0]?.id;
    if (!officer)
      throw new Error("the demo case officer is missing: seed the database with karvan seed --demo");
    const [{ total = 0 } = {}] = (
      await database.raw.query<{ total: number }>("select count(*)::int as total from cases")
    ).rows;
    // A random sample of the cases an officer of the State Migration Service may open.
    const percent = Math.min(100, (rounds * 20 * 100) / Math.max(total, 1));
    const caseIds = (
      await database.raw.query<{ id: string }>(
        `select id from cases tablesample bernoulli (${percent}) where category <> 'draft'
         and agency_id = (select id from agencies where code = 'SMS') order by random() limit ${rounds}`,
      )
    ).rows.map((row) => row.id);

    const karvan = await buildKarvan({ config, database, logger: false });
    try {
      const session = await createSession(database.db, systemClock, { userId: officer, mfaPassed: true });
      const cookie = `${sessionCookie}=${session.token}`;
      const cpuTimes: number[] = [];
      let requests = 0;
      const timed = async (url: string): Promise<{ ms: number; body: string }> => {
        requests += 1;
        const cpu = process.cpuUsage();
        const started = performance.now();
        // One address per request: the rate limit is not what is measured.
        const remoteAddress = `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
        const response = await karvan.server.inject({
          method: "GET",
          url,
          headers: { cookie },
          remoteAddress,
        });
        const ms = performance.now() - started;
        const used = process.cpuUsage(cpu);
        cpuTimes.push((used.user + used.system) / 1000);
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
        return { ms, body: response.body };
      };
      const queues = [
        "/cases",
        "/cases?sort=-deadline",
        "/cases?assigned=me",
        "/cases?assigned=unassigned",
        "/cases?risk=overdue",
        "/cases?risk=due-soon&days=10",
        "/cases?type=work-permit",
        "/cases?type=temporary-residence-permit&state=in-review",
        "/cases?risk=paused",
      ];
      // Warm-up: plans cached, templates compiled.
      for (const url of queues) await timed(url);
      cpuTimes.length = 0;
      const queueTimes: number[] = [];
      const byQueue = new Map<string, number[]>();
      const record = (label: string, ms: number) => {
        queueTimes.push(ms);
        byQueue.set(label, [...(byQueue.get(label) ?? []), ms]);
      };
      for (let round = 0; round < rounds; round++) {
        const url = queues[round % queues.length] as string;
        const first = await timed(url);
        record(url, first.ms);
        const next = /href="(\/cases\?[^"]*after=[^"]+)"/.exec(first.body)?.[1]?.replaceAll("&amp;", "&");
        if (next && round % 3 === 0) record(`${url} (next page)`, (await timed(next)).ms);
      }
      let worstQueue = { label: "", p95: 0 };
      for (const [label, times] of byQueue) {
        const p95 = percentile(times, 0.95);
        if (p95 >= worstQueue.p95) worstQueue = { label, p95 };
        process.stderr.write(
          `  ${label}: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms\n`,
        );
      }
      const fileTimes: number[] = [];
      for (const id of caseIds) fileTimes.push((await timed(`/cases/${id}`)).ms);
      const fileP95 = percentile(fileTimes, 0.95);
      const fixedCost = percentile(cpuTimes, 0.5);
      process.stderr.write(
        `  all queue pages: p50 ${percentile(queueTimes, 0.5).toFixed(1)} ms (${queueTimes.length} pages); ` +
          `case file p50 ${percentile(fileTimes, 0.5).toFixed(1)} ms (${fileTimes.length} cases); ` +
          `server CPU per page p95 ${percentile(cpuTimes, 0.95).toFixed(1)} ms\n`,
      );
      process.stdout.write(
        `case-pages (${total} cases, load ${loadavg()[0]?.toFixed(1)}): fixed cost ${fixedCost.toFixed(1)} ms vs ${fixedCostTargetMs} ms; ` +
          `p95 worst queue filter ${worstQueue.p95.toFixed(1)} ms (${worstQueue.label}) vs ${p95TargetMs} ms; ` +
          `case file p95 ${fileP95.toFixed(1)} ms vs ${p95TargetMs} ms; ` +
          `ratio ${(Math.max(fixedCost / fixedCostTargetMs, worstQueue.p95 / p95TargetMs, fileP95 / p95TargetMs)).toFixed(2)}\n`,
      );
    } finally {
      await karvan.close();
    }
  } finally {
    await database.close();
  }
} finally {
  if (!existing) await adminQuery(serverUrl as string, `drop database if exists ${scratch} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
}
