import { NotFoundError } from "../../../../platform/errors/index.js";
import { findCandidates, type PersonRecord, personRecord } from "../../../people/index.js";
import type { DetentionContext } from "../detention-context.js";

/** What the detention pages show of a registered person. */
export interface PersonSummary {
  personId: string;
  name: string;
  birthDate: string | null;
  citizenships: string[];
  documents: string[];
}

function summaryOf(personId: string, record: PersonRecord): PersonSummary {
  const first = record.names[0];
  const name = first?.fullName ?? ([first?.givenNames, first?.familyName].filter(Boolean).join(" ") || "—");
  return {
    personId,
    name,
    birthDate: record.person.birthDate,
    citizenships: record.person.citizenships,
    documents: record.documents.map((document) => document.number),
  };
}

/** The register's record of each person (each read audited by the register), null for one not found. */
export async function summariesOf(
  context: DetentionContext,
  personIds: string[],
): Promise<Map<string, PersonSummary | null>> {
  const viewer = {
    actor: context.principal
      ? { type: "user" as const, id: context.principal.userId }
      : { type: "system" as const, id: null },
    agencyId: context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
  };
  const summaries = new Map<string, PersonSummary | null>();
  for (const personId of new Set(personIds)) {
    try {
      summaries.set(personId, summaryOf(personId, await personRecord(context.db, personId, viewer)));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      summaries.set(personId, null);
    }
  }
  return summaries;
}

/** The registered persons a name and/or document number may be, best first (at most five). */
export async function searchRegister(
  context: DetentionContext,
  search: { name: string; documentNumber: string },
): Promise<PersonSummary[]> {
  const candidates = await findCandidates(
    context.db,
    {
      fullName: search.name || undefined,
      document: search.documentNumber ? { number: search.documentNumber } : undefined,
    },
    { limit: 5 },
  );
  const summaries = await summariesOf(
    context,
    candidates.map((candidate) => candidate.personId),
  );
  return [...summaries.values()].filter((summary): summary is PersonSummary => summary !== null);
}
