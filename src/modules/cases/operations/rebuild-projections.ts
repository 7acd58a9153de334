import { asc, gt, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/index.js";
import type { CaseTypeRegistry } from "../definition/registry.js";
import { type DeadlineClock, replayCase } from "../engine/case-state.js";
import { loadEvents } from "../engine/event-store.js";
import { saveCaseProjection } from "../engine/projection-repository.js";
import { caseEvents, cases, caseTasks } from "../schema.js";

/**
 * Throws the read models away and replays every case from its events. The result must equal what
 * the incremental projection built (tested), which is what lets a projection change be deployed.
 */
export async function rebuildCaseProjections(
  db: Database,
  registry: CaseTypeRegistry,
  deadlines: DeadlineClock,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const [{ total = 0 } = {}] = (
    (await db.execute(sql`select count(distinct case_id)::int as total from case_events`)) as unknown as {
      rows: Array<{ total: number }>;
    }
  ).rows;
  await db.transaction(async (tx) => {
    await tx.delete(caseTasks);
    await tx.delete(cases);
    let done = 0;
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch = await tx
        .selectDistinct({ caseId: caseEvents.caseId })
        .from(caseEvents)
        .where(gt(caseEvents.caseId, after))
        .orderBy(asc(caseEvents.caseId))
        .limit(500);
      if (batch.length === 0) break;
      for (const { caseId } of batch) {
        const state = replayCase(
          await loadEvents(tx, caseId),
          (code, version) => registry.get(code, version),
          deadlines,
        );
        await saveCaseProjection(tx, state);
        done += 1;
      }
      after = batch.at(-1)?.caseId ?? after;
      onProgress(done, total);
    }
  });
  return total;
}
