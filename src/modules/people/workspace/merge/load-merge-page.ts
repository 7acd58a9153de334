import type { FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { type Candidate, findCandidates } from "../../operations/find-candidates.js";
import type { PersonOccurrence } from "../../register/occurrence.js";
import { survivorOf } from "../../register/repository.js";
import { type PersonSummary, personSummaries } from "../person-summaries.js";
import { type IdParams, officerOf } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";

export interface MergePage {
  /** The person the other record is merged into: it stays. */
  person: PersonSummary;
  /** The register's likeliest other records of the same person, best first. */
  candidates: Candidate[];
  /** The candidates, and the other record once one is chosen. */
  others: Map<string, PersonSummary>;
}

const duplicatesOffered = 5;

/** A registered person as an occurrence, to ask the register which other records may be the same person. */
function occurrenceOf(person: PersonSummary): PersonOccurrence {
  const name = person.names[0];
  const document = person.documents[0];
  return {
    givenNames: name?.givenNames ?? undefined,
    familyName: name?.familyName ?? undefined,
    fullName: name?.fullName ?? undefined,
    birthDate: person.birthDate ?? undefined,
    sex: person.sex ?? undefined,
    citizenship: person.citizenships[0],
    document: document ? { number: document.number } : undefined,
  };
}

/**
 * The merge form's data: the person (the survivor, when the address names a merged record), the
 * records the register finds most like it, and `otherId`'s record when one was typed in. Reading
 * them is audited.
 */
export async function loadMergePage(
  workspace: RegisterWorkspace,
  request: FastifyRequest<IdParams>,
  otherId?: string,
): Promise<MergePage> {
  const survivor = await survivorOf(workspace.db, request.params.id);
  const person = survivor ? (await personSummaries(workspace.db, [survivor.id])).get(survivor.id) : undefined;
  if (!person) throw new NotFoundError("person_not_found");
  const found = await findCandidates(workspace.db, occurrenceOf(person), { limit: duplicatesOffered + 1 });
  const candidates = found
    .filter((candidate) => candidate.personId !== person.id)
    .slice(0, duplicatesOffered);
  const wanted = [...candidates.map((candidate) => candidate.personId), ...(otherId ? [otherId] : [])];
  const others = await personSummaries(workspace.db, wanted);
  const officer = officerOf(request);
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "people.merge.viewed",
    outcome: "success",
    entityType: "person",
    entityId: person.id,
    agencyId: officer.agencyId,
    ...requestOrigin(request),
    details: { others: [...others.keys()].join(" ") },
  });
  return { person, candidates, others };
}
