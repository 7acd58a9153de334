import { type CaseTypeInput, defineCaseType } from "../../cases/index.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });

/** Questions about the person, named unlike any procedure's: the statistics know them only from the section. */
const personPage: CaseTypeInput["form"][number] = {
  id: "person",
  title: t("The person"),
  fields: [
    { name: "personCitizenship", kind: "country", label: t("Citizenship") },
    { name: "personBirthDate", kind: "date", when: "past", label: t("Date of birth") },
    {
      name: "personSex",
      kind: "radios",
      label: t("Sex"),
      options: [
        { value: "F", label: t("Female") },
        { value: "M", label: t("Male") },
      ],
    },
    { name: "personDocument", kind: "documentNumber", label: t("Travel document number") },
    { name: "homeAddress", kind: "address", label: t("Address in the country") },
    {
      name: "relationship",
      kind: "radios",
      label: t("Relationship to the sponsor"),
      options: [
        { value: "spouse", label: t("Spouse") },
        { value: "child", label: t("Child") },
        { value: "other", label: t("Other") },
      ],
    },
  ],
};

/** Decided by the system on submission, so that one submission runs a case to its decision. */
function decidedOnSubmission(code: string, prefix: string, validityMonths: number) {
  return {
    version: 1,
    numberPrefix: prefix,
    name: t(code),
    summary: t("A procedure only the statistics tests know"),
    applicants: ["applicant" as const],
    responsibleAgency: "SMS",
    legalBasis: t("Test law, article 3"),
    fee: { amountMinor: 0 },
    form: [personPage],
    states: {
      draft: { category: "draft" as const, label: t("Draft") },
      granted: { category: "decided" as const, label: t("Granted") },
      closed: { category: "closed" as const, label: t("Closed") },
    },
    initialState: "draft",
    submittedState: "granted",
    transitions: [
      { name: "close", label: t("Close"), from: ["granted"], to: "closed", allowed: "cases.process" },
    ],
    outcomes: [{ code: "granted", label: t("Granted"), issuesDocument: true, validityMonths }],
    decisionOnSubmission: { outcome: "granted", reasons: t("Granted by law") },
  };
}

const person = {
  citizenship: "personCitizenship",
  birthDate: "personBirthDate",
  sex: "personSex",
  travelDocument: "personDocument",
};

/**
 * A residence permit on family grounds that the statistics module has never heard of: its
 * statistics section alone puts it into the application, decision and residence permit tables.
 */
export const declaredFamilyPermit = defineCaseType({
  code: "declared-family-permit",
  ...decidedOnSubmission("declared-family-permit", "DFP", 24),
  statistics: {
    counts: "application",
    person,
    place: ["homeAddress"],
    outcomes: { granted: "GRANTED" },
    residencePermit: {
      reason: { answer: "relationship", codes: { spouse: "FAM", child: "FAM" }, otherwise: "OTH" },
    },
  },
});

/** A registration the statistics module has never heard of: counted among the stay registrations. */
export const declaredRegistration = defineCaseType({
  code: "declared-registration",
  ...decidedOnSubmission("declared-registration", "DRG", 3),
  statistics: { counts: "registration", person, place: ["homeAddress"] },
});
