import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { prepareDatabase } from "../src/app.js";
import { insertDemoPopulation } from "../src/demo/index.js";
import { generateApiKey } from "../src/modules/access/api-keys/api-key-format.js";
import { caseTypeSchema } from "../src/modules/cases/definition/case-type.js";
import { personsOfAnswers } from "../src/modules/cases/index.js";
import { registerLockKeys } from "../src/modules/people/operations/register-case-occurrences.js";
import { blockingKeysOf, matchViewOf, nameOfOccurrence } from "../src/modules/people/register/occurrence.js";
import { stayRegistration } from "../src/modules/permits/case-types/stay-registration.js";
import { type DatabaseHandle, openDatabase } from "../src/platform/db/index.js";
import { createSelfSignedSealP12 } from "../src/platform/pdf/index.js";
import { type AnswerCounts, answerCounts, shareWithin } from "./support/answer-times.js";
import { type HotelGuest, HotelGuests } from "./support/hotel-guests.js";
import { cpuSharesBetween, machineCpuTicks } from "./support/machine-cpu.js";
import { type PacedResult, pacedRequests } from "./support/paced-requests.js";
import { adminQuery, percentile } from "./support/scratch-database.js";

/**
 * Stay registrations through the API, against what the database can do. Karvan runs in its own
 * process on a scratch database of the PostgreSQL server named by DATABASE_URL (production mode,
 * jobs and audit sealing on, no request log); autocannon (flat out) and `pacedRequests` (paced)
 * send `POST /api/v1/cases/stay-registration` with guests as BENCH_GUESTS says (below), a unique
 * idempotency key each and hotels' keys in turn. The anchor is pgbench running the same writes as one registration (its events, the case
 * row, the audit record and the idempotency record, and the person register's: the guest's key
 * lock, the person with their name, document, blocking keys and link to the case) as one
 * transaction, at the same concurrency: ratio = req/s ÷ tps. The register's rows are those Karvan's own functions make of a guest, their
 * keys made unique per transaction as different guests' are. The register's reads are Karvan's own
 * work: the anchor has none.
 * Two runs of Karvan, after a warm-up (`warmUpSeconds`): flat out (its req/s, hence the ratio), then paced at 40 % of pgbench's TPS
 * (the target load; BENCH_PACED_SHARE sets another share), whose latencies the last line reports.
 * The paced run is an open load (`pacedRequests`): requests fall due at an even pace whatever the
 * answers, and each latency counts from when its request fell due, waits included. Both runs give
 * Karvan's CPU per registration (from /proc), which differs between them: groups are smaller at a pace.
 * Targets: ratio >= 0.40, p99 < 50 ms at 40 % of pgbench's TPS, no errors.
 */
const serverUrl = process.env.DATABASE_URL;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
/**
 * Seconds of load before Karvan is measured. A fresh server's code is still being compiled: after a
 * warm-up of 3 s, 3-s windows ran at 295, 380, 411 and then 410–457 req/s, and its CPU per
 * registration fell from 3.1 to 1.5–1.7 ms. pgbench runs at its rate from the first second.
 */
const warmUpSeconds = Number(process.env.BENCH_WARMUP ?? 15);
if (!(Number.isFinite(warmUpSeconds) && warmUpSeconds >= 0)) {
  process.stderr.write("registration: BENCH_WARMUP must be a number of seconds, 0 or more\n");
  process.exit(2);
}
/** Each key may make 120 requests a minute: enough hotels that the rate limit never answers. */
const hotels = 600;
const pgbench = process.env.PGBENCH ?? "/usr/bin/pgbench";
/** The p99 the paced run is judged against, in milliseconds. */
const latencyTargetMs = 50;
/** The share of pgbench's TPS at which latency is judged (BENCH_PACED_SHARE measures it at another). */
const targetShare = Number(process.env.BENCH_PACED_SHARE ?? 0.4);

if (!serverUrl) {
  process.stderr.write(
    "registration: set DATABASE_URL to a PostgreSQL server (a scratch database is made there)\n",
  );
  process.exit(2);
}
if (!existsSync(pgbench)) {
  process.stderr.write(
    `registration: ${pgbench} is missing; install Debian's PostgreSQL client (apt-get install postgresql-client) or set PGBENCH\n`,
  );
  process.exit(2);
}

const scratch = `karvan_bench_${randomBytes(4).toString("hex")}`;
const scratchUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  return url.toString();
})();
const workDir = mkdtempSync(path.join(tmpdir(), "karvan-bench-registration-"));

