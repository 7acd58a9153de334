import { eq } from "drizzle-orm";
import type { Transaction } from "../../../../platform/db/index.js";
import { type Principal, recordAudit } from "../../../access/index.js";
import type { CaseState } from "../../../cases/index.js";
import { insertEntries, markEntryEnded } from "../../watchlist/watch-list-repository.js";
import type { ReturnServices } from "../return-services.js";
import { enforcementReturnOrders } from "../schema-tables.js";
import { departureDeadline, departurePeriodOf } from "../time-limits.js";

type OrderRow = typeof enforcementReturnOrders.$inferSelect;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The last day of a ban of `years` years starting on `from`: the day before the same date `years` later. */
export function banLastDay(from: string, years: number): string {
  const [year, month, day] = from.split("-").map(Number) as [number, number, number];
  const sameDate = new Date(Date.UTC(year + years, month - 1, day));
  // 29 February of a ban year that has none: the ban ends on 28 February.
  if (sameDate.getUTCMonth() !== month - 1) sameDate.setUTCDate(0);
  else sameDate.setUTCDate(sameDate.getUTCDate() - 1);
  return sameDate.toISOString().slice(0, 10);
}

async function audit(
  tx: Transaction,
  by: Principal | null,
  action: string,
  entityId: string,
  caseId: string,
) {
  await recordAudit(tx, {
    actor: by ? { type: "user", id: by.userId } : { type: "system", id: null },
    action,
    outcome: "success",
    entityType: "watch_list_entry",
    entityId,
    agencyId: by?.agencyId ?? null,
    details: { returnOrder: caseId },
  });
}

/** Who the watch list names for a change the order made: the officer acting, or the approver. */
function actorId(state: CaseState, by: Principal | null): string {
  const id = by?.userId ?? state.decision?.approvedBy;
  if (!id) throw new Error(`return order ${state.id}: an entry ban changes only with an approved order`);
  return id;
}

/** The order's entry ban goes onto the entry-ban list once it is approved, with its end date and the order's number. */
async function putBanOnWatchList(
  services: ReturnServices,
  tx: Transaction,
  state: CaseState,
  by: Principal | null,
  now: Date,
): Promise<string> {
  const answers = state.answers;
  const validFrom = services.calendar.legalDate(now);
  const document = text(answers.documentNumber).toUpperCase().replace(/\s+/g, "");
  const [id] = await insertEntries(
    tx,
    [
      {
        list: "entry_ban",
        names: [`${text(answers.givenNames)} ${text(answers.familyName)}`.trim()],
        birthDate: text(answers.birthDate),
        sex: answers.sex === "F" || answers.sex === "M" ? answers.sex : "",
        // As the case forms answer (ISO alpha-2): the submission checks compare the same codes.
        citizenships: text(answers.citizenship) ? [text(answers.citizenship)] : [],
        documentNumbers: document ? [document] : [],
        legalBasis: `Order to leave ${state.number}`,
        issuingAuthority: state.typeCode,
        validFrom,
        validUntil: banLastDay(validFrom, Number(answers.entryBanYears)),
      },
    ],
    { userId: actorId(state, by), at: now },
  );
  if (!id) throw new Error("the entry ban was not written");
  await audit(tx, by, "watch_list_entry.added", id, state.id);
  return id;
}

/**
 * Brings what the return procedure keeps beside the case in line with the case after a step: the
 * approved order's entry ban on the watch list, the departure deadline from the notice, the ban
 * ended when the order is cancelled. Idempotent: each effect happens once, whatever calls it.
 */
export async function syncReturnOrder(
  services: ReturnServices,
  tx: Transaction,
  state: CaseState,
  by: Principal | null,
  now: Date,
): Promise<OrderRow> {
  await tx
    .insert(enforcementReturnOrders)
    .values({ caseId: state.id, agencyId: state.agencyId })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(enforcementReturnOrders)
    .where(eq(enforcementReturnOrders.caseId, state.id));
  if (!row) throw new Error(`return order ${state.id} was not written`);
  const change: Partial<OrderRow> = {};
  const cancelled = state.state === "cancelled";
  if (state.decision?.approvedBy && state.answers.entryBan === "ban" && !row.entryBanEntryId && !cancelled) {
    change.entryBanEntryId = await putBanOnWatchList(services, tx, state, by, now);
  }
  if (state.decision?.issued && state.decidedAt && !row.notifiedAt) {
    const notifiedAt = new Date(state.decidedAt);
    const due = departureDeadline(
      services.law,
      services.calendar,
      notifiedAt,
      departurePeriodOf(state.answers),
    );
    Object.assign(change, {
      notifiedAt,
      dueDate: due.dueDate,
      dueAt: due.dueAt ? new Date(due.dueAt) : null,
      responsibleOfficerId: by?.userId ?? state.assignedTo,
    });
  }
  const banId = change.entryBanEntryId ?? row.entryBanEntryId;
  if (cancelled && banId && (await markEntryEnded(tx, banId, { userId: actorId(state, by), at: now }))) {
    await audit(tx, by, "watch_list_entry.ended", banId, state.id);
  }
  if (Object.keys(change).length === 0) return row;
  const [updated] = await tx
    .update(enforcementReturnOrders)
    .set(change)
    .where(eq(enforcementReturnOrders.caseId, state.id))
    .returning();
  return updated as OrderRow;
}
