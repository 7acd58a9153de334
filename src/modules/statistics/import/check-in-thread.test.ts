import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { queryRows } from "../../../platform/db/index.js";
import { importFiles } from "../facts/import-records.js";
import { recordCopyText } from "../facts/record-copy.js";
import { streamImportFilesInThread } from "./check-in-thread.js";
import { parseImportFiles } from "./parse-import-files.js";
import { streamImportFiles } from "./stream-import-files.js";
import {
  randomBrokenImportFiles,
  randomImportFiles,
  randomImportToday as today,
} from "./test-support/random-import.js";

/**
 * On a server the import checks its lines in a worker thread and posts COPY text to the main
 * thread. Whatever the files, the thread must give what the same checks give on one thread: the
 * same COPY text, errors and counts; and an import through it must store what the plain path gives.
 */

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.destroy();
});

const batchId = "00000000-0000-4000-8000-000000000001";

describe("checking an import in a worker thread", () => {
  it("posts the COPY text, errors and counts the checks give on one thread", async () => {
    await fc.assert(
      fc.asyncProperty(randomImportFiles, fc.integer({ min: 1, max: 5 }), async (files, batchSize) => {
        let plainText = "";
        const plain = await streamImportFiles(files, {
          today,
          batchSize,
          onRecords: async (records) => {
            plainText += recordCopyText(records, batchId);
          },
        });
        let threadText = "";
        const progress: number[] = [];
        const threaded = await streamImportFilesInThread(files, {
          today,
          batchSize,
          batchId,
          databaseUrl: null,
          onProgress: (done) => progress.push(done),
          onCopyText: async (text) => {
            threadText += text;
          },
        });
        expect(threaded).toEqual(plain);
        expect(threadText).toEqual(plainText);
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
      }),
      // Few runs: each starts a thread, which loads the checks anew (seconds from the sources).
      { numRuns: 2 },
    );
  }, 60_000);

  it("stores through the thread what the plain check converts the files to, or nothing", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(randomImportFiles, fc.integer({ min: 1, max: 4 }), async (files, linesPerBatch) => {
        await database.db.execute(sql`delete from stat_records`);
        await database.db.execute(sql`delete from stat_cube`);
        const plain = await parseImportFiles(files, { today });
        const result = await importFiles(
          database.db,
          files,
          { importedBy: "test", at: new Date(`${today}T10:00:00Z`) },
          { linesPerBatch, inThread: true },
        );
        expect(result.imported ? [] : result.errors).toEqual(plain.errors);
        expect(result.counts).toEqual(plain.counts);
        const stored = await queryRows<{ record_id: string; kind: string; person_key: string; date: string }>(
          database.db,
          sql`select record_id, kind, person_key, date::text as date from stat_records order by record_id`,
        );
        const expected = plain.records
          .map((record) => ({
            record_id: record.recordId,
            kind: record.kind,
            person_key: record.person.personKey,
            date: record.date,
          }))
          .sort((a, b) => (a.record_id < b.record_id ? -1 : 1));
        expect(stored).toEqual(expected);
        if (!result.imported) refused += 1;
      }),
      {
        numRuns: database.kind === "postgres" ? 3 : 10,
        // Random files have a mistake about half the time: one broken export always runs as well.
        examples: [[fc.sample(randomBrokenImportFiles, { numRuns: 1, seed: 20_261_206 })[0] ?? [], 2]],
      },
    );
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
