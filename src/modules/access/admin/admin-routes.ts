import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, type FieldError, NotFoundError, parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { type Permission, permissions } from "../permissions.js";
import {
  agencyKinds,
  nameIn,
  permissionsForRoleKind,
  permissionTextKeys,
  userStatuses,
} from "./admin-catalogues.js";
import { type AdminContext, adminContextFrom } from "./admin-context.js";
import {
  agencyForm,
  newRoleForm,
  newStaffUserForm,
  rolePermissionsForm,
  userAccessForm,
  userFiltersQuery,
} from "./admin-forms.js";
import {
  type AgencyWithUsage,
  findRole,
  listAgencies,
  listRoles,
  type RoleWithUsage,
} from "./admin-repository.js";
import { createAgency } from "./create-agency.js";
import { createRole } from "./create-role.js";
import { createStaffUser } from "./create-staff-user.js";
import { deleteRole } from "./delete-role.js";
import { disableUser } from "./disable-user.js";
import { enableUser } from "./enable-user.js";
import { listAgenciesForAdmin } from "./list-agencies.js";
import { listRolesForAdmin } from "./list-roles.js";
import { listUsers } from "./list-users.js";
import { resetUserMfa } from "./reset-user-mfa.js";
import { setAgencyActive } from "./set-agency-active.js";
import { findManagedAgency, updateAgency } from "./update-agency.js";
import { updateRolePermissions } from "./update-role-permissions.js";
import { updateUserAccess } from "./update-user-access.js";
import { viewUser } from "./view-user.js";

const views = "access/views/admin";

/** Confirmation banners a page can show after a redirect (?done=...); anything else is ignored. */
const doneMessages = new Set([
  "invited",
  "created",
  "invitationFailed",
  "accessUpdated",
  "disabled",
  "enabled",
  "mfaReset",
  "roleCreated",
  "roleUpdated",
  "roleDeleted",
  "agencyCreated",
  "agencyUpdated",
  "agencyDeactivated",
  "agencyActivated",
]);

function doneMessage(request: FastifyRequest): string | null {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return typeof done === "string" && doneMessages.has(done) ? request.t(`admin.done.${done}`) : null;
}

/** Which form field a refusal from an operation belongs to, so that it shows next to that field. */
const fieldOfErrorCode: Record<string, string> = {
  email_taken: "email",
  password_too_short: "password",
  password_too_long: "password",
  password_common: "password",
  role_required: "roles",
  unknown_role: "roles",
  role_kind_mismatch: "roles",
  role_beyond_scope: "roles",
  cannot_remove_own_admin: "roles",
  cannot_remove_own_role_admin: "permissions",
  agency_required: "agencyId",
  unknown_agency: "agencyId",
  role_code_taken: "code",
  agency_code_taken: "code",
  permission_not_allowed: "permissions",
};

/** Turns an operation's refusal into a form error at its field; other errors go to the error page. */
function refusalAsFormError(error: unknown, request: FastifyRequest, fallbackField: string) {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) throw error;
  if (error.status === 403 && error.code !== "role_beyond_scope") throw error;
  const field = fieldOfErrorCode[error.code] ?? fallbackField;
  const text = request.t(error.messageKey);
  return { errors: [{ field, href: `#${field}`, text }], byField: { [field]: text } };
}

type IdParams = { Params: { id: string } };
type CodeParams = { Params: { code: string } };

