import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { ManualClock } from "../clock/index.js";
import { hitRateLimit, type RateLimit, RateLimitedError } from "./rate-limiter.js";

const clock = new ManualClock("2026-02-02T06:00:00Z");
const limit: RateLimit = {
  name: "test",
  max: 3,
  windowSeconds: 600,
  code: "too_many_tests",
  messageKey: "errors.too_many_requests",
};
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("rate limits counted in the database", () => {
  it("refuses the request after `max` in a window with the seconds left, keeps keys apart and opens a new window", async () => {
    const hits = () => hitRateLimit(database.db, clock, limit, "person@example.org");
    // In parallel, as from several instances: exactly `max` pass.
    const first = await Promise.allSettled(Array.from({ length: 5 }, hits));
    expect(first.filter((one) => one.status === "fulfilled")).toHaveLength(3);
    clock.advance(4 * 60_000);
    const refused = await hits().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ code: "too_many_tests", status: 429, retryAfterSeconds: 360 });
    expect((refused as RateLimitedError).details).toEqual({ retryAfterSeconds: 360 });
    expect((refused as RateLimitedError).messageValues).toEqual({ minutes: 6 });
    await hitRateLimit(database.db, clock, limit, "someone-else@example.org");
    await hitRateLimit(database.db, clock, { ...limit, name: "other" }, "person@example.org");

    clock.advance(11 * 60_000);
    await hits();
    // Addresses are kept as hashes only; the windows that had ended were swept when a new one opened.
    const { rows: stored } = await database.raw.query<{ key: string; hits: number }>(
      "select key, hits from rate_limit_windows order by key",
    );
    expect(stored.map((row) => row.key).join(" ")).not.toContain("example.org");
    expect(stored).toHaveLength(1);
    expect(stored[0]?.key).toMatch(/^test:[\w-]{43}$/);
    expect(stored[0]?.hits).toBe(1);
  });
});
