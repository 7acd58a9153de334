import { eq, sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import { createUser } from "./create-user.js";
import { mfaSecretBox, readMfaSecret } from "./mfa-secret.js";
import { builtInRoles } from "./permissions.js";
import { systemActor } from "./principal.js";
import { users } from "./schema.js";
import { newTotpSecret } from "./totp.js";

/** The password of every demo account; shown on the console in demo mode, never used in production. */
export const demoPassword = "Karvan-demo-2026";

const demoAgencyByRole: Record<string, string> = {
  employment_officer: "MLSPP-DOST",
  detention_officer: "SMS",
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
  const box = mfaSecretBox(fileKey);
  for (const role of builtInRoles) {
    const email = demoEmail(role.code);
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (existing) continue;
    const { id } = await createUser(
      { db, clock, actor: systemActor },
      {
        email,
        fullName: demoNames[role.code] ?? role.names.en,
        password: demoPassword,
        kind: role.staff ? "staff" : "public",
        agency: role.staff ? (demoAgencyByRole[role.code] ?? "SMS") : undefined,
        roles: [role.code],
        locale: "az",
        status: "active",
      },
    );
    if (role.staff) {
      await db
        .update(users)
        .set({ mfaSecretEncrypted: box.seal(newTotpSecret()), mfaEnabledAt: clock.now() })
        .where(eq(users.id, id));
    }
  }
}

export async function listDemoAccounts(db: Database, fileKey: string): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const role of builtInRoles) {
    const email = demoEmail(role.code);
    const [user] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!user) continue;
    accounts.push({
      role: role.code,
      email,
      password: demoPassword,
      totpSecret: role.staff ? await readMfaSecret(db, fileKey, user.id) : null,
    });
  }
  return accounts;
}
