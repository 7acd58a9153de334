import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { nameIn } from "../admin-catalogues.js";
import { adminContextFrom } from "../admin-context.js";
import { newStaffUserForm } from "../admin-forms.js";
import { listAgencies, listRoles } from "../admin-repository.js";
import {
  type AdminFormErrors,
  agencyOptions,
  asArray,
  grantableRoles,
  managedAgencies,
  refusalAsFormError,
} from "../admin-view-helpers.js";
import { createStaffUser } from "../create-staff-user.js";

async function renderNewUser(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, unknown>,
  errors?: AdminFormErrors,
) {
  const context = adminContextFrom(request, access);
  const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
  const chosenRoles = asArray(values.roles);
  if (errors) reply.status(422);
  return reply.render("access/admin/new-user/new-user.njk", {
    title: request.t("admin.newUser.title"),
    values,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    agencyOptions: agencyOptions(
      request,
      managedAgencies(context, agencies),
      String(values.agencyId ?? ""),
      request.t("admin.newUser.chooseAgency"),
    ),
    roleItems: grantableRoles(context, roles, true).map((role) => ({
      value: role.code,
      text: nameIn(request.locale, role),
      checked: chosenRoles.includes(role.code),
    })),
  });
}

export async function showNewUserForm(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  return renderNewUser(access, request, reply, { passwordSetup: "invite", locale: request.locale });
}

export async function createUserFromForm(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values = { ...body, password: undefined };
  const form = parseForm(newStaffUserForm, body, request.t);
  if (!form.ok) return renderNewUser(access, request, reply, values, form);
  try {
    const created = await createStaffUser(adminContextFrom(request, access), request.t, form.data);
    const done = { sent: "invited", failed: "invitationFailed", none: "created" }[created.invitation];
    return reply.redirect(`/admin/users/${created.id}?done=${done}`, 303);
  } catch (error) {
    return renderNewUser(access, request, reply, values, refusalAsFormError(error, request, "email"));
  }
}
