import type { Permission, Principal } from "../modules/access/index.js";
import type { Translator } from "../platform/http/index.js";

interface NavigationEntry {
  href: string;
  textKey: string;
  /** Shown when the user holds any of these; omitted means every signed-in user of that kind. */
  anyOf?: Permission[];
  kind: "public" | "staff";
  demoOnly?: boolean;
}

/** The menu, by role: each entry shows only to those who may use it. */
const entries: NavigationEntry[] = [
  {
    href: "/applications",
    textKey: "portal.navigation.applications",
    kind: "public",
    anyOf: ["portal.apply", "portal.register_guests", "portal.employer"],
  },
  { href: "/account", textKey: "navigation.account", kind: "public" },
  { href: "/research/applications", textKey: "research.navigation.applications", kind: "public" },
  {
    href: "/account/api-keys",
    textKey: "navigation.apiKeys",
    kind: "public",
    anyOf: ["api_keys.manage_own"],
  },
  { href: "/staff", textKey: "navigation.workspace", kind: "staff" },
  { href: "/cases", textKey: "workspace.navigation.cases", kind: "staff", anyOf: ["cases.read"] },
  {
    href: "/statistics",
    textKey: "statistics.navigation.dashboard",
    kind: "staff",
    anyOf: ["statistics.read"],
  },
  {
    href: "/policy/indicators",
    textKey: "policyIndicators.navigation",
    kind: "staff",
    anyOf: ["policy.manage", "policy.report", "statistics.read"],
  },
  {
    href: "/policy/documents",
    textKey: "policyStrategies.navigation",
    kind: "staff",
    anyOf: ["policy.manage", "policy.report"],
  },
  {
    href: "/policy/consultations",
    textKey: "policyConsultation.navigation",
    kind: "staff",
    anyOf: ["policy.manage"],
  },
  { href: "/tasks", textKey: "workspace.navigation.tasks", kind: "staff", anyOf: ["labour.opinion"] },
  { href: "/holds", textKey: "enforcement.navigation.holds", kind: "staff", anyOf: ["holds.review"] },
  {
    href: "/watch-list",
    textKey: "enforcement.navigation.watchList",
    kind: "staff",
    anyOf: ["watchlist.manage"],
  },
  { href: "/readmission", textKey: "readmission.navigation", kind: "staff", anyOf: ["readmission.manage"] },
  { href: "/detention", textKey: "detention.navigation", kind: "staff", anyOf: ["detention.manage"] },
  { href: "/corrections", textKey: "privacy.navigation.corrections", kind: "staff", anyOf: ["cases.read"] },
  {
    href: "/research/reviews",
    textKey: "research.navigation.reviews",
    kind: "staff",
    anyOf: ["research.review"],
  },
  {
    href: "/research/library/manage",
    textKey: "research.navigation.library",
    kind: "staff",
    anyOf: ["policy.manage"],
  },
  {
    href: "/statistics/parked",
    textKey: "statistics.navigation.parked",
    kind: "staff",
    anyOf: ["statistics.manage"],
  },
  {
    href: "/people/link-file",
    textKey: "people.navigation.linkFile",
    kind: "staff",
    anyOf: ["statistics.manage"],
  },
  {
    href: "/people/review",
    textKey: "people.navigation.register",
    kind: "staff",
    anyOf: ["people.register"],
  },
  { href: "/people/model", textKey: "people.navigation.model", kind: "staff", anyOf: ["people.model"] },
  { href: "/admin/users", textKey: "navigation.users", kind: "staff", anyOf: ["admin.users"] },
  { href: "/admin/roles", textKey: "navigation.roles", kind: "staff", anyOf: ["admin.roles"] },
  { href: "/admin/agencies", textKey: "navigation.agencies", kind: "staff", anyOf: ["admin.agencies"] },
  { href: "/audit", textKey: "navigation.audit", kind: "staff", anyOf: ["audit.read"] },
  {
    href: "/privacy/retention",
    textKey: "privacy.retention.navigation",
    kind: "staff",
    anyOf: ["privacy.read"],
  },
  {
    href: "/privacy/processing-record",
    textKey: "privacy.processing.navigation",
    kind: "staff",
    anyOf: ["privacy.read"],
  },
  {
    href: "/demo/outbox",
    textKey: "navigation.outbox",
    kind: "staff",
    anyOf: ["mail.outbox.read"],
    demoOnly: true,
  },
];

export function navigationFor(
  principal: Principal | null,
  t: Translator,
  currentPath: string,
  demo: boolean,
): Array<{ href: string; text: string; active: boolean }> {
  if (!principal || principal.apiKeyId) return [];
  return entries
    .filter((entry) => entry.kind === principal.kind)
    .filter((entry) => !entry.demoOnly || demo)
    .filter(
      (entry) => !entry.anyOf || entry.anyOf.some((permission) => principal.permissions.has(permission)),
    )
    .map((entry) => ({
      href: entry.href,
      text: t(entry.textKey),
      active: currentPath === entry.href || currentPath.startsWith(`${entry.href}/`),
    }));
}
