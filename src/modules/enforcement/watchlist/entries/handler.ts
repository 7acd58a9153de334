import type { FastifyReply, FastifyRequest } from "fastify";
import { formatLongDate } from "../../../cases/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { listWatchListEntries } from "../../operations/list-watch-list-entries.js";
import { type WatchList, type WatchListEntry, watchLists } from "../watch-list-entry.js";

function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim().slice(0, 200) : "";
}

function entryRow(request: FastifyRequest, entry: WatchListEntry) {
  const { t, locale } = request;
  const date = (value: string) => formatLongDate(value, locale);
  return {
    id: entry.id,
    list: t(`enforcement.lists.${entry.list}`),
    names: entry.names,
    birthDate: entry.birthDate ?? "—",
    documents: entry.documentNumbers.join(", ") || "—",
    citizenships: entry.citizenships.join(", ") || "—",
    basis: `${entry.legalBasis} (${entry.issuingAuthority})`,
    validity: entry.validUntil
      ? t("enforcement.entries.validFromUntil", {
          from: date(entry.validFrom),
          until: date(entry.validUntil),
        })
      : t("enforcement.entries.validFrom", { from: date(entry.validFrom) }),
    ended: entry.endedAt ? date(entry.endedAt.slice(0, 10)) : null,
  };
}

/** GET /watch-list: the entries in force (or all), of one list or both, found by a name. */
export async function showEntries(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const wanted = queryText(request, "list");
  const list: WatchList | null = watchLists.find((one) => one === wanted) ?? null;
  const name = queryText(request, "name");
  const includeEnded = queryText(request, "ended") === "yes";
  const entries = await listWatchListEntries(services.enforcement.contextFor(request), {
    list,
    name,
    includeEnded,
  });
  const done = queryText(request, "done");
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/watchlist/entries/entries.njk", {
      title: request.t("enforcement.entries.title"),
      entries: entries.map((entry) => entryRow(request, entry)),
      filters: { list: list ?? "", name, includeEnded },
      listItems: [
        { value: "", text: request.t("enforcement.entries.allLists"), selected: list === null },
        ...watchLists.map((one) => ({
          value: one,
          text: request.t(`enforcement.lists.${one}`),
          selected: list === one,
        })),
      ],
      done: ["added", "ended", "imported"].includes(done)
        ? request.t(`enforcement.done.${done}`, { count: Number(queryText(request, "count")) || 0 })
        : null,
    });
}
