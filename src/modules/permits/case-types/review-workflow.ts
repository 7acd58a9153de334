import type { CaseTypeInput } from "../../cases/index.js";

/**
 * The workflow of a permit an officer decides: submitted, reviewed (the applicant may be asked
 * for documents, which stops the legal clock), a decision drafted by one officer and approved by
 * another, then issued. Shared by the four officer procedures; changing it changes each of them,
 * so it is done only together with a new `version` of every case type that uses it.
 */
export const reviewStates: CaseTypeInput["states"] = {
  draft: { category: "draft", label: { az: "Qaralama", en: "Draft", ru: "Черновик" } },
  submitted: { category: "open", label: { az: "Təqdim edilib", en: "Submitted", ru: "Подано" } },
  "in-review": { category: "open", label: { az: "Baxılır", en: "In review", ru: "На рассмотрении" } },
  "awaiting-documents": {
    category: "waiting",
    label: { az: "Sənəd gözlənilir", en: "Waiting for documents", ru: "Ожидаются документы" },
    pausesDeadline: true,
  },
  "decision-drafted": {
    category: "open",
    label: {
      az: "Qərar layihəsi hazırlanıb",
      en: "Decision drafted",
      ru: "Проект решения подготовлен",
    },
  },
  approved: {
    category: "open",
    label: { az: "Qərar təsdiqlənib", en: "Decision approved", ru: "Решение утверждено" },
  },
  decided: { category: "decided", label: { az: "Qərar verilib", en: "Decided", ru: "Решение принято" } },
  withdrawn: { category: "closed", label: { az: "Geri götürülüb", en: "Withdrawn", ru: "Отозвано" } },
};

export const reviewTransitions: CaseTypeInput["transitions"] = [
  {
    name: "start-review",
    label: { az: "Baxışa başla", en: "Start the review", ru: "Начать рассмотрение" },
    from: ["submitted"],
    to: "in-review",
    allowed: "cases.process",
  },
  {
    name: "request-documents",
    label: { az: "Sənəd tələb et", en: "Request documents", ru: "Запросить документы" },
    from: ["in-review"],
    to: "awaiting-documents",
    allowed: "cases.process",
    effect: "requestDocuments",
  },
  {
    name: "provide-documents",
    label: { az: "Sənədləri göndər", en: "Send the documents", ru: "Отправить документы" },
    from: ["awaiting-documents"],
    to: "in-review",
    allowed: "applicant",
    guards: ["documentsComplete"],
    effect: "provideDocuments",
  },
  {
    name: "draft-decision",
    label: { az: "Qərar layihəsini hazırla", en: "Draft the decision", ru: "Подготовить проект решения" },
    from: ["in-review"],
    to: "decision-drafted",
    allowed: "cases.process",
    guards: ["mandatoryTasksDone", "documentsComplete"],
    effect: "draftDecision",
  },
  {
    name: "approve",
    label: { az: "Qərarı təsdiq et", en: "Approve the decision", ru: "Утвердить решение" },
    from: ["decision-drafted"],
    to: "approved",
    allowed: "cases.approve",
    guards: ["decisionDrafted", "fourEyes"],
    effect: "approveDecision",
  },
  {
    name: "return",
    label: { az: "Yenidən baxılmağa qaytar", en: "Return for review", ru: "Вернуть на доработку" },
    from: ["decision-drafted"],
    to: "in-review",
    allowed: "cases.approve",
    effect: "returnDecision",
  },
  {
    name: "issue",
    label: { az: "Qərarı ver", en: "Issue the decision", ru: "Выдать решение" },
    from: ["approved"],
    to: "decided",
    allowed: "cases.process",
    effect: "issueDecision",
  },
  {
    name: "withdraw",
    label: { az: "Müraciəti geri götür", en: "Withdraw the application", ru: "Отозвать заявление" },
    from: ["submitted", "in-review", "awaiting-documents"],
    to: "withdrawn",
    allowed: "applicant",
    effect: "withdraw",
  },
];

/** The states and transitions of a reviewed procedure, ready to spread into a definition. */
export const reviewWorkflow = {
  states: reviewStates,
  initialState: "draft",
  submittedState: "submitted",
  transitions: reviewTransitions,
} satisfies Partial<CaseTypeInput>;

/** A refusal: a reasoned decision without a document. */
export const refusedOutcome: CaseTypeInput["outcomes"][number] = {
  code: "refused",
  label: { az: "İmtina edilib", en: "Refused", ru: "Отказано" },
  issuesDocument: false,
};
