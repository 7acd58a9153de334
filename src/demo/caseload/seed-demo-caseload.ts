import { randomUUID } from "node:crypto";
import { recordAudit, systemActor } from "../../modules/access/index.js";
import {
  analyzeCaseTables,
  type CaseTypeRegistry,
  type DeadlineClock,
  insertNewCases,
  type NewCaseHistory,
  requiredDocuments,
  reserveCaseNumbers,
} from "../../modules/cases/index.js";
import type { RegisterThresholds } from "../../modules/people/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import type { Documents } from "../../platform/files/index.js";
import { SeededRandom } from "../../platform/random/index.js";
import { applicantKind, type Plan, planCaseload } from "./caseload-plan.js";
import { demoAnswers } from "./demo-answers.js";
import { castDemoPopulation, type DemoCast } from "./demo-cast.js";
import { storeDemoDocumentFiles, withOwnCopies } from "./demo-documents.js";
import { buildHistory, type HistoryServices } from "./demo-histories.js";
import { eurostatFile, loadPopulationMix } from "./population-mix.js";
import { registerDemoPersons } from "./register-demo-persons.js";

/** Cases per unit of scale: scale 1 is a small office's caseload, scale 1000 a million cases. */
export const casesPerScale = 1000;
/** The demo period: a year and a month back from now (the legal calendars cover it). */
const periodDays = 400;
const batchSize = 1000;

