import type { Database } from "../../../platform/db/index.js";
import { findAgencyByCode, type Permission, type Principal } from "../../access/index.js";
import {
  type CaseState,
  type CasesContext,
  type CasesModule,
  completeTask,
  type TransitionInput,
  transitionCase,
} from "../../cases/index.js";

/** How a test registers cases as an officer (the engine's staff registration). */
export type RegisterCases = (
  context: CasesContext,
  typeCode: string,
  items: Array<Record<string, unknown>>,
) => Promise<{ cases: CaseState[] }>;

/**
 * The officers of the asylum unit and the steps of the procedure, run through the engine's
 * operations as the workspace runs them. Used by tests only.
 */
export interface AsylumTestBed {
  as(who: Principal): CasesContext;
  /** Registers cases; officer of the unit. */
  officer: Principal;
  /** Registers, processes and approves: may not approve what they drafted. */
  secondOfficer: Principal;
  /** Approves decisions and reads special categories. */
  supervisor: Principal;
  /** A case officer outside the asylum unit. */
  caseOfficer: Principal;
  register(answers: Record<string, unknown>): Promise<CaseState>;
  move(state: CaseState, transition: string, who?: Principal, input?: TransitionInput): Promise<CaseState>;
  /** Completes the open tasks with the given results (the first result of each otherwise). */
  finishTasks(state: CaseState, results?: Record<string, string>): Promise<CaseState>;
  /** Registration to assessment: checks done, interview held with an interpreter, its record confirmed. */
  toAssessment(answers: Record<string, unknown>): Promise<CaseState>;
  /** Drafted by the officer, approved by the supervisor, notified. */
  decideFirstInstance(state: CaseState, outcome: string): Promise<CaseState>;
}

function staff(n: number, permissions: Permission[], agencyId: string | null): Principal {
  return {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    email: `asylum${n}@example.org`,
    fullName: `Asylum staff ${n}`,
    kind: "staff",
    agencyId,
    roles: [],
    permissions: new Set(permissions),
    locale: "en",
  };
}

export async function asylumTestBed(
  cases: CasesModule,
  db: Database,
  registerCases: RegisterCases,
): Promise<AsylumTestBed> {
  const sms = (await findAgencyByCode(db, "SMS"))?.id ?? null;
  const unit: Permission[] = ["asylum.read", "asylum.register", "cases.read", "cases.process"];
  const as = (who: Principal): CasesContext => ({ ...cases.systemContext(), principal: who });
  const officer = staff(21, unit, sms);
  const supervisor = staff(23, ["asylum.read", "asylum.sensitive", "cases.read", "cases.approve"], sms);
  const definition = cases.registry.latest("asylum");
  const move = (state: CaseState, transition: string, who = officer, input: TransitionInput = {}) =>
    transitionCase(as(who), state.id, state.lastSeq, transition, input);
  const finishTasks = async (state: CaseState, results: Record<string, string> = {}) => {
    let current = state;
    for (const task of state.tasks.filter((one) => one.status === "open")) {
      const first = definition?.tasks.find((one) => one.code === task.code)?.results[0]?.value;
      const result = results[task.code] ?? first ?? "";
      current = await completeTask(as(officer), state.id, task.taskId, result, "Recorded in the file.");
    }
    return current;
  };
  const register = async (answers: Record<string, unknown>) =>
    (await registerCases(as(officer), "asylum", [answers])).cases[0] as CaseState;
  return {
    as,
    officer,
    secondOfficer: staff(22, [...unit, "cases.approve"], sms),
    supervisor,
    caseOfficer: staff(24, ["cases.read", "cases.process"], sms),
    register,
    move,
    finishTasks,
    async toAssessment(answers) {
      let state = await register(answers);
      state = await finishTasks(await move(state, "start-checks"));
      state = await finishTasks(await move(state, "schedule-interview"), { interpreter: "booked" });
      state = await finishTasks(await move(state, "hold-interview"), { "interview-record": "confirmed" });
      return finishTasks(await move(state, "start-assessment"));
    },
    async decideFirstInstance(state, outcome) {
      const drafted = await move(state, "draft-decision", officer, {
        outcome,
        reasons: "Assessed on the interview.",
      });
      return move(await move(drafted, "approve", supervisor), "notify");
    },
  };
}
