import { parentPort, workerData } from "node:worker_threads";
import { recordCopyText } from "../facts/record-copy.js";
import { type CheckThreadInput, type CheckThreadMessage, COPY_STARTED } from "./check-in-thread.js";
import type { ReferenceStore } from "./reference-store.js";
import { type StreamedImport, streamImportFiles } from "./stream-import-files.js";

/**
 * The worker thread of `streamImportFilesInThread`: checks the files, keeps their ids in a session of
 * its own on the server, and posts each batch's records as COPY text.
 */
const input = workerData as CheckThreadInput;
const port = parentPort;
if (!port) throw new Error("check-thread runs in a worker thread");
const post = (message: CheckThreadMessage) => port.postMessage(message);

/** Batches posted and not yet being copied: past this the checks wait, so memory holds a few batches. */
const AHEAD = 2;
let waiting = 0;
let wake: (() => void) | null = null;
port.on("message", (message) => {
  if (message !== COPY_STARTED) return;
  waiting -= 1;
  wake?.();
  wake = null;
});

function check(references?: ReferenceStore): Promise<StreamedImport> {
  return streamImportFiles(input.files, {
    today: input.today,
    batchSize: input.batchSize,
    ...(references ? { references } : {}),
    onProgress: (done, total) => post({ kind: "progress", done, total }),
    onRecords: async (records) => {
      post({ kind: "copy", text: recordCopyText(records, input.batchId) });
      waiting += 1;
      while (waiting >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    },
  });
}

try {
  let read: StreamedImport;
  if (input.databaseUrl === null) read = await check();
  else {
    // Loaded only for a server: a thread that keeps the ids in memory starts without the drivers.
    const { openDatabase } = await import("../../../platform/db/index.js");
    const { withImportLineStore } = await import("../facts/import-line-store.js");
    const database = await openDatabase({ databaseUrl: input.databaseUrl, poolSize: 1 });
    try {
      read = await withImportLineStore(database.db, database.db, check);
    } finally {
      await database.close();
    }
  }
  post({ kind: "done", read });
} catch (error) {
  post({ kind: "failed", error });
}
