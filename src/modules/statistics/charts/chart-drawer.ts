import { parentPort, type Worker } from "node:worker_threads";
import { startWorkerThread } from "../../../platform/threads/index.js";
import type { ChartSpec } from "./chart-spec.js";
import { drawChartSvg } from "./render-chart.js";

/** The worker-thread task that draws charts for the main thread as long as the process runs. */
export const chartDrawingTask = "statistics.charts";

/**
 * Draws charts to SVG off the event loop that answers requests (ADR 0021): a twelve-year chart
 * takes the loop for tens of milliseconds, and every other request would wait behind it.
 */
export interface ChartDrawer {
  /** The chart as drawChartSvg draws it, to be labelled (labelChartSvg) in the page's order. */
  draw(spec: ChartSpec): Promise<string>;
  close(): Promise<void>;
}

type DrawRequest = { id: number; spec: ChartSpec };
type DrawReply = { id: number; svg: string } | { id: number; error: string };

interface Pending {
  resolve(svg: string): void;
  reject(error: Error): void;
}

interface DrawingThread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * A pool of `size` drawing threads, started on the first chart (most processes never draw one) and
 * kept for the next; a thread that fails is replaced on the next chart. With 0, charts are drawn on
 * the caller's thread.
 */
export function chartDrawer(countryProfile: string, size: number): ChartDrawer {
  if (size === 0) return { draw: async (spec) => drawChartSvg(spec), close: async () => {} };
  const threads: Array<DrawingThread | undefined> = Array.from({ length: size }, () => undefined);
  let nextId = 0;

  const start = (slot: number): DrawingThread => {
    const worker = startWorkerThread({ task: chartDrawingTask, countryProfile, input: null });
    const thread: DrawingThread = { worker, pending: new Map() };
    const fail = (error: Error) => {
      if (threads[slot] === thread) threads[slot] = undefined;
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    worker.on("message", (reply: DrawReply) => {
      const pending = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      // An idle pool must not keep the process alive.
      if (thread.pending.size === 0) worker.unref();
      if ("svg" in reply) pending?.resolve(reply.svg);
      else pending?.reject(new Error(reply.error));
    });
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`a chart drawing thread stopped with code ${code}`)));
    threads[slot] = thread;
    return thread;
  };

  const leastBusy = (): DrawingThread => {
    let chosen: DrawingThread | undefined;
    for (let slot = 0; slot < threads.length; slot++) {
      const thread = threads[slot] ?? start(slot);
      if (!chosen || thread.pending.size < chosen.pending.size) chosen = thread;
      if (chosen.pending.size === 0) break;
    }
    return chosen as DrawingThread;
  };

  return {
    draw(spec) {
      const thread = leastBusy();
      const id = nextId++;
      return new Promise<string>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, spec } satisfies DrawRequest);
      });
    },
    async close() {
      const running = threads.filter((thread) => thread !== undefined);
      threads.fill(undefined);
      await Promise.all(running.map((thread) => thread.worker.terminate()));
    },
  };
}

/** The drawing thread's side: draws each chart the main thread sends, until the process ends. */
export function drawChartsInThread(): void {
  const port = parentPort;
  if (!port) throw new Error("charts are drawn in a worker thread only");
  port.on("message", ({ id, spec }: DrawRequest) => {
    try {
      port.postMessage({ id, svg: drawChartSvg(spec) } satisfies DrawReply);
    } catch (error) {
      port.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies DrawReply);
    }
  });
}
