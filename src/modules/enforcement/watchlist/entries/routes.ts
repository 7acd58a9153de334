import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { type IdParams, staffPage, staffPageWithId } from "../../page-options.js";
import { endEntryHandler } from "./end-handler.js";
import { showEntries } from "./handler.js";

/** /watch-list: the entries, searched by name in any script; each can be ended from here. */
export function registerEntriesPage(app: FastifyInstance, services: EnforcementServices): void {
  const guard = services.enforcement.guards.requirePermission("watchlist.manage");
  app.get("/watch-list", staffPage(guard), (request, reply) => showEntries(services, request, reply));
  app.post<IdParams>(
    "/watch-list/:id/end",
    staffPageWithId(guard, "watch_list_entry_not_found"),
    (request, reply) => endEntryHandler(services, request, reply),
  );
}
