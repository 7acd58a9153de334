import { type CaseTypeInput, defineCaseType, type StatisticsSection } from "../../cases/index.js";
import { type AsylumLaw, loadAsylumLaw, type ProtectionOutcome } from "../asylum-law.js";
import {
  applicantPage,
  familyMemberSlots,
  familyPages,
  lodgingPage,
  minorPage,
  needsPage,
  sensitiveAnswers,
  sensitivePage,
} from "./asylum-form.js";
import { asylumStates, asylumTasks, asylumTransitions } from "./asylum-workflow.js";

type Outcome = CaseTypeInput["outcomes"][number];
type Category = StatisticsSection["outcomes"][string];

/** Each protection status with its official (Eurostat) category; offered only where the law has it. */
const protection: Array<{ outcome: Outcome & { code: ProtectionOutcome }; category: Category }> = [
  {
    outcome: {
      code: "refugee-status",
      label: {
        az: "Qaçqın statusu verilib",
        en: "Refugee status granted",
        ru: "Предоставлен статус беженца",
      },
      issuesDocument: true,
    },
    category: "GENCONV",
  },
  {
    outcome: {
      code: "subsidiary-protection",
      label: {
        az: "Əlavə müdafiə verilib",
        en: "Subsidiary protection granted",
        ru: "Предоставлена дополнительная защита",
      },
      issuesDocument: true,
    },
    category: "SUB_PROT",
  },
  {
    outcome: {
      code: "humanitarian-status",
      label: {
        az: "Humanitar status verilib",
        en: "Humanitarian status granted",
        ru: "Предоставлен гуманитарный статус",
      },
      issuesDocument: true,
    },
    category: "HUMSTAT",
  },
];

const rejected: Outcome = {
  code: "rejected",
  label: { az: "Rədd edilib", en: "Rejected", ru: "Отклонено" },
  issuesDocument: false,
};

const persons: NonNullable<CaseTypeInput["persons"]> = [
  {
    role: "applicant",
    givenNames: "givenNames",
    familyName: "familyName",
    birthDate: "birthDate",
    sex: "sex",
    citizenship: "citizenship",
    document: { number: "documentNumber", type: "travel-document", issuingState: "documentIssuingState" },
  },
  ...Array.from({ length: familyMemberSlots }, (_, index) => {
    const n = index + 1;
    return {
      role: "family-member" as const,
      givenNames: `member${n}GivenNames`,
      familyName: `member${n}FamilyName`,
      birthDate: `member${n}BirthDate`,
      sex: `member${n}Sex`,
      citizenship: `member${n}Citizenship`,
      relationship: `member${n}Relationship`,
      document: { number: `member${n}DocumentNumber`, type: "travel-document" as const },
    };
  }),
];

/**
 * The asylum procedure of a country, from its law file: the statuses its law grants and the
 * ordinary time for the first-instance decision. A change of the law file that changes either is
 * a new `version` of this definition (running cases stay on the one they started with).
 */
