/**
 * The permission catalogue and the built-in roles. Permissions are code (routes and operations
 * check them); which role holds which permission is data that administrators can change.
 */
export const permissions = [
  "portal.apply",
  "portal.register_guests",
  "portal.employer",
  "api_keys.manage_own",
  "cases.read",
  "cases.process",
  "cases.approve",
  "cases.assign",
  "persons.read",
  "labour.opinion",
  "integration.manage",
  "enforcement.manage",
  /** The detention register: places persons in detention centres, extends, reviews and releases; keeps the centres. */
  "detention.manage",
  /** Keeps the watch lists (entry bans, wanted persons): reads, adds, imports and ends entries. */
  "watchlist.manage",
  /** Readmission with partner states: registers requests both ways, records replies, transfers and correspondence. */
  "readmission.manage",
  /** Reviews the cases a watch-list hit put on hold: sees the comparison, releases or confirms. */
  "holds.review",
  /** The person register: reviews undecided matches, reads person pages, searches, merges and undoes merges. */
  "people.register",
  /** Re-estimates the person register's matching weights (the model estimates page). */
  "people.model",
  /** Sees asylum cases at all (besides cases.read): their very existence is protected. */
  "asylum.read",
  /** Registers an asylum application at the border, in the territory or in detention. */
  "asylum.register",
  /** Reads an asylum case's special-category answers (health, religion, sexual orientation); each read is audited. */
  "asylum.sensitive",
  /** Return procedures: issues orders to leave and sees their cases. */
  "return.manage",
  "statistics.read",
  /** Sees and retries the cases the statistics could not process; their errors may quote personal data. */
  "statistics.manage",
  "policy.manage",
  /** Writes the status reports of the actions and the indicator values of the holder's own agency. */
  "policy.report",
  "training.manage",
  "publicinfo.edit",
  "admin.users",
  "admin.roles",
  "admin.agencies",
  "audit.read",
  "mail.outbox.read",
  /** The data-protection officer's pages: what retention removes next, the record of processing. */
  "privacy.read",
  /** Decides researchers' applications for microdata (approve, narrow, refuse) and reads their ethics approvals. */
  "research.review",
  /** Lifts agency scoping: the holder may act on records of every agency. */
  "scope.all_agencies",
] as const;

export type Permission = (typeof permissions)[number];

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

export interface RoleDefinition {
  code: string;
  staff: boolean;
  names: { az: string; en: string; ru: string };
  permissions: Permission[];
}

