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

/**
 * Starts one module of Karvan in a worker thread, for work that needs neither the composition root
 * nor the connections src/worker-thread.ts opens: `module` is the compiled module's URL
 * (`new URL("./name.js", import.meta.url)`). From the TypeScript sources the thread starts the .ts
 * file beside it, after registering tsx's loader as bin/worker-thread.js does.
 */
export function startModuleThread(module: URL, workerData: unknown): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(module, { workerData });
  const source = module.href.replace(/\.js$/, ".ts");
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData },
  );
}
