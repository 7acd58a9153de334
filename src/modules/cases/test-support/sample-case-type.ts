import { defineCaseType } from "../definition/case-type.js";

const t = (en: string) => ({ az: `${en} (az)`, en, ru: `${en} (ru)` });

/** A small but complete procedure for engine tests: documents, fee, express tier, a task, four eyes. */
export const samplePermit = defineCaseType({
  code: "sample-permit",
  version: 1,
  numberPrefix: "SMP",
  name: t("Sample permit"),
  summary: t("A permit used by the engine's tests"),
  applicants: ["applicant"],
  responsibleAgency: "SMS",
  legalBasis: t("Test law, article 1"),
  legalTime: { amount: 20, unit: "working" },
  fee: {
    amountMinor: 3000,
    expressTiers: [
      {
        code: "express-15",
        name: t("Express"),
        amountMinor: 9000,
        legalTime: { amount: 15, unit: "working" },
      },
    ],
  },
  form: [
    {
      id: "about-you",
      title: t("About you"),
      fields: [
        { name: "fullName", kind: "text", label: t("Full name") },
        { name: "birthDate", kind: "date", when: "past", label: t("Date of birth") },
        { name: "citizenship", kind: "country", label: t("Citizenship") },
      ],
    },
    {
      id: "ground",
      title: t("Ground"),
      fields: [
        {
          name: "ground",
          kind: "radios",
          label: t("Ground"),
          options: [
            { value: "work", label: t("Work") },
            { value: "family", label: t("Family") },
          ],
        },
        {
          name: "employer",
          kind: "text",
          label: t("Employer"),
          showWhen: { field: "ground", equals: "work" },
        },
      ],
    },
  ],
  documents: [
    { code: "passport", name: t("Passport") },
    {
      code: "employment-contract",
      name: t("Employment contract"),
      requiredWhen: { field: "ground", equals: "work" },
    },
    {
      code: "medical-certificate",
      name: t("Medical certificate"),
      requiredWhen: { field: "ground", equals: "never" },
    },
  ],
  states: {
    draft: { category: "draft", label: t("Draft") },
    submitted: { category: "open", label: t("Submitted") },
    "in-review": { category: "open", label: t("In review") },
    "awaiting-documents": { category: "waiting", label: t("Waiting for documents"), pausesDeadline: true },
    "decision-drafted": { category: "open", label: t("Decision drafted") },
    approved: { category: "open", label: t("Approved") },
    decided: { category: "decided", label: t("Decided") },
    withdrawn: { category: "closed", label: t("Withdrawn") },
  },
  initialState: "draft",
  submittedState: "submitted",
  transitions: [
    {
      name: "start-review",
      label: t("Start review"),
      from: ["submitted"],
      to: "in-review",
      allowed: "cases.process",
    },
    {
      name: "request-documents",
      label: t("Request documents"),
      from: ["in-review"],
      to: "awaiting-documents",
      allowed: "cases.process",
      effect: "requestDocuments",
    },
    {
      name: "provide-documents",
      label: t("Send the documents"),
      from: ["awaiting-documents"],
      to: "in-review",
      allowed: "applicant",
      guards: ["documentsComplete"],
      effect: "provideDocuments",
    },
    {
      name: "draft-decision",
      label: t("Draft decision"),
      from: ["in-review"],
      to: "decision-drafted",
      allowed: "cases.process",
      guards: ["mandatoryTasksDone", "documentsComplete"],
      effect: "draftDecision",
    },
    {
      name: "approve",
      label: t("Approve"),
      from: ["decision-drafted"],
      to: "approved",
      allowed: "cases.approve",
      guards: ["decisionDrafted", "fourEyes"],
      effect: "approveDecision",
    },
    {
      name: "return",
      label: t("Return"),
      from: ["decision-drafted"],
      to: "in-review",
      allowed: "cases.approve",
      effect: "returnDecision",
    },
    {
      name: "issue",
      label: t("Issue"),
      from: ["approved"],
      to: "decided",
      allowed: "cases.process",
      effect: "issueDecision",
    },
    {
      name: "withdraw",
      label: t("Withdraw"),
      from: ["submitted", "in-review", "awaiting-documents"],
      to: "withdrawn",
      allowed: "applicant",
      effect: "withdraw",
    },
  ],
  tasks: [
    {
      code: "labour-market-opinion",
      name: t("Labour-market opinion"),
      onEnter: "in-review",
      agencyKind: "labour",
      permission: "labour.opinion",
      results: [
        { value: "positive", label: t("Positive") },
        { value: "negative", label: t("Negative") },
      ],
      sharedAnswers: ["fullName", "citizenship", "employer"],
    },
  ],
  outcomes: [
    { code: "approved", label: t("Granted"), issuesDocument: true, validityMonths: 12 },
    { code: "refused", label: t("Refused"), issuesDocument: false },
  ],
});
