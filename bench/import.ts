import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { prepareDatabase } from "../src/app.js";
import { importFiles, readImportDirectory } from "../src/modules/statistics/index.js";
import { openDatabase } from "../src/platform/db/index.js";
import { adminQuery, databaseNamed } from "./support/scratch-database.js";

/**
 * `karvan import` of a previous system's export: BENCH_ROWS data lines (default 400,000) over the
 * ten files, written to a temporary folder, loaded into a scratch database of the PostgreSQL server
 * named by DATABASE_URL (else the embedded database). Prints rows per second beside the anchor,
 * 50,000 rows/s (a COPY-class load), and the process's peak resident memory.
 * BENCH_IMPORT_DIR=<folder> keeps the generated files there (made if missing, reused if present).
 * BENCH_IMPORT_THREAD=0 checks the lines on the main thread (on a server, large files are checked in a
 * worker thread), =1 in a thread whatever their size.
 */
const totalRows = Number(process.env.BENCH_ROWS ?? 400_000);
const serverUrl = process.env.DATABASE_URL;
const scratch = `karvan_bench_${randomBytes(4).toString("hex")}`;

/** Shares of the rows by file; persons are a quarter, the rest refer to them. */
const shares = {
  persons: 0.25,
  applications: 0.25,
  decisions: 0.2,
  permits: 0.15,
  detentions: 0.03,
  orders: 0.05,
  returns: 0.03,
  refusals: 0.02,
  illegal: 0.01,
  violations: 0.01,
};
const countOf = (share: number) => Math.max(1, Math.floor(totalRows * share));