/** Hotels with an API key each (scope stay-registrations:write), written straight to the scratch database. */
async function hotelKeys(
  database: DatabaseHandle,
): Promise<{ keys: string[]; keyIds: string[]; hostIds: string[] }> {
  const hostIds = await insertDemoPopulation(
    database.db,
    Array.from({ length: hotels }, (_, index) => ({
      email: `reception.${index}@hotel-${index}.example.az`,
      fullName: `Hotel ${index} LLC`,
      kind: "public" as const,
      roles: ["host_employer"],
    })),
    new Date(),
  );
  const keys = hostIds.map(() => generateApiKey());
  const rows = await database.raw.query<{ id: string }>(
    `insert into api_keys (user_id, name, prefix, key_hash, scopes)
     select user_id, 'Front desk', prefix, key_hash, array['stay-registrations:write']
     from jsonb_to_recordset($1::jsonb) as r(user_id uuid, prefix text, key_hash text) returning id`,
    [
      JSON.stringify(
        keys.map((key, index) => ({ user_id: hostIds[index], prefix: key.prefix, key_hash: key.hash })),
      ),
    ],
  );
  return { keys: keys.map((key) => key.key), keyIds: rows.rows.map((row) => row.id), hostIds };
}

/**
 * BENCH_GUESTS: `synthetic` (default) registers `HotelGuests`: persons with Zipf-distributed names
 * and birth dates over six decades, each with a passport of their own, a fifth of them coming back
 * with the same passport, one stream through every run. `sequential` registers the guests of the
 * older figures in docs/people.md: 10 given names × 10 surnames, birth dates cycling through a few
 * patterns and passport numbers counting up by one, so that each guest's passport is one typing
 * error away from another's: the register links nearly every guest to one of 100 persons, who
 * gather a passport per stay (up to about 90 each), which no real register holds.
 */
const guestSource = process.env.BENCH_GUESTS ?? "synthetic";
if (!["synthetic", "sequential"].includes(guestSource)) {
  process.stderr.write(`registration: BENCH_GUESTS must be synthetic or sequential, not ${guestSource}\n`);
  process.exit(2);
}
const givenNames = ["Mehmet", "Olga", "Reza", "Aziz", "Nino", "Ahmad", "Fatima", "Ivan", "Zeynep", "Maryam"];
const surnames = [
  "Yilmaz",
  "Ivanova",
  "Ahmadi",
  "Karimov",
  "Beridze",
  "Haddad",
  "Rahimi",
  "Petrov",
  "Kaya",
  "Hosseini",
];
const citizenships = ["TR", "RU", "IR", "UZ", "GE", "SY", "AF", "UA", "KZ", "IN"];
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const hotelGuests = new HotelGuests(2026);

/** The person of request n: a sequential guest, or the next of the synthetic stream. */
function guestPerson(n: number): HotelGuest {
  if (guestSource === "synthetic") return hotelGuests.next();
  return {
    fullName: `${givenNames[n % 10]} ${surnames[Math.floor(n / 10) % 10]}`,
    birthDate: `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`,
    citizenship: citizenships[n % citizenships.length] as string,
    passport: `P${String(10_000_000 + n)}`,
  };
}

/** A stay of request n's guest: arrived a day or more ago, leaving within weeks, at one of the hotels. */
function stayOf(n: number, person: HotelGuest) {
  return {
    guestFullName: person.fullName,
    guestBirthDate: person.birthDate,
    guestCitizenship: person.citizenship,
    guestPassportNumber: person.passport,
    arrivalDate: isoDay(-1 - (n % 10)),
    departureDate: isoDay(2 + (n % 30)),
    accommodation: "hotel",
    hostName: `Hotel ${n % hotels}`,
    stayAddress: {
      street: `Neftchilar avenue ${1 + (n % 150)}`,
      city: "Baku",
      region: "AZ-BA",
      postcode: "AZ1000",
    },
  };
}

/** The guest the anchor writes: a new person, as most guests are. */
const anchorGuest = stayOf(7, new HotelGuests(7).next());

/**
 * BENCH_STATISTICS: `on` (default) keeps the statistics current inside the server, `worker` in a
 * `karvan stats follow` process beside it, `outbox` only records the changes for them (the trigger,
 * no projector), `off` not at all, not even the outbox trigger (the writes alone). `cost` measures
 * what the statistics cost: BENCH_ROUNDS rounds (default 4) of flat-out runs without statistics and
 * with them (BENCH_COST_WITH=on|worker|outbox, default on), in the order off-on, on-off, off-on…
 * so that what weighs on the second run of a round (the first run's rows being vacuumed, the
 * tables' growth) falls on both sides alike; the cost is the mean of the rounds' relative loss of
 * req/s (an even number of rounds cancels the order out).
 */
type StatisticsMode = "on" | "worker" | "outbox" | "off";
/**
 * BENCH_SERVER: `karvan` (default), or the floor under it (`bench/support/anchor-server.ts`): a bare
 * Node.js server that answers each registration with the anchor's own writes, each statement in its
 * own round trip as pgbench sends them (`floor-statements`) or all in one (`floor-one`). The same
 * runs, load and pgbench measure it, so that its figures say what the machine leaves any Node.js
 * server in front of these writes. It keeps the statistics' outbox trigger (one of the writes) and
 * projects nothing: BENCH_STATISTICS is `outbox` for it unless `off` is asked for.
 */
