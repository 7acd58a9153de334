import type { Queryable } from "../../../platform/db/index.js";
import type { Principal } from "../principal.js";
import { roleNamesOf } from "./auth-repository.js";

export interface AccountSummary {
  fullName: string;
  email: string;
  roleNames: string[];
  canManageApiKeys: boolean;
}

/** What the "My account" page shows a signed-in member of the public about their own account. */
export async function accountSummary(
  db: Queryable,
  principal: Principal,
  locale: string,
): Promise<AccountSummary> {
  return {
    fullName: principal.fullName,
    email: principal.email,
    roleNames: await roleNamesOf(db, principal.userId, locale),
    canManageApiKeys: principal.permissions.has("api_keys.manage_own"),
  };
}
