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
  const files = new Map<string, Map<string, FirstLine>>();
  const linesOf = (file: string) => {
    let lines = files.get(file);
    if (lines === undefined) {
      lines = new Map();
      files.set(file, lines);
    }
    return lines;
  };
  return {
    load: async () => {},
    get: (file, id) => files.get(file)?.get(id),
    set: (file, id, first) => {
      linesOf(file).set(id, first);
    },
    save: async () => {},
  };
}

/** Bits of the filter of ids already set: 2 MB, for about one wrong "maybe" in 3,000 at 400,000 ids. */
const FILTER_BITS = 1 << 24;
/** First lines kept at hand between batches: two generations of at most this many. */
const CACHE_SIZE = 30_000;

/**
 * What the cache keeps of one file: its ids at hand, by id alone (a key of file and id made per
 * lookup cost a new string, hashed, for every id of every line), and the filter's hashes of the
 * file's name, from which the hashes of its ids go on.
 */
interface FileCache {
  young: Map<string, FirstLine>;
  old: Map<string, FirstLine>;
  reach: Map<string, FirstLine>;
  readonly seedA: number;
  readonly seedB: number;
}

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
  const files = new Map<string, FileCache>();
  /** First lines in the young generations of all files together. */
  let young = 0;
  let lastName = "";
  let last: FileCache | undefined;
  const cacheOf = (file: string): FileCache => {
    if (file === lastName && last !== undefined) return last;
    let cache = files.get(file);
    if (cache === undefined) {
      const [seedA, seedB] = fileSeeds(file);
      cache = { young: new Map(), old: new Map(), reach: new Map(), seedA, seedB };
      files.set(file, cache);
    }
    lastName = file;
    last = cache;
    return cache;
  };
  const remember = (cache: FileCache, id: string, first: FirstLine) => {
    if (young >= cacheSize) {
      for (const each of files.values()) {
        each.old = each.young;
        each.young = new Map();
      }
      young = 0;
    }
    const before = cache.young.size;
    cache.young.set(id, first);
    young += cache.young.size - before;
  };
  return {
    async load(keys) {
      const rest: LineKey[] = [];
      for (const lineKey of keys) {
        const cache = cacheOf(lineKey.file);
        const id = lineKey.id;
        const first = cache.young.get(id) ?? cache.old.get(id);
        if (first !== undefined) cache.reach.set(id, first);
        else if (filterMayHold(filter, filterBits, cache, id)) rest.push(lineKey);
      }
      await store.load(rest);
    },
    get(file, id) {
      const cache = cacheOf(file);
      const near = cache.reach.get(id);
      if (near !== undefined) return near;
      const loaded = store.get(file, id);
      if (loaded !== undefined) {
        cache.reach.set(id, loaded);
        remember(cache, id, loaded);
      }
      return loaded;
    },
    set(file, id, first) {
      const cache = cacheOf(file);
      cache.reach.set(id, first);
      remember(cache, id, first);
      filterAdd(filter, filterBits, cache, id);
      store.set(file, id, first);
    },
    async save() {
      for (const cache of files.values()) if (cache.reach.size > 0) cache.reach = new Map();
      await store.save();
    },
  };
}

/**
 * The filter hashes `storeKey(file, id)`: two FNV-1a hashes (different offsets), combined for its
 * three bits. FNV-1a reads a key from left to right, so the hashes of the file's name and the
 * separator are worked out once per file and each id's characters continue from them.
 */
function fileSeeds(file: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const prefix = storeKey(file, "");
  for (let i = 0; i < prefix.length; i++) {
    const code = prefix.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return [a, b];
}

/** The bits of `id` of the file of `cache`: set them, or tell whether all three are set. */
function filterBitsOf(
  filter: Uint32Array,
  bits: number,
  cache: FileCache,
  id: string,
  add: boolean,
): boolean {
  let a = cache.seedA;
  let b = cache.seedB;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  const first = a >>> 0;
  const step = (b | 1) >>> 0;
  let all = true;
  for (let i = 0; i < 3; i++) {
    const bit = (first + i * step) % bits;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (add) filter[word] = (filter[word] ?? 0) | mask;
    else if (((filter[word] ?? 0) & mask) === 0) {
      all = false;
      break;
    }
  }
  return all;
}

function filterAdd(filter: Uint32Array, bits: number, cache: FileCache, id: string): void {
  filterBitsOf(filter, bits, cache, id, true);
}

function filterMayHold(filter: Uint32Array, bits: number, cache: FileCache, id: string): boolean {
  return filterBitsOf(filter, bits, cache, id, false);
}
