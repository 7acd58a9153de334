import { and, asc, eq, sql } from "drizzle-orm";
import { isLocale } from "../../../platform/http/index.js";
import {
  findUserContacts,
  listStaffWithPermission,
  recordAudit,
  systemActor,
  type UserContact,
} from "../../access/index.js";
import { caseDeadlineWarnings, cases } from "../schema.js";
import { deadlineView, riskCutoffs, warningThreshold } from "./deadline-risk.js";
import { formatLegalDate } from "./formatting.js";
import type { Workspace } from "./workspace.js";

const batchSize = 200;

/** What the deadline watch needs: the engine (database, calendar, mailer) and translations. */
type DeadlineWatch = Pick<Workspace, "cases" | "i18n">;
const thresholdPercent = Math.round(warningThreshold * 100);

/** Whom to warn: the assigned officer; for a case nobody has taken, the agency's team leads. */
async function recipientsOf(
  workspace: DeadlineWatch,
  row: { agencyId: string; assignedTo: string | null },
): Promise<UserContact[]> {
  const db = workspace.cases.db;
  if (row.assignedTo) {
    return (await findUserContacts(db, [row.assignedTo])).filter((person) => person.active);
  }
  const leads = await listStaffWithPermission(db, row.agencyId, "cases.assign");
  return findUserContacts(
    db,
    leads.map((lead) => lead.id),
  );
}

/**
 * Warns by e-mail when a running case has used 75 % of its legal time: once per case (the
 * warning is claimed in `case_deadline_warnings` before it is sent, so a retried or repeated run
 * sends nothing twice). Overdue cases need no flag of their own: the queues and the overdue list
 * compute "overdue" from the projected deadline.
 */
export async function warnOfDeadlines(workspace: DeadlineWatch): Promise<{ warned: number }> {
  const { cases: module } = workspace;
  const now = module.clock.now();
  const today = module.calendar.legalDate(now);
  const cutoffs = riskCutoffs(module.registry, module.calendar, today);
  if (cutoffs.length === 0) return { warned: 0 };
  const latest = cutoffs
    .map((one) => one.cutoff)
    .sort()
    .at(-1) as string;
  let warned = 0;
  let after: { deadline: string; id: string } | null = null;
  for (;;) {
    const candidates = await module.db
      .select({
        id: cases.id,
        number: cases.number,
        typeCode: cases.typeCode,
        typeVersion: cases.typeVersion,
        agencyId: cases.agencyId,
        assignedTo: cases.assignedTo,
        category: cases.category,
        expressTier: cases.expressTier,
        legalStartDate: cases.legalStartDate,
        deadlineDate: cases.deadlineDate,
        pausedSince: cases.pausedSince,
        pauses: cases.pauses,
      })
      .from(cases)
      .where(
        and(
          sql`${cases.category} in ('open', 'waiting')`,
          sql`${cases.deadlineDate} <= ${latest}`,
          after
            ? sql`(${cases.deadlineDate}, ${cases.id}) > (${after.deadline}::date, ${after.id}::uuid)`
            : undefined,
          sql`not exists (select 1 from ${caseDeadlineWarnings} where ${caseDeadlineWarnings.caseId} = ${cases.id} and ${caseDeadlineWarnings.threshold} = ${thresholdPercent})`,
        ),
      )
      // In deadline order, the order of the all-agencies queue index.
      .orderBy(asc(cases.deadlineDate), asc(cases.id))
      .limit(batchSize);
    for (const row of candidates) {
      const definition = module.registry.get(row.typeCode, row.typeVersion);
      const view = deadlineView(module.calendar, definition, row, now);
      if (view.status !== "at-risk" && view.status !== "overdue") continue;
      if (await warnOnce(workspace, row, definition.name, view.due)) warned++;
    }
    const last = candidates.at(-1);
    if (!last?.deadlineDate || candidates.length < batchSize) break;
    after = { deadline: last.deadlineDate, id: last.id };
  }
  return { warned };
}

async function warnOnce(
  workspace: DeadlineWatch,
  row: {
    id: string;
    number: string;
    agencyId: string;
    assignedTo: string | null;
    deadlineDate: string | null;
  },
  typeName: { az: string; en: string; ru: string },
  due: string,
): Promise<boolean> {
  const { cases: module } = workspace;
  const claimed = await module.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(caseDeadlineWarnings)
      .values({ caseId: row.id, threshold: thresholdPercent, deadlineDate: due, sentAt: module.clock.now() })
      .onConflictDoNothing()
      .returning({ caseId: caseDeadlineWarnings.caseId });
    if (inserted.length === 0) return false;
    await recordAudit(tx, {
      actor: systemActor,
      action: "case.deadline_warned",
      outcome: "success",
      entityType: "case",
      entityId: row.id,
      agencyId: row.agencyId,
      details: { threshold: thresholdPercent },
    });
    return true;
  });
  if (!claimed) return false;
  try {
    for (const person of await recipientsOf(workspace, row)) {
      const locale = isLocale(person.locale) ? person.locale : "az";
      const t = workspace.i18n.t(locale);
      const variables = {
        name: person.fullName,
        number: row.number,
        type: typeName[locale],
        due: formatLegalDate(due, locale),
        percent: thresholdPercent,
        link: `${module.config.publicUrl}/cases/${row.id}?lang=${locale}`,
      };
      await module.mailer.send({
        // The same warning to the same person is the same message: sending it again is ignored.
        id: `deadline-${thresholdPercent}-${row.id}-${person.id}`,
        to: person.email,
        subject: t("workspace.mail.deadlineWarning.subject", variables),
        text: `${t("workspace.mail.deadlineWarning.body", variables)}\n\n${t("workspace.mail.signature")}\n`,
      });
    }
  } catch (error) {
    // Not sent: give the claim back so that the next run (or the job's retry) warns again.
    await module.db
      .delete(caseDeadlineWarnings)
      .where(
        and(eq(caseDeadlineWarnings.caseId, row.id), eq(caseDeadlineWarnings.threshold, thresholdPercent)),
      );
    throw error;
  }
  return true;
}
