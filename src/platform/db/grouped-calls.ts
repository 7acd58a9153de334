/**
 * How calls that arrive together are grouped (see `groupedCalls`).
 */
export interface GroupedCallsOptions<Job, Result> {
  /** Groups under way at the same time; any further job waits and joins the next group. */
  concurrency: number;
  /** The most a group holds, counted by `sizeOf`; a larger job goes alone. */
  maxSize: number;
  sizeOf(job: Job): number;
  /** Two jobs with the same key never share a group (a request and its retry, say). */
  keyOf?(job: Job): string | undefined;
  /**
   * Does several jobs at once (one transaction, one statement), each as if it were done alone;
   * results in the jobs' order. When it throws, it has changed nothing.
   */
  together(jobs: Job[]): Promise<Result[]>;
  /** Does one job on its own. */
  alone(job: Job): Promise<Result>;
}

export interface GroupedCalls<Job, Result> {
  /** Does the job, alone or in a group: its own result, or its own error. */
  call(job: Job): Promise<Result>;
  /** Jobs waiting for a group to be free. */
  waiting(): number;
}

interface Waiting<Job, Result> {
  job: Job;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit, for writes and reads alike: a call that arrives while `concurrency` groups are
 * under way waits for the next free one, together with every other call that arrived meanwhile,
 * and they are done at once (`together`). Under load a group spends one round trip, or one BEGIN
 * and COMMIT, on many calls; a call that arrives when a group is free goes at once, so a quiet
 * server makes no one wait. When a group fails, its jobs are done again one by one, so that each
 * gets its own answer and no job fails for another's fault.
 */
export function groupedCalls<Job, Result>(
  options: GroupedCallsOptions<Job, Result>,
): GroupedCalls<Job, Result> {
  const waiting: Array<Waiting<Job, Result>> = [];
  let underWay = 0;

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

  async function alone(entry: Waiting<Job, Result>): Promise<void> {
    try {
      entry.resolve(await options.alone(entry.job));
    } catch (error) {
      entry.reject(error);
    }
  }

  async function run(group: Array<Waiting<Job, Result>>): Promise<void> {
    if (group.length === 1) return alone(group[0] as Waiting<Job, Result>);
    let results: Result[];
    try {
      results = await options.together(group.map((entry) => entry.job));
    } catch {
      // Which job failed, and whether alone it would, only doing each alone tells.
      for (const entry of group) await alone(entry);
      return;
    }
    for (const [index, entry] of group.entries()) entry.resolve(results[index] as Result);
  }

  function startGroups(): void {
    while (underWay < options.concurrency && waiting.length > 0) {
      underWay += 1;
      void run(nextGroup()).finally(() => {
        underWay -= 1;
        startGroups();
      });
    }
  }

  return {
    call: (job) =>
      new Promise<Result>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        startGroups();
      }),
    waiting: () => waiting.length,
  };
}

/** A group's results, given one after the other, cut back into each job's share (`counts` by job). */
export function sharesOf<T>(results: T[], counts: number[]): T[][] {
  const shares: T[][] = [];
  let next = 0;
  for (const count of counts) {
    shares.push(results.slice(next, next + count));
    next += count;
  }
  return shares;
}