/** A small deterministic generator, so that every run loads the same files. */
let seed = 20_260_301;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const pad = (n: number) => String(n).padStart(2, "0");
function dateIn(fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  return `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
}
function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function writeFile(
  dir: string,
  name: string,
  header: string,
  lines: (index: number) => string,
  count: number,
) {
  const stream = createWriteStream(path.join(dir, name));
  stream.write(`${header}\n`);
  for (let index = 0; index < count; index++) {
    if (!stream.write(`${lines(index)}\n`)) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "finish");
}

async function generate(dir: string): Promise<number> {
  const persons = countOf(shares.persons);
  const citizenships = ["SY", "AF", "IQ", "IR", "RU", "GE", "TR", "UA", "IN", "CN", ""];
  const regions = ["AZ-BA", "AZ-GA", "AZ-SM", "AZ-LA", ""];
  const person = () => `p${Math.floor(random() * persons)}`;
  await writeFile(
    dir,
    "persons.csv",
    "person_id,citizenship,stateless,sex,birth_date",
    (i) => {
      const citizenship = pick(citizenships);
      return `p${i},${citizenship},${citizenship === "" ? pick(["yes", "no"]) : "no"},${pick(["F", "M", "UNK", ""])},${random() < 0.05 ? "" : dateIn(1950, 2005)}`;
    },
    persons,
  );
  const applications = countOf(shares.applications);
  const lodged: string[] = [];
  const asylum: boolean[] = [];
  await writeFile(
    dir,
    "applications.csv",
    "application_id,person_id,case_type,lodged_on,closed_on,withdrawn,region",
    (i) => {
      const isAsylum = random() < 0.5;
      const on = dateIn(2015, 2024);
      lodged[i] = on;
      asylum[i] = isAsylum;
      const withdrawn = random() < 0.05;
      const closed = withdrawn || random() < 0.6 ? daysAfter(on, 30 + Math.floor(random() * 300)) : "";
      return `a${i},${person()},${isAsylum ? "asylum" : "temporary-residence-permit"},${on},${closed},${withdrawn ? "yes" : "no"},${pick(regions)}`;
    },
    applications,
  );
  await writeFile(
    dir,
    "decisions.csv",
    "decision_id,application_id,instance,decided_on,outcome",
    (i) => {
      const application = Math.floor(random() * applications);
      const outcome = asylum[application]
        ? pick(["GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"])
        : pick(["GRANTED", "REFUSED", "CLOSED"]);
      return `d${i},a${application},${pick(["first", "final"])},${daysAfter(lodged[application] as string, 20 + Math.floor(random() * 200))},${outcome}`;
    },
    countOf(shares.decisions),
  );
  await writeFile(
    dir,
    "permits.csv",
    "permit_id,person_id,case_type,reason,valid_from,valid_to,region",
    (i) => {
      const from = dateIn(2015, 2025);
      return `m${i},${person()},temporary-residence-permit,${pick(["FAM", "EDUC", "OCC", "OTH"])},${from},${daysAfter(from, 365)},${pick(regions)}`;
    },
    countOf(shares.permits),
  );
  await writeFile(
    dir,
    "detentions.csv",
    "detention_id,person_id,started_on,ended_on,region",
    (i) => {
      const from = dateIn(2015, 2024);
      return `t${i},${person()},${from},${random() < 0.8 ? daysAfter(from, 1 + Math.floor(random() * 90)) : ""},${pick(regions)}`;
    },
    countOf(shares.detentions),
  );
  const orders = countOf(shares.orders);
  const orderPerson: string[] = [];
  const issued: string[] = [];
  await writeFile(
    dir,
    "orders_to_leave.csv",
    "order_id,person_id,issued_on,region",
    (i) => {
      orderPerson[i] = person();
      issued[i] = dateIn(2015, 2024);
      return `o${i},${orderPerson[i]},${issued[i]},${pick(regions)}`;
    },
    orders,
  );
  await writeFile(
    dir,
    "returns.csv",
    "return_id,person_id,returned_on,order_id",
    (i) => {
      const order = Math.floor(random() * orders);
      return `r${i},${orderPerson[order]},${daysAfter(issued[order] as string, Math.floor(random() * 60))},o${order}`;
    },
    countOf(shares.returns),
  );
  for (const [name, header, prefix, share] of [
    ["refusals_of_entry.csv", "refusal_id,person_id,refused_on,region", "x", shares.refusals],
    ["illegal_presence.csv", "finding_id,person_id,found_on,region", "f", shares.illegal],
    ["violation_decisions.csv", "decision_id,person_id,decided_on,region", "v", shares.violations],
  ] as const) {
    await writeFile(
      dir,
      name,
      header,
      (i) => `${prefix}${i},${person()},${dateIn(2015, 2025)},${pick(regions)}`,
      countOf(share),
    );
  }
  return Object.values(shares).reduce((sum, share) => sum + countOf(share), 0);
}

/** Data lines of the files already in the folder. */
async function countLines(folder: string): Promise<number> {
  let lines = 0;
  for (const name of await readdir(folder)) {
    for await (const chunk of createReadStream(path.join(folder, name))) {
      for (const byte of chunk as Buffer) if (byte === 10) lines++;
    }
    lines -= 1;
  }
  return lines;
}

/** Processes seen not to work for the scratch database: read once, not at every reading. */
const otherProcesses = new Set<string>();

/**
 * CPU time (user + system, in clock ticks of 1/100 s) of each server process working for the scratch database
 * (its backends and autovacuum workers, named by their process title), when the server runs on this
 * machine: on a shared, loaded machine CPU-seconds compare runs where wall time does not.
 */
async function serverTicks(): Promise<Map<string, number> | null> {
  if (!serverUrl) return null;
  const ticks = new Map<string, number>();
  try {
    for (const pid of await readdir("/proc")) {
      if (!/^\d+$/.test(pid) || otherProcesses.has(pid)) continue;
      try {
        const title = await readFile(`/proc/${pid}/cmdline`, "utf8");
        if (!title.startsWith("postgres: ") || !title.includes(` ${scratch} `)) {
          otherProcesses.add(pid);
          continue;
        }
        const stat = await readFile(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return null;
  }
  return ticks;
}

/**
 * Reads the server's CPU time every 100 ms while the import runs, keeping each process's latest
 * reading: the import opens a session of its own for its ids, which has ended by the last reading.
 */
function watchServerTicks(before: Map<string, number> | null): () => Promise<Map<string, number> | null> {
  if (!before) return async () => null;
  const latest = new Map(before);
  const read = async () => {
    for (const [pid, ticks] of (await serverTicks()) ?? []) latest.set(pid, ticks);
  };
  const timer = setInterval(() => void read(), 100);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await read();
    return latest;
  };
}

/** Server CPU-seconds spent between two readings (processes started meanwhile count from zero). */
function serverSeconds(before: Map<string, number> | null, after: Map<string, number> | null): string {
  if (!before || !after || after.size === 0) return "server CPU-s not measured (server not on this machine)";
  let spent = 0;
  for (const [pid, ticks] of after) spent += ticks - (before.get(pid) ?? 0);
  return `PostgreSQL ${(spent / 100).toFixed(1)} CPU-s`;
}

async function openScratch() {
  if (!serverUrl) return openDatabase({});
  await adminQuery(serverUrl, `create database ${scratch}`);
  return openDatabase({ databaseUrl: databaseNamed(serverUrl, scratch), poolSize: 2 });
}

const keptDir = process.env.BENCH_IMPORT_DIR;
const thread = process.env.BENCH_IMPORT_THREAD;
const inThread = thread === undefined ? {} : { inThread: thread === "1" };
const dir = keptDir ?? (await mkdtemp(path.join(tmpdir(), "karvan-bench-import-")));
const reuse = keptDir !== undefined && existsSync(path.join(keptDir, "persons.csv"));
const database = await openScratch();
try {
  await prepareDatabase(database);
  if (keptDir) await mkdir(keptDir, { recursive: true });
  const rows = reuse ? await countLines(dir) : await generate(dir);
  const rssBefore = process.resourceUsage().maxRSS;
  const serverBefore = await serverTicks();
  const serverAfter = watchServerTicks(serverBefore);
  // The collector's pauses on this thread (a checking thread's are its own and not seen here).
  let gcMs = 0;
  let collections = 0;
  const gcWatch = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      gcMs += entry.duration;
      collections += 1;
    }
  });
  gcWatch.observe({ entryTypes: ["gc"] });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await importFiles(
    database.db,
    await readImportDirectory(dir),
    { importedBy: "bench", at: new Date("2026-01-15T10:00:00Z") },
    inThread,
  );
  const seconds = (performance.now() - started) / 1000;
  if (!result.imported) {
    throw new Error(`the generated files were refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  gcWatch.disconnect();
  const server = serverSeconds(serverBefore, await serverAfter());
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `import (${database.kind}): ${rows} rows, ${result.report.records} records in ${seconds.toFixed(1)} s, ` +
      `${Math.round(rows / seconds)} rows/s, this process ${cpuSeconds.toFixed(1)} CPU-s ` +
      `(main thread's collector ${(gcMs / 1000).toFixed(1)} s in ${collections} pauses), ${server}, ` +
      `peak RSS ${peakMb} MB (${Math.round(rssBefore / 1024)} MB before the import), ` +
      "anchor 50,000 rows/s\n",
  );
} finally {
  await database.close();
  if (!keptDir) await rm(dir, { recursive: true, force: true });
  if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
}
