import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ImportFile } from "./import-source.js";

export class ImportDirectoryError extends Error {
  override name = "ImportDirectoryError";
}

/**
 * Lists every `*.csv` file directly in `dir`, sorted by name, to be read line by line later. Other files and subdirectories are
 * left alone, so that a README or an archive of the export beside the files does not stop the import;
 * CSV files with unknown names are passed on and reported by `streamImportFiles`.
 */
export async function readImportDirectory(dir: string): Promise<ImportFile[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ImportDirectoryError(`import directory ${dir} does not exist`);
    if (code === "ENOTDIR") throw new ImportDirectoryError(`${dir} is not a directory`);
    throw error;
  }
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".csv"))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new ImportDirectoryError(`import directory ${dir} has no .csv files`);
  return names.map((name) => ({ name, path: path.join(dir, name) }));
}