export interface DemoCaseloadOptions {
  db: Database;
  registry: CaseTypeRegistry;
  deadlines: DeadlineClock;
  clock: Clock;
  /** The country of the installation: its own citizens are not foreign nationals there. */
  country: string;
  scale: number;
  /** Whom the foreign nationals follow: the Eurostat figures in src/demo/data (the default), or a built-in mix. */
  population?: "eurostat" | "built-in";
  /**
   * Where the demo documents' files are stored (the installation's document store), so that
   * every document of a demo case opens. Tests and benchmarks that never open one may leave it
   * out: their cases then name files that are not stored.
   */
  documents?: Documents | undefined;
  /** Batches written at the same time (a server takes several; the embedded database one). */
  writers?: number;
  /**
   * The person register's bands (the installation's configuration): when given, the persons of the
   * submitted cases are entered into the register, one by one through the matcher as a submission
   * does, which takes longer than writing the cases. Left out (benchmarks of a large caseload), the
   * register stays empty.
   */
  registerThresholds?: RegisterThresholds | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoCaseloadReport {
  cases: number;
  events: number;
  people: number;
  populationSource: string;
  byTypeAndState: Record<string, number>;
}

/** Remembers deadlines: demo cases share start dates and legal times, and the arithmetic is costly. */
function rememberingClock(clock: DeadlineClock): DeadlineClock {
  const deadlines = new Map<string, string>();
  return {
    legalDate: (at) => clock.legalDate(at),
    deadline(input) {
      const pauses = input.pauses.map((pause) => `${pause.from}/${pause.to}`).join(",");
      const key = `${input.start}|${input.legalTime.amount}|${input.legalTime.unit}|${pauses}`;
      let due = deadlines.get(key);
      if (due === undefined) {
        if (deadlines.size > 500_000) deadlines.clear();
        due = clock.deadline(input);
        deadlines.set(key, due);
      }
      return due;
    },
  };
}

/** The case history of one plan: the parties, the answers given on the day, the channel, the engine's events. */
function historyOf(plan: Plan, cast: DemoCast, services: HistoryServices): NewCaseHistory {
  const { definition } = plan;
  const { random } = services;
  const parties = cast.partiesOf(definition);
  const answersOn = (day: string) => demoAnswers(definition, parties.subject(day), random, day);
  // Systems send what needs no attachment or fee through the API; people use the portal.
  const paperless =
    applicantKind(definition) !== "applicant" &&
    definition.fee.amountMinor === 0 &&
    requiredDocuments(definition, {}).length === 0;
  const channel = paperless && random.chance(0.7) ? "api" : "portal";
  const user = (id: string) => ({ type: "user" as const, id });
  return buildHistory(
    {
      definition,
      caseId: randomUUID(),
      agencyId: cast.agencyIdByCode.get(definition.responsibleAgency) as string,
      applicantUserId: parties.applicantUserId,
      target: plan.target,
      actors: {
        applicant: { type: channel === "api" ? "api_key" : "user", id: parties.applicantUserId },
        officer: user(parties.officerId),
        approver: user(parties.approverId),
        taskOfficer: (permission) => user(parties.taskOfficerId(permission)),
      },
      channel,
      answersOn,
    },
    services,
  );
}

interface BatchWriting {
  db: Database;
  /** Batches written at the same time. */
  writers: number;
  registerThresholds: RegisterThresholds | undefined;
  onWritten(count: number): void;
}

/**
 * Makes the histories batch by batch, each with its case numbers reserved at once, and writes
 * them with multi-row INSERTs, their persons entered into the person register in the same
 * transaction; on a server several batches are written while the next is made.
 */
async function writeInBatches(
  plans: Plan[],
  services: HistoryServices,
  make: (plan: Plan) => Promise<NewCaseHistory>,
  writing: BatchWriting,
): Promise<void> {
  const inFlight: Array<Promise<void>> = [];
  let failure: unknown;
  for (let start = 0; start < plans.length; start += batchSize) {
    const batch = plans.slice(start, start + batchSize);
    const numbers = await reserveCaseNumbers(writing.db, batch.length * 2);
    let next = 0;
    services.nextNumber = () => {
      const value = numbers[next++];
      if (value === undefined) throw new Error("the reserved case numbers ran out");
      return value;
    };
    const histories: NewCaseHistory[] = [];
    for (const [index, plan] of batch.entries()) {
      histories.push(await make(plan));
      // Let the connection send what it has while this batch is made.
      if (index % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
    }
    if (inFlight.length >= writing.writers) await inFlight.shift();
    if (failure) throw failure;
    inFlight.push(
      writing.db
        .transaction(async (tx) => {
          await insertNewCases(tx, histories);
          if (!writing.registerThresholds) return;
          const cases = histories.map((history, index) => ({
            history,
            definition: (batch[index] as Plan).definition,
          }));
          await registerDemoPersons(tx, cases, writing.registerThresholds);
        })
        .then(() => writing.onWritten(histories.length))
        .catch((error: unknown) => {
          failure ??= error;
        }),
    );
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
}

/**
 * DEMO ONLY: a realistic caseload. Hosts, employers, applicants and officers are created as
 * accounts; each case gets a complete history, its submission and transitions made by the case
 * engine's own event builders and replayed through its reducer, written with multi-row INSERTs
 * in batches, bypassing the per-case transactions of the request path. Names, citizenships,
 * sexes and ages follow the Eurostat mix of src/demo/data.
 */
export async function seedDemoCaseload(options: DemoCaseloadOptions): Promise<DemoCaseloadReport> {
  const { db } = options;
  const random = new SeededRandom(20_260_301 + Math.round(options.scale * 1000));
  const deadlines = rememberingClock(options.deadlines);
  const now = options.clock.now();
  const notBefore = now.getTime() - periodDays * 86_400_000;
  const periodStart = deadlines.legalDate(new Date(notBefore));
  const mix = loadPopulationMix(options.country, options.population === "built-in" ? null : eurostatFile);
  const total = Math.max(1, Math.round(casesPerScale * options.scale));
  // Cases are made as their applicants make them: an officer-registered procedure (asylum, return
  // orders) has no applicant account to own its cases, so it is left out of the demo caseload.
  const types = options.registry.current().filter((type) => !type.applicants.includes("staff"));
  const plans = planCaseload(types, total, random);
  const cast = await castDemoPopulation(db, {
    plans,
    types,
    scale: options.scale,
    random,
    mix,
    periodStart,
    now,
  });
  const files = options.documents ? await storeDemoDocumentFiles(options.documents, types) : undefined;
  const services: HistoryServices = {
    files,
    random,
    deadlines,
    agencies: cast.agencies,
    nextNumber: () => {
      throw new Error("no case numbers reserved");
    },
    notBefore,
    now: now.getTime(),
  };
  const byTypeAndState: Record<string, number> = {};
  let events = 0;
  let done = 0;
  const make = async (plan: Plan) => {
    const history = historyOf(plan, cast, services);
    events += history.events.length;
    const key = `${plan.definition.code}:${history.state.state}`;
    byTypeAndState[key] = (byTypeAndState[key] ?? 0) + 1;
    // Drafts of the demo accounts can be edited by whoever signs in with them (documents removed).
    const editable =
      history.state.category === "draft" && cast.demoAccountIds.has(history.state.applicantUserId ?? "");
    return files && editable ? withOwnCopies(history, files) : history;
  };
  await writeInBatches(plans, services, make, {
    db,
    writers: Math.max(1, options.writers ?? 1),
    registerThresholds: options.registerThresholds,
    onWritten: (count) => {
      done += count;
      options.onProgress?.(done, plans.length);
    },
  });
  await analyzeCaseTables(db);
  const report = { cases: plans.length, events, people: cast.people, scale: options.scale };
  await recordAudit(db, {
    actor: systemActor,
    action: "demo.caseload_loaded",
    outcome: "success",
    details: report,
  });
  return { cases: plans.length, events, people: cast.people, populationSource: mix.source, byTypeAndState };
}
