import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParallelReplay } from "../modules/statistics/index.js";
import type { ReplayWorkerData } from "./stats-replay-worker.js";

const workerEntry = new URL("../../bin/stats-replay-worker.js", import.meta.url);

type WorkerMessage =
  | { records: Parameters<Parameters<ParallelReplay["run"]>[2]>[0]; cases: number }
  | { done: true };

/**
 * Replays a rebuild's cases in worker threads, one per core by default, each reading its range on
 * its own connection to the PostgreSQL server in the rebuild's snapshot.
 */
export function replayInWorkers(
  databaseUrl: string,
  country: string,
  workers = availableParallelism(),
): ParallelReplay {
  return {
    workers,
    run(snapshot, ranges, onRecords) {
      return new Promise<void>((resolve, reject) => {
        const threads: Worker[] = [];
        let running = ranges.length;
        let settled = false;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          for (const thread of threads) void thread.terminate();
          reject(error);
        };
        for (const range of ranges) {
          const data: ReplayWorkerData = { databaseUrl, country, snapshot, range };
          const thread = new Worker(workerEntry, { workerData: data });
          threads.push(thread);
          thread.on("message", (message: WorkerMessage) => {
            if (settled) return;
            if ("records" in message) onRecords(message.records, message.cases);
            else if (--running === 0) {
              settled = true;
              resolve();
            }
          });
          thread.on("error", fail);
          thread.on("exit", (code) => {
            if (code !== 0) fail(new Error(`a statistics replay thread stopped with code ${code}`));
          });
        }
      });
    },
  };
}
