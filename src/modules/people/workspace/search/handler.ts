import type { FastifyReply, FastifyRequest } from "fastify";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { findCandidates } from "../../operations/find-candidates.js";
import { personSummaries } from "../person-summaries.js";
import { officerOf } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { readPersonSearch } from "./form.js";
import { presentPersonSearch, type SearchResult } from "./presenter.js";

const resultsShown = 20;

/** GET /people/search: the form, and with a usable search the persons found, best first (audited). */
export async function searchPersons(
  workspace: RegisterWorkspace,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const search = readPersonSearch(request.query);
  let results: SearchResult[] | null = null;
  if (search.kind === "ready") {
    const candidates = await findCandidates(workspace.db, search.occurrence, { limit: resultsShown });
    const persons = await personSummaries(
      workspace.db,
      candidates.map((candidate) => candidate.personId),
    );
    results = candidates.flatMap((candidate) => {
      const person = persons.get(candidate.personId);
      return person ? [{ candidate, person }] : [];
    });
    const officer = officerOf(request);
    await recordAudit(workspace.db, {
      actor: actorOf(officer),
      action: "people.searched",
      outcome: "success",
      entityType: "person",
      agencyId: officer.agencyId,
      ...requestOrigin(request),
      details: { readAs: search.readAs.join(" "), shown: results.map((one) => one.person.id).join(" ") },
    });
  }
  reply.header("cache-control", "private, no-store");
  if (search.kind === "invalid") reply.status(422);
  return reply.render("people/workspace/search/search.njk", presentPersonSearch(request, search, results));
}
