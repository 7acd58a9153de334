import { authorize } from "../authorize.js";
import { type AdminContext, authorizationOf } from "./admin-context.js";
import { listRoles, type RoleWithUsage } from "./admin-repository.js";

/** Every role with its permissions and how many accounts hold it (no personal data). */
export async function listRolesForAdmin(context: AdminContext): Promise<RoleWithUsage[]> {
  await authorize(authorizationOf(context), "admin.roles");
  return listRoles(context.db);
}
