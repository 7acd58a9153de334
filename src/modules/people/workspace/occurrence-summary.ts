import type { FastifyRequest } from "fastify";
import type { CaseGlimpse } from "../../cases/index.js";
import {
  nameOfOccurrence,
  normalisedBirthDate,
  normalisedCode,
  type OccurrenceSource,
  type PersonOccurrence,
} from "../register/occurrence.js";
import type { PersonSummary } from "./person-summaries.js";
import { recordPageFor } from "./record-pages.js";

/** What a review item's occurrence says, in the shape of a registered person, to set beside one. */
export function occurrenceSummary(occurrence: PersonOccurrence): Omit<PersonSummary, "id" | "mergedInto"> {
  const name = nameOfOccurrence(occurrence);
  const citizenship = normalisedCode(occurrence.citizenship);
  return {
    sex: normalisedCode(occurrence.sex),
    birthDate: normalisedBirthDate(occurrence.birthDate),
    citizenships: citizenship ? [citizenship] : [],
    names: name
      ? [
          {
            givenNames: name.givenNames,
            familyName: name.familyName,
            fullName: name.fullName,
            script: name.script,
          },
        ]
      : [],
    documents: occurrence.document
      ? [
          {
            type: occurrence.document.type ?? "passport",
            number: occurrence.document.number,
            issuingState: normalisedCode(occurrence.document.issuingState),
            expiry: occurrence.document.expiry ?? null,
          },
        ]
      : [],
  };
}

/**
 * Where an occurrence comes from, as the officer may know it: the case's number and link when they
 * may read the case, "an application of another agency" when not, the imported record, or the
 * other register's record (its link when the officer may open that register).
 */
export function sourceOf(
  request: FastifyRequest,
  source: OccurrenceSource,
  seen: readonly CaseGlimpse[],
): { text: string; href: string | null } {
  if (source.kind === "record") {
    return {
      text: request.t(`people.register.records.${source.register}`),
      href: recordPageFor(request.principal, source.register, source.recordId),
    };
  }
  if (source.kind === "import") {
    return {
      text: request.t("people.register.source.import", { record: source.importPersonId }),
      href: null,
    };
  }
  const found = seen.find((glimpse) => glimpse.id === source.caseId);
  if (!found) return { text: request.t("people.register.source.otherAgency"), href: null };
  return {
    text: request.t("people.register.source.case", {
      number: found.number,
      procedure: found.procedure[request.locale],
    }),
    href: `/cases/${found.id}`,
  };
}
