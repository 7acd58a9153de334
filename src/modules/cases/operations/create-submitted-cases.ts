import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../platform/db/index.js";
import { ConflictError, DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { type AgencySummary, authorize, findAgencyByCode, type Principal } from "../../access/index.js";
import { stateAtCreation } from "../api/case-status.js";
import { applyPermission } from "../case-access.js";
import { authorizeStaffRegistration } from "../case-type-access.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { checkAnswers } from "../definition/validate-answers.js";
import { applyEvent, type CaseState, initialCaseState } from "../engine/case-state.js";
import { eventActorOf } from "../engine/change-case.js";
import { formatCaseNumber, loadEventsOfCases, reserveCaseNumbers } from "../engine/event-store.js";
import type { CaseEvent, EventActor, HoldFinding, PendingCaseEvent } from "../engine/events.js";
import { requestHash } from "../engine/idempotency.js";
import type { NewCaseHistory } from "../engine/new-case-writer.js";
import { caseIdempotencyKeys } from "../schema.js";
import type { RegisteredCasePerson } from "./person-registration.js";
import { submissionEvents } from "./submit-application.js";
import { itemKey, writeNewCases } from "./write-new-cases.js";

/** At most this many cases in one request: a batch is one transaction, and must stay a short one. */
export const maxCasesPerRequest = 500;

/** A problem with one answer of one item of the request (item 0 when there is only one). */
export interface ItemAnswerProblem {
  item: number;
  field: string;
  messageKey: string;
}

export interface CreatedCases {
  /** In the order of the request's items. */
  cases: CaseState[];
  /** True when this was a repeat of a finished request with the same idempotency key. */
  repeated: boolean;
  /**
   * Where each case's declared persons stand in the register, by case, as this request registered
   * them; absent on a repeat (they are looked up then) or where no register is wired.
   */
  registeredPersons?: RegisteredCasePerson[][];
}

/**
 * A host's or employer's system creates cases and submits them in one call: each item's answers
 * are checked against the case type, then every case (its events, projection and audit record)
 * is written in ONE statement, so a batch is all or nothing. With an idempotency key a retried
 * request creates nothing new and answers with the cases as the first request created them; the
 * key is claimed by that same statement (see `insertNewCases`).
 *
 * The request path is kept to the round trips it cannot do without: the key's owner (one query,
 * see authenticate-api-key.ts) and the write; case numbers come from a reserve of the shared
 * sequence and the responsible agency from a short-lived cache.
 */
export async function createSubmittedCases(
  context: CasesContext,
  typeCode: string,
  items: Array<Record<string, unknown>>,
  options: { idempotencyKey?: string | undefined } = {},
): Promise<CreatedCases> {
  const definition = context.registry.latest(typeCode);
  if (!definition) throw new NotFoundError("unknown_case_type");
  const principal = await authorizeApplying(context, definition);
  if (items.length === 0 || items.length > maxCasesPerRequest) {
    throw new DomainError("too_many_items", 422, "casesApi.errors.too_many_items", {
      max: maxCasesPerRequest,
    });
  }
  const key = options.idempotencyKey;
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw new DomainError("idempotency_key_invalid", 400, "cases.errors.idempotency_key_invalid");
  }
  const scope = key
    ? {
        ownerId: principal.apiKeyId ?? principal.userId,
        key,
        hash: requestHash({ createCases: definition.code, items }),
      }
    : undefined;
  const agency = await responsibleAgency(context, definition);
  const numbers = await takeCaseNumbers(context.db, numbersNeeded(definition, items.length));
  // Made without holds: the watch lists are asked in the write's own round trip, and the cases are
  // made again with what they found when that is not none (see `writeNewCases`).
  const holds: Array<HoldFinding | null> = items.map(() => null);
  const remake = (found: Array<HoldFinding | null>) =>
    newCases(context, definition, agency.id, items, numbers, found);
  let histories: NewCaseHistory[];
  try {
    histories = await remake(holds);
  } catch (error) {
    // A retry of a request that succeeded answers as it did, even if its answers no longer pass today.
    const earlier = scope && error instanceof DomainError ? await finishedCaseOf(context, scope) : null;
    if (!earlier || !scope) throw error;
    return { cases: await casesAsCreated(context, scope, earlier, items.length), repeated: true };
  }
  const outcome = await writeNewCases({ context, definition, histories, holds, remake, scope });
  if (outcome.written) {
    const cases = outcome.histories.map(({ state }) => state);
    return outcome.registered
      ? { cases, repeated: false, registeredPersons: outcome.registered }
      : { cases, repeated: false };
  }
  if (!scope || outcome.keyInFlight) {
    throw new ConflictError("idempotency_in_flight", "cases.errors.idempotency_in_flight");
  }
  const earlier = await finishedCaseOf(context, scope);
  if (!earlier) throw new ConflictError("idempotency_in_flight", "cases.errors.idempotency_in_flight");
  return { cases: await casesAsCreated(context, scope, earlier, items.length), repeated: true };
}

