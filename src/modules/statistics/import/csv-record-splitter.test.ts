import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRecord, parseCsvRecords } from "../eurostat/csv-records.js";
import { CsvRecordSplitter } from "./csv-record-splitter.js";

function split(text: string, cuts: number[]): CsvRecord[] | string {
  const splitter = new CsvRecordSplitter();
  const records: CsvRecord[] = [];
  let from = 0;
  try {
    for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
      records.push(...splitter.push(text.slice(from, cut)));
      from = cut;
    }
    records.push(...splitter.push(text.slice(from)), ...splitter.end());
    return records;
  } catch (error) {
    return (error as Error).message;
  }
}

function whole(text: string): CsvRecord[] | string {
  try {
    return parseCsvRecords(text);
  } catch (error) {
    return (error as Error).message;
  }
}

describe("CsvRecordSplitter", () => {
  it("reads text cut anywhere exactly as parseCsvRecords reads it whole, errors included", () => {
    const piece = fc.constantFrom("a", "b1", ",", '"', '""', "\n", "\r\n", "\r", " ", "\ufeff", "é");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (pieces, cuts) => {
          const text = pieces.join("");
          expect(split(text, cuts)).toEqual(whole(text));
        },
      ),
      { numRuns: 400 },
    );
  });
});
