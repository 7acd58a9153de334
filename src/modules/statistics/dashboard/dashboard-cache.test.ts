import { describe, expect, it } from "vitest";
import { DomainError } from "../../../platform/errors/index.js";
import { DashboardCache } from "./dashboard-cache.js";
import { HeavyQueryGate } from "./heavy-query-gate.js";

/** A computation that finishes when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function cacheAt(start: string, options: { maxAgeMs?: number; maxEntries?: number } = {}) {
  const clock = { now: new Date(start) };
  const gate = new HeavyQueryGate(2, 1000);
  const cache = new DashboardCache<string>(
    {
      maxEntries: options.maxEntries ?? 10,
      maxAgeMs: options.maxAgeMs ?? 600_000,
      refreshAfterChangeMs: 60_000,
      now: () => clock.now,
    },
    gate,
  );
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { cache, gate, advance };
}

describe("the heavy query gate", () => {
  it("lets two run at once, admits the next in order as one ends, and refuses a long wait with 503", async () => {
    const gate = new HeavyQueryGate(2, 50);
    const first = deferred<string>();
    const second = deferred<string>();
    const order: string[] = [];
    const running = [
      gate.run(() => first.promise),
      gate.run(() => second.promise),
      gate.run(async () => {
        order.push("third");
        return "third";
      }),
    ];
    expect(gate.full).toBe(true);
    await Promise.resolve();
    expect(order).toEqual([]);
    first.resolve("first");
    expect(await running[2]).toBe("third");

    // The second still runs and a newcomer takes the free place; the one after waits and gives up.
    const third = deferred<string>();
    const taken = gate.run(() => third.promise);
    const refused = await gate.run(async () => "never").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "statistics_busy",
      status: 503,
      details: { retryAfterSeconds: 5 },
    });
    second.resolve("second");
    third.resolve("third");
    expect(await Promise.all([running[0], running[1], taken])).toEqual(["first", "second", "third"]);
    expect(gate.full).toBe(false);
  });
});

describe("the dashboard cache", () => {
  it("computes a dashboard once for everyone asking at the same time, and keeps it", async () => {
    const { cache } = cacheAt("2026-05-04T10:00:00Z");
    let computed = 0;
    const result = deferred<string>();
    const compute = () => {
      computed += 1;
      return result.promise;
    };
    const asked = [
      cache.get("a", "t1", compute),
      cache.get("a", "t1", compute),
      cache.get("a", "t1", compute),
    ];
    result.resolve("charts");
    const answers = await Promise.all(asked);
    expect(computed).toBe(1);
    expect(answers.map((answer) => answer.value)).toEqual(["charts", "charts", "charts"]);
    expect((await cache.get("a", "t1", compute)).computedAt).toEqual(new Date("2026-05-04T10:00:00Z"));
    expect(computed).toBe(1);
  });

  it("computes again once the cubes changed and a minute has passed, and always after the maximum age", async () => {
    const { cache, advance } = cacheAt("2026-05-04T10:00:00Z");
    let computed = 0;
    const compute = async () => `charts ${++computed}`;
    await cache.get("a", "t1", compute);
    advance(30_000);
    // The cubes moved on, but half a minute old is recent enough.
    expect((await cache.get("a", "t2", compute)).value).toBe("charts 1");
    advance(30_000);
    expect((await cache.get("a", "t2", compute)).value).toBe("charts 2");
    // Unchanged cubes: kept up to the maximum age (ten minutes here), not a moment longer.
    advance(599_000);
    expect((await cache.get("a", "t2", compute)).value).toBe("charts 2");
    advance(1000);
    const again = await cache.get("a", "t2", compute);
    expect(again.value).toBe("charts 3");
    expect(again.computedAt).toEqual(new Date("2026-05-04T10:11:00Z"));
  });

  it("keeps nothing with a maximum age of 0, and forgets the least recently used beyond its size", async () => {
    const never = cacheAt("2026-05-04T10:00:00Z", { maxAgeMs: 0 });
    let computed = 0;
    const compute = async () => `charts ${++computed}`;
    await never.cache.get("a", "t", compute);
    await never.cache.get("a", "t", compute);
    expect(computed).toBe(2);

    const small = cacheAt("2026-05-04T10:00:00Z", { maxEntries: 2 });
    computed = 0;
    await small.cache.get("a", "t", compute);
    await small.cache.get("b", "t", compute);
    await small.cache.get("a", "t", compute); // a is now the most recently used
    await small.cache.get("c", "t", compute); // b goes
    expect(computed).toBe(3);
    expect((await small.cache.get("a", "t", compute)).value).toBe("charts 1");
    expect((await small.cache.get("b", "t", compute)).value).toBe("charts 4");
  });

  it("answers with the older copy at once while every heavy computation is taken", async () => {
    const { cache, gate, advance } = cacheAt("2026-05-04T10:00:00Z");
    await cache.get("a", "t1", async () => "old charts");
    advance(120_000);
    const busy = [deferred<void>(), deferred<void>()];
    const holding = busy.map((one) => gate.run(() => one.promise));
    const answer = await cache.get("a", "t2", async () => "new charts");
    expect(answer.value).toBe("old charts");
    expect(answer.computedAt).toEqual(new Date("2026-05-04T10:00:00Z"));
    for (const one of busy) one.resolve();
    await Promise.all(holding);
    expect((await cache.get("a", "t2", async () => "new charts")).value).toBe("new charts");
  });
});