/** Agencies change rarely and every creation needs one: looked up once a minute per database. */
const agencyCache = new WeakMap<object, Map<string, { agency: AgencySummary; until: number }>>();

async function responsibleAgency(
  context: CasesContext,
  definition: CaseTypeDefinition,
): Promise<AgencySummary> {
  let known = agencyCache.get(context.db);
  if (!known) {
    known = new Map();
    agencyCache.set(context.db, known);
  }
  const now = Date.now();
  const cached = known.get(definition.responsibleAgency);
  if (cached && cached.until > now) return cached.agency;
  const agency = await findAgencyByCode(context.db, definition.responsibleAgency);
  if (!agency) {
    throw new Error(
      `case type ${definition.code} names agency ${definition.responsibleAgency}, which is missing`,
    );
  }
  known.set(definition.responsibleAgency, { agency, until: now + 60_000 });
  return agency;
}

/**
 * Values of the shared case number sequence, drawn a hundred at a time and handed out here: one
 * round trip per hundred cases instead of one per case. Numbers stay unique; unused ones are
 * gaps, as a rolled-back creation leaves anyway.
 */
const numberReserves = new WeakMap<object, string[]>();

async function takeCaseNumbers(db: Database, count: number): Promise<string[]> {
  let reserve = numberReserves.get(db) ?? [];
  if (reserve.length < count) {
    const more = await reserveCaseNumbers(db, Math.max(100, count - reserve.length));
    // Another request may have drawn or refilled meanwhile: take what is there now.
    reserve = [...(numberReserves.get(db) ?? []), ...more];
  }
  numberReserves.set(db, reserve.slice(count));
  return reserve.slice(0, count);
}

/** A case number for each case, and a document number for each registration decided on submission. */
function numbersNeeded(definition: CaseTypeDefinition, cases: number): number {
  const automatic = definition.decisionOnSubmission;
  const issues =
    automatic && definition.outcomes.find((one) => one.code === automatic.outcome)?.issuesDocument;
  return cases * (issues ? 2 : 1);
}

/**
 * The first case a finished request with this key created; null when the key is unused. The same
 * key with another request is refused (422); a key whose request is still running is a 409.
 */
async function finishedCaseOf(
  context: CasesContext,
  scope: { ownerId: string; key: string; hash: string },
): Promise<string | null> {
  const [row] = await context.db
    .select()
    .from(caseIdempotencyKeys)
    .where(and(eq(caseIdempotencyKeys.ownerId, scope.ownerId), eq(caseIdempotencyKeys.key, scope.key)));
  if (!row) return null;
  if (row.requestHash !== scope.hash) {
    throw new DomainError("idempotency_key_reused", 422, "cases.errors.idempotency_key_reused");
  }
  if (row.status !== "done" || !row.caseId) {
    throw new ConflictError("idempotency_in_flight", "cases.errors.idempotency_in_flight");
  }
  return row.caseId;
}

/**
 * Only applicants, hosts and employers apply, each for the types their permissions allow; an
 * officer registers a staff-registered type holding its `access.register`.
 */
async function authorizeApplying(context: CasesContext, definition: CaseTypeDefinition): Promise<Principal> {
  const { principal } = context;
  if (principal?.kind === "staff" && definition.applicants.includes("staff")) {
    await authorizeStaffRegistration(context, definition);
    return principal;
  }
  const permission = principal ? applyPermission(definition, principal.permissions) : "portal.apply";
  // Outside any transaction: the refusal's audit record must not be rolled back with it.
  await authorize({ db: context.db, principal, ip: context.ip, requestId: context.requestId }, permission);
  if (principal?.kind !== "public") {
    throw new DomainError("applicants_only", 403, "cases.errors.applicants_only");
  }
  return principal;
}

