import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import { searchUsers, type UserFilters, type UserListRow } from "./admin-repository.js";

export const usersPerPage = 25;

export interface UserListPage {
  rows: UserListRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Set when the administrator sees one agency only (no scope.all_agencies). */
  lockedToAgencyId: string | null;
}

/**
 * The user directory. An administrator without scope.all_agencies sees the staff of their own
 * agency only, whatever the filters say. Names and e-mail addresses are personal data, so the
 * listing is audited (what was asked for, never the search text).
 */
export async function listUsers(
  context: AdminContext,
  filters: UserFilters,
  page: number,
): Promise<UserListPage> {
  await authorize(authorizationOf(context), "admin.users");
  const allAgencies = context.principal.permissions.has("scope.all_agencies");
  const lockedToAgencyId = allAgencies ? null : context.principal.agencyId;
  const effective: UserFilters = allAgencies
    ? filters
    : { ...filters, kind: "staff", agencyId: lockedToAgencyId ?? undefined };
  if (!allAgencies && !lockedToAgencyId) {
    return { rows: [], total: 0, page: 1, pageCount: 1, lockedToAgencyId };
  }
  const result = await searchUsers(context.db, effective, { number: page, size: usersPerPage });
  await recordAudit(context.db, {
    ...auditOrigin(context),
    action: "user.listed",
    outcome: "success",
    entityType: "user",
    agencyId: lockedToAgencyId,
    details: {
      page,
      results: result.rows.length,
      searched: Boolean(filters.query),
    },
  });
  return {
    ...result,
    page,
    pageCount: Math.max(1, Math.ceil(result.total / usersPerPage)),
    lockedToAgencyId,
  };
}
