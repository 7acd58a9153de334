import type { z } from "zod";

/** Where job handlers and the runner report; Fastify's (pino) logger fits. */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobContext {
  /** The queue's id of this job; the same on every attempt. */
  jobId: string;
  /** 1 on the first delivery, 2 on the first retry, and so on. */
  attempt: number;
  log: JobLogger;
}

/**
 * How often a failed job is tried again before it is moved to its queue's dead-letter queue.
 * `delaySeconds` is the wait before the first retry; with `backoff` the wait doubles each time.
 */
export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

export interface JobDefinition<Payload> {
  /** Queue name, `<area>.<action>`, e.g. "mail.send". */
  name: string;
  /** Checked when the job is sent and again when it is delivered. */
  payload: z.ZodType<Payload>;
  /**
   * Does the work. Delivery is at least once (a crash after the work but before the job is marked
   * done delivers it again), so a handler must be idempotent: doing it twice has the effect of once.
   */
  handle(payload: Payload, context: JobContext): Promise<void>;
  retry: RetryPolicy;
  /** A delivery still running after this long counts as failed and is retried. */
  expireInSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = { limit: 3, delaySeconds: 30, backoff: true };

/** Declares a job; register it with `jobs.define(...)` before the runner starts. */
export function defineJob<Schema extends z.ZodType>(definition: {
  name: string;
  payload: Schema;
  handle: (payload: z.output<Schema>, context: JobContext) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  expireInSeconds?: number;
}): JobDefinition<z.output<Schema>> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.name)) {
    throw new Error(`job name "${definition.name}" must look like "area.action" (lower case)`);
  }
  return {
    name: definition.name,
    payload: definition.payload as z.ZodType<z.output<Schema>>,
    handle: definition.handle,
    retry: { ...defaultRetryPolicy, ...definition.retry },
    expireInSeconds: definition.expireInSeconds ?? 15 * 60,
  };
}

/** The queue where jobs of `name` land after their last failed attempt. */
export function deadLetterQueueOf(name: string): string {
  return `${name}.dead-letter`;
}
