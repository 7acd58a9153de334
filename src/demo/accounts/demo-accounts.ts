import {
  builtInRoles,
  createActiveUsers,
  createUser,
  enrolNewTotpSecret,
  findUserIdsByEmail,
  type NewActiveUser,
  readMfaSecret,
  systemActor,
} from "../../modules/access/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";

/** The password of every demo account; shown on the console in demo mode, never used in production. */
export const demoPassword = "Karvan-demo-2026";

const demoAgencyByRole: Record<string, string> = {
  employment_officer: "MLSPP-DOST",
  detention_officer: "SMS",
  policy_focal_point: "MLSPP-DOST",
};

const demoNames: Record<string, string> = {
  applicant: "Amina Rahimova",
  host_employer: "Caspian Hotel LLC (Rashad Aliyev)",
  case_officer: "Leyla Mammadova",
  approver: "Elchin Huseynov",
  employment_officer: "Nigar Guliyeva",
  detention_officer: "Tural Ismayilov",
  analyst: "Sabina Karimova",
  policy_officer: "Farid Abbasov",
  policy_focal_point: "Nurlan Mammadli",
  trainer: "Gunel Hasanova",
  content_editor: "Orkhan Jafarov",
  administrator: "Kamala Aliyeva",
  auditor: "Ilgar Nasirov",
  data_protection_officer: "Aytan Safarova",
};

export function demoEmail(roleCode: string): string {
  return `${roleCode.replace(/_/g, "-")}@demo.karvan.az`;
}

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  /** TOTP secret for staff accounts (enter it in an authenticator app, or run `karvan totp`). */
  totpSecret: string | null;
}

/**
 * One active demo account per built-in role. Staff accounts come with multi-factor sign-in
 * already enrolled, so that a newcomer can sign in with the printed secret and no phone.
 */
export async function seedDemoUsers(db: Database, clock: Clock, fileKey: string): Promise<void> {
  const existing = await findDemoAccountIds(db);
  for (const role of builtInRoles) {
    if (existing.has(role.code)) continue;
    const { id } = await createUser(
      { db, clock, actor: systemActor },
      {
        email: demoEmail(role.code),
        fullName: demoNames[role.code] ?? role.names.en,
        password: demoPassword,
        kind: role.staff ? "staff" : "public",
        agency: role.staff ? (demoAgencyByRole[role.code] ?? "SMS") : undefined,
        roles: [role.code],
        locale: "az",
        status: "active",
      },
    );
    if (role.staff) await enrolNewTotpSecret(db, fileKey, id, clock.now());
  }
}

export async function listDemoAccounts(db: Database, fileKey: string): Promise<DemoAccount[]> {
  const ids = await findDemoAccountIds(db);
  const accounts: DemoAccount[] = [];
  for (const role of builtInRoles) {
    const id = ids.get(role.code);
    if (!id) continue;
    accounts.push({
      role: role.code,
      email: demoEmail(role.code),
      password: demoPassword,
      totpSecret: role.staff ? await readMfaSecret(db, fileKey, id) : null,
    });
  }
  return accounts;
}

/** The ids of the one-per-role demo accounts that exist, by role code (demo data gives them cases). */
export async function findDemoAccountIds(db: Database): Promise<Map<string, string>> {
  const roles = new Map(builtInRoles.map((role) => [demoEmail(role.code), role.code]));
  const ids = await findUserIdsByEmail(db, [...roles.keys()]);
  return new Map([...ids].map(([email, id]) => [roles.get(email) as string, id]));
}

/**
 * DEMO ONLY: the many accounts of a demo caseload, active at once, sharing the demo password:
 * each can sign in like the one-per-role demo accounts. Returns the new ids in the given order.
 */
export function insertDemoPopulation(db: Database, people: NewActiveUser[], at: Date): Promise<string[]> {
  return createActiveUsers(db, people, demoPassword, at);
}
