import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../src/app.js";
import {
  dedupeRegister,
  findCandidates,
  type PersonOccurrence,
  writeDedupeReport,
} from "../src/modules/people/index.js";
import { loadConfig } from "../src/platform/config/index.js";
import { type DatabaseHandle, openDatabase } from "../src/platform/db/index.js";
import { loadRegister, recordOf } from "./support/load-register.js";
import { adminQuery, databaseNamed, percentile } from "./support/scratch-database.js";
import { SyntheticPersons, type TruePerson } from "./support/synthetic-persons.js";

/**
 * The person register at scale: BENCH_PERSONS records (default 1,000,000) of synthetic persons, a
 * known share of them registered two or three times (other spellings and scripts, typing errors,
 * partial or swapped birth dates, renewed passports), loaded by COPY into a scratch database of the
 * PostgreSQL server named by DATABASE_URL (else the embedded database). Measures (a) findCandidates
 * for 1,000 new occurrences, p95 against the anchor of 50 ms, and (b) `karvan people dedupe` in
 * report mode against the anchor of 300 s, with the precision and recall of the pairs its clusters
 * make against the ground truth. BENCH_SEED changes the persons. BENCH_DATABASE=<name> keeps the
 * loaded register in that database of the server (made and loaded if missing, reused if loaded).
 */
const totalRecords = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const seed = Number(process.env.BENCH_SEED ?? 20_261_206);
const serverUrl = process.env.DATABASE_URL;
const keptDatabase = process.env.BENCH_DATABASE;
const scratch = keptDatabase ?? `karvan_bench_${randomBytes(4).toString("hex")}`;
const anchors = { candidatesP95Ms: 50, dedupeSeconds: 300 };
/** Share of persons with more than one record, and of those the share with three. */
const duplicated = { persons: 0.08, thrice: 0.2 };
const lookups = 1000;

const synthetic = new SyntheticPersons(seed);
/** The true person of each record: the ground truth. */
const personOfRecord = new Int32Array(totalRecords);
/** True persons kept for the lookups: a later record of each is looked up. */
const kept: TruePerson[] = [];

function* records(): Generator<{ record: number; occurrence: PersonOccurrence }> {
  let record = 0;
  let person = 0;
  const emit = (occurrence: PersonOccurrence) => {
    personOfRecord[record] = person;
    return { record: record++, occurrence };
  };
  while (record < totalRecords) {
    const truth = synthetic.truePerson();
    if (kept.length < lookups) kept.push({ ...truth });
    yield emit(synthetic.firstRecord(truth));
    const copies = synthetic.chance(duplicated.persons) ? (synthetic.chance(duplicated.thrice) ? 2 : 1) : 0;
    for (let copy = 0; copy < copies && record < totalRecords; copy++)
      yield emit(synthetic.laterRecord(truth));
    person++;
  }
}

async function openScratch(): Promise<DatabaseHandle> {
  if (!serverUrl) return openDatabase({});
  if (!keptDatabase || !(await databaseExists(serverUrl, keptDatabase))) {
    await adminQuery(serverUrl, `create database ${scratch}`);
  }
  return openDatabase({ databaseUrl: databaseNamed(serverUrl, scratch), poolSize: 2 });
}

async function databaseExists(url: string, name: string): Promise<boolean> {
  const handle = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    return (await handle.raw.query("select 1 from pg_database where datname = $1", [name])).rows.length > 0;
  } finally {
    await handle.close();
  }
}

/** Records already in a kept database (then they are not loaded again; the generator still runs for the truth). */
async function registeredPersons(database: DatabaseHandle): Promise<number> {
  const { rows } = await database.raw.query<{ count: number }>(
    "select count(*)::int as count from people_persons",
  );
  return rows[0]?.count ?? 0;
}

/**
 * CPU time (clock ticks of 1/100 s) of the server processes working for the scratch database, when
 * the server runs on this machine: on a shared, loaded machine CPU-seconds compare runs where wall
 * time does not. The dedupe's session lives from start to end, so two readings cover it.
 */
