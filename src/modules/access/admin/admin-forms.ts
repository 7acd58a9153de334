import { z } from "zod";
import { safeName } from "../../../platform/http/index.js";
import { agencyKinds } from "./admin-catalogues.js";

/** A group of checkboxes arrives as nothing, one string or several strings. */
const checkedValues = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * A required name following the platform's rules for names: nothing, or only invisible
 * characters, is "enter the name"; control or bidirectional characters (direction marks
 * included) get their own message.
 */
const required = (message: string, max: number, hidden: string) =>
  safeName({ max, required: message, hidden });

export const newStaffUserForm = z
  .object({
    fullName: required("admin.errors.fullNameRequired", 200, "admin.errors.fullNameHidden"),
    email: z
      .string("admin.errors.emailRequired")
      .trim()
      .toLowerCase()
      .min(1, "admin.errors.emailRequired")
      .max(254, "admin.errors.emailInvalid")
      .regex(emailPattern, "admin.errors.emailInvalid"),
    agencyId: z.uuid("admin.errors.agencyRequired"),
    roles: checkedValues.pipe(z.array(z.string()).min(1, "admin.errors.roleRequired")),
    locale: z.enum(["az", "en", "ru"], "admin.errors.localeRequired"),
    passwordSetup: z.enum(["invite", "password"], "admin.errors.passwordSetupRequired"),
    password: z.string().max(256, "access.errors.password_too_long").optional(),
  })
  .superRefine((form, issues) => {
    if (form.passwordSetup === "password" && !form.password) {
      issues.addIssue({ code: "custom", path: ["password"], message: "admin.errors.passwordRequired" });
    }
  });
export type NewStaffUserForm = z.output<typeof newStaffUserForm>;

export const userAccessForm = z.object({
  agencyId: z.uuid("admin.errors.agencyRequired").optional(),
  roles: checkedValues.pipe(z.array(z.string()).min(1, "admin.errors.roleRequired")),
});
export type UserAccessForm = z.output<typeof userAccessForm>;

export const userFiltersQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: z.enum(["public", "staff"]).optional().catch(undefined),
  agency: z.uuid().optional().catch(undefined),
  role: z.string().max(40).optional().catch(undefined),
  status: z.enum(["pending_verification", "active", "disabled"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const rolePermissionsForm = z.object({ permissions: checkedValues });

export const newRoleForm = z.object({
  code: z
    .string("admin.errors.roleCodeInvalid")
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{2,39}$/, "admin.errors.roleCodeInvalid"),
  nameAz: required("admin.errors.nameAzRequired", 100, "admin.errors.nameAzHidden"),
  nameEn: required("admin.errors.nameEnRequired", 100, "admin.errors.nameEnHidden"),
  nameRu: required("admin.errors.nameRuRequired", 100, "admin.errors.nameRuHidden"),
  audience: z.enum(["staff", "public"], "admin.errors.audienceRequired"),
  permissions: checkedValues,
});
export type NewRoleForm = z.output<typeof newRoleForm>;

export const agencyForm = z.object({
  code: z
    .string("admin.errors.agencyCodeInvalid")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, "admin.errors.agencyCodeInvalid"),
  kind: z.enum(agencyKinds, "admin.errors.agencyKindRequired"),
  nameAz: required("admin.errors.nameAzRequired", 300, "admin.errors.nameAzHidden"),
  nameEn: required("admin.errors.nameEnRequired", 300, "admin.errors.nameEnHidden"),
  nameRu: required("admin.errors.nameRuRequired", 300, "admin.errors.nameRuHidden"),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2}-[A-Z0-9]{1,3})?$/, "admin.errors.regionInvalid")
    .optional()
    .transform((value) => value || null),
});
export type AgencyForm = z.output<typeof agencyForm>;
