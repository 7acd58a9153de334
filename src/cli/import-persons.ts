import cliProgress from "cli-progress";
import { statisticsFollowRegister } from "../composition-root.js";
import { type ImportLinking, linkImportedPersons } from "../modules/people/index.js";
import { type ImportFile, importedPersonsOf } from "../modules/statistics/index.js";
import type { Database } from "../platform/db/index.js";

/**
 * The step after an import has committed: its persons are linked to the person register and their
 * records counted under the register persons, in a transaction of its own, so that the import itself
 * stays as fast as before. Run again, it links only the persons not linked yet.
 */
export async function linkImportBatchToRegister(
  db: Database,
  batchId: string,
  files: readonly ImportFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportLinking> {
  const persons = await importedPersonsOf(files);
  return linkImportedPersons(
    db,
    statisticsFollowRegister,
    batchId,
    persons,
    onProgress ? { onProgress } : {},
  );
}

/** A count of persons on a terminal; nothing when the output is a file or a pipe. */
export function personProgressBar(label: string): {
  update(done: number, total: number): void;
  stop(): void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value} of {total} persons | {duration_formatted}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/** What the step did, in one line. */
export function linkingSummary(linking: ImportLinking): string {
  return (
    `Linked ${linking.persons} persons to the person register: ${linking.byEarlierBatch} known from an earlier ` +
    `batch, ${linking.byDocument} by document number, ${linking.created} new.`
  );
}
