import type { FastifyRequest } from "fastify";
import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Principal } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CasesModule } from "../module.js";

/** What the officers' workspace needs: the case engine, the document store, translations for mail. */
export interface Workspace {
  cases: CasesModule;
  documents: Documents;
  i18n: I18n;
}

/** A case operation's context for someone signed in (the routes check that they are). */
export type StaffContext = CasesContext & { principal: Principal };

/** The case context of a request that passed a staff page's guard. */
export function staffContextOf(workspace: Workspace, request: FastifyRequest): StaffContext {
  return workspace.cases.contextFor(request) as StaffContext;
}

/** The origin of a request, for `authorize` and audit records. */
export function originOf(context: StaffContext) {
  return { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId };
}

/** The agency whose cases a person sees: their own, or every agency with `scope.all_agencies`. */
export function agencyScopeOf(principal: Principal): string | null {
  // Staff always belong to an agency; one without matches no case (the nil id is nobody's).
  return principal.permissions.has("scope.all_agencies")
    ? null
    : (principal.agencyId ?? "00000000-0000-0000-0000-000000000000");
}