export const builtInRoles: RoleDefinition[] = [
  {
    code: "applicant",
    staff: false,
    names: { az: "Müraciət edən", en: "Applicant", ru: "Заявитель" },
    permissions: ["portal.apply"],
  },
  {
    code: "host_employer",
    staff: false,
    names: {
      az: "Qəbul edən tərəf / işəgötürən",
      en: "Host / employer",
      ru: "Принимающая сторона / работодатель",
    },
    permissions: ["portal.apply", "portal.register_guests", "portal.employer", "api_keys.manage_own"],
  },
  {
    code: "case_officer",
    staff: true,
    names: { az: "İş üzrə əməkdaş", en: "Case officer", ru: "Сотрудник по делам" },
    permissions: ["cases.read", "cases.process", "persons.read"],
  },
  {
    code: "approver",
    staff: true,
    names: { az: "Təsdiq edən", en: "Approver", ru: "Утверждающий" },
    permissions: ["cases.read", "cases.approve", "cases.assign", "persons.read"],
  },
  {
    code: "employment_officer",
    staff: true,
    names: { az: "Məşğulluq üzrə əməkdaş", en: "Employment officer", ru: "Сотрудник службы занятости" },
    permissions: ["cases.read", "labour.opinion", "integration.manage", "persons.read"],
  },
  {
    code: "detention_officer",
    staff: true,
    names: { az: "Saxlama üzrə əməkdaş", en: "Detention officer", ru: "Сотрудник по содержанию" },
    permissions: ["cases.read", "enforcement.manage", "detention.manage", "persons.read"],
  },
  {
    code: "asylum_officer",
    staff: true,
    names: { az: "Sığınacaq üzrə əməkdaş", en: "Asylum officer", ru: "Сотрудник по вопросам убежища" },
    permissions: ["asylum.read", "asylum.register", "cases.read", "cases.process", "persons.read"],
  },
  {
    code: "asylum_supervisor",
    staff: true,
    names: {
      az: "Sığınacaq üzrə rəhbər",
      en: "Asylum supervisor",
      ru: "Руководитель по вопросам убежища",
    },
    permissions: ["asylum.read", "asylum.sensitive", "cases.read", "cases.approve"],
  },
  {
    code: "return_officer",
    staff: true,
    names: { az: "Qaytarılma üzrə əməkdaş", en: "Return officer", ru: "Сотрудник по возвращению" },
    // Not cases.approve: a return decision is approved by a second person (four eyes).
    permissions: ["return.manage", "cases.read", "cases.process"],
  },
  {
    code: "analyst",
    staff: true,
    names: { az: "Analitik", en: "Analyst", ru: "Аналитик" },
    permissions: ["statistics.read", "scope.all_agencies"],
  },
  {
    code: "policy_officer",
    staff: true,
    names: { az: "Siyasət üzrə əməkdaş", en: "Policy officer", ru: "Специалист по политике" },
    permissions: ["statistics.read", "policy.manage", "scope.all_agencies"],
  },
  {
    code: "policy_focal_point",
    staff: true,
    names: {
      az: "Siyasət üzrə əlaqələndirici",
      en: "Policy focal point",
      ru: "Координатор по вопросам политики",
    },
    // An agency's focal point reports on its own actions and indicators only (no scope.all_agencies).
    permissions: ["policy.report"],
  },
  {
    code: "trainer",
    staff: true,
    names: { az: "Təlimçi", en: "Trainer", ru: "Тренер" },
    permissions: ["training.manage"],
  },
  {
    code: "content_editor",
    staff: true,
    names: { az: "Məzmun redaktoru", en: "Content editor", ru: "Редактор контента" },
    permissions: ["publicinfo.edit"],
  },
  {
    code: "administrator",
    staff: true,
    names: { az: "Administrator", en: "Administrator", ru: "Администратор" },
    permissions: [
      "admin.users",
      "admin.roles",
      "admin.agencies",
      "mail.outbox.read",
      "statistics.manage",
      "people.model",
      "scope.all_agencies",
    ],
  },
  {
    code: "watch_list_officer",
    staff: true,
    names: {
      az: "Nəzarət siyahıları üzrə əməkdaş",
      en: "Watch-list officer",
      ru: "Сотрудник по контрольным спискам",
    },
    permissions: ["cases.read", "persons.read", "watchlist.manage", "holds.review"],
  },
  {
    code: "readmission_officer",
    staff: true,
    names: {
      az: "Readmissiya üzrə əməkdaş",
      en: "Readmission officer",
      ru: "Сотрудник по реадмиссии",
    },
    permissions: ["persons.read", "readmission.manage"],
  },
  {
    code: "register_officer",
    staff: true,
    names: {
      az: "Şəxslər reyestri üzrə əməkdaş",
      en: "Person register officer",
      ru: "Сотрудник реестра лиц",
    },
    permissions: ["cases.read", "persons.read", "people.register"],
  },
  {
    code: "data_protection_officer",
    staff: true,
    names: {
      az: "Fərdi məlumatların mühafizəsi üzrə məsul şəxs",
      en: "Data protection officer",
      ru: "Ответственный за защиту персональных данных",
    },
    permissions: ["privacy.read", "audit.read", "research.review", "scope.all_agencies"],
  },
  {
    code: "auditor",
    staff: true,
    names: { az: "Auditor", en: "Auditor", ru: "Аудитор" },
    permissions: ["audit.read", "scope.all_agencies"],
  },
];
