import { randomUUID } from "node:crypto";
import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Documents } from "../../../platform/files/index.js";
import { SeededRandom, WeightedChoice } from "../../../platform/random/index.js";
import {
  builtInRoles,
  type DemoPerson,
  findAgenciesByKind,
  findAgencyByCode,
  findDemoAccountIds,
  insertDemoPopulation,
  recordAudit,
  systemActor,
} from "../../access/index.js";
import {
  analyzeCaseTables,
  type CaseTypeDefinition,
  type CaseTypeRegistry,
  type DeadlineClock,
  insertNewCases,
  type NewCaseHistory,
  requiredDocuments,
  reserveCaseNumbers,
} from "../../cases/index.js";
import { demoAnswers } from "./demo-answers.js";
import { storeDemoDocumentFiles, withOwnCopies } from "./demo-documents.js";
import { buildHistory, type HistoryActors, type HistoryServices, pathTo } from "./demo-histories.js";
import {
  type DemoEmployer,
  type DemoForeigner,
  type DemoHost,
  demoEmployer,
  demoForeigner,
  demoHost,
} from "./demo-people.js";
import { slug } from "./person-names.js";
import { loadPopulationMix } from "./population-mix.js";

/** Cases per unit of scale: scale 1 is a small office's caseload, scale 1000 a million cases. */
export const casesPerScale = 1000;
/** The demo period: a year and a month back from now (the legal calendars cover it). */
const periodDays = 400;
const batchSize = 1000;

/** How common each procedure is; a type not listed gets the last weight. */
const typeWeights: Record<string, number> = {
  "stay-registration": 55,
  "work-permit": 14,
  "temporary-residence-permit": 14,
  "stay-extension": 11,
  "permanent-residence-permit": 6,
};
const otherTypeWeight = 8;
/** How a caseload spreads over the kinds of states: mostly decided, a working queue, a few drafts. */
const categoryWeights = { draft: 4, open: 12, waiting: 3, decided: 78, closed: 3 } as const;

