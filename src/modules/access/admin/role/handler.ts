import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { nameIn, permissionsForRoleKind } from "../admin-catalogues.js";
import { adminContextFrom } from "../admin-context.js";
import { rolePermissionsForm } from "../admin-forms.js";
import { findRole } from "../admin-repository.js";
import {
  type AdminFormErrors,
  doneMessage,
  permissionItems,
  refusalAsFormError,
} from "../admin-view-helpers.js";
import { deleteRole } from "../delete-role.js";
import { updateRolePermissions } from "../update-role-permissions.js";

const roleCode = (request: FastifyRequest) => (request.params as { code: string }).code;

async function renderRole(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  chosen: string[] | null,
  errors?: AdminFormErrors,
) {
  const role = await findRole(access.db, roleCode(request));
  if (!role) throw new NotFoundError();
  if (errors) reply.status(422);
  return reply.render("access/admin/role/role.njk", {
    title: nameIn(request.locale, role),
    role,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    permissionItems: permissionItems(request, permissionsForRoleKind(role.staff), chosen ?? role.permissions),
    done: doneMessage(request),
  });
}

export async function showRole(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  return renderRole(access, request, reply, null);
}

export async function changeRolePermissions(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const form = parseForm(rolePermissionsForm, request.body, request.t);
  const chosen = form.ok ? form.data.permissions : [];
  if (!form.ok) return renderRole(access, request, reply, chosen, form);
  try {
    await updateRolePermissions(adminContextFrom(request, access), roleCode(request), chosen);
  } catch (error) {
    return renderRole(access, request, reply, chosen, refusalAsFormError(error, request, "permissions"));
  }
  return reply.redirect(`/admin/roles/${encodeURIComponent(roleCode(request))}?done=roleUpdated`, 303);
}

export async function removeRole(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  try {
    await deleteRole(adminContextFrom(request, access), roleCode(request));
  } catch (error) {
    return renderRole(access, request, reply, null, refusalAsFormError(error, request, "delete"));
  }
  return reply.redirect("/admin/roles?done=roleDeleted", 303);
}
