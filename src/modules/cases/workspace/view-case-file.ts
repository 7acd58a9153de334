import { and, desc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { NotFoundError } from "../../../platform/errors/index.js";
import {
  authorize,
  decide,
  findAgenciesByIds,
  findUserContacts,
  listStaffWithPermission,
  type ProtectedRecord,
  recordAudit,
  type StaffMember,
  type UserContact,
} from "../../access/index.js";
import { auditSensitiveRead, authorizeCaseType, readableCaseTypesCondition } from "../case-type-access.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { loadEvents } from "../engine/event-store.js";
import type { CaseEvent } from "../engine/events.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { type CaseRepresentative, representativesOfCase } from "../representative-repository.js";
import { cases } from "../schema.js";
import { documentNumbersIn } from "./answers-view.js";
import { isUuid } from "./ids.js";
import { agencyScopeOf, originOf, type StaffContext, type Workspace } from "./workspace.js";

export interface RelatedCase {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  state: string;
  category: string;
  submittedAt: Date | null;
  /** Why it is related: the same applicant account, or the same document number in the answers. */
  sameApplicant: boolean;
}

export interface CaseFile {
  state: CaseState;
  definition: CaseTypeDefinition;
  events: CaseEvent[];
  /** Everyone the file names (actors, assigned officer, task completers), by id. */
  people: Map<string, UserContact>;
  agencies: Map<string, { az: string; en: string; ru: string }>;
  related: RelatedCase[];
  /** Officers of the case's agency the case may be given to; empty unless the viewer may assign. */
  assignableOfficers: StaffMember[];
  /** Its current representatives (lawyers, guardians), for a type that has them; empty otherwise. */
  representatives: Array<CaseRepresentative & { contact: UserContact | undefined }>;
}

export function caseRecordOf(state: CaseState): ProtectedRecord {
  return {
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ownerUserId: state.applicantUserId,
  };
}

/**
 * Reads a case the officer may see (404 for another agency's or a draft, 403 without
 * `cases.read` or the type's `access.read`, all audited), for one of its pages or the staff API.
 */
export async function loadCaseForStaff(
  workspace: Pick<Workspace, "cases">,
  context: StaffContext,
  caseId: string,
): Promise<{ state: CaseState; definition: CaseTypeDefinition }> {
  const state = isUuid(caseId) ? await loadCaseState(context.db, caseId) : null;
  // A draft is the applicant's own until it is submitted: for staff it does not exist yet.
  if (!state || state.category === "draft") throw new NotFoundError("case_not_found");
  await authorize(originOf(context), "cases.read", caseRecordOf(state));
  const definition = workspace.cases.registry.get(state.typeCode, state.typeVersion);
  await authorizeCaseType(context, state, definition);
  return { state, definition };
}

/**
 * Opens a case file: the case, its history with the names of those who acted, related cases and,
 * for a team lead, the officers it may go to. Reading a case file is a read of personal data,
 * so every opening is audited (`case.viewed`, with the page that was read).
 */
export async function viewCaseFile(
  workspace: Workspace,
  context: StaffContext,
  caseId: string,
  page: string,
): Promise<CaseFile> {
  const { state, definition } = await loadCaseForStaff(workspace, context, caseId);
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: "case.viewed",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { page },
  });
  // The overview shows the answers; the history shows corrections of them.
  if (page === "overview" || page === "history") {
    await auditSensitiveRead(context, state, definition, `case-file:${page}`);
  }
  const events = await loadEvents(context.db, state.id);
  const mayAssign = decide(context.principal, "cases.assign", caseRecordOf(state)).allowed;
  const [people, agencies, related, assignableOfficers, representatives] = await Promise.all([
    peopleNamedIn(context, state, events),
    agenciesNamedIn(context, state),
    relatedCases(context, state, definition),
    mayAssign ? listStaffWithPermission(context.db, state.agencyId, "cases.process") : Promise.resolve([]),
    definition.access?.representatives ? currentRepresentatives(context, state.id) : Promise.resolve([]),
  ]);
  return { state, definition, events, people, agencies, related, assignableOfficers, representatives };
}

async function currentRepresentatives(context: StaffContext, caseId: string) {
  const current = (await representativesOfCase(context.db, caseId)).filter((one) => one.endedAt === null);
  const contacts = await findUserContacts(
    context.db,
    current.map((one) => one.userId),
  );
  return current.map((one) => ({ ...one, contact: contacts.find((contact) => contact.id === one.userId) }));
}

async function peopleNamedIn(context: StaffContext, state: CaseState, events: CaseEvent[]) {
  const ids = new Set<string>();
  for (const event of events) if (event.actor.id) ids.add(event.actor.id);
  for (const event of events) {
    if (event.type === "case.assigned" && event.payload.officerId) ids.add(event.payload.officerId);
    if (
      (event.type === "case.representative_added" || event.type === "case.representative_ended") &&
      event.payload.userId
    ) {
      ids.add(event.payload.userId);
    }
  }
  if (state.assignedTo) ids.add(state.assignedTo);
  if (state.applicantUserId) ids.add(state.applicantUserId);
  const found = await findUserContacts(context.db, [...ids].filter(isUuid));
  return new Map(found.map((person) => [person.id, person]));
}

async function agenciesNamedIn(context: StaffContext, state: CaseState) {
  const ids = new Set([state.agencyId, ...state.tasks.map((task) => task.agencyId)]);
  const found = await findAgenciesByIds(context.db, [...ids]);
  return new Map(found.map((agency) => [agency.id, agency.names] as const));
}

/** At most this many related cases are listed, the newest first. */
const relatedCasesShown = 50;

/**
 * Other cases of the same person: the same applicant account, or the same passport or document
 * number in the answers (found through the GIN index on the answers). Only cases the officer may
 * see are listed, and never drafts.
 * The two ways are read apart, each its newest cases, and merged: one account can hold thousands
 * of cases (an employer's, a host's), and with an `or` the database would read all of them before
 * sorting, where alone the account's index gives its newest cases in order.
 */
export async function relatedCases(
  context: StaffContext,
  state: CaseState,
  definition: CaseTypeDefinition,
): Promise<RelatedCase[]> {
  const probes = documentNumbersIn(definition, state.answers);
  const byDocument = probes.map((probe) => sql`${cases.answers} @> ${JSON.stringify(probe)}::jsonb`);
  const ways: SQL[] = [];
  if (byDocument.length > 0) ways.push(or(...byDocument) as SQL);
  if (state.applicantUserId) ways.push(eq(cases.applicantUserId, state.applicantUserId));
  const found = await Promise.all(ways.map((way) => newestRelated(context, state, way)));
  const seen = new Set<string>();
  const rows = found
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1))
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, relatedCasesShown);
  return rows.map(({ applicantUserId, createdAt: _createdAt, ...row }) => ({
    ...row,
    sameApplicant: applicantUserId !== null && applicantUserId === state.applicantUserId,
  }));
}

function newestRelated(context: StaffContext, state: CaseState, way: SQL) {
  const scope = agencyScopeOf(context.principal);
  return context.db
    .select({
      id: cases.id,
      number: cases.number,
      typeCode: cases.typeCode,
      typeVersion: cases.typeVersion,
      state: cases.state,
      category: cases.category,
      submittedAt: cases.submittedAt,
      applicantUserId: cases.applicantUserId,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .where(
      and(
        ne(cases.id, state.id),
        ne(cases.category, "draft"),
        scope ? eq(cases.agencyId, scope) : undefined,
        readableCaseTypesCondition(context.registry, context.principal),
        way,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(relatedCasesShown);
}
