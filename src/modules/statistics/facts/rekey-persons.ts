import { sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../../platform/db/index.js";
import { type CubeCell, nonZeroCells, sumCells } from "../cubes/cube-cell.js";
import { noteCubesChanged } from "../cubes/cube-changes.js";
import { addToCubes } from "../cubes/cube-repository.js";
import { personContributions } from "../cubes/person-contributions.js";
import { lockCubes } from "../cubes/statistics-lock.js";
import { loadRecordsOfPersons } from "./record-repository.js";
import { familyMemberSlotOf } from "./records-of-case.js";
import type { StatisticalRecord } from "./statistical-record.js";

/**
 * The records a change of person concerns: every record of a person key (a merge of two register
 * persons), the records of the main person of some cases or of some of their family members (a
 * case's person linked by a review or moved back by an undo), or the records of some persons of an
 * import batch (linked after the import, or moved back).
 */
export type PersonRecords =
  | { key: string }
  | { caseIds: string[] }
  | { familyMembers: Array<{ caseId: string; slot: number }> }
  | { batchId: string; importPersonIds: string[] };

export interface PersonKeyChange {
  from: PersonRecords;
  /** The key the records take: `person:<register id>` (see registerPersonKey). */
  to: string;
}

export interface RekeyReport {
  /** Records whose key changed. */
  records: number;
  /** Person keys whose contribution to the cubes was computed again. */
  persons: number;
  /** Cube cells changed. */
  cells: number;
}

/** The person key of a register person: what every record of the person is counted under. */
export function registerPersonKey(personId: string): string {
  return `person:${personId}`;
}

const prefixOfImportKeys = "import:";
const rowsPerStatement = 20_000;

interface KeyedRecord {
  record_id: string;
  person_key: string;
}

/** A record a change names, with the key it takes. */
interface Move {
  recordId: string;
  from: string;
  to: string;
}

/**
 * The records the changes name, in as few statements as there are kinds of change and batches (an
 * import links a hundred thousand persons at once). A record named twice takes the later change's key.
 */
async function movesOf(tx: Queryable, changes: PersonKeyChange[]): Promise<Move[]> {
  const order = new Map<PersonKeyChange, number>(changes.map((change, index) => [change, index]));
  const named: Array<Move & { order: number }> = [];
  const byKey = new Map<string, PersonKeyChange>();
  const byCase = new Map<string, PersonKeyChange>();
  // A family member by case and slot (`<case id>:<slot>`); the case's main person by the case alone.
  const byMember = new Map<string, PersonKeyChange>();
  const byBatch = new Map<string, Map<string, PersonKeyChange>>();
  for (const change of changes) {
    const from = change.from;
    if ("key" in from) byKey.set(from.key, change);
    else if ("caseIds" in from) for (const caseId of from.caseIds) byCase.set(caseId, change);
    else if ("familyMembers" in from)
      for (const member of from.familyMembers) byMember.set(`${member.caseId}:${member.slot}`, change);
    else {
      const persons = byBatch.get(from.batchId) ?? new Map<string, PersonKeyChange>();
      for (const id of from.importPersonIds) persons.set(id, change);
      byBatch.set(from.batchId, persons);
    }
  }
  const add = (record: KeyedRecord, change: PersonKeyChange | undefined) => {
    if (change)
      named.push({
        recordId: record.record_id,
        from: record.person_key,
        to: change.to,
        order: order.get(change) ?? 0,
      });
  };
  if (byKey.size > 0) {
    const rows = await queryRows<KeyedRecord>(
      tx,
      sql`select record_id, person_key from stat_records where person_key = ${anyOf([...byKey.keys()])}`,
    );
    for (const row of rows) add(row, byKey.get(row.person_key));
  }
  const caseIds = new Set([
    ...byCase.keys(),
    ...[...byMember.keys()].map((key) => key.split(":")[0] as string),
  ]);
  if (caseIds.size > 0) {
    const rows = await queryRows<KeyedRecord & { case_id: string }>(
      tx,
      sql`select record_id, person_key, case_id from stat_records where case_id = ${anyOf([...caseIds], "uuid")}`,
    );
    for (const row of rows) {
      const slot = familyMemberSlotOf(row.record_id);
      add(row, slot === null ? byCase.get(row.case_id) : byMember.get(`${row.case_id}:${slot}`));
    }
  }
  for (const [batchId, persons] of byBatch) {
    const ids = [...persons.keys()];
    // Records still under their import key, and those re-keyed before, found through what was kept then.
    const rows = await queryRows<KeyedRecord & { import_person_id: string }>(
      tx,
      sql`select record_id, person_key, substr(person_key, ${prefixOfImportKeys.length + 1}) as import_person_id
        from stat_records
        where batch_id = ${batchId}::uuid and person_key = ${anyOf(ids.map((id) => `${prefixOfImportKeys}${id}`))}
        union all
        select r.record_id, r.person_key, p.import_person_id from stat_import_record_persons p
          join stat_records r on r.record_id = p.record_id
        where p.batch_id = ${batchId}::uuid and p.import_person_id = ${anyOf(ids)}
          and not starts_with(r.person_key, ${prefixOfImportKeys})`,
    );
    for (const row of rows) add(row, persons.get(row.import_person_id));
  }
  named.sort((a, b) => a.order - b.order);
  const moves = new Map<string, Move>();
  for (const { order: _order, ...move } of named) moves.set(move.recordId, move);
  return [...moves.values()].filter((move) => move.from !== move.to);
}

/** A group's identity: two groups of the same records contribute the same cells, whatever their key. */
const signatureOf = (recordIds: Iterable<string>) => [...recordIds].sort().join("\n");

/**
 * The key groups whose records change: those before that no group after holds exactly (and the other
 * way round). Moving all of a key's records to a key that had none changes no cell, which is what
 * linking an import's persons to new register persons mostly does: their contributions are not
 * computed at all.
 */
function changedGroups(before: Map<string, Set<string>>, after: Map<string, Set<string>>) {
  const unmatchedBefore = new Map<string, string[]>();
  for (const [key, ids] of before) {
    if (ids.size === 0) continue;
    const signature = signatureOf(ids);
    unmatchedBefore.set(signature, [...(unmatchedBefore.get(signature) ?? []), key]);
  }
  const changedAfter: string[] = [];
  for (const [key, ids] of after) {
    if (ids.size === 0) continue;
    const signature = signatureOf(ids);
    const same = unmatchedBefore.get(signature);
    if (same && same.length > 0) {
      same.pop();
      continue;
    }
    changedAfter.push(key);
  }
  const changedBefore = [...unmatchedBefore.values()].flat();
  return { changedBefore, changedAfter };
}

/**
 * Gives the records their new keys, one statement per slice. An imported record leaving its
 * `import:<person id>` key has that person id kept first (stat_import_record_persons), read from
 * the row as it was before the update.
 */
async function writeKeys(tx: Queryable, destination: Map<string, string>): Promise<void> {
  const rows = [...destination].map(([record_id, person_key]) => ({ record_id, person_key }));
  for (let index = 0; index < rows.length; index += rowsPerStatement) {
    const slice = rows.slice(index, index + rowsPerStatement);
    await tx.execute(sql`with moved as materialized (
        select * from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb) as moved(record_id text, person_key text)
      ), remembered as (
        insert into stat_import_record_persons (record_id, batch_id, import_person_id)
        select r.record_id, r.batch_id, substr(r.person_key, ${prefixOfImportKeys.length + 1})
        from moved join stat_records r on r.record_id = moved.record_id
        where r.source = 'import' and r.batch_id is not null and starts_with(r.person_key, ${prefixOfImportKeys})
        on conflict (record_id) do nothing
      )
      update stat_records set person_key = moved.person_key from moved
      where stat_records.record_id = moved.record_id`);
  }
}

/**
 * Moves records from one person to another, as the person register links, merges and parts persons,
 * and moves the cubes by the difference: the contributions of every key concerned, computed from its
 * records before, taken away, and from its records after, added. Runs in the caller's transaction
 * (the register's change and the statistics' move commit together) under the cubes' lock.
 * Changes are applied in order: a record named by two changes takes the key of the later.
 */
export async function rekeyPersons(tx: Queryable, changes: PersonKeyChange[]): Promise<RekeyReport> {
  await lockCubes(tx);
  const moves = await movesOf(tx, changes);
  if (moves.length === 0) return { records: 0, persons: 0, cells: 0 };
  const keys = new Set<string>();
  for (const move of moves) keys.add(move.from).add(move.to);
  const destination = new Map(moves.map((move) => [move.recordId, move.to]));
  const grouped = await queryRows<KeyedRecord>(
    tx,
    sql`select record_id, person_key from stat_records where person_key = ${anyOf([...keys])}`,
  );
  const before = new Map<string, Set<string>>([...keys].map((key) => [key, new Set<string>()]));
  const after = new Map<string, Set<string>>([...keys].map((key) => [key, new Set<string>()]));
  for (const record of grouped) {
    before.get(record.person_key)?.add(record.record_id);
    after.get(destination.get(record.record_id) ?? record.person_key)?.add(record.record_id);
  }
  const { changedBefore, changedAfter } = changedGroups(before, after);
  const cells = await cubeDifference(tx, { before, after, changedBefore, changedAfter });
  await writeKeys(tx, destination);
  const changed = await addToCubes(tx, cells);
  if (changed > 0) noteCubesChanged();
  return { records: moves.length, persons: changedBefore.length + changedAfter.length, cells: changed };
}

/** The cells the changed groups move: their contributions before taken away, after added. */
async function cubeDifference(
  tx: Queryable,
  groups: {
    before: Map<string, Set<string>>;
    after: Map<string, Set<string>>;
    changedBefore: string[];
    changedAfter: string[];
  },
): Promise<CubeCell[]> {
  const wanted = new Set(groups.changedBefore);
  const ownerBefore = new Map<string, string>();
  for (const [key, ids] of groups.before) for (const id of ids) ownerBefore.set(id, key);
  for (const key of groups.changedAfter) {
    for (const id of groups.after.get(key) ?? []) wanted.add(ownerBefore.get(id) as string);
  }
  const loaded = await loadRecordsOfPersons(tx, [...wanted]);
  const byId = new Map<string, StatisticalRecord>();
  for (const records of loaded.values()) for (const record of records) byId.set(record.recordId, record);
  const difference = new Map<string, CubeCell>();
  for (const key of groups.changedBefore) {
    sumCells(personContributions(loaded.get(key) ?? []), -1, difference);
  }
  for (const key of groups.changedAfter) {
    const records = [...(groups.after.get(key) ?? [])].map((id) => byId.get(id) as StatisticalRecord);
    sumCells(personContributions(records), 1, difference);
  }
  return nonZeroCells(difference);
}
