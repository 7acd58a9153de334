import { Worker } from "node:worker_threads";
import type { ProjectorThreadData, ProjectorThreadMessage } from "./statistics-projector-thread-entry.js";

const threadEntry = new URL("../bin/statistics-projector-thread.js", import.meta.url);

export interface ProjectorThread {
  stop(): Promise<void>;
}

/**
 * Runs the statistics projector in a thread of its own, on its own connections to the PostgreSQL
 * server: replaying cases and computing cube changes then never hold up the requests' event loop,
 * and use a core the request thread leaves idle. Resolves once the thread is projecting.
 */
export async function startProjectorThread(
  data: ProjectorThreadData,
  log: { error(details: Record<string, unknown>, message: string): void },
): Promise<ProjectorThread> {
  const thread = new Worker(threadEntry, { workerData: data });
  const exited = new Promise<number>((resolve) => thread.once("exit", resolve));
  thread.on("error", (error) => log.error({ err: error }, "statistics projection thread failed"));
  await new Promise<void>((resolve, reject) => {
    thread.on("message", (message: ProjectorThreadMessage) => {
      if (message.type === "ready") resolve();
      if (message.type === "failed")
        log.error({ err: new Error(message.message) }, "statistics projection failed");
      if (message.type === "parked")
        log.error(
          { caseId: message.caseId },
          "statistics projection parked a case (see karvan stats parked)",
        );
    });
    void exited.then((code) =>
      reject(new Error(`the statistics projection thread stopped with code ${code}`)),
    );
  });
  // The server's own shutdown stops it; it must not keep a process alive on its own.
  thread.unref();
  return {
    async stop() {
      thread.postMessage({ type: "stop" });
      const timeout = setTimeout(() => void thread.terminate(), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
