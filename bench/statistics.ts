import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { prepareDatabase } from "../src/app.js";
import { parallelReplayOf } from "../src/cli/stats.js";
import { statisticsContextOf } from "../src/composition-root.js";
import { seedDemoCaseload, seedDemoUsers } from "../src/demo/index.js";
import { cubeSnapshot } from "../src/modules/statistics/cubes/cube-repository.js";
import { addMonthsToMonth, monthsOfPeriod } from "../src/modules/statistics/cubes/months.js";
import { catchUpStatistics, rebuildStatistics } from "../src/modules/statistics/index.js";
import { computeExactTable } from "../src/modules/statistics/tables/compute-official-table.js";
import {
  type TableDefinition,
  tableDefinitions,
} from "../src/modules/statistics/tables/table-definitions.js";
import { systemClock } from "../src/platform/clock/index.js";
import { loadConfig } from "../src/platform/config/index.js";
import { openDatabase } from "../src/platform/db/index.js";
import { SeededRandom } from "../src/platform/random/index.js";
import { adminQuery, databaseNamed, percentile } from "./support/scratch-database.js";

/**
 * The statistics at scale: the demo caseload (KARVAN_BENCH_SCALE × 1000 cases, ~11 events a case)
 * seeded in a scratch database of the PostgreSQL server named by DATABASE_URL, then
 * 1. the projection of every event into records and cubes (events/s),
 * 2. a rebuild from the events, `karvan stats rebuild`'s way (replay threads on the server;
 *    seconds; the cubes must come out identical),
 * 3. official tables summed from the cubes (`computeExactTable`, p50/p95 over random periods of
 *    every table), beside the anchor: the same flow tables computed by a full-scan GROUP BY of the
 *    records in an in-memory DuckDB (the results must match the cube's leaf cells).
 * Default scale 50 (50,000 cases, ~575,000 events: a minute or two on 2 cores). The issue's target,
 * 10 million events, is scale 880 (10.09 million events): on 2 cores its seed took 2.5 to 6 minutes
 * and the whole run 10 to 20, depending on the machine; KARVAN_BENCH_KEEP and KARVAN_BENCH_DATABASE (below) spare the seed when
 * measuring again.
 * KARVAN_BENCH_PERIODS sets the random periods per table (default 60: with 20, the cubes' p95 over
 * the three flow tables was the third slowest of 60 answers, and a few stray slow answers moved the
 * speed-up between two runs on one machine from 14.4 to 8.8).
 */
const serverUrl = process.env.DATABASE_URL;
const scale = Number(process.env.KARVAN_BENCH_SCALE ?? 50);
const periodsPerTable = Number(process.env.KARVAN_BENCH_PERIODS ?? 60);

if (!serverUrl) {
  process.stderr.write(
    "statistics: set DATABASE_URL to a PostgreSQL server (a scratch database is made there and dropped)\n",
  );
  process.exit(2);
}
if (!Number.isFinite(scale) || scale <= 0) {
  process.stderr.write(
    `statistics: KARVAN_BENCH_SCALE must be a positive number, not ${process.env.KARVAN_BENCH_SCALE}\n`,
  );
  process.exit(2);
}

/**
 * KARVAN_BENCH_KEEP=yes keeps the seeded database (its name is printed); KARVAN_BENCH_DATABASE
 * names such a database to measure again without seeding (its statistics are thrown away first,
 * so that the projection starts from the same state as after a seed).
 */
const reused = process.env.KARVAN_BENCH_DATABASE;
const keep = process.env.KARVAN_BENCH_KEEP === "yes" || reused !== undefined;
if (reused !== undefined && !/^karvan_bench_[0-9a-f]+$/.test(reused)) {
  process.stderr.write(
    `statistics: KARVAN_BENCH_DATABASE must name a kept benchmark database, not ${reused}\n`,
  );
  process.exit(2);
}
const scratch = reused ?? `karvan_bench_${randomBytes(4).toString("hex")}`;
const databaseUrl = databaseNamed(serverUrl, scratch);
const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-bench-statistics-"));
const note = (text: string) => process.stderr.write(`${text}\n`);

