import { describe, expect, it } from "vitest";
import { paginate, requestedPage } from "./pagination.js";

const t = ((key: string, values?: { number?: number }) =>
  values?.number ? `${key} ${values.number}` : key) as unknown as Parameters<typeof paginate>[1]["t"];
const options = (page: number) => ({
  page,
  pageSize: 20,
  hrefOf: (number: number) => `/list?page=${number}`,
  t,
  landmarkLabel: "Pages",
});
const entries = Array.from({ length: 125 }, (_, index) => index + 1);

describe("pagination", () => {
  it("reads the page asked for, and takes anything else for the first", () => {
    expect(requestedPage({ page: "3" })).toBe(3);
    for (const query of [{}, { page: "0" }, { page: "-2" }, { page: "x" }, { page: ["2"] }, undefined]) {
      expect(requestedPage(query)).toBe(1);
    }
  });

  it("cuts the list into pages with links to the first, the last and those near the current", () => {
    const third = paginate(entries, options(3));
    expect(third.items).toEqual(entries.slice(40, 60));
    expect(third.pageCount).toBe(7);
    expect(third.pagination?.previous).toEqual({ href: "/list?page=2", text: "common.pagination.previous" });
    expect(third.pagination?.next?.href).toBe("/list?page=4");
    expect(
      third.pagination?.items.map((item) =>
        "ellipsis" in item ? "…" : `${item.number}${item.current ? "*" : ""}`,
      ),
    ).toEqual(["1", "2", "3*", "4", "5", "…", "7"]);
    expect(third.pagination?.items[0]).toMatchObject({ visuallyHiddenText: "common.pagination.page 1" });
  });

  it("shows the last page for a page past the end, and no links when all fits one page", () => {
    const past = paginate(entries, options(99));
    expect(past.page).toBe(7);
    expect(past.items).toEqual([121, 122, 123, 124, 125]);
    expect(past.pagination?.next).toBeUndefined();
    expect(paginate(entries.slice(0, 20), options(1)).pagination).toBeNull();
    expect(paginate([], options(1))).toMatchObject({ items: [], page: 1, pageCount: 1, pagination: null });
  });
});
