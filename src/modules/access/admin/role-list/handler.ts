import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { permissions } from "../../permissions.js";
import { nameIn } from "../admin-catalogues.js";
import { adminContextFrom } from "../admin-context.js";
import { doneMessage, translatedPermission } from "../admin-view-helpers.js";
import { listRolesForAdmin } from "../list-roles.js";

/** The permission matrix: a row per permission, a column per role. */
export async function showRoleList(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const roles = await listRolesForAdmin(adminContextFrom(request, access));
  return reply.render("access/admin/role-list/role-list.njk", {
    title: request.t("admin.roles.title"),
    roles: roles.map((role) => ({ ...role, name: nameIn(request.locale, role) })),
    permissionRows: permissions.map((permission) => ({
      permission,
      ...translatedPermission(request, permission),
      holders: roles.map((role) => role.permissions.includes(permission)),
    })),
    done: doneMessage(request),
  });
}
