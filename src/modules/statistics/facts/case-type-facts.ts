import type { PermitReason } from "./statistical-record.js";

/**
 * Where the statistics find what they count in a case type's answers. Case types that are not
 * listed (the asylum procedure when it comes) ask about the applicant with the common questions.
 */
export interface CaseTypeFacts {
  /** A registration is counted as such; everything else as an application with its decision. */
  kind: "application" | "registration";
  person: { citizenship: string; birthDate: string; document: string; sex: string; stateless: string };
  /** Address questions, in order of preference, whose region (a code of the region list) is the case's region. */
  addresses: string[];
  /** Residence permits feed the permit tables, with the reason Eurostat counts them under. */
  permitReason?: (answers: Record<string, unknown>) => PermitReason;
  /** The answers `permitReason` reads (kept when a case is anonymised). */
  reasonAnswers?: string[];
}

const applicant = {
  citizenship: "citizenship",
  birthDate: "birthDate",
  document: "passportNumber",
  sex: "sex",
  stateless: "stateless",
};

const groundReasons: Record<string, PermitReason> = { work: "OCC", family: "FAM", study: "EDUC" };

const byCaseType: Record<string, CaseTypeFacts> = {
  "stay-registration": {
    kind: "registration",
    person: {
      citizenship: "guestCitizenship",
      birthDate: "guestBirthDate",
      document: "guestPassportNumber",
      sex: "guestSex",
      stateless: "guestStateless",
    },
    addresses: ["stayAddress"],
  },
  "work-permit": {
    kind: "application",
    person: {
      citizenship: "workerCitizenship",
      birthDate: "workerBirthDate",
      document: "workerPassportNumber",
      sex: "workerSex",
      stateless: "workerStateless",
    },
    addresses: ["workplaceAddress", "employerAddress"],
  },
  "temporary-residence-permit": {
    kind: "application",
    person: applicant,
    addresses: ["addressInAzerbaijan"],
    permitReason: (answers) => groundReasons[String(answers.ground)] ?? "OTH",
    reasonAnswers: ["ground"],
  },
  "permanent-residence-permit": {
    kind: "application",
    person: applicant,
    addresses: ["addressInAzerbaijan"],
    permitReason: () => "OTH",
  },
};

const otherCaseTypes: CaseTypeFacts = {
  kind: "application",
  person: applicant,
  addresses: ["addressInAzerbaijan"],
};

/** The case types whose cases are registrations (one record each, from the case as it stands). */
export const registrationCaseTypes = Object.entries(byCaseType)
  .filter(([, facts]) => facts.kind === "registration")
  .map(([code]) => code);

export function caseTypeFacts(typeCode: string): CaseTypeFacts {
  return byCaseType[typeCode] ?? otherCaseTypes;
}
