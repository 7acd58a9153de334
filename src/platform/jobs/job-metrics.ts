import { Gauge, type Registry } from "prom-client";
import type { JobRunner } from "./job-runner.js";

/**
 * Queue figures at /metrics, read when Prometheus scrapes: jobs waiting per queue, and jobs in
 * each dead-letter queue (failed after every retry; alert when above zero).
 */
export function registerJobMetrics(registry: Registry, jobs: JobRunner): void {
  new Gauge({
    name: "karvan_jobs_waiting",
    help: "Background jobs waiting for a worker, by queue",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      for (const [queue, count] of Object.entries(await jobs.counts())) this.set({ queue }, count.waiting);
    },
  });
  new Gauge({
    name: "karvan_jobs_dead_letter",
    help: "Background jobs that failed after their last retry (dead-letter queue), by queue",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      for (const [queue, count] of Object.entries(await jobs.counts())) this.set({ queue }, count.deadLetter);
    },
  });
}
