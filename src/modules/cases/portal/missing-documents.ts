import type { FastifyRequest } from "fastify";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { applicationPaths } from "./application-steps.js";

export interface MissingDocumentLink {
  name: string;
  /** The documents page with this document's type already chosen in the upload form. */
  href: string;
}

/**
 * The required documents not uploaded yet, each with a link to upload it: shown on "check your
 * answers" and on the fee page, so that nobody pays for an application they cannot submit yet
 * without being told.
 */
export function missingDocumentLinks(
  request: FastifyRequest,
  state: CaseState,
  definition: CaseTypeDefinition,
  codes: readonly string[],
): MissingDocumentLink[] {
  return codes.map((code) => ({
    name: definition.documents.find((one) => one.code === code)?.name[request.locale] ?? code,
    href: `${applicationPaths.documents(state.id)}?code=${encodeURIComponent(code)}#code`,
  }));
}