/** Every item checked as a submission would be; unknown questions are refused, not silently dropped. */
function checkedItems(
  definition: CaseTypeDefinition,
  items: Array<Record<string, unknown>>,
  today: string,
): Array<Record<string, unknown>> {
  const questions = new Set(definition.form.flatMap((page) => page.fields.map((field) => field.name)));
  const problems: ItemAnswerProblem[] = [];
  const cleaned = items.map((answers, item) => {
    for (const field of Object.keys(answers)) {
      if (!questions.has(field)) problems.push({ item, field, messageKey: "casesApi.answers.unknownField" });
    }
    const checked = checkAnswers(definition, answers, today);
    for (const problem of checked.problems) problems.push({ item, ...problem });
    return checked.answers;
  });
  if (problems.length > 0) {
    throw new DomainError("answers_invalid", 422, "cases.errors.answers_invalid", { problems });
  }
  return cleaned;
}

function numbered(
  caseId: string,
  afterSeq: number,
  pending: PendingCaseEvent[],
  actor: EventActor,
  at: Date,
): CaseEvent[] {
  return pending.map(
    ({ actor: own, ...body }, index) =>
      ({ ...body, caseId, seq: afterSeq + index + 1, actor: own ?? actor, at }) as CaseEvent,
  );
}

/** The cases' histories, made by the engine's rules and reducer; nothing is written here. */
async function newCases(
  context: CasesContext,
  definition: CaseTypeDefinition,
  agencyId: string,
  items: Array<Record<string, unknown>>,
  numbers: string[],
  holds: Array<HoldFinding | null>,
): Promise<NewCaseHistory[]> {
  const now = context.clock.now();
  const today = context.deadlines.legalDate(now);
  const answersOfItems = checkedItems(definition, items, today);
  const actor = eventActorOf(context);
  // A case an officer registers has no applicant account: the person is in the answers.
  const applicantUserId = context.principal?.kind === "public" ? context.principal.userId : null;
  const year = Number(today.slice(0, 4));
  const reserved = [...numbers];
  const nextNumber = () => {
    const value = reserved.shift();
    if (value === undefined) throw new Error("the reserved case numbers ran out");
    return value;
  };
  const apply = (state: CaseState, event: CaseEvent) =>
    applyEvent(state, event, definition, context.deadlines);
  const histories: NewCaseHistory[] = [];
  for (const [item, answers] of answersOfItems.entries()) {
    const caseId = randomUUID();
    const [created, ...opening] = numbered(
      caseId,
      0,
      [
        {
          type: "case.created",
          payload: {
            typeCode: definition.code,
            typeVersion: definition.version,
            number: formatCaseNumber(definition.numberPrefix, year, nextNumber()),
            applicantUserId,
            agencyId,
            state: definition.initialState,
          },
        },
        { type: "case.answers_saved", payload: { answers } },
      ],
      actor,
      now,
    ) as [CaseEvent, ...CaseEvent[]];
    const draft = opening.reduce(apply, initialCaseState(created, definition));
    // The same rules as a submission from the portal: documents, fee, tasks, a decision on submission.
    const submission = numbered(
      caseId,
      draft.lastSeq,
      await submissionEvents(
        context,
        context.db,
        draft,
        definition,
        async (prefix, documentYear) => formatCaseNumber(prefix, documentYear, nextNumber()),
        { hold: holds[item] ?? null },
      ),
      actor,
      now,
    );
    histories.push({ events: [created, ...opening, ...submission], state: submission.reduce(apply, draft) });
  }
  return histories;
}

/** The cases of a finished request, as that request created them. */
async function casesAsCreated(
  context: CasesContext,
  scope: { ownerId: string; key: string },
  firstCaseId: string,
  count: number,
): Promise<CaseState[]> {
  const ids = [firstCaseId];
  if (count > 1) {
    const keys = Array.from({ length: count - 1 }, (_, index) => itemKey(scope.key, index + 1));
    const rows = await context.db
      .select({ key: caseIdempotencyKeys.key, caseId: caseIdempotencyKeys.caseId })
      .from(caseIdempotencyKeys)
      .where(and(eq(caseIdempotencyKeys.ownerId, scope.ownerId), inArray(caseIdempotencyKeys.key, keys)));
    const byKey = new Map(rows.map((row) => [row.key, row.caseId]));
    for (const one of keys) {
      const caseId = byKey.get(one);
      if (!caseId) throw new Error("a batch item's idempotency record is missing");
      ids.push(caseId);
    }
  }
  const histories = await loadEventsOfCases(context.db, ids);
  return ids.map((id) =>
    stateAtCreation(
      histories.get(id) ?? [],
      (code, version) => context.registry.get(code, version),
      context.deadlines,
    ),
  );
}
