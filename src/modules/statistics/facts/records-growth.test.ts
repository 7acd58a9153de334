import { describe, expect, it } from "vitest";
import type { Queryable } from "../../../platform/db/index.js";
import { analyzeAsRecordsGrow } from "./records-growth.js";

describe("the planner's statistics while records grow", () => {
  it("analyzes after the first cases, then each time the projected cases have doubled", async () => {
    let analyzed: number[] = [];
    let projected = 0;
    const db = {
      execute: async () => {
        analyzed.push(projected);
        return { rows: [] };
      },
    } as unknown as Queryable;
    const recordsGrew = analyzeAsRecordsGrow(db, 1000);
    for (let pass = 0; pass < 20; pass += 1) {
      projected += 500;
      await recordsGrew(500);
    }
    expect(analyzed).toEqual([1000, 2000, 4000, 8000]);
    analyzed = [];
    await recordsGrew(0);
    expect(analyzed).toEqual([]);
  });
});