const serverKind = process.env.BENCH_SERVER ?? "karvan";
if (!["karvan", "floor-statements", "floor-one"].includes(serverKind)) {
  process.stderr.write(
    `registration: BENCH_SERVER must be karvan, floor-statements or floor-one, not ${serverKind}\n`,
  );
  process.exit(2);
}
const floor = serverKind !== "karvan";
const serverName = floor ? "Floor server" : "Karvan";
const statisticsMode = process.env.BENCH_STATISTICS ?? (floor ? "outbox" : "on");
if (floor && !["outbox", "off"].includes(statisticsMode)) {
  process.stderr.write(
    "registration: the floor server projects no statistics; BENCH_STATISTICS must be outbox or off\n",
  );
  process.exit(2);
}
const costWith = process.env.BENCH_COST_WITH ?? "on";
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
if (!["on", "worker", "outbox", "off", "cost"].includes(statisticsMode)) {
  process.stderr.write(
    `registration: BENCH_STATISTICS must be on, worker, outbox, off or cost, not ${statisticsMode}\n`,
  );
  process.exit(2);
}
if (!["on", "worker", "outbox"].includes(costWith) || !(Number.isInteger(rounds) && rounds > 0)) {
  process.stderr.write(
    "registration: BENCH_COST_WITH must be on, worker or outbox, BENCH_ROUNDS a whole number above 0\n",
  );
  process.exit(2);
}

/**
 * The `karvan stats follow` worker, once it says it is following: loading it costs seconds of CPU
 * that belong to no registration, so the runs start after that.
 */
