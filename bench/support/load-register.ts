import pg from "pg";
import type { PersonOccurrence } from "../../src/modules/people/index.js";
import {
  nameOfOccurrence,
  normalisedBirthDate,
  normalisedCode,
  normalisedDocumentNumber,
} from "../../src/modules/people/register/occurrence.js";
import { keysOfProfile } from "../../src/modules/people/register/scoring.js";
import { copyLinesInto, copyValue } from "../../src/modules/statistics/cubes/copy-text.js";
import { type DatabaseHandle, driverConnection } from "../../src/platform/db/index.js";

/**
 * A register person id that carries the record's number: the first eight hex digits spread the ids
 * over the whole uuid range (as random ids would be, so that sampling from a random id works), the
 * last twelve are the number, so that the ground truth needs no table of ids.
 */
export function personIdOf(record: number): string {
  const spread = (Math.imul(record + 1, 2_654_435_761) >>> 0).toString(16).padStart(8, "0");
  return `${spread}-0000-4000-8000-${record.toString(16).padStart(12, "0")}`;
}

export function recordOf(personId: string): number {
  return Number.parseInt(personId.slice(24), 16);
}

const column = (value: string | null | undefined) => copyValue(value ?? null);

/** The rows of one record in COPY text: the person, its name, its document and its blocking keys. */
class RegisterRows {
  persons = "";
  names = "";
  documents = "";
  keys = "";
  count = 0;

  add(record: number, occurrence: PersonOccurrence, at: string) {
    const personId = personIdOf(record);
    const citizenship = normalisedCode(occurrence.citizenship);
    const birthDate = normalisedBirthDate(occurrence.birthDate);
    this.persons += `${personId}\t${at}\t${column(normalisedCode(occurrence.sex))}\t${column(birthDate)}\t{${citizenship ?? ""}}\n`;
    const name = nameOfOccurrence(occurrence);
    if (name) {
      this.names +=
        `${personIdOf(record + 0x100000000000)}\t${personId}\t${column(name.givenNames)}\t${column(name.familyName)}\t` +
        `${column(name.fullName)}\t${name.script}\t${column(name.givenComparable)}\t${column(name.familyComparable)}\t` +
        `${column(name.givenPhonetic)}\t${column(name.familyPhonetic)}\t${at}\n`;
    }
    const number = occurrence.document ? normalisedDocumentNumber(occurrence.document.number) : "";
    if (number) {
      this.documents += `${personIdOf(record + 0x200000000000)}\t${personId}\tpassport\t${column(number)}\t${column(normalisedCode(occurrence.document?.issuingState))}\t\\N\t${at}\n`;
    }
    const keys = keysOfProfile({
      id: personId,
      birthDate,
      sex: null,
      citizenships: [],
      names: name ? [name] : [],
      documentNumbers: number ? [number] : [],
    });
    for (const key of keys) this.keys += `${column(key)}\t${personId}\n`;
    this.count++;
  }
}

/**
 * Loads records into the register's tables by COPY, a chunk at a time: on the server through a
 * connection of its own, on the embedded database as blobs. `records` yields each record with its
 * number.
 */
export async function loadRegister(
  database: DatabaseHandle,
  records: Iterable<{ record: number; occurrence: PersonOccurrence }>,
  chunk = 20_000,
): Promise<number> {
  const client = database.url ? new pg.Client({ connectionString: database.url }) : undefined;
  await client?.connect();
  const connection = client ?? driverConnection(database.db);
  const at = "2026-01-15 10:00:00+00";
  let rows = new RegisterRows();
  let loaded = 0;
  const flush = async () => {
    await copyLinesInto(
      connection,
      "people_persons (id, created_at, sex, birth_date, citizenships)",
      rows.persons,
    );
    await copyLinesInto(
      connection,
      "people_names (id, person_id, given_names, family_name, full_name, script, given_comparable, family_comparable, given_phonetic, family_phonetic, added_at)",
      rows.names,
    );
    await copyLinesInto(
      connection,
      "people_documents (id, person_id, type, number, issuing_state, expiry, added_at)",
      rows.documents,
    );
    await copyLinesInto(connection, "people_keys (key, person_id)", rows.keys);
    loaded += rows.count;
    rows = new RegisterRows();
  };
  try {
    for (const { record, occurrence } of records) {
      rows.add(record, occurrence, at);
      if (rows.count >= chunk) await flush();
    }
    if (rows.count > 0) await flush();
  } finally {
    await client?.end();
  }
  return loaded;
}
