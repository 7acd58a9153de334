import { randomUUID } from "node:crypto";
import {
  type AgenciesByKind,
  applyEvent,
  type CaseEvent,
  type CaseEventBody,
  type CaseState,
  type CaseTypeDefinition,
  checkTransition,
  type DeadlineClock,
  feeDue,
  formatCaseNumber,
  initialCaseState,
  issuedDocumentSeries,
  type NewCaseHistory,
  type PendingCaseEvent,
  requiredDocuments,
  submittedEvents,
  type TransitionDefinition,
  type TransitionInput,
  transitionEvents,
  visiblePages,
} from "../../modules/cases/index.js";
import type { SeededRandom } from "../../platform/random/index.js";
import { type DemoDocumentFiles, demoFileName } from "./demo-documents.js";

type Actor = CaseEvent["actor"];
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Who acts on one case. */
export interface HistoryActors {
  /** Fills in and submits: the applicant, host or employer (a user, or their system's API key). */
  applicant: Actor;
  officer: Actor;
  /** Approves the officer's draft: never the same person (four eyes). */
  approver: Actor;
  /** Does the tasks routed to other agencies, by the permission the task names. */
  taskOfficer(permission: string): Actor;
}

/** Services shared by every history of a seed run. */
export interface HistoryServices {
  random: SeededRandom;
  deadlines: DeadlineClock;
  /** The active agencies of each kind, that the engine routes tasks to. */
  agencies: AgenciesByKind;
  /** The next reserved value of the case number sequence. */
  nextNumber(): string;
  /** Earliest instant of the demo period, and now. */
  notBefore: number;
  now: number;
  /** The stored files the documents point to (DEMO ONLY); without them, none is stored. */
  files?: DemoDocumentFiles | undefined;
}

export interface HistorySpec {
  definition: CaseTypeDefinition;
  caseId: string;
  agencyId: string;
  applicantUserId: string;
  /** The state the case has reached. */
  target: string;
  actors: HistoryActors;
  /** Hosts' and employers' systems send all answers at once; people fill in the form page by page. */
  channel: "portal" | "api";
  /** The answers, given the legal date they are given on (they are checked as of that day). */
  answersOn(today: string): Record<string, unknown>;
}

/** One moment of the history: who acts, how long after the previous moment, and what happens. */
interface Step {
  delay: number;
  actor: Actor;
  events(state: CaseState, at: Date): PendingCaseEvent[];
}

/** The shortest way through the workflow from submission to each state, found once per type. */
const paths = new WeakMap<CaseTypeDefinition, Map<string, TransitionDefinition[] | null>>();

export function pathTo(definition: CaseTypeDefinition, target: string): TransitionDefinition[] | null {
  let known = paths.get(definition);
  if (!known) {
    known = new Map();
    const queue: Array<[string, TransitionDefinition[]]> = [[definition.submittedState, []]];
    known.set(definition.submittedState, []);
    while (queue.length > 0) {
      const [state, path] = queue.shift() as [string, TransitionDefinition[]];
      for (const transition of definition.transitions) {
        if (!transition.from.includes(state) || known.has(transition.to)) continue;
        const next = [...path, transition];
        known.set(transition.to, next);
        queue.push([transition.to, next]);
      }
    }
    paths.set(definition, known);
  }
  return known.get(target) ?? null;
}

/** A way out of `state` and straight back (asking for documents and getting them; returning a draft). */
function roundTrip(definition: CaseTypeDefinition, state: string, next: TransitionDefinition | undefined) {
  for (const out of definition.transitions) {
    if (!out.from.includes(state) || out.to === state || out === next) continue;
    const back = definition.transitions.find((one) => one.from.includes(out.to) && one.to === state);
    if (back) return [out, back] as const;
  }
  return null;
}

const reasons: Record<string, string> = {
  positive:
    "Müraciət Miqrasiya Məcəlləsinin tələblərinə uyğundur; bütün sənədlər təqdim edilib və yoxlanılıb.",
  negative: "Tələb olunan şərtlər yerinə yetirilməyib: təqdim edilən sənədlər əsası təsdiq etmir.",
};

