import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError, parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { permissions } from "../permissions.js";
import { nameIn, permissionsForRoleKind } from "./admin-catalogues.js";
import { adminContextFrom } from "./admin-context.js";
import { newRoleForm, rolePermissionsForm } from "./admin-forms.js";
import { findRole } from "./admin-repository.js";
import {
  type AdminFormErrors,
  adminViews,
  asArray,
  type CodeParams,
  doneMessage,
  permissionItems,
  refusalAsFormError,
  translatedPermission,
} from "./admin-view-helpers.js";
import { createRole } from "./create-role.js";
import { deleteRole } from "./delete-role.js";
import { listRolesForAdmin } from "./list-roles.js";
import { updateRolePermissions } from "./update-role-permissions.js";

/** /admin/roles: the permission matrix, new roles, a role's permissions, deleting a role. */
export function registerAdminRoleRoutes(app: FastifyInstance, access: AccessModule): void {
  const rolesGuard = { preHandler: access.guards.requirePermission("admin.roles"), schema: { hide: true } };
  const contextOf = (request: FastifyRequest) => adminContextFrom(request, access);

  app.get("/admin/roles", rolesGuard, async (request, reply) => {
    const roles = await listRolesForAdmin(contextOf(request));
    return reply.render(`${adminViews}/roles.njk`, {
      title: request.t("admin.roles.title"),
      roles: roles.map((role) => ({ ...role, name: nameIn(request.locale, role) })),
      permissionRows: permissions.map((permission) => ({
        permission,
        ...translatedPermission(request, permission),
        holders: roles.map((role) => role.permissions.includes(permission)),
      })),
      done: doneMessage(request),
    });
  });

  const renderNewRole = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: AdminFormErrors,
  ) => {
    const chosen = asArray(values.permissions);
    if (errors) reply.status(422);
    return reply.render(`${adminViews}/role-new.njk`, {
      title: request.t("admin.newRole.title"),
      values,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      staffPermissionItems: permissionItems(request, permissionsForRoleKind(true), chosen),
      publicPermissionItems: permissionItems(request, permissionsForRoleKind(false), chosen),
    });
  };

  app.get("/admin/roles/new", rolesGuard, async (request, reply) =>
    renderNewRole(request, reply, { audience: "staff" }),
  );

  app.post("/admin/roles/new", rolesGuard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The form lists staff and public permissions apart; only the chosen audience's list counts.
    const values = {
      ...body,
      permissions: asArray(body.audience === "public" ? body.publicPermissions : body.staffPermissions),
    };
    const form = parseForm(newRoleForm, values, request.t);
    if (!form.ok) return renderNewRole(request, reply, values, form);
    try {
      await createRole(contextOf(request), { ...form.data, staff: form.data.audience === "staff" });
    } catch (error) {
      return renderNewRole(request, reply, values, refusalAsFormError(error, request, "code"));
    }
    return reply.redirect(`/admin/roles/${form.data.code}?done=roleCreated`, 303);
  });

  const renderRole = async (
    request: FastifyRequest<CodeParams>,
    reply: FastifyReply,
    chosen: string[] | null,
    errors?: AdminFormErrors,
  ) => {
    const role = await findRole(access.db, request.params.code);
    if (!role) throw new NotFoundError();
    if (errors) reply.status(422);
    return reply.render(`${adminViews}/role.njk`, {
      title: nameIn(request.locale, role),
      role,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      permissionItems: permissionItems(
        request,
        permissionsForRoleKind(role.staff),
        chosen ?? role.permissions,
      ),
      done: doneMessage(request),
    });
  };

  app.get<CodeParams>("/admin/roles/:code", rolesGuard, async (request, reply) =>
    renderRole(request, reply, null),
  );

  app.post<CodeParams>("/admin/roles/:code", rolesGuard, async (request, reply) => {
    const form = parseForm(rolePermissionsForm, request.body, request.t);
    const chosen = form.ok ? form.data.permissions : [];
    if (!form.ok) return renderRole(request, reply, chosen, form);
    try {
      await updateRolePermissions(contextOf(request), request.params.code, chosen);
    } catch (error) {
      return renderRole(request, reply, chosen, refusalAsFormError(error, request, "permissions"));
    }
    return reply.redirect(`/admin/roles/${encodeURIComponent(request.params.code)}?done=roleUpdated`, 303);
  });

  app.post<CodeParams>("/admin/roles/:code/delete", rolesGuard, async (request, reply) => {
    try {
      await deleteRole(contextOf(request), request.params.code);
    } catch (error) {
      return renderRole(request, reply, null, refusalAsFormError(error, request, "delete"));
    }
    return reply.redirect("/admin/roles?done=roleDeleted", 303);
  });
}
