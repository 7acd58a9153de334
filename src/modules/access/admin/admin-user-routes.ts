import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldError, parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { nameIn, userStatuses } from "./admin-catalogues.js";
import { type AdminContext, adminContextFrom } from "./admin-context.js";
import { newStaffUserForm, userAccessForm, userFiltersQuery } from "./admin-forms.js";
import { listAgencies, listRoles } from "./admin-repository.js";
import {
  type AdminFormErrors,
  adminViews,
  agencyOptions,
  asArray,
  doneMessage,
  grantableRoles,
  type IdParams,
  managedAgencies,
  pageNumbers,
  refusalAsFormError,
} from "./admin-view-helpers.js";
import { createStaffUser } from "./create-staff-user.js";
import { disableUser } from "./disable-user.js";
import { enableUser } from "./enable-user.js";
import { listUsers } from "./list-users.js";
import { resetUserMfa } from "./reset-user-mfa.js";
import { updateUserAccess } from "./update-user-access.js";
import { viewUser } from "./view-user.js";

const emptyNames = { nameAz: "", nameEn: "", nameRu: "" };

/** /admin/users: find accounts, create staff, change their roles and agency, disable or reset them. */
export function registerAdminUserRoutes(app: FastifyInstance, access: AccessModule): void {
  const usersGuard = { preHandler: access.guards.requirePermission("admin.users"), schema: { hide: true } };
  const contextOf = (request: FastifyRequest) => adminContextFrom(request, access);

  app.get("/admin/users", usersGuard, async (request, reply) => {
    const query = userFiltersQuery.parse(request.query ?? {});
    const context = contextOf(request);
    const filters = {
      query: query.q || undefined,
      kind: query.kind,
      agencyId: query.agency,
      role: query.role || undefined,
      status: query.status,
    };
    const result = await listUsers(context, filters, query.page);
    const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
    const pageUrl = (page: number) => {
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
    return reply.render(`${adminViews}/users.njk`, {
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
      pagination: {
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
      },
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
      done: doneMessage(request),
    });
  });

  const renderNewUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: AdminFormErrors,
  ) => {
    const context = contextOf(request);
    const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
    const chosenRoles = asArray(values.roles);
    if (errors) reply.status(422);
    return reply.render(`${adminViews}/user-new.njk`, {
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
  };

  app.get("/admin/users/new", usersGuard, async (request, reply) =>
    renderNewUser(request, reply, { passwordSetup: "invite", locale: request.locale }),
  );

  app.post("/admin/users/new", usersGuard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { ...body, password: undefined };
    const form = parseForm(newStaffUserForm, body, request.t);
    if (!form.ok) return renderNewUser(request, reply, values, form);
    try {
      const created = await createStaffUser(contextOf(request), request.t, form.data);
      const done = { sent: "invited", failed: "invitationFailed", none: "created" }[created.invitation];
      return reply.redirect(`/admin/users/${created.id}?done=${done}`, 303);
    } catch (error) {
      return renderNewUser(request, reply, values, refusalAsFormError(error, request, "email"));
    }
  });

  const renderUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    context: AdminContext,
    userId: string,
    errors?: FieldError[],
  ) => {
    const user = await viewUser(context, userId);
    const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
    if (errors) reply.status(422);
    return reply.render(`${adminViews}/user.njk`, {
      title: user.fullName,
      account: user,
      isSelf: user.id === context.principal.userId,
      labels: {
        kind: request.t(`admin.kinds.${user.kind}`),
        status: request.t(`admin.statuses.${user.status}`),
        locale: request.t(`admin.locales.${user.locale}`, { defaultValue: user.locale }),
      },
      agencyName: nameIn(
        request.locale,
        agencies.find((agency) => agency.id === user.agencyId) ?? emptyNames,
      ),
      roleNames: user.roles.map((code) => {
        const role = roles.find((candidate) => candidate.code === code);
        return role ? nameIn(request.locale, role) : code;
      }),
      done: doneMessage(request),
      errors,
    });
  };

  app.get<IdParams>("/admin/users/:id", usersGuard, async (request, reply) =>
    renderUser(request, reply, contextOf(request), request.params.id),
  );

  const userAction =
    (operation: (context: AdminContext, id: string) => Promise<void>, done: string) =>
    async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
      const context = contextOf(request);
      try {
        await operation(context, request.params.id);
      } catch (error) {
        const refusal = refusalAsFormError(error, request, "actions");
        return renderUser(request, reply, context, request.params.id, refusal.errors);
      }
      return reply.redirect(`/admin/users/${request.params.id}?done=${done}`, 303);
    };

  app.post<IdParams>("/admin/users/:id/disable", usersGuard, userAction(disableUser, "disabled"));
  app.post<IdParams>("/admin/users/:id/enable", usersGuard, userAction(enableUser, "enabled"));
  app.post<IdParams>("/admin/users/:id/reset-mfa", usersGuard, userAction(resetUserMfa, "mfaReset"));

  const renderAccess = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    values: { roles: string[]; agencyId?: string | null } | null,
    errors?: AdminFormErrors,
  ) => {
    const context = contextOf(request);
    const user = await viewUser(context, request.params.id);
    const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
    const chosen = values ?? { roles: user.roles, agencyId: user.agencyId };
    const offered = grantableRoles(context, roles, user.kind === "staff", user.roles);
    if (errors) reply.status(422);
    return reply.render(`${adminViews}/user-access.njk`, {
      title: request.t("admin.access.title", { name: user.fullName }),
      account: user,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      agencyOptions: agencyOptions(
        request,
        managedAgencies(context, agencies).filter((agency) => agency.active || agency.id === user.agencyId),
        chosen.agencyId ?? "",
        request.t("admin.newUser.chooseAgency"),
      ),
      roleItems: offered.map((role) => ({
        value: role.code,
        text: nameIn(request.locale, role),
        checked: chosen.roles.includes(role.code),
      })),
    });
  };

  app.get<IdParams>("/admin/users/:id/access", usersGuard, async (request, reply) =>
    renderAccess(request, reply, null),
  );

  app.post<IdParams>("/admin/users/:id/access", usersGuard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      roles: asArray(body.roles),
      agencyId: typeof body.agencyId === "string" ? body.agencyId : null,
    };
    const form = parseForm(userAccessForm, body, request.t);
    if (!form.ok) return renderAccess(request, reply, values, form);
    try {
      await updateUserAccess(contextOf(request), request.params.id, form.data);
    } catch (error) {
      return renderAccess(request, reply, values, refusalAsFormError(error, request, "roles"));
    }
    return reply.redirect(`/admin/users/${request.params.id}?done=accessUpdated`, 303);
  });
}
