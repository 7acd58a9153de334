import type { Translator } from "./i18n.js";

/** The page numbers shown: the first, the last and two either side of the current; null is a gap. */
function pageNumbers(current: number, count: number): Array<number | null> {
  const shown: Array<number | null> = [];
  for (let number = 1; number <= count; number++) {
    if (number === 1 || number === count || Math.abs(number - current) <= 2) shown.push(number);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

/** The page a query asks for (`?page=3`); anything else is the first page. */
export function requestedPage(query: unknown, name = "page"): number {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  const number = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, number);
}

export interface PagedList<T> {
  items: T[];
  page: number;
  pageCount: number;
  /** The parameters of govuk-frontend's pagination component; null when everything fits one page. */
  pagination: {
    previous?: { href: string; text: string } | undefined;
    next?: { href: string; text: string } | undefined;
    items: Array<
      { ellipsis: true } | { number: number; href: string; current: boolean; visuallyHiddenText: string }
    >;
    landmarkLabel: string;
  } | null;
}

/**
 * One page of a list already in the order shown, with the pagination component's links. A page
 * past the end shows the last one, so an old link to a list that has since shrunk still works.
 */
export function paginate<T>(
  all: T[],
  options: {
    page: number;
    pageSize: number;
    hrefOf: (page: number) => string;
    t: Translator;
    landmarkLabel: string;
  },
): PagedList<T> {
  const { pageSize, hrefOf, t } = options;
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const items = all.slice((page - 1) * pageSize, page * pageSize);
  if (pageCount === 1) return { items, page, pageCount, pagination: null };
  return {
    items,
    page,
    pageCount,
    pagination: {
      previous: page > 1 ? { href: hrefOf(page - 1), text: t("common.pagination.previous") } : undefined,
      next: page < pageCount ? { href: hrefOf(page + 1), text: t("common.pagination.next") } : undefined,
      items: pageNumbers(page, pageCount).map((number) =>
        number === null
          ? { ellipsis: true as const }
          : {
              number,
              href: hrefOf(number),
              current: number === page,
              visuallyHiddenText: t("common.pagination.page", { number }),
            },
      ),
      landmarkLabel: options.landmarkLabel,
    },
  };
}
