import type { FastifyRequest } from "fastify";
import { actorOf, findUserContacts, requestOrigin } from "../../../access/index.js";
import { type CasesSeen, casesSeenBy } from "../../../cases/index.js";
import { type PersonRecord, personRecord } from "../../operations/person-record.js";
import { type PersonSummary, personSummaries } from "../person-summaries.js";
import { type IdParams, officerOf } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";

export interface PersonPage {
  record: PersonRecord;
  cases: CasesSeen;
  /** Persons named by relations and merges, for their names. */
  others: Map<string, PersonSummary>;
  /** Who merged or undid, by user id. */
  officers: Map<string, string>;
}

/** The user id in a register `*_by` label (`user:<id>`), if a person did it. */
export function userIdOf(label: string | null): string | null {
  return label?.startsWith("user:") ? label.slice("user:".length) : null;
}

/**
 * A person's page: the record (its reading audited by `personRecord`), the person's cases the
 * viewer may read and the count of the others, and the names of related and merged persons.
 */
export async function loadPersonPage(
  workspace: RegisterWorkspace,
  request: FastifyRequest<IdParams>,
): Promise<PersonPage> {
  const officer = officerOf(request);
  const record = await personRecord(workspace.db, request.params.id, {
    actor: actorOf(officer),
    agencyId: officer.agencyId,
    ...requestOrigin(request),
  });
  const otherIds = [
    ...record.relations.flatMap((relation) => [relation.personId, relation.relatedPersonId]),
    ...record.merges.flatMap((merge) => [merge.survivorId, merge.mergedId]),
  ].filter((id) => id !== record.person.id);
  const officerIds = record.merges.flatMap((merge) => [userIdOf(merge.by), userIdOf(merge.undoneBy)]);
  const [cases, others, contacts] = await Promise.all([
    casesSeenBy(
      workspace.cases.contextFor(request),
      record.caseLinks.map((link) => link.caseId),
    ),
    personSummaries(workspace.db, otherIds),
    findUserContacts(
      workspace.db,
      officerIds.filter((id): id is string => id !== null),
    ),
  ]);
  return {
    record,
    cases,
    others,
    officers: new Map(contacts.map((contact) => [contact.id, contact.fullName])),
  };
}
