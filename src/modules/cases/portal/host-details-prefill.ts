import { and, eq, ne, sql } from "drizzle-orm";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition, PageDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { cases } from "../schema.js";
import { guestRegistrationType, hostNameAnswer, hostStayAnswers } from "./guest-registration.js";

/**
 * Answers about the host that a guest registration form starts with, so a hotel does not type
 * its own name and address for every guest: the place of stay as on the host's last
 * registration, or else the host account's name. Only questions of this page still unanswered
 * are filled in; the host sees them, can change them, and they are saved with the page. Only
 * the host's own answers about the stay are read, never a guest's.
 */
export async function hostDetailsPrefill(
  context: CasesContext,
  definition: CaseTypeDefinition,
  state: CaseState,
  page: PageDefinition,
): Promise<Record<string, unknown>> {
  const principal = context.principal;
  if (definition.code !== guestRegistrationType || !principal || principal.apiKeyId) return {};
  const unanswered = page.fields
    .map((field) => field.name)
    .filter((name) => hostStayAnswers.some((one) => one === name) && state.answers[name] === undefined);
  if (unanswered.length === 0) return {};
  const [last] = await context.db
    .select({
      stay: sql<Record<string, unknown>>`jsonb_build_object(${sql.join(
        hostStayAnswers.map((name) => sql`${name}::text, ${cases.answers} -> ${name}::text`),
        sql`, `,
      )})`,
    })
    .from(cases)
    .where(
      and(
        eq(cases.applicantUserId, principal.userId),
        eq(cases.typeCode, definition.code),
        ne(cases.category, "draft"),
      ),
    )
    .orderBy(sql`${cases.submittedAt} desc nulls last`)
    .limit(1);
  const known: Record<string, unknown> = {
    [hostNameAnswer]: principal.fullName,
    ...withoutNulls(last?.stay),
  };
  return Object.fromEntries(
    unanswered.filter((name) => known[name] !== undefined).map((name) => [name, known[name]]),
  );
}

function withoutNulls(values: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== null));
}
