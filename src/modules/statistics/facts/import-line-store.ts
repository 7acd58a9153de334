import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { type FirstLine, type ReferenceStore, storeKey } from "../import/reference-store.js";

/**
 * The first lines of an import's ids in a temporary table of the import's transaction (dropped
 * with it): memory holds the keys of one batch of lines, whatever the number of persons and
 * applications, and each batch costs one lookup and one insert however many lines it has.
 */
export async function importLineStore(tx: Queryable): Promise<ReferenceStore> {
  await tx.execute(sql`create temporary table import_first_lines (
      file text not null, id text not null, line integer not null, value jsonb, primary key (file, id)
    ) on commit drop`);
  let reach = new Map<string, FirstLine>();
  let added: Array<{ file: string; id: string; first: FirstLine }> = [];
  return {
    async load(keys) {
      const files: string[] = [];
      const ids: string[] = [];
      const asked = new Set<string>();
      for (const { file, id } of keys) {
        const key = storeKey(file, id);
        if (reach.has(key) || asked.has(key)) continue;
        asked.add(key);
        files.push(file);
        ids.push(id);
      }
      if (files.length === 0) return;
      const rows = await queryRows<{ file: string; id: string; line: number; value: unknown }>(
        tx,
        sql`select f.file, f.id, f.line, f.value from import_first_lines f
          join unnest(${sql.param(files)}::text[], ${sql.param(ids)}::text[]) as k(file, id)
            on f.file = k.file and f.id = k.id`,
      );
      for (const row of rows) reach.set(storeKey(row.file, row.id), { line: row.line, value: row.value });
    },
    get: (file, id) => reach.get(storeKey(file, id)),
    set(file, id, first) {
      reach.set(storeKey(file, id), first);
      added.push({ file, id, first });
    },
    async save() {
      if (added.length > 0) {
        const column = <T>(value: (entry: (typeof added)[number]) => T) => sql.param(added.map(value));
        await tx.execute(sql`insert into import_first_lines (file, id, line, value)
          select * from unnest(${column((e) => e.file)}::text[], ${column((e) => e.id)}::text[],
            ${column((e) => e.first.line)}::integer[],
            ${column((e) => (e.first.value === null ? null : JSON.stringify(e.first.value)))}::jsonb[])`);
      }
      reach = new Map();
      added = [];
    },
  };
}
