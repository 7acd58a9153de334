import { createHash, randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../db/index.js";
import { deadLetterQueueOf, type JobDefinition, type JobLogger } from "./job-definition.js";
import { type PgBossDatabase, pgliteBossDatabase } from "./pglite-boss-database.js";

export interface JobRunnerOptions {
  database: Pick<DatabaseHandle, "kind" | "raw" | "url">;
  /**
   * true: jobs go to pg-boss queues in the database and workers in this process take them.
   * false (tests, `KARVAN_JOBS=false`): no queue and no workers; `send` runs the handler at once,
   * in the caller, and schedules are ignored.
   */
  queued: boolean;
  log: JobLogger;
  /**
   * How often an idle worker looks for new jobs. Jobs sent from this process wake its worker at
   * once; polling only matters for retries, schedules and jobs sent by other instances. 2 s keeps
   * the single embedded connection free for requests.
   */
  pollingIntervalSeconds?: number;
}

export interface SendOptions {
  /**
   * At most one job per key in a queue: the key decides the job's id, so sending again with the
   * same key (while the job or its archived copy exists) is ignored and returns null.
   */
  singletonKey?: string;
}

export interface QueueCounts {
  /** Jobs waiting for a worker (new or waiting for a retry). */
  waiting: number;
  /** Jobs in the dead-letter queue: failed after their last retry, waiting for a person. */
  deadLetter: number;
}

export interface JobRunner {
  readonly queued: boolean;
  define<Payload>(job: JobDefinition<Payload>): void;
  send<Payload>(job: JobDefinition<Payload>, payload: Payload, options?: SendOptions): Promise<string | null>;
  send(name: string, payload: unknown, options?: SendOptions): Promise<string | null>;
  /** Sends the job on a cron schedule (UTC), e.g. every 15 minutes: "*\/15 * * * *". */
  schedule(name: string, cron: string, payload?: unknown): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  counts(): Promise<Record<string, QueueCounts>>;
  /** The state of one job ("created", "retry", "active", "completed", "failed"...), or null. */
  findJob(name: string, id: string): Promise<{ state: string; retryCount: number } | null>;
}

/** A job id (UUID) derived from a key, so that the same key always names the same job. */
export function jobIdForKey(name: string, key: string): string {
  const hex = createHash("sha256").update(`${name}\u0000${key}`).digest("hex");
  // Version 8 (custom) UUID with the RFC 4122 variant, so that PostgreSQL's uuid type accepts it.
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/** Error text for logs: no e-mail addresses (SMTP errors quote the recipient). */
function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/[^\s<>"']+@[^\s<>"']+/g, "[address]").slice(0, 500);
}

interface RunnerState {
  options: JobRunnerOptions;
  pollingIntervalSeconds: number;
  definitions: Map<string, JobDefinition<unknown>>;
  schedules: Map<string, { cron: string; payload: unknown }>;
  workerIds: Map<string, string>;
  handlersRunning: Set<Promise<void>>;
  boss?: PgBoss | undefined;
  embedded?: PgBossDatabase | undefined;
}

function definitionOf(state: RunnerState, name: string): JobDefinition<unknown> {
  const definition = state.definitions.get(name);
  if (!definition) throw new Error(`unknown job "${name}": define it before sending or scheduling it`);
  return definition;
}

async function runHandler(
  log: JobLogger,
  definition: JobDefinition<unknown>,
  data: unknown,
  jobId: string,
  attempt: number,
) {
  const parsed = definition.payload.safeParse(data);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join(".") || "(payload)").join(", ");
    throw new Error(`job ${definition.name}: invalid payload (${paths})`);
  }
  await definition.handle(parsed.data, { jobId, attempt, log });
}

async function work(
  state: RunnerState,
  definition: JobDefinition<unknown>,
  job: PgBoss.JobWithMetadata<unknown>,
) {
  const { log } = state.options;
  const attempt = job.retryCount + 1;
  const handled = runHandler(log, definition, job.data, job.id, attempt);
  state.handlersRunning.add(handled);
  try {
    await handled;
  } catch (error) {
    const last = attempt > definition.retry.limit;
    log.warn(
      { job: definition.name, jobId: job.id, attempt, error: describeError(error) },
      last ? "job failed for the last time: moved to the dead-letter queue" : "job failed: will retry",
    );
    throw error;
  } finally {
    state.handlersRunning.delete(handled);
  }
}

async function applySchedule(state: RunnerState, name: string, cron: string, payload: unknown) {
  if (!state.boss) return;
  await state.boss.schedule(name, cron, payload as object, { tz: "UTC" });
}

function createBoss(state: RunnerState): PgBoss {
  const { database } = state.options;
  const timing = {
    pollingIntervalSeconds: state.pollingIntervalSeconds,
    // Cron schedules are checked every 30 s and their jobs picked up within 5 s; maintenance
    // (expiring stuck jobs, archiving finished ones) every 2 minutes.
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 5,
    maintenanceIntervalSeconds: 120,
  };
  if (database.kind === "postgres") {
    if (!database.url) throw new Error("background jobs need the database's connection string");
    return new PgBoss({ connectionString: database.url, max: 3, application_name: "karvan-jobs", ...timing });
  }
  state.embedded = pgliteBossDatabase(database.raw);
  return new PgBoss({ db: state.embedded, ...timing });
}

