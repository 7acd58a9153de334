import { and, eq, ne } from "drizzle-orm";
import { DomainError } from "../../../platform/errors/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { requestHash } from "../engine/idempotency.js";
import type { GuestRow, GuestRowProblem } from "../portal/guest-csv.js";
import { caseIdempotencyKeys, cases } from "../schema.js";
import { createSubmittedCases } from "./create-submitted-cases.js";

export interface RegisteredGuest {
  line: number;
  caseId: string;
  number: string;
}

/** Some lines cannot be registered (already registered): nobody in the file is. */
export class GuestRowsRefusedError extends DomainError {
  constructor(readonly problems: GuestRowProblem[]) {
    super("guest_rows_refused", 422, "portal.csv.errors.refused", { count: problems.length });
  }
}

/**
 * The host's registrations of this type with exactly these answers, by line. Registering the same
 * guest for the same stay twice is a mistake (or the same file sent again), never a new stay.
 */
export async function findRegisteredGuests(
  context: CasesContext,
  definition: CaseTypeDefinition,
  rows: GuestRow[],
): Promise<RegisteredGuest[]> {
  const ownerId = context.principal?.userId;
  if (!ownerId || rows.length === 0) return [];
  const existing = await context.db
    .select({ id: cases.id, number: cases.number, answers: cases.answers })
    .from(cases)
    .where(
      and(
        eq(cases.applicantUserId, ownerId),
        eq(cases.typeCode, definition.code),
        ne(cases.category, "draft"),
      ),
    );
  const byFingerprint = new Map(existing.map((one) => [requestHash(one.answers), one]));
  return rows.flatMap((row) => {
    const match = byFingerprint.get(requestHash(row.answers));
    return match ? [{ line: row.line, caseId: match.id, number: match.number }] : [];
  });
}

async function keyAlreadyUsed(context: CasesContext, ownerId: string, key: string): Promise<boolean> {
  const [row] = await context.db
    .select({ status: caseIdempotencyKeys.status })
    .from(caseIdempotencyKeys)
    .where(and(eq(caseIdempotencyKeys.ownerId, ownerId), eq(caseIdempotencyKeys.key, key)));
  return row !== undefined;
}

/**
 * A host registers the guests of a checked file, ALL OR NOTHING: the registrations are created and
 * submitted in one database transaction, as a batch of the JSON API is (createSubmittedCases), so
 * a failure on any line leaves no registration behind. The upload form carries an idempotency key
 * made when the page was shown: a double-submitted upload registers once, and the repeat answers
 * with the registrations of the first. A guest already registered by this host with the very same
 * answers (the same file uploaded again from a fresh page) is refused by line.
 */
export async function registerGuests(
  context: CasesContext,
  definition: CaseTypeDefinition,
  rows: GuestRow[],
  idempotencyKey: string,
): Promise<{ registered: RegisteredGuest[]; repeated: boolean }> {
  const ownerId = context.principal?.apiKeyId ?? context.principal?.userId;
  if (!ownerId) throw new DomainError("applicants_only", 403, "cases.errors.applicants_only");
  if (rows.length === 0) throw new DomainError("no_guests", 422, "portal.csv.errors.noGuests");
  if (!(await keyAlreadyUsed(context, ownerId, idempotencyKey))) {
    const already = await findRegisteredGuests(context, definition, rows);
    if (already.length > 0) {
      throw new GuestRowsRefusedError(
        already.map((guest) => ({
          line: guest.line,
          column: null,
          messageKey: "portal.csv.errors.alreadyRegistered",
          values: { number: guest.number },
        })),
      );
    }
  }
  const created = await createSubmittedCases(
    context,
    definition.code,
    rows.map((row) => row.answers),
    { idempotencyKey },
  );
  return {
    registered: rows.map((row, index) => {
      const state = created.cases[index];
      if (!state) throw new Error(`line ${row.line} has no registration`);
      return { line: row.line, caseId: state.id, number: state.number };
    }),
    repeated: created.repeated,
  };
}
