/** A page of a register list: which page it is and how many there are. */
export interface ListPage {
  page: number;
  pageCount: number;
}

function pageHref(path: string, q: string, page: number): string {
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The pages of a register list searched by `q`, for govukPagination: the first and last pages and
 * two either side of the current one, gaps shown as an ellipsis; null when one page holds all.
 */
export function registerPagination(path: string, q: string, found: ListPage) {
  if (found.pageCount <= 1) return null;
  const shown = [...Array(found.pageCount).keys()]
    .map((index) => index + 1)
    .filter((number) => number === 1 || number === found.pageCount || Math.abs(number - found.page) <= 2);
  const items = shown.flatMap((number, index) => {
    const gap = index > 0 && number - (shown[index - 1] ?? number) > 1 ? [{ ellipsis: true }] : [];
    return [...gap, { number, href: pageHref(path, q, number), current: number === found.page }];
  });
  return {
    items,
    previous: found.page > 1 ? { href: pageHref(path, q, found.page - 1) } : undefined,
    next: found.page < found.pageCount ? { href: pageHref(path, q, found.page + 1) } : undefined,
  };
}

/** The search text and page number of a register list's address. */
export function listQueryOf(query: unknown): { q: string; page: number } {
  const values = (query ?? {}) as Record<string, unknown>;
  const q = typeof values.q === "string" ? values.q.slice(0, 100) : "";
  const page = Number.parseInt(typeof values.page === "string" ? values.page : "1", 10);
  return { q, page: Number.isFinite(page) ? page : 1 };
}