function hex(random: SeededRandom, length: number): string {
  let out = "";
  while (out.length < length)
    out += Math.floor(random.next() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return out.slice(0, length);
}

/**
 * An upload: with the demo's stored files, one of them (so that it opens); without (tests that
 * never open one), a record of a file that is not stored. The random draws are the same either
 * way, so a seed makes the same caseload with or without files.
 */
function attached(services: HistoryServices, code: string): CaseEventBody {
  const { random } = services;
  const pdf = random.chance(0.7);
  const size = random.int(60_000, 2_500_000);
  const sha256 = hex(random, 64);
  const pdfName = random.chance(0.7);
  const file = services.files?.shared(code, pdf ? "application/pdf" : "image/png");
  if (file) {
    return {
      type: "case.document_attached",
      payload: {
        documentId: file.id,
        code,
        mediaType: file.mediaType,
        size: file.size,
        sha256: file.sha256,
        fileName: demoFileName(code, file.mediaType),
      },
    };
  }
  return {
    type: "case.document_attached",
    payload: {
      documentId: randomUUID(),
      code,
      mediaType: pdf ? "application/pdf" : "image/jpeg",
      size,
      sha256,
      fileName: `${code}.${pdfName ? "pdf" : "jpg"}`,
    },
  };
}

function actorFor(transition: TransitionDefinition, actors: HistoryActors): Actor {
  if (transition.allowed === "applicant") return actors.applicant;
  return transition.allowed === "cases.approve" ? actors.approver : actors.officer;
}

/**
 * The whole history of one demo case, in the order the operations make it: the submission and
 * every transition come from the engine's own event builders, each transition checked against
 * its guards, and the whole is replayed through the engine's reducer as it goes, so the state at
 * the end is exactly what rebuilding the projection from these events gives.
 * Times are laid out backwards from a moment chosen within the demo period, never after now.
 */
export function buildHistory(spec: HistorySpec, services: HistoryServices): NewCaseHistory {
  const { definition } = spec;
  const { random, deadlines } = services;
  const drafting = spec.target === definition.initialState;
  const path = drafting ? [] : pathTo(definition, spec.target);
  if (!path) throw new Error(`${definition.code}: state ${spec.target} cannot be reached from submission`);

  const processing = processingSteps(spec, services, path);
  const processingSpan = processing.reduce((sum, step) => sum + step.delay, 0);
  const finished = ["decided", "closed"].includes(definition.states[spec.target]?.category ?? "");
  // Finished cases spread over the demo period; cases still running are recent, their last step days ago.
  const latestEnd =
    services.now - (finished ? random.int(1, 60) * hour : random.int(10, 7 * 24 * 60) * minute);
  const earliestSubmit = services.notBefore + 2 * day;
  let submitAt = finished
    ? earliestSubmit + random.next() * Math.max(0, latestEnd - processingSpan - earliestSubmit)
    : latestEnd - processingSpan;
  let scale = 1;
  if (submitAt < earliestSubmit) {
    // A long history squeezed into the period: shorter waits, same steps.
    scale = Math.max(0.001, (latestEnd - earliestSubmit) / Math.max(processingSpan, 1));
    submitAt = earliestSubmit;
  }
  if (drafting) submitAt = services.now - random.int(30, 30 * 24 * 60) * minute;

  const answers = spec.answersOn(deadlines.legalDate(new Date(submitAt)));
  const preparation = draftingSteps(spec, services, answers);
  const steps = [...preparation, ...processing];
  let at = submitAt - preparation.reduce((sum, step) => sum + step.delay, 0);

  const events: CaseEvent[] = [];
  let state: CaseState | undefined;
  for (const [index, step] of steps.entries()) {
    const delay = index < preparation.length ? step.delay : step.delay * scale;
    at = index === 0 ? at : at + Math.max(1000, Math.round(delay));
    const when = new Date(Math.min(at, services.now));
    for (const body of step.events(state as CaseState, when)) {
      const event = {
        type: body.type,
        payload: body.payload,
        caseId: spec.caseId,
        seq: events.length + 1,
        actor: body.actor ?? step.actor,
        at: when,
      } as CaseEvent;
      state = state ? applyEvent(state, event, definition, deadlines) : initialCaseState(event, definition);
      events.push(event);
    }
  }
  if (!state || state.state !== spec.target) {
    throw new Error(`${definition.code}: the demo history ends in ${state?.state}, not ${spec.target}`);
  }
  return { events, state };
}

/** Filling in the form: created, answers, documents, fee; a draft stops part-way. */
function draftingSteps(
  spec: HistorySpec,
  services: HistoryServices,
  answers: Record<string, unknown>,
): Step[] {
  const { definition, actors } = spec;
  const { random } = services;
  const drafting = spec.target === definition.initialState;
  const number = services.nextNumber();
  const steps: Step[] = [
    {
      delay: 0,
      actor: actors.applicant,
      events: (_state, at) => [
        {
          type: "case.created",
          payload: {
            typeCode: definition.code,
            typeVersion: definition.version,
            number: formatCaseNumber(
              definition.numberPrefix,
              Number(services.deadlines.legalDate(at).slice(0, 4)),
              number,
            ),
            applicantUserId: spec.applicantUserId,
            agencyId: spec.agencyId,
            state: definition.initialState,
          },
        },
        ...(spec.channel === "api" ? [{ type: "case.answers_saved" as const, payload: { answers } }] : []),
      ],
    },
  ];
  if (spec.channel === "api") return steps;
  const pages = visiblePages(definition, answers);
  const pagesDone = drafting ? random.int(0, pages.length) : pages.length;
  for (const page of pages.slice(0, pagesDone)) {
    // The answers are already checked and cleaned: a page saves its own questions' answers.
    const pageAnswers: Record<string, unknown> = {};
    for (const field of page.fields) if (field.name in answers) pageAnswers[field.name] = answers[field.name];
    if (Object.keys(pageAnswers).length === 0) continue;
    steps.push({
      delay: random.int(2, 15) * minute,
      actor: actors.applicant,
      events: () => [{ type: "case.answers_saved", payload: { answers: pageAnswers } }],
    });
  }
  if (drafting && pagesDone < pages.length) return steps;
  const documents = requiredDocuments(definition, answers);
  for (const code of drafting ? documents.slice(0, random.int(0, documents.length)) : documents) {
    steps.push({
      delay: random.int(1, 10) * minute,
      actor: actors.applicant,
      events: () => [attached(services, code)],
    });
  }
  if (drafting) return steps;
  const tiers = definition.fee.expressTiers;
  const tier = tiers.length > 0 && random.chance(0.2) ? random.pick(tiers).code : null;
  if (tier) {
    steps.push({
      delay: random.int(1, 5) * minute,
      actor: actors.applicant,
      events: () => [{ type: "case.express_tier_chosen", payload: { tier } }],
    });
  }
  const fee = feeDue(definition, tier);
  if (fee > 0) {
    steps.push({
      delay: random.int(2, 30) * minute,
      actor: actors.applicant,
      events: () => [{ type: "case.fee_paid", payload: { paymentId: randomUUID(), amountMinor: fee } }],
    });
  }
  return steps;
}

/** Submission, then each transition of the way to the target, with what its guards and effects need. */
function processingSteps(spec: HistorySpec, services: HistoryServices, path: TransitionDefinition[]): Step[] {
  const { definition, actors } = spec;
  const { random } = services;
  if (spec.target === definition.initialState) return [];
  const steps: Step[] = [
    {
      delay: spec.channel === "api" ? 0 : random.int(1, 20) * minute,
      actor: actors.applicant,
      events: (state, at) => submission(spec, services, state, at),
    },
  ];
  // One detour at most (documents asked for and sent, or a draft returned), in a fifth of the cases.
  let detoured = !random.chance(0.2);
  let claimed = false;
  const route: TransitionDefinition[] = [];
  for (const [index, transition] of path.entries()) {
    const from = index === 0 ? definition.submittedState : (path[index - 1] as TransitionDefinition).to;
    const trip = detoured ? null : roundTrip(definition, from, transition);
    if (trip && random.chance(0.5)) {
      route.push(...trip);
      detoured = true;
    }
    route.push(transition);
  }
  if (
    route.length === 0 &&
    definition.states[definition.submittedState]?.category === "open" &&
    random.chance(0.4)
  ) {
    steps.push(claim(actors, random));
  }
  for (const transition of route) {
    const actor = actorFor(transition, actors);
    if (actor === actors.officer && !claimed) {
      steps.push(claim(actors, random));
      claimed = true;
    }
    if (transition.guards.includes("mandatoryTasksDone") && definition.tasks.some((task) => task.mandatory)) {
      steps.push({
        delay: random.int(1, 6) * day,
        actor: actors.officer,
        events: (state) =>
          state.tasks
            .filter((task) => task.mandatory && task.status === "open")
            .map((task) => ({
              type: "case.task_completed" as const,
              payload: {
                taskId: task.taskId,
                result: taskResult(definition, task.code, random),
                comment: "Yerli əmək bazarında bu vəzifəyə uyğun namizəd tapılmadı.",
              },
              actor: actors.taskOfficer(
                definition.tasks.find((one) => one.code === task.code)?.permission ?? "",
              ),
            })),
      });
    }
    if (transition.effect === "provideDocuments") {
      steps.push({
        delay: random.int(1, 9) * day,
        actor: actors.applicant,
        events: (state) => state.requestedDocuments.map((code) => attached(services, code)),
      });
    }
    steps.push({
      delay: actor === actors.applicant ? random.int(10, 120) * minute : random.int(2, 72) * hour,
      actor,
      events: transitionSteps(spec, services, transition, actor),
    });
  }
  return steps;
}

function claim(actors: HistoryActors, random: SeededRandom): Step {
  return {
    delay: random.int(1, 48) * hour,
    actor: actors.officer,
    events: () => [{ type: "case.assigned", payload: { officerId: actors.officer.id } }],
  };
}

function taskResult(definition: CaseTypeDefinition, code: string, random: SeededRandom): string {
  const options = definition.tasks.find((task) => task.code === code)?.results ?? [];
  return (random.chance(0.85) ? options[0] : random.pick(options))?.value ?? "done";
}

/** A document number from the reserved values, for a decision that issues a document. */
function documentNumber(
  services: HistoryServices,
  definition: CaseTypeDefinition,
  outcome: string,
  today: string,
): string | null {
  const series = issuedDocumentSeries(definition, outcome, today);
  return series ? formatCaseNumber(series.prefix, series.year, services.nextNumber()) : null;
}

/** The engine's submission: the tasks of the first state, and the decision of a registration. */
function submission(spec: HistorySpec, services: HistoryServices, state: CaseState, at: Date) {
  const { definition } = spec;
  const today = services.deadlines.legalDate(at);
  const automatic = definition.decisionOnSubmission;
  return submittedEvents(state, definition, {
    today,
    documentNumber: automatic ? documentNumber(services, definition, automatic.outcome, today) : null,
    agencies: services.agencies,
  });
}

const messages = {
  requested: "Təqdim edilən surət oxunmur; sənədi yenidən yükləyin.",
  provided: "Sənəd yenidən yükləndi.",
  returned: "Əsaslandırmada Məcəllənin maddəsini göstərin.",
};

/** What the officer or applicant enters with the transition, as they would on its page. */
function transitionInput(
  definition: CaseTypeDefinition,
  transition: TransitionDefinition,
  state: CaseState,
  random: SeededRandom,
): TransitionInput {
  switch (transition.effect) {
    case "requestDocuments": {
      const needed = requiredDocuments(definition, state.answers);
      const code = needed.length > 0 ? random.pick(needed) : random.pick(definition.documents).code;
      return { documentCodes: [code], message: messages.requested };
    }
    case "provideDocuments":
      return { message: messages.provided };
    case "draftDecision": {
      const positive = definition.outcomes.filter((outcome) => outcome.issuesDocument);
      const negative = definition.outcomes.filter((outcome) => !outcome.issuesDocument);
      const granted = negative.length === 0 || (positive.length > 0 && random.chance(0.85));
      const outcome = random.pick(granted ? positive : negative);
      return { outcome: outcome.code, reasons: reasons[granted ? "positive" : "negative"] as string };
    }
    case "returnDecision":
      return { comment: messages.returned };
    default:
      return {};
  }
}

/** The engine's transition, checked against its guards for the person who takes it. */
function transitionSteps(
  spec: HistorySpec,
  services: HistoryServices,
  transition: TransitionDefinition,
  actor: Actor,
): Step["events"] {
  const { definition } = spec;
  return (state, at) => {
    checkTransition(state, definition, transition, actor.id);
    const today = services.deadlines.legalDate(at);
    const issuing = transition.effect === "issueDecision" ? state.decision?.outcome : undefined;
    return transitionEvents(state, definition, transition, {
      input: transitionInput(definition, transition, state, services.random),
      today,
      documentNumber: issuing ? documentNumber(services, definition, issuing, today) : null,
      agencies: services.agencies,
    });
  };
}