/** One queue per job with its dead-letter queue and retry policy, and a worker on it. */
async function startWorkers(state: RunnerState, boss: PgBoss): Promise<void> {
  for (const definition of state.definitions.values()) {
    const deadLetter = deadLetterQueueOf(definition.name);
    const queue = {
      name: definition.name,
      deadLetter,
      retryLimit: definition.retry.limit,
      retryDelay: definition.retry.delaySeconds,
      retryBackoff: definition.retry.backoff,
      expireInSeconds: definition.expireInSeconds,
    };
    await boss.createQueue(deadLetter);
    await boss.createQueue(definition.name, queue);
    // createQueue keeps an existing queue as it was: bring its policy up to date.
    await boss.updateQueue(definition.name, queue);
    const workerId = await boss.work(
      definition.name,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: state.pollingIntervalSeconds },
      async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
        if (job) await work(state, definition, job);
      },
    );
    state.workerIds.set(definition.name, workerId);
  }
}

async function sendJob(
  state: RunnerState,
  jobOrName: JobDefinition<unknown> | string,
  payload: unknown,
  sendOptions: SendOptions,
): Promise<string | null> {
  const definition = definitionOf(state, typeof jobOrName === "string" ? jobOrName : jobOrName.name);
  const data = definition.payload.parse(payload);
  const id = sendOptions.singletonKey ? jobIdForKey(definition.name, sendOptions.singletonKey) : randomUUID();
  if (!state.options.queued) {
    await runHandler(state.options.log, definition, data, id, 1);
    return id;
  }
  const { boss } = state;
  if (!boss) throw new Error(`job ${definition.name} sent before the job runner started`);
  if (sendOptions.singletonKey) {
    const earlier = await boss.getJobById(definition.name, id, { includeArchive: true });
    if (earlier) return null;
  }
  const sent = await boss.send(definition.name, data as object, {
    id,
    ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
  });
  const workerId = state.workerIds.get(definition.name);
  if (sent && workerId) boss.notifyWorker(workerId);
  return sent;
}

async function countQueues(state: RunnerState): Promise<Record<string, QueueCounts>> {
  const counts: Record<string, QueueCounts> = {};
  for (const name of state.definitions.keys()) counts[name] = { waiting: 0, deadLetter: 0 };
  if (!state.boss) return counts;
  // countStates is part of pg-boss 10's API but missing from its type declarations.
  const states = await (
    state.boss as unknown as { countStates(): Promise<{ queues: Record<string, Record<string, number>> }> }
  ).countStates();
  for (const name of state.definitions.keys()) {
    const queue = states.queues[name] ?? {};
    const dead = states.queues[deadLetterQueueOf(name)] ?? {};
    counts[name] = {
      waiting: (queue.created ?? 0) + (queue.retry ?? 0),
      deadLetter: (dead.created ?? 0) + (dead.retry ?? 0),
    };
  }
  return counts;
}

/**
 * Background jobs over pg-boss 10: one queue per job, each with a dead-letter queue; on a
 * PostgreSQL server pg-boss gets the connection string (its own small pool), on embedded PGlite
 * its `db` option with an adapter over the single in-process connection.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const state: RunnerState = {
    options,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    definitions: new Map(),
    schedules: new Map(),
    workerIds: new Map(),
    handlersRunning: new Set(),
  };
  return {
    get queued() {
      return options.queued;
    },
    define(job) {
      if (state.boss) throw new Error(`job ${job.name} defined after the runner started`);
      if (state.definitions.has(job.name)) throw new Error(`job ${job.name} is defined twice`);
      state.definitions.set(job.name, job as JobDefinition<unknown>);
    },
    send: (jobOrName: JobDefinition<unknown> | string, payload: unknown, sendOptions: SendOptions = {}) =>
      sendJob(state, jobOrName, payload, sendOptions),
    async schedule(name, cron, payload = {}) {
      const data = definitionOf(state, name).payload.parse(payload);
      state.schedules.set(name, { cron, payload: data });
      await applySchedule(state, name, cron, data);
    },
    async start() {
      if (!options.queued || state.boss) return;
      const started = createBoss(state);
      started.on("error", (error: unknown) =>
        options.log.error({ error: describeError(error) }, "background jobs: pg-boss reported an error"),
      );
      await started.start();
      state.boss = started;
      await startWorkers(state, started);
      for (const [name, { cron, payload }] of state.schedules)
        await applySchedule(state, name, cron, payload);
    },
    async stop() {
      const stopping = state.boss;
      if (!stopping) return;
      state.boss = undefined;
      state.workerIds.clear();
      await stopping.stop({ graceful: true, wait: true, timeout: 10_000, close: true });
      await Promise.allSettled([...state.handlersRunning]);
      await state.embedded?.close();
    },
    counts: () => countQueues(state),
    async findJob(name, id) {
      if (!state.boss) return null;
      const job = await state.boss.getJobById(name, id, { includeArchive: true });
      return job ? { state: job.state, retryCount: job.retryCount } : null;
    },
  };
}
