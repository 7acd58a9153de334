import { availableParallelism } from "node:os";
import { parentPort } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { startWorkerThread } from "../../../platform/threads/index.js";
import type { StatisticsContext } from "../statistics-context.js";
import type { FailedCase } from "./projection-errors.js";
import type { ParallelReplay } from "./rebuild-statistics.js";
import type { StoredRecord } from "./replace-records.js";
import { type CaseRange, replayCaseRange } from "./replay-case-range.js";

/** The worker-thread task that replays one range of a rebuild's cases. */
export const replayTask = "statistics.replay";

interface ReplayInput {
  snapshot: string;
  range: CaseRange;
}

type ReplayMessage = { records: StoredRecord[]; cases: number; failed: FailedCase[] } | { done: true };

/**
 * Replays a rebuild's cases in worker threads, one per core by default, each reading its range on
 * its own connection to the PostgreSQL server in the rebuild's snapshot.
 */
export function replayInThreads(
  databaseUrl: string,
  countryProfile: string,
  workers = availableParallelism(),
): ParallelReplay {
  return {
    workers,
    run(snapshot, ranges, onRecords) {
      return new Promise<void>((resolve, reject) => {
        const threads: ReturnType<typeof startWorkerThread>[] = [];
        let running = ranges.length;
        let settled = false;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          for (const thread of threads) void thread.terminate();
          reject(error);
        };
        for (const range of ranges) {
          const input: ReplayInput = { snapshot, range };
          const thread = startWorkerThread({ task: replayTask, databaseUrl, countryProfile, input });
          threads.push(thread);
          thread.on("message", (message: ReplayMessage) => {
            if (settled) return;
            if ("records" in message) onRecords(message.records, message.cases, message.failed);
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

/** A replay thread's work: its range of cases, in the rebuild's own view of them (its snapshot). */
export async function replayRangeInThread(context: StatisticsContext, input: unknown): Promise<void> {
  const { snapshot, range } = input as ReplayInput;
  if (!/^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`);
  const post = (message: ReplayMessage) => parentPort?.postMessage(message);
  await context.db.transaction(
    async (tx) => {
      await tx.execute(sql.raw(`set transaction snapshot '${snapshot}'`));
      await replayCaseRange(tx, context, range, (records, cases, failed) => post({ records, cases, failed }));
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  post({ done: true });
}
