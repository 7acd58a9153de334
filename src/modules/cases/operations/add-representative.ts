import type { Queryable } from "../../../platform/db/index.js";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { findUserContacts, findUserIdsByEmail } from "../../access/index.js";
import { authorizeOnCase } from "../case-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";
import {
  type CaseRepresentative,
  currentFollowersOfCase,
  type RepresentativeRole,
  representativeRoles,
} from "../representative-repository.js";
import { caseRepresentatives } from "../schema.js";

/**
 * Whether an officer may give or end access to this case: it is submitted, its type allows it
 * (`access.representatives`) and the officer may process it (`cases.process` in its agency and the
 * type's `access.read`; a refusal is audited once the change's transaction has rolled back).
 */
export async function checkRepresentationAllowed(
  context: CasesContext,
  tx: Queryable,
  state: CaseState,
  definition: CaseTypeDefinition,
): Promise<void> {
  if (state.category === "draft") throw new NotFoundError("case_not_found");
  await authorizeOnCase(context, tx, "cases.process", state, definition);
  if (!definition.access?.representatives) {
    throw new DomainError("representatives_not_allowed", 422, "cases.errors.representatives_not_allowed");
  }
}

async function activePortalAccount(tx: Queryable, email: string) {
  const address = email.trim().toLowerCase();
  const userId = (await findUserIdsByEmail(tx, [address])).get(address);
  const [account] = userId ? await findUserContacts(tx, [userId]) : [];
  // Only an active portal account follows a case: staff see cases through their roles.
  if (account?.kind !== "public" || !account.active) {
    throw new DomainError("representative_unknown", 422, "cases.errors.representative_unknown");
  }
  return account;
}

/**
 * An officer lets a portal account follow a case: the applicant of a case an officer registered,
 * a family member of age, a lawyer or a guardian. The account with that e-mail address then
 * follows the case as its applicant would (status, documents, decision, notices), and no other
 * case; every change stays with the officers. In one change of the case: the access row, the
 * timeline's event and the audit record (`case.representative_added`); the caller tells the person.
 */
export async function addRepresentative(
  context: CasesContext,
  caseId: string,
  input: { email: string; role: string },
): Promise<{ representative: CaseRepresentative; state: CaseState }> {
  const role = representativeRoles.find((one) => one === input.role);
  let representative: CaseRepresentative | undefined;
  const state = await changeCase(
    context,
    caseId,
    undefined,
    "case.representative_added",
    async ({ state, definition, tx }) => {
      await checkRepresentationAllowed(context, tx, state, definition);
      if (!role) throw new DomainError("representative_role", 422, "cases.errors.representative_role");
      const account = await activePortalAccount(tx, input.email);
      const followers = await currentFollowersOfCase(tx, state.id);
      if (account.id === state.applicantUserId || followers.some((one) => one.userId === account.id)) {
        throw new DomainError("representative_exists", 409, "cases.errors.representative_exists");
      }
      // A case has one applicant: an account that started it, or one account an officer names.
      if (
        role === "applicant" &&
        (state.applicantUserId || followers.some((one) => one.role === "applicant"))
      ) {
        throw new DomainError("applicant_access_exists", 409, "cases.errors.applicant_access_exists");
      }
      [representative] = await tx
        .insert(caseRepresentatives)
        .values({
          caseId: state.id,
          userId: account.id,
          role: role as RepresentativeRole,
          addedBy: context.principal?.userId ?? "",
          addedAt: context.clock.now(),
        })
        .returning();
      if (!representative) throw new Error("the representative was not stored");
      return [
        {
          type: "case.representative_added",
          payload: { representationId: representative.id, userId: account.id, role },
        },
      ];
    },
  );
  return { representative: representative as CaseRepresentative, state };
}
