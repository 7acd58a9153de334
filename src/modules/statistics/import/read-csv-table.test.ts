import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportErrorList } from "./import-error.js";
import { personsFile } from "./import-file-specs.js";
import { importFileText } from "./import-source.js";
import { readCsvTable } from "./read-csv-table.js";

describe("readCsvTable", () => {
  it("hands on rows as the text arrives, before the rest of the file is read", async () => {
    let piecesRead = 0;
    async function* pieces(): AsyncGenerator<string> {
      for (const piece of ["person_id,sex\nP1,", "F\nP2,M\n", "P3,F\n", "P4,M\n"]) {
        piecesRead += 1;
        yield piece;
      }
    }
    const rows = readCsvTable(pieces(), personsFile, new ImportErrorList());
    const first = await rows.next();
    expect(first.value).toEqual({
      line: 2,
      cells: new Map([
        ["person_id", "P1"],
        ["sex", "F"],
      ]),
    });
    // Only the pieces up to the first row's end were taken: the file is not held whole.
    expect(piecesRead).toBe(2);
    const rest = [];
    for await (const row of rows) rest.push(row.line);
    expect(rest).toEqual([3, 4, 5]);
    expect(piecesRead).toBe(4);
  });

  it("reads a file from disk piece by piece, a character cut between pieces included", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "karvan-csv-"));
    try {
      const file = path.join(dir, "persons.csv");
      // Long enough for several pieces, with two-byte letters on every line.
      const lines = Array.from({ length: 20_000 }, (_, index) => `Ə${index},F`);
      await writeFile(file, `person_id,sex\n${lines.join("\n")}\n`);
      let bytes = 0;
      const ids: string[] = [];
      for await (const row of readCsvTable(
        importFileText({ name: "persons.csv", path: file }, (read) => {
          bytes += read;
        }),
        personsFile,
        new ImportErrorList(),
      )) {
        ids.push(row.cells.get("person_id") ?? "");
      }
      expect(ids).toHaveLength(20_000);
      expect(ids.every((id, index) => id === `Ə${index}`)).toBe(true);
      expect(bytes).toBe(Buffer.byteLength(`person_id,sex\n${lines.join("\n")}\n`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
