import { describe, expect, it } from "vitest";
import { pauseAfterPass } from "./statistics-projector.js";

describe("pauseAfterPass", () => {
  const pauses = { busyMs: 100, idleMs: 1000 };
  const pass = (state: "idle" | "busy" | "behind" | "caught_up", cases: number) => ({
    state,
    cases,
    parked: [],
  });

  it("carries on at once behind a backlog, soon after changes, and waits a second when quiet", () => {
    expect(pauseAfterPass(pass("behind", 500), pauses)).toBe(0);
    expect(pauseAfterPass(pass("caught_up", 12), pauses)).toBe(100);
    expect(pauseAfterPass(pass("idle", 0), pauses)).toBe(1000);
    // Another instance holds the cubes: it projects what waits, so this one looks again later.
    expect(pauseAfterPass(pass("busy", 0), pauses)).toBe(1000);
  });
});
