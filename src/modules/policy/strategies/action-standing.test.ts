import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionStanding, daysBetween, periodOf, periodsBetween } from "./action-standing.js";

const legalDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("action standing", () => {
  it("is overdue only after the due date and never once done", () => {
    expect(actionStanding({ status: "in_progress", dueOn: "2026-03-31" }, "2026-03-31")).toBe("due_soon");
    expect(actionStanding({ status: "in_progress", dueOn: "2026-03-31" }, "2026-04-01")).toBe("overdue");
    expect(actionStanding({ status: "done", dueOn: "2026-03-31" }, "2026-06-01")).toBe("done");
    expect(actionStanding({ status: "planned", dueOn: "2026-05-01" }, "2026-04-01")).toBe("due_soon");
    expect(actionStanding({ status: "planned", dueOn: "2026-05-02" }, "2026-04-01")).toBe("on_track");
  });

  it("lists every quarter from one date to another, each once, in order", () => {
    fc.assert(
      fc.property(legalDate, legalDate, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const periods = periodsBetween(from, to);
        // The plain computation: the quarter of every day in between.
        const expected = new Set<string>();
        for (let day = 0; day <= daysBetween(from, to); day += 27) {
          expected.add(
            periodOf(new Date(Date.parse(`${from}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10)),
          );
        }
        expected.add(periodOf(to));
        expect(periods).toEqual([...expected].sort());
      }),
      { numRuns: 200 },
    );
  });
});
