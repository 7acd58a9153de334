import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseQueueQuery } from "./queue-query.js";
import { tasksQueueAfter } from "./tasks/form.js";

const id = "0b5f7a0e-4c1d-4b8e-9f3a-2d6c8e1f0a7b";

describe("positions and filters in a queue's address", () => {
  it("reads back the positions it writes, with or without a deadline", () => {
    expect(decodeCursor(encodeCursor({ deadline: "2026-03-02", id }))).toEqual({
      deadline: "2026-03-02",
      id,
    });
    expect(decodeCursor(encodeCursor({ deadline: null, id }))).toEqual({ deadline: null, id });
  });

  it("ignores a position or an agency that is not one, rather than failing the page", () => {
    for (const after of [`2026-13-45_${id}`, `2026-03-02_${id}_x`, "2026-03-02_not-an-id", id, "zz"]) {
      expect(decodeCursor(after), after).toBeNull();
      expect(parseQueueQuery({ after }).after, after).toBe("");
    }
    expect(parseQueueQuery({ agency: "not-an-agency" }).agency).toBe("");
    expect(parseQueueQuery({ agency: id }).agency).toBe(id);
  });

  it("continues the tasks queue only after a position it gave", () => {
    expect(tasksQueueAfter({ after: `2026-03-02T10:15:00.123Z_${id}` })).toEqual({
      createdAt: "2026-03-02T10:15:00.123Z",
      id,
    });
    expect(tasksQueueAfter({ after: `2026-03-02_${id}` })).toBeNull();
    expect(tasksQueueAfter({ after: "2026-03-02T10:15:00.123Z_x" })).toBeNull();
    expect(tasksQueueAfter({})).toBeNull();
  });
});
