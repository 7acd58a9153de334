import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import { pageId } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { nameIn } from "../admin-catalogues.js";
import { adminContextFrom } from "../admin-context.js";
import { userAccessForm } from "../admin-forms.js";
import { listAgencies, listRoles } from "../admin-repository.js";
import {
  type AdminFormErrors,
  agencyOptions,
  asArray,
  grantableRoles,
  managedAgencies,
  refusalAsFormError,
} from "../admin-view-helpers.js";
import { updateUserAccess } from "../update-user-access.js";
import { viewUser } from "../view-user.js";

type Chosen = { roles: string[]; agencyId?: string | null };

async function renderAccess(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  values: Chosen | null,
  errors?: AdminFormErrors,
) {
  const context = adminContextFrom(request, access);
  const user = await viewUser(context, pageId(request));
  const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
  const chosen = values ?? { roles: user.roles, agencyId: user.agencyId };
  const offered = grantableRoles(context, roles, user.kind === "staff", user.roles);
  if (errors) reply.status(422);
  return reply.render("access/admin/user-access/user-access.njk", {
    title: request.t("admin.access.title", { name: user.fullName }),
    account: user,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    agencyOptions: agencyOptions(
      request,
      managedAgencies(context, agencies).filter((agency) => agency.active || agency.id === user.agencyId),
      chosen.agencyId ?? "",
      request.t("admin.newUser.chooseAgency"),
    ),
    roleItems: offered.map((role) => ({
      value: role.code,
      text: nameIn(request.locale, role),
      checked: chosen.roles.includes(role.code),
    })),
  });
}

export async function showUserAccess(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  return renderAccess(access, request, reply, null);
}

export async function changeUserAccess(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const userId = pageId(request);
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values = {
    roles: asArray(body.roles),
    agencyId: typeof body.agencyId === "string" ? body.agencyId : null,
  };
  const form = parseForm(userAccessForm, body, request.t);
  if (!form.ok) return renderAccess(access, request, reply, values, form);
  try {
    await updateUserAccess(adminContextFrom(request, access), userId, form.data);
  } catch (error) {
    return renderAccess(access, request, reply, values, refusalAsFormError(error, request, "roles"));
  }
  return reply.redirect(`/admin/users/${userId}?done=accessUpdated`, 303);
}
