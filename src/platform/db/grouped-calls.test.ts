import { describe, expect, it } from "vitest";
import { groupedCalls, sharesOf } from "./grouped-calls.js";

interface Job {
  name: string;
  size?: number;
  key?: string;
  fails?: boolean;
}

/** A writer whose groups finish when the test says, recording what was written how. */
function recordingWriter(concurrency: number, maxSize = 10) {
  const written: Array<{ how: "alone" | "together"; jobs: string[] }> = [];
  const open: Array<() => void> = [];
  const finishOne = () => (open.shift() as () => void)();
  const held = () => new Promise<void>((resolve) => open.push(resolve));
  const writer = groupedCalls<Job, string>({
    concurrency,
    maxSize,
    sizeOf: (job) => job.size ?? 1,
    keyOf: (job) => job.key,
    async together(jobs) {
      written.push({ how: "together", jobs: jobs.map((job) => job.name) });
      await held();
      if (jobs.some((job) => job.fails)) throw new Error("the group's transaction failed");
      return jobs.map((job) => `${job.name} written`);
    },
    async alone(job) {
      written.push({ how: "alone", jobs: [job.name] });
      await held();
      if (job.fails) throw new Error(`${job.name} refused`);
      return `${job.name} written alone`;
    },
  });
  /** Lets the event loop run until the writer has started the groups it can. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { writer, written, finishOne, settle, openGroups: () => open.length };
}

describe("writes in groups", () => {
  it("writes a job alone and at once while a group is free", async () => {
    const { writer, written, finishOne, settle } = recordingWriter(2);
    const first = writer.call({ name: "a" });
    await settle();
    expect(written).toEqual([{ how: "alone", jobs: ["a"] }]);
    expect(writer.waiting()).toBe(0);
    finishOne();
    await expect(first).resolves.toBe("a written alone");
  });

  it("makes the jobs that arrive while every group is busy wait, then writes them together in order", async () => {
    const { writer, written, finishOne, settle, openGroups } = recordingWriter(1);
    const results = ["a", "b", "c", "d"].map((name) => writer.call({ name }));
    await settle();
    expect(writer.waiting()).toBe(3);
    finishOne();
    await settle();
    expect(written).toEqual([
      { how: "alone", jobs: ["a"] },
      { how: "together", jobs: ["b", "c", "d"] },
    ]);
    expect(openGroups()).toBe(1);
    finishOne();
    expect(await Promise.all(results)).toEqual(["a written alone", "b written", "c written", "d written"]);
  });

  it("keeps a group within its size and never puts two jobs with the same key in one group", async () => {
    const { writer, written, finishOne, settle } = recordingWriter(1, 5);
    const results = [
      writer.call({ name: "first" }),
      writer.call({ name: "retry-1", key: "k" }),
      writer.call({ name: "big", size: 4 }),
      writer.call({ name: "retry-2", key: "k" }),
      writer.call({ name: "small", size: 1 }),
      writer.call({ name: "huge", size: 9 }),
    ];
    for (let group = 0; group < 4; group += 1) {
      await settle();
      finishOne();
    }
    await Promise.all(results);
    expect(written).toEqual([
      { how: "alone", jobs: ["first"] },
      // retry-2 shares retry-1's key; small still fits after big; huge is larger than any group
      { how: "together", jobs: ["retry-1", "big"] },
      { how: "together", jobs: ["retry-2", "small"] },
      { how: "alone", jobs: ["huge"] },
    ]);
  });

  it("writes each job of a failed group alone, so that only the failing one fails", async () => {
    const { writer, written, finishOne, settle } = recordingWriter(1);
    const results = [
      writer.call({ name: "a" }),
      writer.call({ name: "b" }),
      writer.call({ name: "bad", fails: true }),
      writer.call({ name: "c" }),
    ].map((result) => result.then(String, (error: Error) => error.message));
    for (let step = 0; step < 5; step += 1) {
      await settle();
      finishOne();
    }
    expect(await Promise.all(results)).toEqual([
      "a written alone",
      "b written alone",
      "bad refused",
      "c written alone",
    ]);
    expect(written.map(({ how, jobs }) => `${how}:${jobs.join(",")}`)).toEqual([
      "alone:a",
      "together:b,bad,c",
      "alone:b",
      "alone:bad",
      "alone:c",
    ]);
  });
});

describe("a group's results by job", () => {
  it("cuts the results back into each job's share, in order, empty shares included", () => {
    expect(sharesOf(["a", "b", "c", "d"], [1, 0, 3])).toEqual([["a"], [], ["b", "c", "d"]]);
  });
});
