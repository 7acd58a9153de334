import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../platform/db/index.js";
import { findAgenciesByKind } from "../../access/index.js";
import type { CaseTypeDefinition, TaskDefinition } from "../definition/case-type.js";
import type { CaseEventBody } from "./events.js";

/** The active agencies of each kind that tasks can be routed to. */
export type AgenciesByKind = (kind: string) => ReadonlyArray<{ id: string }>;

/** The tasks entering `state` creates: a case coming back (after missing documents were sent) keeps its tasks. */
function tasksDue(
  definition: CaseTypeDefinition,
  state: string,
  existing: ReadonlyArray<{ code: string; status: string }>,
): TaskDefinition[] {
  const already = new Set(existing.filter((task) => task.status !== "cancelled").map((task) => task.code));
  return definition.tasks.filter((task) => task.onEnter === state && !already.has(task.code));
}

/**
 * The tasks a state creates when a case enters it, each routed to an agency of the kind the
 * definition names (the case's own agency when it is of that kind).
 */
export function tasksEntering(
  definition: CaseTypeDefinition,
  state: string,
  caseAgencyId: string,
  agencies: AgenciesByKind,
  existing: ReadonlyArray<{ code: string; status: string }> = [],
): CaseEventBody[] {
  return tasksDue(definition, state, existing).map((task) => {
    const candidates = agencies(task.agencyKind);
    const agency = candidates.find((one) => one.id === caseAgencyId) ?? candidates[0];
    if (!agency) throw new Error(`no active agency of kind ${task.agencyKind} for task ${task.code}`);
    return {
      type: "case.task_created",
      payload: { taskId: randomUUID(), code: task.code, agencyId: agency.id, mandatory: task.mandatory },
    };
  });
}

/** The agencies of the kinds the tasks created on entering `state` go to, read from the directory. */
export async function agenciesForTasks(
  db: Queryable,
  definition: CaseTypeDefinition,
  state: string,
  existing: ReadonlyArray<{ code: string; status: string }> = [],
): Promise<AgenciesByKind> {
  const byKind = new Map<string, Array<{ id: string }>>();
  for (const kind of new Set(tasksDue(definition, state, existing).map((task) => task.agencyKind))) {
    byKind.set(kind, await findAgenciesByKind(db, kind));
  }
  return (kind) => byKind.get(kind) ?? [];
}
