import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { nameIn } from "../admin-catalogues.js";
import { adminContextFrom } from "../admin-context.js";
import { doneMessage } from "../admin-view-helpers.js";
import { listAgenciesForAdmin } from "../list-agencies.js";

/** Every agency; an administrator bound to one agency manages only that one. */
export async function showAgencyList(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const agencies = await listAgenciesForAdmin(adminContextFrom(request, access));
  const unscoped = request.principal?.permissions.has("scope.all_agencies") ?? false;
  return reply.render("access/admin/agency-list/agency-list.njk", {
    title: request.t("admin.agencies.title"),
    agencies: agencies.map((agency) => ({
      ...agency,
      name: nameIn(request.locale, agency),
      kindName: request.t(`admin.agencyKinds.${agency.kind}`, { defaultValue: agency.kind }),
      managed: unscoped || agency.id === request.principal?.agencyId,
    })),
    canCreate: unscoped,
    done: doneMessage(request),
  });
}
