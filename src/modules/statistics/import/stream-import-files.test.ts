import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StatisticalRecord } from "../facts/statistical-record.js";
import { MAX_IMPORT_ERRORS } from "./import-error.js";
import type { ImportFile } from "./import-source.js";
import { cachedReferenceStore } from "./reference-store.js";
import { type StreamImportOptions, streamImportFiles } from "./stream-import-files.js";
import { randomImportFiles, randomImportToday as today } from "./test-support/random-import.js";
import { tableLikeStore } from "./test-support/table-store.js";

/** Everything an import hands on: its answer and the records, batch by batch. */
async function streamed(files: readonly ImportFile[], options: StreamImportOptions) {
  const records: StatisticalRecord[] = [];
  const read = await streamImportFiles(files, {
    today,
    ...options,
    onRecords: async (batch) => {
      records.push(...batch);
    },
  });
  return { read, records: read.errors.length > 0 ? [] : records };
}

/**
 * The lines of the next batch are read while a batch is checked. With one batch a file (the plain,
 * sequential reading) the answers must be the same as with batches of a few lines, where reading
 * ahead and the cache and filter of the ids are at work.
 */
describe("streamImportFiles reading ahead", () => {
  it("gives the records, errors and counts of one batch per file, whatever the batches", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomImportFiles,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        async (files, batchSize, cacheSize) => {
          const plain = await streamed(files, { batchSize: 1_000_000 });
          const references = cachedReferenceStore(tableLikeStore(), { filterBits: 32, cacheSize });
          expect(await streamed(files, { batchSize, references })).toEqual(plain);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives the answers of reading and checking one batch after the other", async () => {
    await fc.assert(
      fc.asyncProperty(randomImportFiles, fc.integer({ min: 1, max: 6 }), async (files, batchSize) => {
        const plain = await streamed(files, { batchSize, readAhead: false });
        const references = cachedReferenceStore(tableLikeStore(), { filterBits: 32, cacheSize: 2 });
        expect(await streamed(files, { batchSize, references })).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the first thousand errors of the plain path when there are more", async () => {
    const lines = ["person_id,citizenship,stateless,sex,birth_date"];
    for (let i = 0; i < 1_500; i++)
      lines.push(i % 3 === 0 ? `p${i - 1},SY,no,X,2001-02-30` : `p${i},ZZZ,no,F,`);
    const files = [
      { name: "persons.csv", content: lines.join("\n") },
      {
        name: "applications.csv",
        content: "application_id,person_id,case_type,lodged_on\na1,p7,asylum,2020-01-01\n",
      },
    ];
    for (const batchSize of [1, 7, 100, 1_000_000]) {
      const plain = await streamed(files, { batchSize, readAhead: false });
      expect(plain.read.errors.length).toBe(MAX_IMPORT_ERRORS + 1);
      const references = cachedReferenceStore(tableLikeStore(), { cacheSize: 5 });
      expect(await streamed(files, { batchSize, references })).toEqual(plain);
    }
  });
});
