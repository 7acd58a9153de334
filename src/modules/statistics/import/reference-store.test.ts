import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cachedReferenceStore, memoryReferenceStore, type ReferenceStore } from "./reference-store.js";
import { tableLikeStore } from "./test-support/table-store.js";

/** A batch of lines: each names an id of a file, and first lines carry facts for some files. */
const batches = fc.array(
  fc.array(
    fc.record({
      file: fc.constantFrom("a.csv", "b.csv"),
      id: fc.constantFrom("1", "2", "3", "4", "5", "6", "7", "\\N", "é"),
    }),
    {
      maxLength: 6,
    },
  ),
  { maxLength: 12 },
);

/** What the checks see: for each line, its id's first line before it, after which the line may be the first. */
async function answers(store: ReferenceStore, lines: { file: string; id: string }[][]): Promise<unknown[]> {
  const seen: unknown[] = [];
  let line = 0;
  for (const batch of lines) {
    await store.load(batch);
    for (const { file, id } of batch) {
      line += 1;
      const first = store.get(file, id);
      seen.push(first === undefined ? null : first);
      if (first === undefined) store.set(file, id, { line, value: file === "a.csv" ? { id, line } : null });
    }
    await store.save();
  }
  return seen;
}

describe("cachedReferenceStore", () => {
  it("answers what a store of every first line answers, whatever its filter and cache miss", async () => {
    await fc.assert(
      fc.asyncProperty(
        batches,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 4 }),
        async (lines, filterBits, cacheSize) => {
          const expected = await answers(memoryReferenceStore(), lines);
          expect(
            await answers(cachedReferenceStore(tableLikeStore(), { filterBits, cacheSize }), lines),
          ).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("asks the table only for ids it may hold and does not have at hand", async () => {
    const table = tableLikeStore();
    const lines = Array.from({ length: 20 }, (_, batch) =>
      Array.from({ length: 50 }, (_, i) => ({ file: "a.csv", id: `${batch}-${i}` })),
    );
    await answers(cachedReferenceStore(table), lines);
    expect(table.loaded).toBe(0);
  });
});