/** Random periods of the table's frequency within the seeded months. */
function periodsOf(definition: TableDefinition, first: string, last: string, random: () => number): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonthsToMonth(month, 1)) months.push(month);
  const candidates = [
    ...new Set(
      months.map((month) => {
        const year = month.slice(0, 4);
        if (definition.frequency === "A") return year;
        if (definition.frequency === "Q") return `${year}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
        return month;
      }),
    ),
  ];
  return Array.from(
    { length: periodsPerTable },
    () => candidates[Math.floor(random() * candidates.length)] as string,
  );
}

/** The flow tables a plain GROUP BY of the records computes (leaf cells only). */
const scanQueries: Record<string, { columns: string[]; where: string }> = {
  "applications-by-type": {
    columns: ["case_type", "coalesce(region, 'UNK')"],
    where: "kind = 'application'",
  },
  "decisions-by-type": {
    columns: ["case_type", "outcome", "coalesce(region, 'UNK')"],
    where: "kind = 'decision' and outcome is not null and (instance is null or instance <> 'final')",
  },
  "stay-registrations": {
    columns: ["citizenship", "coalesce(region, 'UNK')"],
    where: "kind = 'registration'",
  },
};

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

if (!reused) await adminQuery(serverUrl as string, `create database ${scratch}`);
try {
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  try {
    await prepareDatabase(database);
    const config = loadConfig({
      NODE_ENV: "test",
      KARVAN_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      KARVAN_JOBS: "false",
      KARVAN_DEMO: "true",
    });
    const context = statisticsContextOf(database);

    // 1. Seed (or take a kept database back to where its seed left it).
    const seedStarted = performance.now();
    let seeded: { cases: number; events: number };
    if (reused) {
      await database.raw.query("delete from stat_cube");
      await database.raw.query("delete from stat_records where source = 'case'");
      await database.raw.query("delete from case_change_outbox");
      await database.raw.query("insert into case_change_outbox (case_id) select id from cases");
      await database.raw.query("vacuum analyze stat_records, stat_cube, case_change_outbox");
      const [counts] = (
        await database.raw.query<{ cases: number; events: number }>(
          "select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events",
        )
      ).rows;
      seeded = counts ?? { cases: 0, events: 0 };
    } else {
      await seedDemoUsers(database.db, systemClock, config.fileKey);
      seeded = await seedDemoCaseload({
        db: database.db,
        registry: context.registry,
        deadlines: context.deadlines,
        clock: systemClock,
        country: config.country,
        scale,
        writers: 3,
        onProgress: (done, total) => {
          if (done % 10_000 < 1000 || done === total) process.stderr.write(`\rseeding ${done}/${total}`);
        },
      });
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    note(
      `\n${reused ? "reused" : "seeded"} ${seeded.cases} cases (${seeded.events} events) in ${seedSeconds.toFixed(0)} s`,
    );

    // 2. Projection of everything waiting in the outbox.
    note("projecting the events into the statistics…");
    const projectionStarted = performance.now();
    const projectedCases = await catchUpStatistics(context);
    const projectionSeconds = (performance.now() - projectionStarted) / 1000;
    const eventsPerSecond = seeded.events / projectionSeconds;
    note(`projected ${projectedCases} cases in ${projectionSeconds.toFixed(1)} s`);

    // 3. Rebuild from the events: the cubes must come out the same.
    const before = await cubeSnapshot(database.db);
    note("rebuilding the statistics from the events…");
    const rebuildStarted = performance.now();
    const rebuilt = await rebuildStatistics(context, undefined, parallelReplayOf(database, config));
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    const after = await cubeSnapshot(database.db);
    const rebuildIdentical = before === after;
    note(
      `rebuilt ${rebuilt.cases} cases, ${rebuilt.records} records, ${rebuilt.persons} persons, ` +
        `${rebuilt.cells} cells in ${rebuildSeconds.toFixed(1)} s; identical: ${rebuildIdentical ? "yes" : "no"}`,
    );

    // 4. Official tables from the cubes.
    const range = (
      await database.raw.query<{ first: string | null; last: string | null; records: number }>(
        "select min(date)::text as first, max(date)::text as last, count(*)::int as records from stat_records",
      )
    ).rows[0];
    if (!range?.first || !range.last) throw new Error("the projection made no statistical records");
    const firstMonth = range.first.slice(0, 7);
    const lastMonth = range.last.slice(0, 7);
    note(`${range.records} records from ${range.first} to ${range.last}`);
    // The same periods on every run.
    const periodRandom = new SeededRandom(20_261_128);
    const random = () => periodRandom.next();
    const plan = tableDefinitions.map((definition) => ({
      definition,
      periods: periodsOf(definition, firstMonth, lastMonth, random),
    }));
    const cubeTimes: number[] = [];
    const cubeTimesByTable = new Map<string, number[]>();
    const leavesOf = new Map<string, Map<string, string>>(); // table → period → sorted leaf cells
    for (const { definition, periods } of plan) {
      // Warm-up, the same on both sides: every period once, as a server that has been answering
      // for a while (each pooled connection prepares a table's statement on its first use).
      for (const period of periods) await computeExactTable(database.db, definition, period);
      const times: number[] = [];
      for (const period of periods) {
        const started = performance.now();
        const table = await computeExactTable(database.db, definition, period);
        const elapsed = performance.now() - started;
        times.push(elapsed);
        cubeTimes.push(elapsed);
        if (scanQueries[definition.code]) {
          const leaves = table.observations
            .filter((observation) =>
              definition.dimensions.every((dimension) => observation.key[dimension.id] !== dimension.total),
            )
            .map(
              (observation) =>
                `${definition.dimensions.map((dimension) => observation.key[dimension.id]).join("|")}=${observation.value}`,
            )
            .sort();
          const byPeriod = leavesOf.get(definition.code) ?? new Map<string, string>();
          byPeriod.set(period, leaves.join("\n"));
          leavesOf.set(definition.code, byPeriod);
        }
      }
      cubeTimesByTable.set(definition.code, times);
      note(
        `  cube ${definition.code} (${definition.frequency}): p50 ${ms(percentile(times, 0.5))} ms, ` +
          `p95 ${ms(percentile(times, 0.95))} ms`,
      );
    }
    const cubeP50 = percentile(cubeTimes, 0.5);
    const cubeP95 = percentile(cubeTimes, 0.95);

    // 5. Anchor: a full scan of the records in DuckDB (the load is not timed as part of it).
    note("loading the records into DuckDB…");
    const instance = await DuckDBInstance.create(":memory:");
    const duck = await instance.connect();
    let duckTimes: number[] = [];
    let scanIdentical = true;
    let loadSeconds = 0;
    try {
      await duck.run(`create table facts (record_id varchar, kind varchar, person_key varchar, citizenship varchar,
        sex varchar, case_type varchar, date varchar, outcome varchar, instance varchar, region varchar)`);
      const loadStarted = performance.now();
      const appender = await duck.createAppender("facts");
      const columns = [
        "record_id",
        "kind",
        "person_key",
        "citizenship",
        "sex",
        "case_type",
        "date",
        "outcome",
        "instance",
        "region",
      ] as const;
      type FactRow = Record<(typeof columns)[number], string | null>;
      let loaded = 0;
      for (let lastId = ""; ; ) {
        const rows = (
          await database.raw.query<FactRow>(
            `select record_id, kind, person_key, citizenship, sex, case_type, date::text as date, outcome, instance,
               region from stat_records where record_id > $1 order by record_id limit 50000`,
            [lastId],
          )
        ).rows;
        if (rows.length === 0) break;
        for (const row of rows) {
          for (const column of columns) {
            const value = row[column];
            if (value === null) appender.appendNull();
            else appender.appendVarchar(value);
          }
          appender.endRow();
        }
        loaded += rows.length;
        lastId = rows.at(-1)?.record_id as string;
        process.stderr.write(`\rloaded ${loaded}/${range.records}`);
      }
      appender.flushSync();
      appender.closeSync();
      await duck.run("alter table facts alter date type date using cast(date as date)");
      loadSeconds = (performance.now() - loadStarted) / 1000;
      note(`\nloaded ${loaded} records into DuckDB in ${loadSeconds.toFixed(1)} s`);

      const scan = async (code: string, period: string) => {
        const query = scanQueries[code] as { columns: string[]; where: string };
        const months = monthsOfPeriod(period);
        const from = `${months[0]}-01`;
        const until = `${addMonthsToMonth(months.at(-1) as string, 1)}-01`;
        const keys = query.columns.map((column, index) => `${column} as k${index}`).join(", ");
        const reader = await duck.runAndReadAll(
          `select ${keys}, count(*)::integer as n from facts
           where ${query.where} and date >= date '${from}' and date < date '${until}' group by all`,
        );
        return reader.getRowObjects();
      };
      for (const { definition, periods } of plan) {
        if (!scanQueries[definition.code]) continue;
        for (const period of periods) await scan(definition.code, period); // warm-up, as for the cubes
        const times: number[] = [];
        for (const period of periods) {
          const started = performance.now();
          const rows = await scan(definition.code, period);
          times.push(performance.now() - started);
          const leaves = rows
            .map(
              (row) =>
                `${definition.dimensions.map((_, index) => String(row[`k${index}`])).join("|")}=${Number(row.n)}`,
            )
            .sort()
            .join("\n");
          if (leaves !== leavesOf.get(definition.code)?.get(period)) {
            if (scanIdentical) note(`  DuckDB and the cube differ: ${definition.code} ${period}`);
            scanIdentical = false;
          }
        }
        duckTimes = [...duckTimes, ...times];
        note(
          `  duckdb ${definition.code}: p50 ${ms(percentile(times, 0.5))} ms, p95 ${ms(percentile(times, 0.95))} ms`,
        );
      }
    } finally {
      duck.closeSync();
      instance.closeSync();
    }
    const scanTables = Object.keys(scanQueries);
    const cubeScanTimes = scanTables.flatMap((code) => cubeTimesByTable.get(code) ?? []);
    const cubeScanP95 = percentile(cubeScanTimes, 0.95);
    const duckP50 = percentile(duckTimes, 0.5);
    const duckP95 = percentile(duckTimes, 0.95);
    const speedUp = duckP95 / cubeScanP95;
    const identical = rebuildIdentical && scanIdentical;

    const tenMillion = 10_000_000 / eventsPerSecond;
    const lines = [
      `statistics at scale ${scale}: ${seeded.cases} cases, ${seeded.events} events, ${range.records} records, ` +
        `${rebuilt.cells} cube cells, months ${firstMonth}..${lastMonth} (seed ${seedSeconds.toFixed(0)} s)`,
      `  projection: ${projectionSeconds.toFixed(1)} s, ${eventsPerSecond.toFixed(0)} events/s ` +
        `(at that rate 10 million events: ${(tenMillion / 60).toFixed(0)} min)`,
      `  rebuild: ${rebuildSeconds.toFixed(1)} s; cubes identical to the projected ones: ${rebuildIdentical ? "yes" : "no"}`,
      `  cube tables (${tableDefinitions.length} tables × ${periodsPerTable} periods): p50 ${ms(cubeP50)} ms, ` +
        `p95 ${ms(cubeP95)} ms`,
      `  flow tables ${scanTables.join(", ")}: cube p95 ${ms(cubeScanP95)} ms | DuckDB full scan p50 ` +
        `${ms(duckP50)} ms, p95 ${ms(duckP95)} ms (load ${loadSeconds.toFixed(1)} s, not counted); ` +
        `speed-up ${speedUp.toFixed(2)}; leaf cells identical: ${scanIdentical ? "yes" : "no"}`,
      `statistics: events ${seeded.events}, cube p95 ${ms(cubeP95)} ms, duckdb scan ${ms(duckP95)} ms, ` +
        `speed-up ${speedUp.toFixed(2)}, identical ${identical ? "yes" : "no"}, rebuild ${rebuildSeconds.toFixed(1)} s`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await database.close();
  }
} finally {
  if (keep) note(`kept the database ${scratch} (KARVAN_BENCH_DATABASE=${scratch} measures it again)`);
  else await adminQuery(serverUrl as string, `drop database if exists ${scratch} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
}
