import {
  type AgencySummary,
  builtInRoles,
  findAgenciesByKind,
  findAgencyByCode,
  type NewActiveUser,
} from "../../modules/access/index.js";
import type { AgenciesByKind, CaseTypeDefinition } from "../../modules/cases/index.js";
import type { Database } from "../../platform/db/index.js";
import type { SeededRandom } from "../../platform/random/index.js";
import { findDemoAccountIds, insertDemoPopulation } from "../accounts/demo-accounts.js";
import { applicantKind, type Plan } from "./caseload-plan.js";
import type { demoAnswers } from "./demo-answers.js";
import {
  type DemoEmployer,
  type DemoForeigner,
  type DemoHost,
  demoEmployer,
  demoForeigner,
  demoHost,
} from "./demo-people.js";
import { slug } from "./person-names.js";
import type { PopulationMix } from "./population-mix.js";

/** Who acts on one case: the applying account and whom the answers describe, and the staff. */
export interface CaseParties {
  applicantUserId: string;
  subject(day: string): Parameters<typeof demoAnswers>[1];
  officerId: string;
  approverId: string;
  taskOfficerId(permission: string): string;
}

/** The accounts of a demo caseload, and who of them acts on each case. */
export interface DemoCast {
  people: number;
  /** The one-per-role demo accounts: their drafts can be edited by whoever signs in with them. */
  demoAccountIds: Set<string>;
  agencyIdByCode: Map<string, string>;
  agencies: AgenciesByKind;
  partiesOf(definition: CaseTypeDefinition): CaseParties;
}

interface CastInput {
  plans: Plan[];
  types: CaseTypeDefinition[];
  scale: number;
  random: SeededRandom;
  mix: PopulationMix;
  /** Foreign nationals are born before the demo period begins: their applications spread over it. */
  periodStart: string;
  now: Date;
}

/** The people of the demo as a list of new accounts; a position in it stands for the account. */
class Roster {
  readonly people: NewActiveUser[] = [];
  add(fullName: string, role: string, extra: Partial<NewActiveUser> = {}): number {
    this.people.push({
      email: `${slug(fullName).slice(0, 40)}.${this.people.length + 1}@example.org`,
      fullName,
      kind: "public",
      roles: [role],
      ...extra,
    });
    return this.people.length - 1;
  }
}

/** Officers and approvers of each responsible agency, the agencies tasks go to, and who does the tasks. */
async function castStaff(db: Database, input: CastInput, roster: Roster) {
  const { types, scale, random } = input;
  const staffOf = async (agencyCode: string, role: string, count: number) => {
    const agency = await findAgencyByCode(db, agencyCode);
    if (!agency) throw new Error(`agency ${agencyCode} is missing`);
    return Array.from({ length: count }, () =>
      roster.add(
        `${random.pick(["Leyla", "Elchin", "Nigar", "Tural", "Sabina", "Farid"])} ${random.pick(["Mammadova", "Huseynov", "Aliyeva", "Hasanov", "Guliyeva", "Rzayev"])}`,
        role,
        { kind: "staff", agencyId: agency.id },
      ),
    );
  };
  const agencyIdByCode = new Map<string, string>();
  const officers = new Map<string, { officers: number[]; approvers: number[] }>();
  for (const code of new Set(types.map((type) => type.responsibleAgency))) {
    const agency = await findAgencyByCode(db, code);
    if (!agency) throw new Error(`agency ${code} is missing`);
    agencyIdByCode.set(code, agency.id);
    officers.set(code, {
      officers: await staffOf(code, "case_officer", Math.min(300, Math.max(3, Math.round(scale * 3)))),
      approvers: await staffOf(code, "approver", Math.min(100, Math.max(1, Math.round(scale)))),
    });
  }
  const tasks = types.flatMap((type) => type.tasks);
  const taskAgencies = new Map<string, AgencySummary[]>();
  for (const kind of new Set(tasks.map((task) => task.agencyKind))) {
    taskAgencies.set(kind, await findAgenciesByKind(db, kind));
  }
  const taskOfficers = new Map<string, number[]>();
  for (const permission of new Set(tasks.map((task) => task.permission))) {
    const role = builtInRoles.find((one) => one.staff && (one.permissions as string[]).includes(permission));
    const kind = tasks.find((task) => task.permission === permission)?.agencyKind ?? "";
    const agency = (await findAgenciesByKind(db, kind))[0];
    if (role && agency)
      taskOfficers.set(permission, await staffOf(agency.code, role.code, Math.max(1, Math.round(scale / 2))));
  }
  return { agencyIdByCode, officers, taskAgencies, taskOfficers };
}

