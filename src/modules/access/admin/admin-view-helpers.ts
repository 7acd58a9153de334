import type { FastifyRequest } from "fastify";
import { DomainError } from "../../../platform/errors/index.js";
import type { FieldError } from "../../../platform/http/index.js";
import type { Permission } from "../permissions.js";
import { nameIn, permissionTextKeys } from "./admin-catalogues.js";
import type { AdminContext } from "./admin-context.js";
import type { AgencyWithUsage, RoleWithUsage } from "./admin-repository.js";

// What the administration pages share: banners, form errors, option lists.

/** Errors to show on a form: in the summary and next to their field. */
export type AdminFormErrors = { errors: FieldError[]; byField: Record<string, string> };

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

export function doneMessage(request: FastifyRequest): string | null {
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
export function refusalAsFormError(
  error: unknown,
  request: FastifyRequest,
  fallbackField: string,
): AdminFormErrors {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) throw error;
  if (error.status === 403 && error.code !== "role_beyond_scope") throw error;
  const field = fieldOfErrorCode[error.code] ?? fallbackField;
  const text = request.t(error.messageKey);
  return { errors: [{ field, href: `#${field}`, text }], byField: { [field]: text } };
}

/** The ticked values of a checkbox group: absent, one string, or several. */
export function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value !== "" ? [value] : [];
}

/** The agencies whose staff this administrator manages: all, or their own. */
export function managedAgencies(context: AdminContext, agencies: AgencyWithUsage[]): AgencyWithUsage[] {
  if (context.principal.permissions.has("scope.all_agencies")) return agencies;
  return agencies.filter((agency) => agency.id === context.principal.agencyId);
}

/** Roles this administrator may give to an account of this kind (see grantable-roles.ts). */
export function grantableRoles(
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

export function agencyOptions(
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

export function translatedPermission(request: FastifyRequest, permission: Permission) {
  const keys = permissionTextKeys(permission);
  return { name: request.t(keys.name), description: request.t(keys.description) };
}

export function permissionItems(request: FastifyRequest, offered: Permission[], chosen: readonly string[]) {
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
export function pageNumbers(current: number, count: number): Array<number | null> {
  const shown: Array<number | null> = [];
  for (let number = 1; number <= count; number++) {
    if (number === 1 || number === count || Math.abs(number - current) <= 2) shown.push(number);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}