export async function registerAdminRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  const usersGuard = { preHandler: access.guards.requirePermission("admin.users"), schema: { hide: true } };
  const rolesGuard = { preHandler: access.guards.requirePermission("admin.roles"), schema: { hide: true } };
  const agenciesGuard = {
    preHandler: access.guards.requirePermission("admin.agencies"),
    schema: { hide: true },
  };
  const contextOf = (request: FastifyRequest) => adminContextFrom(request, access);

  // ---- users -------------------------------------------------------------------------------

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
    return reply.render(`${views}/users.njk`, {
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
    errors?: { errors: FieldError[]; byField: Record<string, string> },
  ) => {
    const context = contextOf(request);
    const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
    const chosenRoles = asArray(values.roles);
    if (errors) reply.status(422);
    return reply.render(`${views}/user-new.njk`, {
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
    return reply.render(`${views}/user.njk`, {
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
    errors?: { errors: FieldError[]; byField: Record<string, string> },
  ) => {
    const context = contextOf(request);
    const user = await viewUser(context, request.params.id);
    const [agencies, roles] = await Promise.all([listAgencies(access.db), listRoles(access.db)]);
    const chosen = values ?? { roles: user.roles, agencyId: user.agencyId };
    const offered = grantableRoles(context, roles, user.kind === "staff", user.roles);
    if (errors) reply.status(422);
    return reply.render(`${views}/user-access.njk`, {
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

  // ---- roles -------------------------------------------------------------------------------

  app.get("/admin/roles", rolesGuard, async (request, reply) => {
    const roles = await listRolesForAdmin(contextOf(request));
    return reply.render(`${views}/roles.njk`, {
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
    errors?: { errors: FieldError[]; byField: Record<string, string> },
  ) => {
    const chosen = asArray(values.permissions);
    if (errors) reply.status(422);
    return reply.render(`${views}/role-new.njk`, {
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
    errors?: { errors: FieldError[]; byField: Record<string, string> },
  ) => {
    const role = await findRole(access.db, request.params.code);
    if (!role) throw new NotFoundError();
    if (errors) reply.status(422);
    return reply.render(`${views}/role.njk`, {
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

  // ---- agencies ----------------------------------------------------------------------------

  app.get("/admin/agencies", agenciesGuard, async (request, reply) => {
    const agencies = await listAgenciesForAdmin(contextOf(request));
    return reply.render(`${views}/agencies.njk`, {
      title: request.t("admin.agencies.title"),
      agencies: agencies.map((agency) => ({
        ...agency,
        name: nameIn(request.locale, agency),
        kindName: request.t(`admin.agencyKinds.${agency.kind}`, { defaultValue: agency.kind }),
        managed:
          (request.principal?.permissions.has("scope.all_agencies") ?? false) ||
          agency.id === request.principal?.agencyId,
      })),
      canCreate: request.principal?.permissions.has("scope.all_agencies") ?? false,
      done: doneMessage(request),
    });
  });

  const renderAgencyForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agency: AgencyWithUsage | null,
    values: Record<string, unknown>,
    errors?: { errors: FieldError[]; byField: Record<string, string> },
  ) => {
    if (errors) reply.status(422);
    return reply.render(`${views}/agency.njk`, {
      title: agency ? nameIn(request.locale, agency) : request.t("admin.agencyForm.newTitle"),
      agency,
      values,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      kindOptions: [
        { value: "", text: request.t("admin.agencyForm.chooseKind") },
        ...agencyKinds.map((kind) => ({
          value: kind,
          text: request.t(`admin.agencyKinds.${kind}`),
          selected: values.kind === kind,
        })),
      ],
      done: doneMessage(request),
    });
  };

  app.get("/admin/agencies/new", agenciesGuard, async (request, reply) =>
    renderAgencyForm(request, reply, null, {}),
  );

  app.post("/admin/agencies/new", agenciesGuard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(agencyForm, body, request.t);
    if (!form.ok) return renderAgencyForm(request, reply, null, body, form);
    try {
      const created = await createAgency(contextOf(request), form.data);
      return reply.redirect(`/admin/agencies/${created.id}?done=agencyCreated`, 303);
    } catch (error) {
      return renderAgencyForm(request, reply, null, body, refusalAsFormError(error, request, "code"));
    }
  });

  const findAgencyFor = (request: FastifyRequest<IdParams>) =>
    findManagedAgency(contextOf(request), request.params.id);

  app.get<IdParams>("/admin/agencies/:id", agenciesGuard, async (request, reply) => {
    const agency = await findAgencyFor(request);
    return renderAgencyForm(request, reply, agency, { ...agency, region: agency.region ?? "" });
  });

  app.post<IdParams>("/admin/agencies/:id", agenciesGuard, async (request, reply) => {
    const agency = await findAgencyFor(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(agencyForm, body, request.t);
    if (!form.ok) return renderAgencyForm(request, reply, agency, body, form);
    try {
      await updateAgency(contextOf(request), agency.id, form.data);
    } catch (error) {
      return renderAgencyForm(request, reply, agency, body, refusalAsFormError(error, request, "code"));
    }
    return reply.redirect(`/admin/agencies/${agency.id}?done=agencyUpdated`, 303);
  });

  const agencyActivation =
    (active: boolean) => async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
      try {
        await setAgencyActive(contextOf(request), request.params.id, active);
      } catch (error) {
        const refusal = refusalAsFormError(error, request, "active");
        const agency = await findAgencyFor(request);
        return renderAgencyForm(request, reply, agency, { ...agency, region: agency.region ?? "" }, refusal);
      }
      const done = active ? "agencyActivated" : "agencyDeactivated";
      return reply.redirect(`/admin/agencies/${request.params.id}?done=${done}`, 303);
    };

  app.post<IdParams>("/admin/agencies/:id/deactivate", agenciesGuard, agencyActivation(false));
  app.post<IdParams>("/admin/agencies/:id/activate", agenciesGuard, agencyActivation(true));
}

const emptyNames = { nameAz: "", nameEn: "", nameRu: "" };

function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value !== "" ? [value] : [];
}

/** The agencies whose staff this administrator manages: all, or their own. */
function managedAgencies(context: AdminContext, agencies: AgencyWithUsage[]): AgencyWithUsage[] {
  if (context.principal.permissions.has("scope.all_agencies")) return agencies;
  return agencies.filter((agency) => agency.id === context.principal.agencyId);
}

/** Roles this administrator may give to an account of this kind (see grantable-roles.ts). */
function grantableRoles(
  context: AdminContext,
  roles: RoleWithUsage[],
  staff: boolean,
  alreadyHeld: readonly string[] = [],
): RoleWithUsage[] {
  const unscoped = context.principal.permissions.has("scope.all_agencies");
  return roles.filter(
    (role) =>
      role.staff === staff &&
      (unscoped || !role.permissions.includes("scope.all_agencies") || alreadyHeld.includes(role.code)),
  );
}

function agencyOptions(
  request: FastifyRequest,
  agencies: AgencyWithUsage[],
  selected: string | undefined,
  emptyText: string,
) {
  return [
    { value: "", text: emptyText },
    ...agencies
      .filter((agency) => agency.active || agency.id === selected)
      .map((agency) => ({
        value: agency.id,
        text: `${nameIn(request.locale, agency)} (${agency.code})`,
        selected: agency.id === selected,
      })),
  ];
}

function translatedPermission(request: FastifyRequest, permission: Permission) {
  const keys = permissionTextKeys(permission);
  return { name: request.t(keys.name), description: request.t(keys.description) };
}

function permissionItems(request: FastifyRequest, offered: Permission[], chosen: readonly string[]) {
  return offered.map((permission) => {
    const text = translatedPermission(request, permission);
    return {
      value: permission,
      text: text.name,
      hint: { text: `${text.description} (${permission})` },
      checked: chosen.includes(permission),
    };
  });
}

/** Page numbers for the pagination component: the first, the last, and two either side of the current. */
function pageNumbers(current: number, count: number): Array<number | null> {
  const shown: Array<number | null> = [];
  for (let number = 1; number <= count; number++) {
    if (number === 1 || number === count || Math.abs(number - current) <= 2) shown.push(number);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