/** The hosts, employers and applicants, each with their position in the roster (-1: the demo account). */
interface Applying {
  hosts: Array<[DemoHost, number]>;
  employers: Array<[DemoEmployer, number]>;
  applicants: Array<[DemoForeigner, number]>;
}

type IdOf = (position: number, role?: string) => string;

/** The account that applies for a case of this kind, and whom its answers describe. */
function applyingParty(
  kind: string,
  applying: Applying,
  idOf: IdOf,
  { random, mix }: Pick<CastInput, "random" | "mix">,
): Pick<CaseParties, "applicantUserId" | "subject"> {
  // The demo accounts (first of each list) get a share, so that their lists are not empty.
  const pick = <T>(list: T[], demoShare: number) =>
    list[random.chance(demoShare) ? 0 : random.int(0, list.length - 1)] as T;
  if (kind === "host") {
    const [host, position] = pick(applying.hosts, 0.05);
    return {
      applicantUserId: idOf(position, "host_employer"),
      subject: (day) => ({ person: demoForeigner(random, mix, day), host }),
    };
  }
  if (kind === "employer") {
    const [employer, position] = pick(applying.employers, 0.05);
    return {
      applicantUserId: idOf(position, "host_employer"),
      subject: (day) => ({ person: demoForeigner(random, mix, day, { adult: true }), employer }),
    };
  }
  const [applicant, position] = pick(applying.applicants, 0.002);
  return { applicantUserId: idOf(position, "applicant"), subject: () => ({ person: applicant }) };
}

/**
 * DEMO ONLY: hosts, employers, applicants and officers for the planned cases, created as
 * accounts; the demo accounts take a share of the cases, so that their lists are not empty.
 */
export async function castDemoPopulation(db: Database, input: CastInput): Promise<DemoCast> {
  const { plans, random, mix } = input;
  const demo = await findDemoAccountIds(db);
  const roster = new Roster();
  const countOf = (kind: string) => plans.filter((plan) => applicantKind(plan.definition) === kind).length;
  // The first of each is the demo account of its role, when there is one.
  const slot = (index: number, role: string, name: string, extra?: Partial<NewActiveUser>) =>
    index === 0 && demo.has(role) ? -1 : roster.add(name, role, extra);
  const many = <T>(count: number, make: () => T) => Array.from({ length: count }, make);
  const hosts = many(Math.max(5, Math.round(countOf("host") / 150)), () => demoHost(random));
  const employers = many(Math.max(3, Math.round(countOf("employer") / 25)), () => demoEmployer(random));
  const applicants = many(Math.max(5, Math.round(countOf("applicant") * 0.85)), () =>
    demoForeigner(random, mix, input.periodStart),
  );
  const applying: Applying = {
    hosts: hosts.map((host, index) => [host, slot(index, "host_employer", host.accountName)]),
    employers: employers.map((one, index) => [one, slot(index, "host_employer", one.accountName)]),
    applicants: applicants.map((one, index) => [
      one,
      slot(index, "applicant", one.fullName, { locale: random.pick(["az", "en", "ru"]) }),
    ]),
  };
  const staff = await castStaff(db, input, roster);
  const ids = await insertDemoPopulation(db, roster.people, input.now);
  const idOf: IdOf = (position, role = "") =>
    position === -1 ? (demo.get(role) as string) : (ids[position] as string);
  const shared = (role: string, share: number, agencyCode: string) =>
    demo.get(role) && agencyCode === "SMS" && random.chance(share) ? demo.get(role) : undefined;
  const partiesOf = (definition: CaseTypeDefinition): CaseParties => {
    const code = definition.responsibleAgency;
    const own = staff.officers.get(code) as { officers: number[]; approvers: number[] };
    const officerId = shared("case_officer", 0.15, code) ?? idOf(random.pick(own.officers));
    const approverId = shared("approver", 0.3, code) ?? idOf(random.pick(own.approvers));
    return {
      ...applyingParty(applicantKind(definition), applying, idOf, input),
      officerId,
      // Four eyes: the approver is never the officer who drafted.
      approverId: approverId === officerId ? idOf(own.approvers[0] as number) : approverId,
      taskOfficerId: (permission) => {
        const pool = staff.taskOfficers.get(permission) ?? [];
        const demoTaskOfficer = demo.get("employment_officer");
        if (demoTaskOfficer && (pool.length === 0 || random.chance(0.3))) return demoTaskOfficer;
        return idOf(random.pick(pool));
      },
    };
  };
  return {
    people: roster.people.length,
    demoAccountIds: new Set(demo.values()),
    agencyIdByCode: staff.agencyIdByCode,
    agencies: (kind) => staff.taskAgencies.get(kind) ?? [],
    partiesOf,
  };
}
