import type { FastifyReply, FastifyRequest } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { endWatchListEntry } from "../../operations/end-watch-list-entry.js";
import type { IdParams } from "../../page-options.js";

/** POST /watch-list/:id/end: the entry stops holding cases; back to the list. */
export async function endEntryHandler(
  services: EnforcementServices,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  await endWatchListEntry(services.enforcement.contextFor(request), request.params.id);
  return reply.redirect("/watch-list?done=ended", 303);
}
