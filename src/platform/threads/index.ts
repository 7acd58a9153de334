import { Worker } from "node:worker_threads";

/**
 * The one loader of Karvan's worker threads: src/worker-thread.ts opens the thread's own connections,
 * builds what the task needs through the composition root and runs it. Compiled, a thread starts
 * dist/worker-thread.js as it is; from the TypeScript sources (tests, benchmarks) a thread does not
 * inherit the main thread's loader, so bin/worker-thread.js registers tsx's first.
 */
const loader = import.meta.url.endsWith(".ts")
  ? new URL("../../../bin/worker-thread.js", import.meta.url)
  : new URL("../../worker-thread.js", import.meta.url);

/** What a thread is started with: its task, the database it connects to, and the country it serves. */
export interface WorkerThreadData {
  task: string;
  /** Absent for a task that reads no database (drawing charts). */
  databaseUrl?: string;
  /** The country profile file (config.countryProfile): the thread counts in the same country. */
  countryProfile: string;
  input: unknown;
}

export function startWorkerThread(data: WorkerThreadData): Worker {
  return new Worker(loader, { workerData: data });
}
