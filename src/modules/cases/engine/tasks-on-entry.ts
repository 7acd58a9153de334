import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../platform/db/index.js";
import { findAgenciesByKind } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseEventBody } from "./events.js";

/**
 * The tasks a state creates when a case enters it, each routed to an agency of the kind the
 * definition names (the case's own agency when it is of that kind).
 */
export async function tasksOnEntering(
  db: Queryable,
  definition: CaseTypeDefinition,
  state: string,
  caseAgency: { id: string; kind?: string | undefined },
  existing: Array<{ code: string; status: string }> = [],
): Promise<CaseEventBody[]> {
  const events: CaseEventBody[] = [];
  // A case coming back to a state (after the applicant sent missing documents) keeps its tasks.
  const already = new Set(existing.filter((task) => task.status !== "cancelled").map((task) => task.code));
  for (const task of definition.tasks.filter((one) => one.onEnter === state && !already.has(one.code))) {
    const candidates = await findAgenciesByKind(db, task.agencyKind);
    const agency = candidates.find((one) => one.id === caseAgency.id) ?? candidates[0];
    if (!agency) throw new Error(`no active agency of kind ${task.agencyKind} for task ${task.code}`);
    events.push({
      type: "case.task_created",
      payload: { taskId: randomUUID(), code: task.code, agencyId: agency.id, mandatory: task.mandatory },
    });
  }
  return events;
}
