import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { adminContextFrom } from "../admin-context.js";
import { userFiltersQuery } from "../admin-forms.js";
import { listAgencies, listRoles } from "../admin-repository.js";
import { doneMessage } from "../admin-view-helpers.js";
import { listUsers } from "../list-users.js";
import { userListView } from "./presenter.js";

export async function showUserList(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const query = userFiltersQuery.parse(request.query ?? {});
  const context = adminContextFrom(request, access);
  const filters = {
    query: query.q || undefined,
    kind: query.kind,
    agencyId: query.agency,
    role: query.role || undefined,
    status: query.status,
  };
  const result = await listUsers(context, filters, query.page);
  const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
  return reply.render("access/admin/user-list/user-list.njk", {
    ...userListView(request, context, { query, result, agencies, roles }),
    done: doneMessage(request),
  });
}
