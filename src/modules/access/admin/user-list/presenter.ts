import type { FastifyRequest } from "fastify";
import { nameIn, userStatuses } from "../admin-catalogues.js";
import type { AdminContext } from "../admin-context.js";
import type { userFiltersQuery } from "../admin-forms.js";
import type { AgencyWithUsage, RoleWithUsage } from "../admin-repository.js";
import { agencyOptions, managedAgencies, pageNumbers } from "../admin-view-helpers.js";
import type { listUsers } from "../list-users.js";

type Filters = ReturnType<typeof userFiltersQuery.parse>;
type UserPage = Awaited<ReturnType<typeof listUsers>>;

/** The address of a page of the list, keeping the filters. */
function pageUrlOf(query: Filters) {
  return (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.kind) params.set("kind", query.kind);
    if (query.agency) params.set("agency", query.agency);
    if (query.role) params.set("role", query.role);
    if (query.status) params.set("status", query.status);
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return `/admin/users${search ? `?${search}` : ""}`;
  };
}

function pagination(request: FastifyRequest, result: UserPage, query: Filters) {
  const pageUrl = pageUrlOf(query);
  return {
    previous: result.page > 1 ? { href: pageUrl(result.page - 1) } : undefined,
    next: result.page < result.pageCount ? { href: pageUrl(result.page + 1) } : undefined,
    items: pageNumbers(result.page, result.pageCount).map((number) =>
      number === null
        ? { ellipsis: true }
        : {
            number,
            href: pageUrl(number),
            current: number === result.page,
            visuallyHiddenText: request.t("admin.pagination.page", { number }),
          },
    ),
  };
}

function statusChoices(request: FastifyRequest, query: Filters) {
  return {
    statusItems: [
      { value: "", text: request.t("admin.users.anyStatus") },
      ...userStatuses.map((status) => ({
        value: status,
        text: request.t(`admin.statuses.${status}`),
        selected: query.status === status,
      })),
    ],
    statusNames: Object.fromEntries(
      userStatuses.map((status) => [status, request.t(`admin.statuses.${status}`)]),
    ),
  };
}

/** The list of accounts with its filters, names in the reader's language, and pages. */
export function userListView(
  request: FastifyRequest,
  context: AdminContext,
  page: { query: Filters; result: UserPage; agencies: AgencyWithUsage[]; roles: RoleWithUsage[] },
) {
  const { query, result, agencies, roles } = page;
  return {
    title: request.t("admin.users.title"),
    filters: query,
    result,
    lockedAgency: agencies.find((agency) => agency.id === result.lockedToAgencyId) ?? null,
    agencyOptions: agencyOptions(
      request,
      managedAgencies(context, agencies),
      query.agency,
      request.t("admin.users.anyAgency"),
    ),
    roleOptions: [
      { value: "", text: request.t("admin.users.anyRole") },
      ...roles.map((role) => ({
        value: role.code,
        text: nameIn(request.locale, role),
        selected: role.code === query.role,
      })),
    ],
    agencyNames: Object.fromEntries(agencies.map((agency) => [agency.id, nameIn(request.locale, agency)])),
    roleNames: Object.fromEntries(roles.map((role) => [role.code, nameIn(request.locale, role)])),
    pagination: pagination(request, result, query),
    ...statusChoices(request, query),
  };
}
