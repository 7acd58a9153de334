import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import { createUser, type Permission, type Principal, systemActor } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import { defineCaseType } from "../definition/case-type.js";
import type { CasesModule } from "../module.js";
import { samplePermit } from "../test-support/sample-case-type.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });

/**
 * The engine's sample permit with a form that uses every kind of question the portal renders:
 * a conditional question on the same page, a conditional page with a repeating group, an
 * address, a country, a select, a number and an optional text area. No tasks, so an officer can
 * decide without the employment service.
 */
export const portalSample = defineCaseType({
  ...samplePermit,
  code: "portal-sample",
  numberPrefix: "PRT",
  name: t("Portal sample permit"),
  tasks: [],
  form: [
    {
      id: "about-you",
      title: t("About you"),
      fields: [
        { name: "fullName", kind: "text", label: t("Full name") },
        { name: "birthDate", kind: "date", when: "past", label: t("Date of birth") },
        { name: "citizenship", kind: "country", label: t("Citizenship") },
        { name: "email", kind: "email", label: t("E-mail address") },
        { name: "passportNumber", kind: "documentNumber", label: t("Passport number") },
      ],
    },
    {
      id: "ground",
      title: t("Ground"),
      fields: [
        {
          name: "ground",
          kind: "radios",
          label: t("Why do you apply"),
          options: [
            { value: "work", label: t("Work") },
            { value: "family", label: t("Family") },
          ],
        },
        {
          name: "employer",
          kind: "text",
          label: t("Employer"),
          showWhen: { field: "ground", equals: "work" },
        },
      ],
    },
    {
      id: "family",
      title: t("Your family in Azerbaijan"),
      showWhen: { field: "ground", equals: "family" },
      fields: [
        {
          name: "relatives",
          kind: "group",
          label: t("Relative"),
          minItems: 1,
          maxItems: 3,
          fields: [
            { name: "relativeName", kind: "text", label: t("Relative's full name") },
            { name: "relativeBirthDate", kind: "date", when: "past", label: t("Relative's date of birth") },
          ],
        },
      ],
    },
    {
      id: "stay",
      title: t("Your stay"),
      fields: [
        { name: "address", kind: "address", label: t("Address in Azerbaijan") },
        { name: "months", kind: "number", min: 1, max: 60, label: t("Months of stay") },
        {
          name: "purpose",
          kind: "select",
          label: t("Purpose"),
          options: [
            { value: "living", label: t("Living") },
            { value: "business", label: t("Business") },
          ],
        },
        { name: "notes", kind: "textarea", required: false, label: t("Anything else") },
      ],
    },
  ],
});

export const demoPassword = "Correct-horse-battery-9";

/** What the tests' browser stand-in (test/support/test-client.ts) offers; used by tests only. */
interface Browser {
  setCookie(name: string, value: string): void;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** A public account, signed in through the real pages of a fresh browser, reading them in English. */
export async function signInNewApplicant<B extends Browser>(
  db: Database,
  clock: Clock,
  browser: B,
  email: string,
  roles: string[] = ["applicant"],
): Promise<{ browser: B; userId: string }> {
  const { id } = await createUser(
    { db, clock, actor: systemActor },
    {
      email,
      fullName: `Applicant ${email.split("@")[0]}`,
      password: demoPassword,
      kind: "public",
      roles,
      status: "active",
      locale: "en",
    },
  );
  browser.setCookie("karvan_lang", "en");
  await signInAgain(browser, email);
  return { browser, userId: id };
}

/** Signs in again (after the clock moved past the session's idle time). */
export async function signInAgain(browser: Browser, email: string): Promise<void> {
  await browser.get("/sign-in");
  const signedIn = await browser.post("/sign-in", { email, password: demoPassword });
  expect(signedIn.statusCode).toBe(303);
}

/** An officer acting through the engine's operations (the workspace is another feature's pages). */
export function staffContext(
  cases: CasesModule,
  permissions: Permission[],
  agencyId: string,
  n: number,
): CasesContext {
  const principal: Principal = {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    email: `officer${n}@sms.gov.az`,
    fullName: `Officer ${n}`,
    kind: "staff",
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
  return {
    db: cases.db,
    clock: cases.clock,
    registry: cases.registry,
    deadlines: cases.deadlines,
    principal,
  };
}

export function location(response: LightMyRequestResponse): string {
  return String(response.headers.location ?? "");
}

/** The value of a hidden input of the page. */
export function hiddenValue(body: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1];
  if (value === undefined) throw new Error(`no hidden input ${name} on the page`);
  return value;
}
