import { startModuleThread } from "../../../platform/threads/index.js";
import type { ImportFile } from "./import-source.js";
import type { StreamedImport } from "./stream-import-files.js";

/** What the checking thread is started with (`check-thread.ts`). */
export interface CheckThreadInput {
  files: readonly ImportFile[];
  today: string;
  batchSize: number;
  batchId: string;
  /** The server whose session of the thread keeps the ids (`import_first_lines`); null keeps them in memory. */
  databaseUrl: string | null;
}

export type CheckThreadMessage =
  | { kind: "progress"; done: number; total: number }
  | { kind: "copy"; text: string }
  | { kind: "done"; read: StreamedImport }
  | { kind: "failed"; error: unknown };

/** The main thread's answer to a batch's COPY text: it has started copying it. */
export const COPY_STARTED = "copy-started";

export interface CheckInThreadOptions extends Omit<CheckThreadInput, "files"> {
  onProgress?: (done: number, total: number) => void;
  /**
   * Takes a batch's COPY text of `stat_records` (`recordCopyText`) and resolves once it is being
   * copied; the thread checks ahead by at most two batches that are not.
   */
  onCopyText: (text: string) => Promise<void>;
}

/**
 * `streamImportFiles` in a worker thread, which also turns the records into COPY text: on a server
 * the reading, checking and encoding of the lines (one core) then run beside the COPY of the records
 * on this thread's connection (the other core). The answers are the thread's `streamImportFiles`'s,
 * the same function as on one thread; only the COPY text travels, a string per batch.
 */
export function streamImportFilesInThread(
  files: readonly ImportFile[],
  options: CheckInThreadOptions,
): Promise<StreamedImport> {
  const { onProgress, onCopyText, ...rest } = options;
  const input: CheckThreadInput = { files, ...rest };
  return new Promise<StreamedImport>((resolve, reject) => {
    const thread = startModuleThread(new URL("./check-thread.js", import.meta.url), input);
    let settled = false;
    let copying: Promise<void> = Promise.resolve();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void thread.terminate();
      reject(error);
    };
    thread.on("message", (message: CheckThreadMessage) => {
      if (settled) return;
      if (message.kind === "progress") onProgress?.(message.done, message.total);
      else if (message.kind === "copy") {
        copying = copying.then(async () => {
          await onCopyText(message.text);
          thread.postMessage(COPY_STARTED);
        });
        copying.catch(fail);
      } else if (message.kind === "failed") fail(message.error);
      else {
        // Done: the thread has closed its session; what is left is the COPY of the last batches.
        settled = true;
        void thread.terminate();
        copying.then(() => resolve(message.read), reject);
      }
    });
    thread.on("error", fail);
    thread.on("exit", (code) => fail(new Error(`the import's checking thread stopped (code ${code})`)));
  });
}