export function asylumCaseType(law: AsylumLaw): CaseTypeInput {
  const granted = protection.filter(({ outcome }) => law.outcomes[outcome.code].granted);
  const decision = law.steps.firstInstanceDecision;
  return defineCaseType({
    code: "asylum",
    version: 1,
    numberPrefix: "ASY",
    name: { az: "Sığınacaq müraciəti", en: "Asylum application", ru: "Ходатайство об убежище" },
    summary: {
      az: "Qaçqın statusu üçün müraciət sərhəddə, ölkə ərazisində və ya saxlanma yerində qəbul edilir və Dövlət Miqrasiya Xidmətinin əməkdaşı tərəfindən qeydə alınır. Müraciət edənlə müsahibə (lazım olduqda tərcüməçi ilə) keçirilir, qərar iki əməkdaş tərəfindən qəbul edilir və ondan məhkəməyə şikayət verilə bilər.",
      en: "An application for refugee status is lodged at the border, in the territory or in detention and registered by an officer of the State Migration Service. The applicant is interviewed (with an interpreter where needed), the decision is taken by two officers, and it may be appealed to the court.",
      ru: "Ходатайство о статусе беженца подаётся на границе, на территории страны или в месте содержания и регистрируется сотрудником Государственной миграционной службы. С заявителем проводится собеседование (при необходимости с переводчиком), решение принимают два сотрудника, его можно обжаловать в суде.",
    },
    applicants: ["staff"],
    access: {
      read: "asylum.read",
      register: "asylum.register",
      sensitive: { permission: "asylum.sensitive", answers: sensitiveAnswers },
      representatives: true,
    },
    relatedPages: [
      {
        path: "/asylum/cases/:id/time-limits",
        label: {
          az: "Addımların müddətləri",
          en: "Time limits of the steps",
          ru: "Сроки этапов",
        },
      },
      {
        path: "/asylum/cases/:id/interview",
        label: {
          az: "Müsahibənin vaxtı və yeri",
          en: "Interview appointment",
          ru: "Время и место собеседования",
        },
      },
    ],
    portalPages: [
      {
        path: "/asylum/applications/:id",
        label: {
          az: "Müsahibə, sənədlər və qərar",
          en: "Your interview, documents and decision",
          ru: "Собеседование, документы и решение",
        },
      },
    ],
    // The refugee unit is part of the State Migration Service; the country profile has no agency
    // of its own for it, so asylum cases are routed to the Service and scoped by `asylum.read`.
    responsibleAgency: "SMS",
    legalBasis: {
      az: "“Qaçqınların və məcburi köçkünlərin (ölkə daxilində yerini dəyişmiş şəxslərin) statusu haqqında” Azərbaycan Respublikasının Qanunu (1999); Qaçqınların statusu haqqında 1951-ci il Konvensiyası və 1967-ci il Protokolu",
      en: "Law of the Republic of Azerbaijan on the status of refugees and forcibly displaced persons (persons displaced within the country) (1999); 1951 Convention relating to the Status of Refugees and its 1967 Protocol",
      ru: "Закон Азербайджанской Республики «О статусе беженцев и вынужденно перемещённых (лиц, перемещённых внутри страны) лиц» (1999); Конвенция о статусе беженцев 1951 года и Протокол 1967 года",
    },
    // The engine counts in days: three months are taken as their shortest reading, 89 days
    // (February to April); the exact last day of each step is asylumStepDeadlines'.
    legalTime:
      decision.unit === "months"
        ? { amount: decision.amount * 30 - 1, unit: "calendar" }
        : { amount: decision.amount, unit: decision.unit },
    fee: { amountMinor: 0 },
    form: [lodgingPage, applicantPage, ...familyPages, minorPage, needsPage, sensitivePage],
    documents: [],
    states: asylumStates,
    initialState: "draft",
    submittedState: "registered",
    transitions: asylumTransitions,
    tasks: asylumTasks,
    outcomes: [...granted.map(({ outcome }) => outcome), rejected],
    persons,
    statistics: {
      counts: "application",
      // Every person who applied is an applicant of the tables: the family members too.
      applicantsFrom: "persons",
      person: {
        citizenship: "citizenship",
        stateless: "stateless",
        birthDate: "birthDate",
        sex: "sex",
        travelDocument: "documentNumber",
      },
      place: ["placeOfStay"],
      outcomes: {
        ...Object.fromEntries(
          granted.map(({ outcome, category }): [string, Category] => [outcome.code, category]),
        ),
        rejected: "REJECTED",
      },
      unaccompaniedMinor: "unaccompaniedMinor",
      appeal: { states: ["appeal-lodged"] },
      implicitWithdrawals: ["withdraw-implicitly"],
    },
  });
}

/** Azerbaijan's asylum procedure. */
export const asylum = asylumCaseType(loadAsylumLaw("AZ"));
