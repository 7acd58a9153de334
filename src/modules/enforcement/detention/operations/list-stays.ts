import { findCandidates } from "../../../people/index.js";
import { auditDetention, authorizeDetention, placementScopeOf } from "../detention-access.js";
import { type DetentionContext, legalToday } from "../detention-context.js";
import type { StayFilters } from "../detention-filters.js";
import type { Centre, Placement } from "../detention-records.js";
import { listCentres } from "../detention-repository.js";
import { type StayQuery, stayPage } from "../stay-list-repository.js";
import { daysBetween, headNoticeDate, type StayStanding, stayStanding } from "../time-limits.js";
import { type PersonSummary, summariesOf } from "./detained-persons.js";

/** Persons a name or document number may be, looked at for a search (the register's best first). */
const personsSearched = 50;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListedStay {
  placement: Placement;
  person: PersonSummary | null;
  centre: Centre | undefined;
  standing: StayStanding | "ended";
  /** The day the centre's head is told the period ends (running stays). */
  noticeDate: string | null;
  /**
   * The next date the law sets for a running stay: the notice day until it has passed, then the
   * last lawful day (past for an overdue stay); none for an ended stay.
   */
  nextLegalDate: string | null;
  /** Calendar days past the last lawful day (overdue stays), 0 otherwise. */
  daysOver: number;
}

export interface StayList {
  today: string;
  total: number;
  page: number;
  pageCount: number;
  limit: number;
  stays: ListedStay[];
  /** A centre filter that names no centre: nothing is listed. */
  unknownCentre: boolean;
}

/**
 * The persons a search text may name: a register id as it is, and the persons whose name (given
 * name and surname, in any script) or document number the register matches, with a positive score.
 */
async function personsNamedBy(context: DetentionContext, text: string): Promise<string[]> {
  if (uuidPattern.test(text)) return [text.toLowerCase()];
  const byName = await findCandidates(context.db, { fullName: text }, { limit: personsSearched });
  const byDocument = /\d/.test(text)
    ? await findCandidates(context.db, { document: { number: text } }, { limit: personsSearched })
    : [];
  return [...byName, ...byDocument].filter((one) => one.score > 0).map((one) => one.personId);
}

async function searchOf(context: DetentionContext, text: string): Promise<StayQuery["search"]> {
  if (!text) return null;
  return {
    personIds: await personsNamedBy(context, text),
    reference: text,
    // The alerts quote a placement by the first eight characters of its id.
    placementIdPrefix: /^[0-9a-f-]{8,36}$/i.test(text) ? text.toLowerCase() : null,
  };
}

function listedStay(
  context: DetentionContext,
  today: string,
  placement: Placement,
  extras: { person: PersonSummary | null; centre: Centre | undefined },
): ListedStay {
  if (placement.status !== "placed") {
    return { placement, ...extras, standing: "ended", noticeDate: null, nextLegalDate: null, daysOver: 0 };
  }
  const noticeDate = headNoticeDate(context.law, context.calendar, placement.permittedUntil);
  return {
    placement,
    ...extras,
    standing: stayStanding(context.law, context.calendar, placement.permittedUntil, today),
    noticeDate,
    nextLegalDate: today <= noticeDate ? noticeDate : placement.permittedUntil,
    daysOver: Math.max(0, daysBetween(placement.permittedUntil, today)),
  };
}

/**
 * The register's list: every stay the officer's agency made (all with `scope.all_agencies`),
 * running and ended, narrowed by the filters, one page at a time, running stays by their next
 * legal date first. The list and each person shown are audited.
 */
export async function listStays(
  context: DetentionContext,
  filters: StayFilters,
  paging: { page: number; limit: number },
): Promise<StayList> {
  await authorizeDetention(context);
  const today = legalToday(context);
  const centres = await listCentres(context.db);
  const centre = filters.centre
    ? centres.find((one) => one.code === filters.centre.toUpperCase() || one.id === filters.centre)
    : undefined;
  const empty = { today, total: 0, page: 1, pageCount: 1, limit: paging.limit, stays: [] };
  if (filters.centre && !centre) return { ...empty, unknownCentre: true };
  const query: StayQuery = {
    scope: placementScopeOf(context),
    centreId: centre?.id ?? null,
    status: filters.status,
    overdueOn: filters.overdue ? today : null,
    from: filters.from,
    to: filters.to,
    search: await searchOf(context, filters.q),
  };
  const first = await stayPage(context.db, query, { limit: paging.limit, offset: 0 });
  const pageCount = Math.max(1, Math.ceil(first.total / paging.limit));
  // A page past the end shows the last one, so that an old link to a list that has shrunk still works.
  const page = Math.min(Math.max(1, paging.page), pageCount);
  const found =
    page === 1
      ? first
      : await stayPage(context.db, query, { limit: paging.limit, offset: (page - 1) * paging.limit });
  const persons = await summariesOf(
    context,
    found.placements.map((placement) => placement.personId),
  );
  await auditDetention(context, context.db, "detention_register.listed", {
    entityType: "detention_placement",
    details: {
      search: filters.q || null,
      centre: centre?.code ?? null,
      status: filters.status,
      overdue: filters.overdue,
      from: filters.from,
      to: filters.to,
      page,
      total: found.total,
      shown: found.placements.map((placement) => placement.id).join(" "),
    },
  });
  return {
    today,
    total: found.total,
    page,
    pageCount,
    limit: paging.limit,
    unknownCentre: false,
    stays: found.placements.map((placement) =>
      listedStay(context, today, placement, {
        person: persons.get(placement.personId) ?? null,
        centre: centres.find((one) => one.id === placement.centreId),
      }),
    ),
  };
}
