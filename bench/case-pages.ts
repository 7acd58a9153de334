import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildKarvan, prepareDatabase } from "../src/app.js";
import { seedDemoUsers } from "../src/modules/access/index.js";
import { createSession, sessionCookie } from "../src/modules/access/sessions.js";
import { CaseTypeRegistry, calendarDeadlineClock } from "../src/modules/cases/index.js";
import { caseTypeDefinitions, seedDemoCaseload } from "../src/modules/permits/index.js";
import { loadLegalCalendars } from "../src/platform/calendar/index.js";
import { systemClock } from "../src/platform/clock/index.js";
import { loadConfig } from "../src/platform/config/index.js";
import { openDatabase } from "../src/platform/db/index.js";
import { adminQuery, databaseNamed, percentile } from "./support/scratch-database.js";

/**
 * Server time of the officer's pages on a large caseload: the queue (filters, sorts, further
 * pages) and the case file, requested one at a time with a case officer's session (injected, so
 * that only the server's own time counts). The caseload is the demo seed at BENCH_SCALE (1000 =
 * a million cases) in a scratch database of the server named by DATABASE_URL; or an existing
 * seeded database named by BENCH_CASE_DATABASE_URL, used as it is. Anchor: p95 under 50 ms.
 */
const anchorMs = 50;
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
        db: database.db,
        registry: new CaseTypeRegistry(caseTypeDefinitions),
        deadlines: calendarDeadlineClock(loadLegalCalendars().of(config.country)),
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
      const timed = async (url: string): Promise<{ ms: number; body: string }> => {
        const started = performance.now();
        const response = await karvan.server.inject({ method: "GET", url, headers: { cookie } });
        const ms = performance.now() - started;
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
      for (const [label, times] of byQueue) {
        process.stderr.write(
          `  ${label}: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms\n`,
        );
      }
      const fileTimes: number[] = [];
      for (const id of caseIds) fileTimes.push((await timed(`/cases/${id}`)).ms);
      const queueP95 = percentile(queueTimes, 0.95);
      const fileP95 = percentile(fileTimes, 0.95);
      process.stdout.write(
        `case-pages (${total} cases): queue p50 ${percentile(queueTimes, 0.5).toFixed(1)} ms, p95 ${queueP95.toFixed(1)} ms ` +
          `(${queueTimes.length} pages); case file p50 ${percentile(fileTimes, 0.5).toFixed(1)} ms, p95 ${fileP95.toFixed(1)} ms ` +
          `(${fileTimes.length} cases); anchor ${anchorMs} ms, ratio ${(Math.max(queueP95, fileP95) / anchorMs).toFixed(2)}\n`,
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
