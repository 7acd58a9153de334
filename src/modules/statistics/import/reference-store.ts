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
