import type { Locale } from "../../../platform/http/index.js";
import { findAgenciesByIds, findUserContacts, recordAudit } from "../../access/index.js";
import { readableCaseTypesCondition } from "../case-type-access.js";
import { allVersions, type DeadlineView, deadlineView, riskCutoffs } from "./deadline-risk.js";
import type { QueueQuery } from "./queue-query.js";
import { decodeCursor, encodeCursor } from "./queue-query.js";
import {
  countQueue,
  type QueueCriteria,
  type QueueCursor,
  type QueueRow,
  queueConditions,
  queueRowsAfter,
  queueSegments,
} from "./queue-repository.js";
import { personFieldsOf, type QueueSearch, readSearchTerm } from "./queue-search.js";
import { agencyScopeOf, type StaffContext, type Workspace } from "./workspace.js";

export const queuePageSize = 25;
const countCap = 1000;

export interface QueueEntry {
  id: string;
  number: string;
  typeName: string;
  stateLabel: string;
  category: string;
  agencyId: string;
  agencyName: string;
  assignedName: string | null;
  assignedToMe: boolean;
  submittedAt: Date | null;
  deadline: DeadlineView;
}

export interface QueuePage {
  entries: QueueEntry[];
  /** Matching cases, counted up to `countCap`; `moreThanCap` when there are more. */
  total: number;
  moreThanCap: boolean;
  previous: string | null;
  next: string | null;
  /** True when the person sees every agency (and may filter by one). */
  allAgencies: boolean;
  /** The search box held something that could not be searched (one letter, punctuation). */
  searchUnusable: boolean;
}

/** The names of the states a queue can filter by: those in an open or waiting category. */
export function activeStates(workspace: Workspace): Set<string> {
  const names = new Set<string>();
  for (const definition of allVersions(workspace.cases.registry)) {
    for (const [name, state] of Object.entries(definition.states)) {
      if (state.category === "open" || state.category === "waiting") names.add(name);
    }
  }
  return names;
}

/**
 * An officer's queue: the cases of their agency (every agency with `scope.all_agencies`), never
 * drafts, filtered and in deadline order, most at risk first unless asked otherwise.
 */
export async function listCaseQueue(
  workspace: Workspace,
  context: StaffContext,
  query: QueueQuery,
  locale: Locale,
): Promise<QueuePage> {
  const { cases } = workspace;
  const now = context.clock.now();
  const today = cases.calendar.legalDate(now);
  const scope = {
    agencyId: agencyScopeOf(context.principal),
    userId: context.principal.userId,
    readableTypes: readableCaseTypesCondition(cases.registry, context.principal),
  };
  const search = query.q ? readSearchTerm(query.q, personFieldsOf(allVersions(cases.registry))) : null;
  const criteria: QueueCriteria = {
    search: search ?? undefined,
    typeCode: query.type || undefined,
    state: activeStates(workspace).has(query.state) ? query.state : undefined,
    agencyId: query.agency || undefined,
    assigned: query.assigned,
    risk: query.risk,
    today,
    dueSoonUntil: cases.calendar.addWorkingDays(today, query.days),
    riskCutoffs: riskCutoffs(cases.registry, cases.calendar, today),
  };
  const conditions = queueConditions(scope, criteria);
  const segments = queueSegments(criteria);
  const { rows, previous, next } = await readPage(context, conditions, segments, query);
  const total = await countQueue(context.db, conditions, countCap);
  if (search) await auditSearch(context, search, total, rows);

  const [people, agencies] = await Promise.all([
    findUserContacts(
      context.db,
      rows.flatMap((row) => (row.assignedTo ? [row.assignedTo] : [])),
    ),
    agencyNames(context, rows, locale),
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.fullName]));
  return {
    entries: rows.map((row) => {
      const definition = cases.registry.get(row.typeCode, row.typeVersion);
      return {
        id: row.id,
        number: row.number,
        typeName: definition.name[locale],
        stateLabel: definition.states[row.state]?.label[locale] ?? row.state,
        category: row.category,
        agencyId: row.agencyId,
        agencyName: agencies.get(row.agencyId) ?? "",
        assignedName: row.assignedTo ? (nameOf.get(row.assignedTo) ?? null) : null,
        assignedToMe: row.assignedTo === context.principal.userId,
        submittedAt: row.submittedAt,
        deadline: deadlineView(cases.calendar, definition, row, now),
      };
    }),
    total: Math.min(total, countCap),
    moreThanCap: total > countCap,
    previous: previous ? encodeCursor(previous) : null,
    next: next ? encodeCursor(next) : null,
    allAgencies: scope.agencyId === null,
    searchUnusable: query.q !== "" && search === null,
  };
}

/**
 * A search by name, date of birth or document number looks up people, so it is audited like a
 * read: what kind of term it was and which cases it showed; never the term itself.
 */
async function auditSearch(context: StaffContext, search: QueueSearch, total: number, rows: QueueRow[]) {
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: "case.queue_searched",
    outcome: "success",
    agencyId: context.principal.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: {
      readAs: search.kinds.join(" "),
      matching: total,
      shown: rows.map((row) => row.number).join(" "),
    },
  });
}

/**
 * One page of the queue and the positions of the pages around it: after `query.after` (or from
 * the start), or, walking back, the rows before `query.before`, read in reverse and turned round.
 */
async function readPage(
  context: StaffContext,
  conditions: ReturnType<typeof queueConditions>,
  segments: ReturnType<typeof queueSegments>,
  query: QueueQuery,
): Promise<{ rows: QueueRow[]; previous: QueueCursor | null; next: QueueCursor | null }> {
  const order = query.sort === "-deadline" ? "desc" : "asc";
  const before = query.before ? decodeCursor(query.before) : null;
  if (before) {
    const reverse = order === "asc" ? "desc" : "asc";
    const found = await queueRowsAfter(context.db, conditions, before, reverse, queuePageSize + 1, segments);
    const rows = found.slice(0, queuePageSize).reverse();
    const first = rows[0];
    const last = rows.at(-1);
    return {
      rows,
      previous: found.length > queuePageSize && first ? cursorOf(first) : null,
      next: last ? cursorOf(last) : null,
    };
  }
  const after = query.after ? decodeCursor(query.after) : null;
  const found = await queueRowsAfter(context.db, conditions, after, order, queuePageSize + 1, segments);
  const rows = found.slice(0, queuePageSize);
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    previous: after && first ? cursorOf(first) : null,
    next: found.length > queuePageSize && last ? cursorOf(last) : null,
  };
}

function cursorOf(row: QueueRow): QueueCursor {
  return { deadline: row.deadlineDate, id: row.id };
}

async function agencyNames(context: StaffContext, rows: QueueRow[], locale: Locale) {
  const ids = [...new Set(rows.map((row) => row.agencyId))];
  const found = await findAgenciesByIds(context.db, ids);
  return new Map(found.map((agency) => [agency.id, agency.names[locale]] as const));
}
