import type { FastifyRequest } from "fastify";
import { applyPermission } from "../case-access.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { PortalServices } from "./portal-services.js";

/** The case types the signed-in account may apply for. */
export function caseTypesOpenTo(request: FastifyRequest, services: PortalServices): CaseTypeDefinition[] {
  const principal = request.principal;
  if (!principal) return [];
  return services.cases.registry
    .current()
    .filter((definition) => principal.permissions.has(applyPermission(definition, principal.permissions)));
}
