import { describe, expect, it } from "vitest";
import { compareDates, parsePartialDate } from "./compare-dates.js";

const compare = (a: string, b: string) => compareDates(parsePartialDate(a), parsePartialDate(b));

describe("compareDates", () => {
  it("reads full and partial dates, with or without dashes", () => {
    expect(parsePartialDate("19651013")).toEqual({ year: 1965, month: 10, day: 13 });
    expect(parsePartialDate("1965-10")).toEqual({ year: 1965, month: 10 });
    expect(parsePartialDate("1965-00-00")).toEqual({ year: 1965 });
    expect(parsePartialDate("13.10.1965")).toBeUndefined();
    expect(parsePartialDate("1965-13-01")).toBeUndefined();
  });

  it("tells exact, swapped, one-digit, partial, different and missing apart", () => {
    expect(compare("1965-10-13", "19651013")).toBe("exact");
    expect(compare("1965-04-07", "1965-07-04")).toBe("swapped");
    expect(compare("1965-04-07", "1966-04-07")).toBe("one-digit");
    expect(compare("1965-04-07", "1965-04-17")).toBe("one-digit");
    expect(compare("1965", "1965-04-07")).toBe("partial");
    expect(compare("1965-04", "1965-04-07")).toBe("partial");
    expect(compare("1965-05", "1965-04-07")).toBe("different");
    expect(compare("1965", "1975-04-07")).toBe("different");
    expect(compare("1965", "1966")).toBe("one-digit");
    expect(compare("1965-04-07", "1971-12-30")).toBe("different");
    expect(compare("", "1965-04-07")).toBe("missing");
  });
});
