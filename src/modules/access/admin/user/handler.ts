import type { FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "../../../../platform/http/index.js";
import { pageId } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { nameIn } from "../admin-catalogues.js";
import { type AdminContext, adminContextFrom } from "../admin-context.js";
import { listAgencies, listRoles } from "../admin-repository.js";
import { doneMessage, refusalAsFormError } from "../admin-view-helpers.js";
import { viewUser } from "../view-user.js";

const emptyNames = { nameAz: "", nameEn: "", nameRu: "" };

async function renderUser(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  errors?: FieldError[],
) {
  const context = adminContextFrom(request, access);
  const user = await viewUser(context, userId);
  const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
  if (errors) reply.status(422);
  return reply.render("access/admin/user/user.njk", {
    title: user.fullName,
    account: user,
    isSelf: user.id === context.principal.userId,
    labels: {
      kind: request.t(`admin.kinds.${user.kind}`),
      status: request.t(`admin.statuses.${user.status}`),
      locale: request.t(`admin.locales.${user.locale}`, { defaultValue: user.locale }),
    },
    agencyName: nameIn(request.locale, agencies.find((agency) => agency.id === user.agencyId) ?? emptyNames),
    roleNames: user.roles.map((code) => {
      const role = roles.find((candidate) => candidate.code === code);
      return role ? nameIn(request.locale, role) : code;
    }),
    done: doneMessage(request),
    errors,
  });
}

export async function showUser(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  return renderUser(access, request, reply, pageId(request));
}

/** A button on the account page: the operation, then back to the page with its banner or refusal. */
export function userAction(
  access: AccessModule,
  operation: (context: AdminContext, id: string) => Promise<void>,
  done: string,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const userId = pageId(request);
    try {
      await operation(adminContextFrom(request, access), userId);
    } catch (error) {
      const refusal = refusalAsFormError(error, request, "actions");
      return renderUser(access, request, reply, userId, refusal.errors);
    }
    return reply.redirect(`/admin/users/${userId}?done=${done}`, 303);
  };
}
