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

/**
 * Background jobs over pg-boss 10: one queue per job, each with a dead-letter queue; on a
 * PostgreSQL server pg-boss gets the connection string (its own small pool), on embedded PGlite
 * its `db` option with an adapter over the single in-process connection.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { log } = options;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const definitions = new Map<string, JobDefinition<unknown>>();
  const schedules = new Map<string, { cron: string; payload: unknown }>();
  const workerIds = new Map<string, string>();
  const handlersRunning = new Set<Promise<void>>();
  let boss: PgBoss | undefined;
  let embedded: PgBossDatabase | undefined;

  function definitionOf(name: string): JobDefinition<unknown> {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`unknown job "${name}": define it before sending or scheduling it`);
    return definition;
  }

  async function runHandler(
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

  async function work(definition: JobDefinition<unknown>, job: PgBoss.JobWithMetadata<unknown>) {
    const attempt = job.retryCount + 1;
    const handled = runHandler(definition, job.data, job.id, attempt);
    handlersRunning.add(handled);
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
      handlersRunning.delete(handled);
    }
  }

  async function applySchedule(name: string, cron: string, payload: unknown) {
    if (!boss) return;
    await boss.schedule(name, cron, payload as object, { tz: "UTC" });
  }

  function createBoss(): PgBoss {
    const timing = {
      pollingIntervalSeconds,
      // Cron schedules are checked every 30 s and their jobs picked up within 5 s; maintenance
      // (expiring stuck jobs, archiving finished ones) every 2 minutes.
      cronMonitorIntervalSeconds: 30,
      cronWorkerIntervalSeconds: 5,
      maintenanceIntervalSeconds: 120,
    };
    if (options.database.kind === "postgres") {
      if (!options.database.url) throw new Error("background jobs need the database's connection string");
      return new PgBoss({
        connectionString: options.database.url,
        max: 3,
        application_name: "karvan-jobs",
        ...timing,
      });
    }
    embedded = pgliteBossDatabase(options.database.raw);
    return new PgBoss({ db: embedded, ...timing });
  }

  const runner: JobRunner = {
    get queued() {
      return options.queued;
    },

    define(job) {
      if (boss) throw new Error(`job ${job.name} defined after the runner started`);
      if (definitions.has(job.name)) throw new Error(`job ${job.name} is defined twice`);
      definitions.set(job.name, job as JobDefinition<unknown>);
    },

    async send(jobOrName: JobDefinition<unknown> | string, payload: unknown, sendOptions: SendOptions = {}) {
      const definition = definitionOf(typeof jobOrName === "string" ? jobOrName : jobOrName.name);
      const data = definition.payload.parse(payload);
      const id = sendOptions.singletonKey
        ? jobIdForKey(definition.name, sendOptions.singletonKey)
        : randomUUID();
      if (!options.queued) {
        await runHandler(definition, data, id, 1);
        return id;
      }
      if (!boss) throw new Error(`job ${definition.name} sent before the job runner started`);
      if (sendOptions.singletonKey) {
        const earlier = await boss.getJobById(definition.name, id, { includeArchive: true });
        if (earlier) return null;
      }
      const sent = await boss.send(definition.name, data as object, {
        id,
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
      const workerId = workerIds.get(definition.name);
      if (sent && workerId) boss.notifyWorker(workerId);
      return sent;
    },

    async schedule(name, cron, payload = {}) {
      const definition = definitionOf(name);
      const data = definition.payload.parse(payload);
      schedules.set(name, { cron, payload: data });
      await applySchedule(name, cron, data);
    },

    async start() {
      if (!options.queued || boss) return;
      const started = createBoss();
      started.on("error", (error: unknown) =>
        log.error({ error: describeError(error) }, "background jobs: pg-boss reported an error"),
      );
      await started.start();
      boss = started;
      for (const definition of definitions.values()) {
        const deadLetter = deadLetterQueueOf(definition.name);
        const queue = {
          name: definition.name,
          deadLetter,
          retryLimit: definition.retry.limit,
          retryDelay: definition.retry.delaySeconds,
          retryBackoff: definition.retry.backoff,
          expireInSeconds: definition.expireInSeconds,
        };
        await started.createQueue(deadLetter);
        await started.createQueue(definition.name, queue);
        // createQueue keeps an existing queue as it was: bring its policy up to date.
        await started.updateQueue(definition.name, queue);
        const workerId = await started.work(
          definition.name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
          async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
            if (job) await work(definition, job);
          },
        );
        workerIds.set(definition.name, workerId);
      }
      for (const [name, { cron, payload }] of schedules) await applySchedule(name, cron, payload);
    },

    async stop() {
      const stopping = boss;
      if (!stopping) return;
      boss = undefined;
      workerIds.clear();
      await stopping.stop({ graceful: true, wait: true, timeout: 10_000, close: true });
      await Promise.allSettled([...handlersRunning]);
      await embedded?.close();
    },

    async counts() {
      const counts: Record<string, QueueCounts> = {};
      for (const name of definitions.keys()) counts[name] = { waiting: 0, deadLetter: 0 };
      if (!boss) return counts;
      // countStates is part of pg-boss 10's API but missing from its type declarations.
      const states = await (
        boss as unknown as { countStates(): Promise<{ queues: Record<string, Record<string, number>> }> }
      ).countStates();
      for (const name of definitions.keys()) {
        const queue = states.queues[name] ?? {};
        const dead = states.queues[deadLetterQueueOf(name)] ?? {};
        counts[name] = {
          waiting: (queue.created ?? 0) + (queue.retry ?? 0),
          deadLetter: (dead.created ?? 0) + (dead.retry ?? 0),
        };
      }
      return counts;
    },

    async findJob(name, id) {
      if (!boss) return null;
      const job = await boss.getJobById(name, id, { includeArchive: true });
      return job ? { state: job.state, retryCount: job.retryCount } : null;
    },
  };
  return runner;
}