export interface DemoCaseloadOptions {
  db: Database;
  registry: CaseTypeRegistry;
  deadlines: DeadlineClock;
  clock: Clock;
  /** The country of the installation: its own citizens are not foreign nationals there. */
  country: string;
  scale: number;
  /** The shared reference data folder (Eurostat figures); a built-in mix is used without it. */
  sharedDataDir?: string | undefined;
  /**
   * Where the demo documents' files are stored (the installation's document store), so that
   * every document of a demo case opens. Tests and benchmarks that never open one may leave it
   * out: their cases then name files that are not stored.
   */
  documents?: Documents | undefined;
  /** Batches written at the same time (a server takes several; the embedded database one). */
  writers?: number;
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

/** Cases per state of one type: every state gets some, the rest by how common its kind of state is. */
function statesOf(definition: CaseTypeDefinition, count: number, random: SeededRandom): string[] {
  const states = Object.entries(definition.states).filter(
    ([code]) => code === definition.initialState || pathTo(definition, code) !== null,
  );
  const perCategory = new Map<string, number>();
  for (const [, state] of states) perCategory.set(state.category, (perCategory.get(state.category) ?? 0) + 1);
  const choice = new WeightedChoice(
    states.map(
      ([code, state]) =>
        [code, categoryWeights[state.category] / (perCategory.get(state.category) ?? 1)] as const,
    ),
  );
  const floor = Math.min(2, Math.floor(count / states.length));
  const chosen = states.flatMap(([code]) => Array.from({ length: floor }, () => code));
  while (chosen.length < count) chosen.push(choice.pick(random));
  return chosen;
}

interface Plan {
  definition: CaseTypeDefinition;
  target: string;
}

/**
 * DEMO ONLY: a realistic caseload. Hosts, employers, applicants and officers are created as
 * accounts; each case gets a complete history (made like the operations make it and replayed
 * through the engine's reducer), written with multi-row INSERTs in batches, bypassing the
 * per-case transactions of the request path. Names, citizenships, sexes and ages follow the
 * Eurostat mix when the shared data is present.
 */
export async function seedDemoCaseload(options: DemoCaseloadOptions): Promise<DemoCaseloadReport> {
  const { db, registry } = options;
  const random = new SeededRandom(20_260_301 + Math.round(options.scale * 1000));
  const deadlines = rememberingClock(options.deadlines);
  const now = options.clock.now();
  const periodStart = deadlines.legalDate(new Date(now.getTime() - periodDays * 86_400_000));
  const mix = loadPopulationMix(options.sharedDataDir, options.country);
  const total = Math.max(1, Math.round(casesPerScale * options.scale));

  // What to make: cases of each type spread over its states, in a random order.
  const types = registry.current();
  const typeChoice = new WeightedChoice(
    types.map((type) => [type, typeWeights[type.code] ?? otherTypeWeight] as const),
  );
  const perType = new Map<CaseTypeDefinition, number>(types.map((type) => [type, Math.min(total, 3)]));
  for (let placed = types.length * Math.min(total, 3); placed < total; placed++) {
    const type = typeChoice.pick(random);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  }
  const plans: Plan[] = [...perType].flatMap(([definition, count]) =>
    statesOf(definition, count, random).map((target) => ({ definition, target })),
  );
  for (let index = plans.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [plans[index], plans[other]] = [plans[other] as Plan, plans[index] as Plan];
  }
  const countOf = (kind: string) =>
    plans.filter((plan) => (plan.definition.applicants[0] ?? "applicant") === kind).length;

  // Who: hosts, employers, applicants and officers, with the demo accounts among them.
  const demo = await findDemoAccountIds(db);
  const people: DemoPerson[] = [];
  let serial = 0;
  const person = (fullName: string, role: string, extra: Partial<DemoPerson> = {}) => {
    serial += 1;
    people.push({
      email: `${slug(fullName).slice(0, 40)}.${serial}@example.org`,
      fullName,
      kind: "public",
      roles: [role],
      ...extra,
    });
    return people.length - 1;
  };
  const hosts: DemoHost[] = Array.from({ length: Math.max(5, Math.round(countOf("host") / 150)) }, () =>
    demoHost(random),
  );
  const employers: DemoEmployer[] = Array.from(
    { length: Math.max(3, Math.round(countOf("employer") / 25)) },
    () => demoEmployer(random),
  );
  const applicants: DemoForeigner[] = Array.from(
    { length: Math.max(5, Math.round(countOf("applicant") * 0.85)) },
    // Born before the demo period begins: their applications spread over it.
    () => demoForeigner(random, mix, periodStart),
  );
  const hostSlots = hosts.map((host, index) =>
    index === 0 && demo.has("host_employer") ? -1 : person(host.accountName, "host_employer"),
  );
  const employerSlots = employers.map((employer, index) =>
    index === 0 && demo.has("host_employer") ? -1 : person(employer.accountName, "host_employer"),
  );
  const applicantSlots = applicants.map((applicant, index) =>
    index === 0 && demo.has("applicant")
      ? -1
      : person(applicant.fullName, "applicant", { locale: random.pick(["az", "en", "ru"]) }),
  );
  const staffOf = async (agencyCode: string, role: string, count: number) => {
    const agency = await findAgencyByCode(db, agencyCode);
    if (!agency) throw new Error(`agency ${agencyCode} is missing`);
    return Array.from({ length: count }, () =>
      person(
        `${random.pick(["Leyla", "Elchin", "Nigar", "Tural", "Sabina", "Farid"])} ${random.pick(["Mammadova", "Huseynov", "Aliyeva", "Hasanov", "Guliyeva", "Rzayev"])}`,
        role,
        {
          kind: "staff",
          agencyId: agency.id,
        },
      ),
    );
  };
  const responsible = [...new Set(types.map((type) => type.responsibleAgency))];
  const agencyIds = new Map<string, string>();
  const officerSlots = new Map<string, { officers: number[]; approvers: number[] }>();
  for (const code of responsible) {
    const agency = await findAgencyByCode(db, code);
    if (!agency) throw new Error(`agency ${code} is missing`);
    agencyIds.set(code, agency.id);
    officerSlots.set(code, {
      officers: await staffOf(
        code,
        "case_officer",
        Math.min(300, Math.max(3, Math.round(options.scale * 3))),
      ),
      approvers: await staffOf(code, "approver", Math.min(100, Math.max(1, Math.round(options.scale)))),
    });
  }
  const taskAgencies = new Map<string, string[]>();
  for (const kind of new Set(types.flatMap((type) => type.tasks.map((task) => task.agencyKind)))) {
    taskAgencies.set(
      kind,
      (await findAgenciesByKind(db, kind)).map((agency) => agency.id),
    );
  }
  const taskOfficerSlots = new Map<string, number[]>();
  for (const permission of new Set(types.flatMap((type) => type.tasks.map((task) => task.permission)))) {
    const role = builtInRoles.find((one) => one.staff && (one.permissions as string[]).includes(permission));
    const kind =
      types.flatMap((type) => type.tasks).find((task) => task.permission === permission)?.agencyKind ?? "";
    const agency = (await findAgenciesByKind(db, kind))[0];
    if (role && agency)
      taskOfficerSlots.set(
        permission,
        await staffOf(agency.code, role.code, Math.max(1, Math.round(options.scale / 2))),
      );
  }

  const ids = await insertDemoPopulation(db, people, now);
  const idOf = (slot: number, demoRole: string) =>
    slot === -1 ? (demo.get(demoRole) as string) : (ids[slot] as string);
  const user = (id: string) => ({ type: "user" as const, id });
  const demoOfficer = demo.get("case_officer");
  const demoApprover = demo.get("approver");
  const demoTaskOfficer = demo.get("employment_officer");

  const files = options.documents ? await storeDemoDocumentFiles(options.documents, types) : undefined;
  // Drafts of the demo accounts can be edited by whoever signs in with them (documents removed).
  const demoAccountIds = new Set(demo.values());
  const services: HistoryServices = {
    files,
    random,
    deadlines,
    taskAgency: (kind, caseAgencyId) => {
      const candidates = taskAgencies.get(kind) ?? [];
      const agency = candidates.find((id) => id === caseAgencyId) ?? candidates[0];
      if (!agency) throw new Error(`no active agency of kind ${kind}`);
      return agency;
    },
    nextNumber: () => {
      throw new Error("no case numbers reserved");
    },
    notBefore: now.getTime() - periodDays * 86_400_000,
    now: now.getTime(),
  };

  const historyOf = (plan: Plan): NewCaseHistory => {
    const { definition } = plan;
    const kind = definition.applicants[0] ?? "applicant";
    const agencyCode = definition.responsibleAgency;
    const staff = officerSlots.get(agencyCode) as { officers: number[]; approvers: number[] };
    // The demo officer and approver take a share of the work, so their queues are not empty.
    const officerId =
      demoOfficer && random.chance(0.15) && agencyCode === "SMS"
        ? demoOfficer
        : idOf(random.pick(staff.officers), "");
    const approverId =
      demoApprover && random.chance(0.3) && agencyCode === "SMS"
        ? demoApprover
        : idOf(random.pick(staff.approvers), "");
    let applicantUserId: string;
    let subject: (day: string) => Parameters<typeof demoAnswers>[1];
    if (kind === "host") {
      const index = random.chance(0.05) ? 0 : random.int(0, hosts.length - 1);
      applicantUserId = idOf(hostSlots[index] as number, "host_employer");
      const host = hosts[index] as DemoHost;
      subject = (day) => ({ person: demoForeigner(random, mix, day), host });
    } else if (kind === "employer") {
      const index = random.chance(0.05) ? 0 : random.int(0, employers.length - 1);
      applicantUserId = idOf(employerSlots[index] as number, "host_employer");
      const employer = employers[index] as DemoEmployer;
      subject = (day) => ({ person: demoForeigner(random, mix, day, { adult: true }), employer });
    } else {
      const index = random.chance(0.002) ? 0 : random.int(0, applicants.length - 1);
      applicantUserId = idOf(applicantSlots[index] as number, "applicant");
      const applicant = applicants[index] as DemoForeigner;
      subject = () => ({ person: applicant });
    }
    const answersOn = (day: string) => demoAnswers(definition, subject(day), random, day);
    // Systems send what needs no attachment or fee through the API; people use the portal.
    const paperless =
      kind !== "applicant" &&
      definition.fee.amountMinor === 0 &&
      requiredDocuments(definition, {}).length === 0;
    const channel = paperless && random.chance(0.7) ? "api" : "portal";
    const applicantActor = {
      type: channel === "api" ? ("api_key" as const) : ("user" as const),
      id: applicantUserId,
    };
    const actors: HistoryActors = {
      applicant: applicantActor,
      officer: user(officerId),
      approver: user(approverId === officerId ? idOf(staff.approvers[0] as number, "") : approverId),
      taskOfficer: (permission) => {
        const pool = taskOfficerSlots.get(permission) ?? [];
        if (demoTaskOfficer && (pool.length === 0 || random.chance(0.3))) return user(demoTaskOfficer);
        return user(idOf(random.pick(pool), ""));
      },
    };
    return buildHistory(
      {
        definition,
        caseId: randomUUID(),
        agencyId: agencyIds.get(agencyCode) as string,
        applicantUserId,
        target: plan.target,
        actors,
        channel,
        answersOn,
      },
      services,
    );
  };

  // Generate and write in batches; on a server several batches are written while the next is made.
  const writers = Math.max(1, options.writers ?? 1);
  const inFlight: Array<Promise<void>> = [];
  let failure: unknown;
  const byTypeAndState: Record<string, number> = {};
  let events = 0;
  let done = 0;
  for (let start = 0; start < plans.length; start += batchSize) {
    const batch = plans.slice(start, start + batchSize);
    const numbers = await reserveCaseNumbers(db, batch.length * 2);
    let next = 0;
    services.nextNumber = () => {
      const value = numbers[next++];
      if (value === undefined) throw new Error("the reserved case numbers ran out");
      return value;
    };
    const histories: NewCaseHistory[] = [];
    for (const [index, plan] of batch.entries()) {
      let history = historyOf(plan);
      const editable =
        history.state.category === "draft" && demoAccountIds.has(history.state.applicantUserId ?? "");
      if (files && editable) history = await withOwnCopies(history, files);
      histories.push(history);
      events += history.events.length;
      const key = `${plan.definition.code}:${history.state.state}`;
      byTypeAndState[key] = (byTypeAndState[key] ?? 0) + 1;
      // Let the connection send what it has while this batch is made.
      if (index % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
    }
    if (inFlight.length >= writers) await inFlight.shift();
    if (failure) throw failure;
    inFlight.push(
      db
        .transaction((tx) => insertNewCases(tx, histories))
        .then(() => {
          done += histories.length;
          options.onProgress?.(done, plans.length);
        })
        .catch((error: unknown) => {
          failure ??= error;
        }),
    );
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  await analyzeCaseTables(db);
  await recordAudit(db, {
    actor: systemActor,
    action: "demo.caseload_loaded",
    outcome: "success",
    details: { cases: plans.length, events, people: people.length, scale: options.scale },
  });
  return { cases: plans.length, events, people: people.length, populationSource: mix.source, byTypeAndState };
}
