import { type FirstLine, type ReferenceStore, storeKey } from "../reference-store.js";

/**
 * A store that answers as the import's table does (facts/import-line-store.ts): `get` knows only
 * what the batch loaded or set, and first lines reach the table at `save`.
 */
export function tableLikeStore(): ReferenceStore & { loaded: number } {
  const table = new Map<string, FirstLine>();
  let reach = new Map<string, FirstLine>();
  let added: [string, FirstLine][] = [];
  const store = {
    loaded: 0,
    async load(keys: readonly { file: string; id: string }[]) {
      for (const { file, id } of keys) {
        const key = storeKey(file, id);
        store.loaded += 1;
        const first = table.get(key);
        // As from the table's JSON: a copy of the facts, not the object that was set.
        if (first !== undefined) reach.set(key, structuredClone(first));
      }
    },
    get: (file: string, id: string) => reach.get(storeKey(file, id)),
    set(file: string, id: string, first: FirstLine) {
      reach.set(storeKey(file, id), first);
      added.push([storeKey(file, id), first]);
    },
    async save() {
      for (const [key, first] of added) table.set(key, structuredClone(first));
      added = [];
      reach = new Map();
    },
  };
  return store;
}
