import { authorize } from "../authorize.js";
import { type AdminContext, authorizationOf } from "./admin-context.js";
import { type AgencyWithUsage, listAgencies } from "./admin-repository.js";

/** Every agency with the number of its accounts that are not disabled. */
export async function listAgenciesForAdmin(context: AdminContext): Promise<AgencyWithUsage[]> {
  await authorize(authorizationOf(context), "admin.agencies");
  return listAgencies(context.db);
}
