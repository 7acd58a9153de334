/**
 * The first line of an id in one file, with the checked facts of the line when later files need
 * them (a person, an application, an order to leave; null when the line had errors).
 */
export interface FirstLine {
  readonly line: number;
  readonly value: unknown;
}

/** An id of one file. */
export interface LineKey {
  readonly file: string;
  readonly id: string;
}

/**
 * Where the checks keep the first line of every id, for duplicate ids and references across files.
 * Lines are checked in batches: `load` brings the keys a batch needs within reach of `get`, `set`
 * records the batch's new first lines, and `save` stores them and lets go of the batch's keys. An
 * import of millions of lines keeps them in the database (`importLineStore`), so that memory holds
 * one batch's keys; a check of small files keeps them in memory.
 */
export interface ReferenceStore {
  load(keys: readonly LineKey[]): Promise<void>;
  get(file: string, id: string): FirstLine | undefined;
  set(file: string, id: string, first: FirstLine): void;
  save(): Promise<void>;
}

export function storeKey(file: string, id: string): string {
  return `${file}\u0000${id}`;
}

/** Every first line in memory: for checks of small files, which need no database. */
export function memoryReferenceStore(): ReferenceStore {
  const lines = new Map<string, FirstLine>();
  return {
    load: async () => {},
    get: (file, id) => lines.get(storeKey(file, id)),
    set: (file, id, first) => {
      lines.set(storeKey(file, id), first);
    },
    save: async () => {},
  };
}

/** Bits of the filter of ids already set: 2 MB, for about one wrong "maybe" in 3,000 at 400,000 ids. */
const FILTER_BITS = 1 << 24;
/** First lines kept at hand between batches: two generations of at most this many. */
const CACHE_SIZE = 30_000;

/**
 * Keeps `store`'s lookups for what it may hold: ids set before that are still at hand (the last
 * 30,000 to 60,000 set or read) come from memory, and an id the filter has never seen is known to
 * be new without asking. Only the rest is loaded from `store`, which is told every `set` and `save`.
 * Memory is bounded (the filter's bits and two generations of first lines), whatever the files.
 */
export function cachedReferenceStore(
  store: ReferenceStore,
  sizes: { filterBits?: number; cacheSize?: number } = {},
): ReferenceStore {
  const filterBits = sizes.filterBits ?? FILTER_BITS;
  const cacheSize = sizes.cacheSize ?? CACHE_SIZE;
  const filter = new Uint32Array(Math.ceil(filterBits / 32));
  let young = new Map<string, FirstLine>();
  let old = new Map<string, FirstLine>();
  let reach = new Map<string, FirstLine>();
  const remember = (key: string, first: FirstLine) => {
    if (young.size >= cacheSize) {
      old = young;
      young = new Map();
    }
    young.set(key, first);
  };
  return {
    async load(keys) {
      const rest: LineKey[] = [];
      for (const lineKey of keys) {
        const key = storeKey(lineKey.file, lineKey.id);
        const first = young.get(key) ?? old.get(key);
        if (first !== undefined) reach.set(key, first);
        else if (filterMayHold(filter, filterBits, key)) rest.push(lineKey);
      }
      await store.load(rest);
    },
    get(file, id) {
      const key = storeKey(file, id);
      const near = reach.get(key);
      if (near !== undefined) return near;
      const loaded = store.get(file, id);
      if (loaded !== undefined) {
        reach.set(key, loaded);
        remember(key, loaded);
      }
      return loaded;
    },
    set(file, id, first) {
      const key = storeKey(file, id);
      reach.set(key, first);
      remember(key, first);
      filterAdd(filter, filterBits, key);
      store.set(file, id, first);
    },
    async save() {
      reach = new Map();
      await store.save();
    },
  };
}

/** Two FNV-1a hashes of the key (different offsets), combined for the filter's three bits. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return [a >>> 0, (b | 1) >>> 0];
}

function filterAdd(filter: Uint32Array, bits: number, key: string): void {
  const [a, b] = hashes(key);
  for (let i = 0; i < 3; i++) {
    const bit = (a + i * b) % bits;
    filter[bit >>> 5] = (filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
}

function filterMayHold(filter: Uint32Array, bits: number, key: string): boolean {
  const [a, b] = hashes(key);
  for (let i = 0; i < 3; i++) {
    const bit = (a + i * b) % bits;
    if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}
