import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportDirectoryError, readImportDirectory } from "./read-import-directory.js";

describe("readImportDirectory", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "karvan-import-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("lists the CSV files directly in the directory, sorted by name", async () => {
    await writeFile(path.join(dir, "persons.csv"), "person_id\nP1\n");
    await writeFile(path.join(dir, "applications.csv"), "application_id\n");
    await writeFile(path.join(dir, "README.txt"), "not data");
    await mkdir(path.join(dir, "old"));
    await writeFile(path.join(dir, "old", "returns.csv"), "return_id\n");

    expect(await readImportDirectory(dir)).toEqual([
      { name: "applications.csv", path: path.join(dir, "applications.csv") },
      { name: "persons.csv", path: path.join(dir, "persons.csv") },
    ]);
  });

  it("says so when the directory has no CSV files", async () => {
    await writeFile(path.join(dir, "README.txt"), "not data");
    await expect(readImportDirectory(dir)).rejects.toThrow(/has no \.csv files/);
  });

  it("says so when the directory does not exist", async () => {
    const missing = path.join(dir, "missing");
    await expect(readImportDirectory(missing)).rejects.toThrow(ImportDirectoryError);
    await expect(readImportDirectory(missing)).rejects.toThrow(/does not exist/);
  });

  it("says so when the path is a file", async () => {
    const file = path.join(dir, "persons.csv");
    await writeFile(file, "person_id\n");
    await expect(readImportDirectory(file)).rejects.toThrow(/is not a directory/);
  });
});
