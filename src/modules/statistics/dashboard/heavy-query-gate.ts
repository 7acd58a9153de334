import { DomainError } from "../../../platform/errors/index.js";

/**
 * Lets only a few heavy statistics computations run at once in a process. Each one keeps the
 * database and the event loop busy for a good part of a second over a long period; eight at once
 * made every other page of the service many times slower. The rest wait their turn, in order, for
 * a bounded time; after that the answer is 503 with Retry-After rather than a queue that grows
 * without end.
 */
export class HeavyQueryGate {
  private running = 0;
  private readonly waiting: Array<{ admit: () => void }> = [];

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
  ) {}

  /** True when a computation asked for now would have to wait. */
  get full(): boolean {
    return this.running >= this.limit;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const place = {
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(place), 1);
        reject(statisticsBusy(this.maxWaitMs));
      }, this.maxWaitMs);
      this.waiting.push(place);
    });
  }

  private leave(): void {
    const next = this.waiting.shift();
    // The place passes straight to the next in line, so a newcomer cannot take it first.
    if (next) next.admit();
    else this.running -= 1;
  }
}

/** 503 with Retry-After: the computations in progress will have finished by then. */
function statisticsBusy(waitedMs: number): DomainError {
  return new DomainError("statistics_busy", 503, "statistics.errors.busy", {
    retryAfterSeconds: Math.max(5, Math.ceil(waitedMs / 1000)),
  });
}
