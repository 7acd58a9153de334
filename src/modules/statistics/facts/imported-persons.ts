import { ImportErrorList } from "../import/import-error.js";
import { personsFile } from "../import/import-file-specs.js";
import { type ImportFile, importFileText } from "../import/import-source.js";
import { readCsvTable } from "../import/read-csv-table.js";

/** A person line of an import, as the person register is told of it. */
export interface ImportedPersonLine {
  importPersonId: string;
  /** ISO 3166-1 alpha-2 as written; null when empty (unknown, or stateless). */
  citizenship: string | null;
  sex: string | null;
  birthDate: string | null;
  documentNumber: string | null;
}

/**
 * The persons of an import's persons.csv, read again once the import has stored the batch: the
 * records keep only what the statistics count, not the document number the register links by.
 * The files were checked by the import, so a line is read as it stands.
 */
export async function importedPersonsOf(files: readonly ImportFile[]): Promise<ImportedPersonLine[]> {
  const file = files.find((one) => one.name === personsFile.name);
  if (!file) return [];
  const persons: ImportedPersonLine[] = [];
  const cell = (cells: ReadonlyMap<string, string>, name: string) => cells.get(name) || null;
  for await (const row of readCsvTable(importFileText(file), personsFile, new ImportErrorList())) {
    const importPersonId = cell(row.cells, "person_id");
    if (!importPersonId) continue;
    const sex = cell(row.cells, "sex");
    persons.push({
      importPersonId,
      citizenship: cell(row.cells, "citizenship"),
      sex: sex === "UNK" ? null : sex,
      birthDate: cell(row.cells, "birth_date"),
      documentNumber: cell(row.cells, "document_number"),
    });
  }
  return persons;
}