async function startStatisticsWorker(
  mode: StatisticsMode,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess | null> {
  if (mode !== "worker") return null;
  const workerArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const worker = spawn(process.execPath, [...workerArgs, "bin/karvan.js", "stats", "follow"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    worker.stderr?.on("data", (chunk: Buffer) => {
      // Its errors are shown; its greeting is the sign it is ready.
      if (stderr.includes("Keeping the statistics current")) process.stderr.write(chunk);
      stderr += chunk.toString();
      if (stderr.includes("Keeping the statistics current")) resolve();
    });
    worker.once("exit", () => reject(new Error(`karvan stats follow exited: ${stderr}`)));
  });
  return worker;
}

let statisticsWorker: ChildProcess | null = null;

/**
 * Seconds until the projector has taken every registration from the outbox (null when off): a
 * projector that fell behind would only defer its cost, so the run is judged with the lag it left.
 */
async function waitForStatistics(mode: StatisticsMode): Promise<number | null> {
  if (mode === "off" || mode === "outbox") return null;
  const database = await openDatabase({ databaseUrl: scratchUrl, poolSize: 1 });
  const started = Date.now();
  try {
    for (;;) {
      const { rows } = await database.raw.query<{ waiting: number }>(
        "select count(*)::int as waiting from case_change_outbox",
      );
      if ((rows[0]?.waiting ?? 0) === 0) return (Date.now() - started) / 1000;
      if (Date.now() - started > 300_000)
        throw new Error("the statistics projector did not catch up in 5 minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await database.close();
  }
}

const secret = () => randomBytes(32).toString("base64url");
/** Lets the benchmark read Karvan's metrics: its own answer times (`bench/support/answer-times.ts`). */
const metricsToken = secret();

async function startKarvan(port: number, mode: StatisticsMode): Promise<ChildProcess> {
  // Production needs a seal certificate; the benchmark's own is self-signed and never seals anything real.
  const sealPassphrase = secret();
  const sealFile = path.join(workDir, "bench-seal.p12");
  writeFileSync(
    sealFile,
    createSelfSignedSealP12({
      commonName: "Karvan benchmark",
      organization: "Karvan",
      demo: false,
      passphrase: sealPassphrase,
    }),
  );
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server's side.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  if (floor)
    return startServer(port, [...nodeArgs, "--import", "tsx", "bench/support/anchor-server.ts"], {
      ...process.env,
      DATABASE_URL: scratchUrl,
      PORT: String(port),
      FLOOR_SCRIPT: anchorScriptFile,
      FLOOR_TRIPS: serverKind === "floor-one" ? "one" : "statements",
      FLOOR_CONNECTIONS: String(connections),
    });
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: scratchUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    KARVAN_DATA_DIR: workDir,
    KARVAN_PUBLIC_URL: "https://karvan.bench.invalid",
    KARVAN_SESSION_SECRET: secret(),
    KARVAN_AUDIT_KEY: secret(),
    KARVAN_FILE_KEY: secret(),
    KARVAN_SEAL_P12: sealFile,
    KARVAN_SEAL_PASSPHRASE: sealPassphrase,
    KARVAN_DEMO: "false",
    KARVAN_JOBS: "true",
    KARVAN_METRICS_TOKEN: metricsToken,
    KARVAN_STATISTICS_PROJECTOR: mode === "on" ? "true" : "false",
    LOG_LEVEL: "silent",
  };
  const child = await startServer(port, [...nodeArgs, "bin/karvan.js", "serve", "--no-demo-seed"], env);
  // After the server has migrated the database: the worker migrates nothing then.
  statisticsWorker = await startStatisticsWorker(mode, env);
  return child;
}

/** A server process, once it answers on `/ready`. */
async function startServer(port: number, args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.at(-1)} exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) {
        // The floor server says each kind of failure once; Karvan's failures show as status codes.
        if (floor) child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Request n of a run: a stay at one of the hotels, sent with that hotel's key and a key of its own. */
function registrationRequest(run: string, n: number, keys: string[]) {
  return {
    method: "POST" as const,
    path: "/api/v1/cases/stay-registration",
    headers: {
      authorization: `Bearer ${keys[n % keys.length]}`,
      "content-type": "application/json",
      "idempotency-key": `${run}-${n}`,
    },
    body: JSON.stringify({ answers: stayOf(n, guestPerson(n)) }),
  };
}

/** Registrations flat out: each connection sends its next request as soon as the last is answered. */
function registrations(port: number, keys: string[], duration: number): Promise<autocannon.Result> {
  let sequence = 0;
  const run = randomBytes(3).toString("hex");
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration,
        requests: [
          { setupRequest: (request) => ({ ...request, ...registrationRequest(run, sequence++, keys) }) },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** Registrations at an even pace of `rate` a second, as guests arrive (see `pacedRequests`). */
function pacedRegistrations(port: number, keys: string[], rate: number): Promise<PacedResult> {
  const run = randomBytes(3).toString("hex");
  return pacedRequests({
    origin: `http://127.0.0.1:${port}`,
    rate,
    seconds,
    connections,
    request: (n) => registrationRequest(run, n, keys),
  });
}

const errorsOf = (result: autocannon.Result) => result.errors + result.timeouts + result.non2xx;
const rateOf = (result: autocannon.Result) => (result["2xx"] ?? 0) / result.duration;

/** No statistics at all: not even the outbox row each registration writes for them. */
async function useOutboxTrigger(mode: StatisticsMode): Promise<void> {
  const toggle = mode === "off" ? "disable" : "enable";
  await adminQuery(scratchUrl, `alter table case_events ${toggle} trigger case_events_change_outbox`);
}

/** A Karvan server in this mode for the duration of `work`, then stopped with its worker. */
async function withKarvan<T>(
  mode: StatisticsMode,
  work: (port: number, pid: number | undefined) => Promise<T>,
): Promise<T> {
  await useOutboxTrigger(mode);
  const port = 3900 + Math.floor(Math.random() * 90);
  const karvan = await startKarvan(port, mode);
  try {
    return await work(port, karvan.pid);
  } finally {
    await stop(karvan);
    if (statisticsWorker) await stop(statisticsWorker);
    statisticsWorker = null;
  }
}

function reportStatusCodes(result: autocannon.Result): void {
  if (result.non2xx > 0) process.stderr.write(`status codes: ${JSON.stringify(result.statusCodeStats)}\n`);
}

const pacedErrorsOf = (result: PacedResult) => Object.values(result.failures).reduce((sum, n) => sum + n, 0);

function reportPacedFailures(result: PacedResult): void {
  if (pacedErrorsOf(result) > 0) process.stderr.write(`paced failures: ${JSON.stringify(result.failures)}\n`);
}

/**
 * The CPU seconds a process has used (user and system, all its threads), from /proc: what a run
 * costs the server whatever else the machine is doing; null where /proc is missing.
 */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface RegisterOutcomes {
  created: number;
  linked: number;
  review: number;
}

/** The register's links and review items so far (pgbench's rows among them). */
async function registerCounts(): Promise<RegisterOutcomes> {
  const database = await openDatabase({ databaseUrl: scratchUrl, poolSize: 1 });
  try {
    const { rows } = await database.raw.query<RegisterOutcomes>(
      `select count(*) filter (where how = 'new')::int as created, count(*) filter (where how <> 'new')::int as linked,
         (select count(*)::int from people_review_items) as review
       from people_case_links`,
    );
    return rows[0] ?? { created: 0, linked: 0, review: 0 };
  } finally {
    await database.close();
  }
}

/** What the register made of Karvan's registrations: the counts after them less those before. */
function madeBetween(before: RegisterOutcomes, after: RegisterOutcomes): RegisterOutcomes {
  return {
    created: after.created - before.created,
    linked: after.linked - before.linked,
    review: after.review - before.review,
  };
}

/** What the register made of Karvan's registrations in all the runs together. */
function outcomesLine(made: RegisterOutcomes): string {
  return (
    `register (${guestSource} guests): ${made.created} new persons, ` +
    `${made.linked} guests linked to a person, ${made.review} sent to review`
  );
}

/**
 * BENCH_PAIRS (default 1; an odd number): pgbench, then Karvan flat out, this many times in turn,
 * each Karvan run on a fresh server. The ratio is the median of the pairs' ratios (req/s and TPS
 * each the median of their own): a machine whose speed drifts between runs moves both sides of a
 * pair alike.
 */
const pairs = Number(process.env.BENCH_PAIRS ?? 1);
if (!(Number.isInteger(pairs) && pairs > 0)) {
  process.stderr.write("registration: BENCH_PAIRS must be a whole number above 0\n");
  process.exit(2);
}

const median = (values: number[]) => percentile(values, 0.5);

interface Pair {
  tps: number;
  flatOut: autocannon.Result;
  cpuSeconds: number | null;
}

/** Karvan flat out after a warm-up, with the CPU its process spent on the run. */
async function flatOutRun(port: number, pid: number | undefined, keys: string[]) {
  process.stderr.write(
    `${serverName}: warming up (${warmUpSeconds} s), then ${seconds} s flat out at ${connections} connections\n`,
  );
  if (warmUpSeconds > 0) await registrations(port, keys, warmUpSeconds);
  const { result: flatOut, cpuSeconds } = await withCpuSeconds(pid, () => registrations(port, keys, seconds));
  reportStatusCodes(flatOut);
  return { flatOut, cpuSeconds };
}

/** A run's result with the CPU seconds Karvan's process spent during it (null where /proc is missing). */
async function withCpuSeconds<T>(
  pid: number | undefined,
  run: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number | null }> {
  const before = cpuSecondsOf(pid);
  const result = await run();
  const after = cpuSecondsOf(pid);
  return { result, cpuSeconds: before === null || after === null ? null : after - before };
}

/** Karvan's answer counts for the registrations' route, from its metrics; null for the floor server, which has none. */
function registrationAnswers(port: number): Promise<AnswerCounts | null> {
  if (floor) return Promise.resolve(null);
  return answerCounts(`http://127.0.0.1:${port}`, metricsToken, "POST", "/api/v1/cases/:typeCode");
}

/**
 * Where the paced latencies were spent: the load generator's wait for one of its connections, and
 * the share of the requests Karvan answered within 25 and 50 ms from when it received them.
 */
function queuedText(paced: PacedResult, ownAnswers: { before: AnswerCounts; after: AnswerCounts } | null) {
  const wait = `waited for one of the ${connections} connections: p50 ${paced.connectionWait.p50} ms, p99 ${paced.connectionWait.p99} ms`;
  if (!ownAnswers) return `paced, ${wait}`;
  const share = (seconds: number) => {
    const within = shareWithin(ownAnswers.before, ownAnswers.after, seconds);
    return within === null ? "?" : `${(within * 100).toFixed(1)} %`;
  };
  return `paced, Karvan's own answer times (its metrics): ${share(0.025)} within 25 ms, ${share(0.05)} within 50 ms; ${wait}`;
}

/**
 * When the paced latencies were spent: the slowest second of the run (by the mean latency of the
 * requests due in it) and how many seconds averaged over the target, with the share of the
 * machine's CPU that was idle, and that the hypervisor gave to other machines, meanwhile.
 */
function overTimeText(paced: PacedResult, machine: { idle: number; stolen: number } | null): string {
  const seconds = paced.meanBySecond;
  const slowest = seconds.reduce((worst, mean, index) => (mean > (seconds[worst] ?? -1) ? index : worst), 0);
  const over = seconds.filter((mean) => mean > latencyTargetMs).length;
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  const cpu = machine
    ? `; the machine ${percent(machine.idle)} idle, ${percent(machine.stolen)} stolen by the hypervisor`
    : "";
  return (
    `paced, over time: the slowest second averaged ${seconds[slowest]} ms (second ${slowest + 1} of ${seconds.length}), ` +
    `${over} of ${seconds.length} averaged over ${latencyTargetMs} ms${cpu}`
  );
}

/** What Karvan's process spent on a run's registrations, or nothing where /proc is missing. */
function cpuText(cpuSeconds: number | null, served: number): string {
  if (cpuSeconds === null || served === 0) return "";
  return `, ${floor ? "the floor server's" : "Karvan's"} process ${cpuSeconds.toFixed(1)} CPU-s, ${((cpuSeconds * 1000) / served).toFixed(2)} ms per registration`;
}

function pairLine(pair: Pair): string {
  const rate = rateOf(pair.flatOut);
  return (
    `pgbench ${Math.round(pair.tps)} tps; flat out ${Math.round(rate)} req/s, p50 ${pair.flatOut.latency.p50} ms, ` +
    `p99 ${pair.flatOut.latency.p99} ms; ratio ${(rate / pair.tps).toFixed(2)}${cpuText(pair.cpuSeconds, pair.flatOut["2xx"] ?? 0)}`
  );
}

/**
 * One mode: pgbench's TPS and Karvan flat out in pairs (the ratio), then paced at the target share
 * of pgbench's median TPS (latencies), on the last pair's server.
 */
async function measureOne(
  mode: StatisticsMode,
  keys: string[],
  anchorTps: () => Promise<number>,
): Promise<void> {
  // Counted around each server's runs only: pgbench's rows between them are not registrations.
  const made: RegisterOutcomes = { created: 0, linked: 0, review: 0 };
  const done: Pair[] = [];
  let paced: PacedResult | undefined;
  let pacedCpuSeconds: number | null = null;
  let drainSeconds: number | null = null;
  let ownAnswers: { before: AnswerCounts; after: AnswerCounts } | null = null;
  let machine: { idle: number; stolen: number } | null = null;
  for (let pair = 1; pair <= pairs; pair++) {
    const tps = await anchorTps();
    const countsBefore = await registerCounts();
    ({ paced, pacedCpuSeconds, drainSeconds, ownAnswers, machine } = await withKarvan(
      mode,
      async (port, pid) => {
        done.push({ tps, ...(await flatOutRun(port, pid, keys)) });
        process.stderr.write(`${pairs > 1 ? `pair ${pair}: ` : ""}${pairLine(done.at(-1) as Pair)}\n`);
        if (pair < pairs) {
          return {
            paced: undefined,
            pacedCpuSeconds: null,
            drainSeconds: await waitForStatistics(mode),
            ownAnswers: null,
            machine: null,
          };
        }
        const targetRate = Math.round(median(done.map((one) => one.tps)) * targetShare);
        process.stderr.write(
          `${serverName}: ${seconds} s paced at ${targetRate} req/s (${targetShare * 100} % of pgbench)\n`,
        );
        // Karvan's CPU per registration at the target load: groups are smaller there than flat out.
        const answeredBefore = await registrationAnswers(port);
        const ticksBefore = machineCpuTicks();
        const run = await withCpuSeconds(pid, () => pacedRegistrations(port, keys, targetRate));
        const ticksAfter = machineCpuTicks();
        const answeredAfter = await registrationAnswers(port);
        return {
          paced: run.result,
          pacedCpuSeconds: run.cpuSeconds,
          drainSeconds: await waitForStatistics(mode),
          ownAnswers:
            answeredBefore && answeredAfter ? { before: answeredBefore, after: answeredAfter } : null,
          machine: ticksBefore && ticksAfter ? cpuSharesBetween(ticksBefore, ticksAfter) : null,
        };
      },
    ));
    const madeHere = madeBetween(countsBefore, await registerCounts());
    made.created += madeHere.created;
    made.linked += madeHere.linked;
    made.review += madeHere.review;
  }
  if (!paced) throw new Error("registration: the last pair made no paced run");
  reportPacedFailures(paced);
  process.stderr.write(
    `paced: ${Math.round(paced.ok / paced.seconds)} req/s, p50 ${paced.latency.p50} ms, p90 ${paced.latency.p90} ms, ` +
      `p99 ${paced.latency.p99} ms, max ${paced.latency.max} ms${cpuText(pacedCpuSeconds, paced.ok)}\n`,
  );
  process.stderr.write(`${queuedText(paced, ownAnswers)}\n`);
  process.stderr.write(`${overTimeText(paced, machine)}\n`);
  if (!floor) process.stderr.write(`${outcomesLine(made)}\n`);
  if (drainSeconds !== null) {
    process.stderr.write(
      `statistics (${mode}): every registration projected ${drainSeconds.toFixed(1)} s after the last request\n`,
    );
  }
  const rate = median(done.map((one) => rateOf(one.flatOut)));
  const tps = median(done.map((one) => one.tps));
  const ratio = median(done.map((one) => rateOf(one.flatOut) / one.tps));
  const errors = done.reduce((sum, one) => sum + errorsOf(one.flatOut), 0) + pacedErrorsOf(paced);
  process.stdout.write(
    `registration${floor ? ` ${serverKind}` : ""}: ${Math.round(rate)} req/s, p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms, ` +
      `errors ${errors}, pgbench ${Math.round(tps)} tps, ratio ${ratio.toFixed(2)}\n`,
  );
}

/** Flat-out req/s in one mode; with statistics, the run lasts until every registration is projected. */
async function flatOutRate(mode: StatisticsMode, keys: string[]): Promise<{ rate: number; errors: number }> {
  return withKarvan(mode, async (port) => {
    await registrations(port, keys, 3);
    const result = await registrations(port, keys, seconds);
    reportStatusCodes(result);
    const drain = await waitForStatistics(mode);
    // Work left behind is work not done: a lag beyond the projector's one-second pause between
    // passes (when it has caught up) counts against its run.
    const lag = Math.max(0, (drain ?? 0) - 1);
    const rate = (result["2xx"] ?? 0) / (result.duration + lag);
    process.stderr.write(
      `  ${mode.padEnd(6)} ${Math.round(rate)} req/s${drain === null ? "" : ` (projected ${drain.toFixed(1)} s after the last request)`}\n`,
    );
    return { rate, errors: errorsOf(result) };
  });
}

/** The statistics' cost: rounds of off and on, alternating which goes first. */
async function measureCost(keys: string[]): Promise<void> {
  const mode = costWith as StatisticsMode;
  const losses: number[] = [];
  const rates: Record<"off" | "on", number[]> = { off: [], on: [] };
  let errors = 0;
  for (let round = 0; round < rounds; round++) {
    process.stderr.write(`round ${round + 1} of ${rounds}: ${seconds} s flat out per side\n`);
    const order: StatisticsMode[] = round % 2 === 0 ? ["off", mode] : [mode, "off"];
    const rate: Partial<Record<StatisticsMode, number>> = {};
    for (const side of order) {
      const run = await flatOutRate(side, keys);
      rate[side] = run.rate;
      errors += run.errors;
    }
    const off = rate.off as number;
    const on = rate[mode] as number;
    rates.off.push(off);
    rates.on.push(on);
    losses.push((off - on) / off);
  }
  const mean = (losses.reduce((sum, loss) => sum + loss, 0) / losses.length) * 100;
  const range = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
  process.stdout.write(
    `registration: statistics (${mode}) cost ${mean.toFixed(1)} % of req/s (mean of ${rounds} rounds, ` +
      `${losses.map((loss) => `${(loss * 100).toFixed(1)} %`).join(", ")}), off ${range(rates.off)} req/s, ` +
      `${mode} ${range(rates.on)} req/s, errors ${errors}, target under 20 %\n`,
  );
}

const quoted = (value: string | null | undefined) =>
  value == null ? "null" : `'${value.replace(/'/g, "''")}'`;

/**
 * The person register's side of registering the anchor's guest as a new person, as Karvan's own functions
 * make it: the lock of the guest's strongest key, then the person, their name, document, blocking
 * keys and the link to the case. Keys and locks end in the transaction's numbers, as different
 * guests' keys differ.
 */
function registerWrites(caseId: string): string[] {
  const [guestOccurrence] = personsOfAnswers(caseTypeSchema.parse(stayRegistration), anchorGuest);
  if (!guestOccurrence) throw new Error("the stay registration declares no guest");
  const { occurrence } = guestOccurrence;
  const view = matchViewOf(occurrence);
  const name = nameOfOccurrence(occurrence);
  const unique = (key: string) => `${quoted(key)} || :a || '-' || :b`;
  const personId = "md5('person-' || :client_id || '-' || :a || '-' || :b)::uuid";
  const lockKeys = registerLockKeys([{ caseId: "pgbench", persons: [guestOccurrence] }]);
  return [
    `SELECT pg_advisory_xact_lock(hashtextextended('karvan.people.' || ${unique(lockKeys[0] ?? "")}, 0));`,
    `INSERT INTO people_persons (id, created_at, sex, birth_date, citizenships) VALUES (${personId}, now(),
      ${quoted(view.sex)}, ${quoted(view.birthDate)}, array[${quoted(view.citizenship)}]);`,
    `INSERT INTO people_names (id, person_id, given_names, family_name, full_name, script, given_comparable,
      family_comparable, given_phonetic, family_phonetic, added_at) VALUES (gen_random_uuid(), ${personId},
      ${quoted(name?.givenNames)}, ${quoted(name?.familyName)}, ${quoted(name?.fullName)}, ${quoted(name?.script)},
      ${quoted(name?.givenComparable)}, ${quoted(name?.familyComparable)}, ${quoted(name?.givenPhonetic)},
      ${quoted(name?.familyPhonetic)}, now());`,
    `INSERT INTO people_documents (id, person_id, type, number, issuing_state, expiry, added_at) VALUES
      (gen_random_uuid(), ${personId}, ${quoted(occurrence.document?.type ?? "passport")}, ${unique(view.documentNumber ?? "")},
      ${quoted(occurrence.document?.issuingState)}, null, now());`,
    `INSERT INTO people_keys (key, person_id) VALUES ${blockingKeysOf(view)
      .map((key) => `(${unique(key)}, ${personId})`)
      .join(", ")};`,
    `INSERT INTO people_case_links (id, person_id, case_id, role, slot, linked_at, how) VALUES
      (gen_random_uuid(), ${personId}, ${caseId}, 'guest', 0, now(), 'new');`,
  ];
}

/** The writes of one registration, as one transaction: what the database alone can sustain. */
function pgbenchScript(ids: { agencyId: string; hostId: string; keyId: string }): string {
  const answers = JSON.stringify(anchorGuest);
  const id = "md5(:client_id || '-' || :a || '-' || :b)::uuid";
  const system = "'system', null";
  const key = `'api_key', '${ids.hostId}'`;
  const event = (seq: number, type: string, payload: string, actor: string) =>
    `(${id}, ${seq}, '${type}', '${payload}', ${actor}, now())`;
  const decision = JSON.stringify({
    outcome: "registered",
    reasons: "Qəbul edən tərəfin bildirişi əsasında olduğu yer üzrə qeydiyyata alınıb.",
    issued: true,
    validFrom: "2026-03-02",
    validTo: "2026-03-20",
  });
  return [
    "\\set a random(1, 2000000000)",
    "\\set b random(1, 2000000000)",
    "BEGIN;",
    `INSERT INTO case_events (case_id, seq, type, payload, actor_type, actor_id, at) VALUES ${[
      event(
        1,
        "case.created",
        `{"typeCode":"stay-registration","typeVersion":1,"number":"REG-2026-000001","applicantUserId":"${ids.hostId}","agencyId":"${ids.agencyId}","state":"draft"}`,
        key,
      ),
      event(2, "case.answers_saved", `{"answers":${answers}}`, key),
      event(3, "case.submitted", '{"state":"registered","legalStartDate":"2026-03-02"}', key),
      event(4, "case.decision_drafted", '{"outcome":"registered","reasons":"Qeydiyyata alınıb."}', system),
      event(
        5,
        "case.decision_issued",
        '{"outcome":"registered","documentNumber":"REGP-2026-000002","verificationCode":"ABCDEFGHIJK","validFrom":"2026-03-02","validTo":"2026-03-20"}',
        system,
      ),
    ].join(", ")};`,
    `INSERT INTO cases (id, number, type_code, type_version, state, category, applicant_user_id, agency_id, answers,
      submitted_at, legal_start_date, pauses, documents, requested_documents, decision, outcome, decided_at, fee_paid,
      last_seq, created_at, updated_at) VALUES (${id}, 'REG-2026-' || nextval('case_number_seq'), 'stay-registration', 1,
      'registered', 'decided', '${ids.hostId}', '${ids.agencyId}', '${answers}', now(), current_date, '[]', '[]', '[]',
      jsonb_set('${decision}', '{verificationCode}', to_jsonb(md5(:a || '-' || :b || '-' || :client_id))),
      'registered', now(), false, 5, now(), now());`,
    `INSERT INTO audit_records (actor_type, actor_id, action, outcome, entity_type, entity_id, agency_id, ip, request_id,
      details) VALUES ('api_key', '${ids.keyId}', 'case.submitted', 'success', 'case', ${id}::text, '${ids.agencyId}',
      '127.0.0.1', md5(:a::text), '{"type":"stay-registration","version":1,"channel":"api","events":"created,answers_saved,submitted,decision_drafted,decision_issued"}');`,
    `INSERT INTO case_idempotency_keys (owner_id, key, request_hash, case_id, status) VALUES ('${ids.keyId}',
      'pgbench-' || :client_id || '-' || :a || '-' || :b, md5(:b::text), ${id}, 'done');`,
    ...registerWrites(id),
    "END;",
    "",
  ].join("\n");
}

/** pgbench's script, which the floor server reads too. */
const anchorScriptFile = path.join(workDir, "registration.sql");

function runPgbench(script: string): number {
  writeFileSync(anchorScriptFile, script);
  const result = spawnSync(
    pgbench,
    ["-n", "-c", String(connections), "-j", "2", "-T", String(seconds), "-f", anchorScriptFile, scratchUrl],
    { encoding: "utf8" },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout)?.[1];
  if (result.status !== 0 || !tps) throw new Error(`pgbench failed: ${result.stderr}${result.stdout}`);
  return Number(tps);
}

await adminQuery(serverUrl as string, `create database ${scratch}`);
try {
  const database = await openDatabase({ databaseUrl: scratchUrl, poolSize: 4 });
  let keys: Awaited<ReturnType<typeof hotelKeys>>;
  let agencyId: string;
  try {
    await prepareDatabase(database);
    keys = await hotelKeys(database);
    agencyId = (await database.raw.query<{ id: string }>("select id from agencies where code = 'SMS'"))
      .rows[0]?.id as string;
  } finally {
    await database.close();
  }

  if (statisticsMode === "cost") {
    // Karvan against itself: the anchor is the same server without statistics.
    await measureCost(keys.keys);
  } else {
    const script = pgbenchScript({
      agencyId,
      hostId: keys.hostIds[0] as string,
      keyId: keys.keyIds[0] as string,
    });
    await measureOne(statisticsMode as StatisticsMode, keys.keys, async () => {
      process.stderr.write(
        `pgbench: the same writes as one transaction, ${seconds} s at ${connections} clients\n`,
      );
      const tps = runPgbench(script);
      // pgbench's rows are the anchor's, not registrations: the statistics do not project them (they
      // would be one guest registered tens of thousands of times, a backlog Karvan's runs never made).
      await adminQuery(scratchUrl, "delete from case_change_outbox");
      return tps;
    });
  }
} finally {
  await adminQuery(serverUrl as string, `drop database if exists ${scratch} with (force)`);
  rmSync(workDir, { recursive: true, force: true });
}
