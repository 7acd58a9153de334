import { describe, expect, it } from "vitest";
import { answerCountsOf, shareWithin } from "./answer-times.js";

const route = "/api/v1/cases/:typeCode";

/** A metrics text as prom-client writes it, for the route's 201 and 409 answers and another route's. */
function metrics(created: number[], conflicts: number[]): string {
  const bounds = ["0.025", "0.05", "+Inf"];
  const lines = (status: string, counts: number[], path = route) =>
    bounds.map(
      (le, index) =>
        `karvan_http_request_duration_seconds_bucket{le="${le}",method="POST",route="${path}",status="${status}"} ${counts[index]}`,
    );
  return [
    "# HELP karvan_http_request_duration_seconds Time spent answering HTTP requests",
    "# TYPE karvan_http_request_duration_seconds histogram",
    ...lines("201", created),
    ...lines("409", conflicts),
    ...lines("201", [1000, 1000, 1000], "/api/v1/stay-registrations/bulk"),
    `karvan_http_request_duration_seconds_sum{method="POST",route="${route}",status="201"} 12.5`,
  ].join("\n");
}

describe("the server's own answer times", () => {
  it("sums a route's buckets over its statuses, leaving other routes out", () => {
    const counts = answerCountsOf(metrics([80, 95, 100], [1, 2, 2]), "POST", route);
    expect(counts).toEqual(
      new Map([
        [0.025, 81],
        [0.05, 97],
        [Number.POSITIVE_INFINITY, 102],
      ]),
    );
  });

  it("gives the share answered within a bound between two readings", () => {
    const before = answerCountsOf(metrics([80, 95, 100], [0, 0, 0]), "POST", route);
    const after = answerCountsOf(metrics([880, 1085, 1100], [0, 5, 10]), "POST", route);
    // 1,010 answered in between: 995 within 50 ms, 800 within 25 ms.
    expect(shareWithin(before, after, 0.05)).toBeCloseTo(995 / 1010, 10);
    expect(shareWithin(before, after, 0.025)).toBeCloseTo(800 / 1010, 10);
  });

  it("gives nothing when nothing was answered or no bucket has the bound", () => {
    const counts = answerCountsOf(metrics([80, 95, 100], [0, 0, 0]), "POST", route);
    expect(shareWithin(counts, counts, 0.05)).toBeNull();
    expect(shareWithin(new Map(), counts, 0.04)).toBeNull();
  });
});
