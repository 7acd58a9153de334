/**
 * How writes that arrive together are grouped into shared transactions (see `writeGroups`).
 */
export interface WriteGroupsOptions<Job, Result> {
  /** Groups written at the same time; any further job waits and joins the next group. */
  concurrency: number;
  /** The most a group holds, counted by `sizeOf`; a larger job is written alone. */
  maxSize: number;
  sizeOf(job: Job): number;
  /** Two jobs with the same key never share a group (a request and its retry, say). */
  keyOf?(job: Job): string | undefined;
  /**
   * Writes several jobs in one transaction, each as if it were written alone; results in the
   * jobs' order. When it throws, it has written nothing.
   */
  writeTogether(jobs: Job[]): Promise<Result[]>;
  /** Writes one job on its own. */
  writeAlone(job: Job): Promise<Result>;
}

export interface WriteGroups<Job, Result> {
  /** Writes the job, alone or in a group; its own result, or its own error. */
  write(job: Job): Promise<Result>;
  /** Jobs waiting for a group to be free. */
  waiting(): number;
}

interface Waiting<Job, Result> {
  job: Job;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: a write that arrives while `concurrency` groups are being written waits for the
 * next free one, together with every other write that arrived meanwhile, and they are written in
 * one transaction. Under load a group spends one BEGIN, one COMMIT and the statements it shares on
 * many writes; a write that arrives when a group is free is written at once, so a quiet server
 * waits for nothing. When a group's transaction fails, its jobs are written again one by one, so
 * that each gets its own answer and no job fails for another's fault.
 */
export function writeGroups<Job, Result>(options: WriteGroupsOptions<Job, Result>): WriteGroups<Job, Result> {
  const waiting: Array<Waiting<Job, Result>> = [];
  let writing = 0;

  function nextGroup(): Array<Waiting<Job, Result>> {
    const group: Array<Waiting<Job, Result>> = [];
    const keys = new Set<string>();
    let size = 0;
    for (let index = 0; index < waiting.length && size < options.maxSize; ) {
      const entry = waiting[index] as Waiting<Job, Result>;
      const jobSize = options.sizeOf(entry.job);
      const key = options.keyOf?.(entry.job);
      const fits = group.length === 0 || (size + jobSize <= options.maxSize && !(key && keys.has(key)));
      if (!fits) {
        index += 1;
        continue;
      }
      waiting.splice(index, 1);
      group.push(entry);
      size += jobSize;
      if (key) keys.add(key);
    }
    return group;
  }

  async function writeAlone(entry: Waiting<Job, Result>): Promise<void> {
    try {
      entry.resolve(await options.writeAlone(entry.job));
    } catch (error) {
      entry.reject(error);
    }
  }

  async function write(group: Array<Waiting<Job, Result>>): Promise<void> {
    if (group.length === 1) return writeAlone(group[0] as Waiting<Job, Result>);
    let results: Result[];
    try {
      results = await options.writeTogether(group.map((entry) => entry.job));
    } catch {
      // Which job failed, and whether alone it would, only writing each alone tells.
      for (const entry of group) await writeAlone(entry);
      return;
    }
    for (const [index, entry] of group.entries()) entry.resolve(results[index] as Result);
  }

  function startGroups(): void {
    while (writing < options.concurrency && waiting.length > 0) {
      writing += 1;
      void write(nextGroup()).finally(() => {
        writing -= 1;
        startGroups();
      });
    }
  }

  return {
    write: (job) =>
      new Promise<Result>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        startGroups();
      }),
    waiting: () => waiting.length,
  };
}
