import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { permissionsForRoleKind } from "../admin-catalogues.js";
import { adminContextFrom } from "../admin-context.js";
import { newRoleForm } from "../admin-forms.js";
import { type AdminFormErrors, asArray, permissionItems, refusalAsFormError } from "../admin-view-helpers.js";
import { createRole } from "../create-role.js";

function renderNewRole(
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, unknown>,
  errors?: AdminFormErrors,
) {
  const chosen = asArray(values.permissions);
  if (errors) reply.status(422);
  return reply.render("access/admin/new-role/new-role.njk", {
    title: request.t("admin.newRole.title"),
    values,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    staffPermissionItems: permissionItems(request, permissionsForRoleKind(true), chosen),
    publicPermissionItems: permissionItems(request, permissionsForRoleKind(false), chosen),
  });
}

export async function showNewRoleForm(request: FastifyRequest, reply: FastifyReply) {
  return renderNewRole(request, reply, { audience: "staff" });
}

export async function createRoleFromForm(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  // The form lists staff and public permissions apart; only the chosen audience's list counts.
  const values = {
    ...body,
    permissions: asArray(body.audience === "public" ? body.publicPermissions : body.staffPermissions),
  };
  const form = parseForm(newRoleForm, values, request.t);
  if (!form.ok) return renderNewRole(request, reply, values, form);
  try {
    await createRole(adminContextFrom(request, access), {
      ...form.data,
      staff: form.data.audience === "staff",
    });
  } catch (error) {
    return renderNewRole(request, reply, values, refusalAsFormError(error, request, "code"));
  }
  return reply.redirect(`/admin/roles/${form.data.code}?done=roleCreated`, 303);
}