async function serverTicks(): Promise<Map<string, number> | null> {
  if (!serverUrl) return null;
  const ticks = new Map<string, number>();
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const title = await readFile(`/proc/${pid}/cmdline`, "utf8");
      if (!title.startsWith("postgres: ") || !title.includes(` ${scratch} `)) continue;
      const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

/** Server CPU-seconds between two readings: processes started meanwhile count from zero, ended ones are lost. */
function serverSeconds(before: Map<string, number> | null, after: Map<string, number> | null): string {
  if (!before || !after || after.size === 0) return "server CPU not measured";
  let spent = 0;
  for (const [pid, ticks] of after) spent += ticks - (before.get(pid) ?? 0);
  return `PostgreSQL ${(spent / 100).toFixed(1)} CPU-s`;
}

/** (a) Lookups of new occurrences: seven in ten are another record of a registered person, three a new person. */
async function candidateLatencies(database: DatabaseHandle): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < lookups; index++) {
    const truth = kept[index];
    const occurrence =
      truth && index % 10 < 7 ? synthetic.laterRecord(truth) : synthetic.firstRecord(synthetic.truePerson());
    const started = performance.now();
    await findCandidates(database.db, occurrence);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Pairs of records of one true person, among all pairs the clusters make, and among all true pairs. */
function precisionAndRecall(clusters: string[][]): { precision: number; recall: number } {
  let predicted = 0;
  let correct = 0;
  for (const cluster of clusters) {
    const persons = cluster.map((id) => personOfRecord[recordOf(id)]);
    const sizes = new Map<number | undefined, number>();
    for (const person of persons) sizes.set(person, (sizes.get(person) ?? 0) + 1);
    predicted += (cluster.length * (cluster.length - 1)) / 2;
    for (const size of sizes.values()) correct += (size * (size - 1)) / 2;
  }
  let truePairs = 0;
  for (let record = 0; record < totalRecords; ) {
    let size = 1;
    while (record + size < totalRecords && personOfRecord[record + size] === personOfRecord[record]) size++;
    truePairs += (size * (size - 1)) / 2;
    record += size;
  }
  return {
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: truePairs === 0 ? 1 : correct / truePairs,
  };
}

const database = await openScratch();
const reportDir = await mkdtemp(path.join(tmpdir(), "karvan-bench-people-"));
try {
  await prepareDatabase(database);
  let started = performance.now();
  let loaded = await registeredPersons(database);
  if (loaded === 0) {
    loaded = await loadRegister(database, records());
    await database.raw.query("vacuum analyze people_persons, people_names, people_documents, people_keys");
    const loadSeconds = (performance.now() - started) / 1000;
    process.stderr.write(`loaded ${loaded} records in ${loadSeconds.toFixed(1)} s (${database.kind})\n`);
  } else {
    for (const _ of records());
    await database.raw.query("delete from people_model");
    process.stderr.write(`${loaded} records already loaded in ${scratch}\n`);
  }

  const latencies = await candidateLatencies(database);
  const p50 = percentile(latencies, 0.5);
  const p95 = percentile(latencies, 0.95);
  const p99 = percentile(latencies, 0.99);
  process.stderr.write(
    `findCandidates, ${lookups} occurrences: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms\n`,
  );

  const config = loadConfig();
  started = performance.now();
  const rssBefore = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  const serverBefore = await serverTicks();
  const result = await dedupeRegister(database.db, {
    thresholds: { link: config.peopleLinkScore, review: config.peopleReviewScore },
  });
  await writeDedupeReport(path.join(reportDir, "dedupe.csv"), result);
  const dedupeSeconds = (performance.now() - started) / 1000;
  const serverAfter = await serverTicks();
  const cpu = process.cpuUsage(cpuBefore);
  const { precision, recall } = precisionAndRecall(result.clusters);
  process.stderr.write(
    `dedupe: ${result.persons} persons, ${result.blocks} blocks (${result.oversizedBlocks} by neighbourhood), ` +
      `${result.candidatePairs} pairs compared, bands ${result.bands.link.toFixed(1)} / ${result.bands.review.toFixed(1)}, ${result.links} links (${result.ambiguousLinks} ambiguous sent to review), ${result.reviews} to review, ` +
      `${result.clusters.length} clusters${result.modelEstimated ? ", model estimated first" : ""}; ` +
      `${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s in this process, ` +
      `${serverSeconds(serverBefore, serverAfter)}, ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (${Math.round(rssBefore / 1024)} MB before)\n`,
  );
  process.stdout.write(
    `people-register: persons ${loaded}, candidates p95 ${p95.toFixed(1)} ms (anchor ${anchors.candidatesP95Ms}), ` +
      `dedupe ${dedupeSeconds.toFixed(1)} s (anchor ${anchors.dedupeSeconds}), ` +
      `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}\n`,
  );
} finally {
  await database.close();
  await rm(reportDir, { recursive: true, force: true });
  if (serverUrl && !keptDatabase)
    await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
}
