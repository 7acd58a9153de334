import type { CaseTypeInput } from "../../cases/index.js";

type Label = { az: string; en: string; ru: string };
const open = (label: Label) => ({ category: "open" as const, label });

/**
 * The asylum procedure's states: registration, identity and document checks, the interview (with
 * an interpreter, its record confirmed by the applicant), country-of-origin notes and assessment, a
 * first-instance decision drafted by one officer and approved by another, its notification; an
 * appeal keeps the person's application pending until the final decision. A withdrawal, explicit
 * or implicit (missed interview, absconding), ends the procedure without a decision.
 */
export const asylumStates: CaseTypeInput["states"] = {
  draft: { category: "draft", label: { az: "Qaralama", en: "Draft", ru: "Черновик" } },
  registered: open({ az: "Qeydə alınıb", en: "Registered", ru: "Зарегистрировано" }),
  "identity-checks": open({
    az: "Şəxsiyyət və sənədlər yoxlanılır",
    en: "Identity and document checks",
    ru: "Проверка личности и документов",
  }),
  "interview-scheduled": open({
    az: "Müsahibə təyin edilib",
    en: "Interview scheduled",
    ru: "Собеседование назначено",
  }),
  "interview-held": open({ az: "Müsahibə keçirilib", en: "Interview held", ru: "Собеседование проведено" }),
  assessment: open({ az: "Qiymətləndirmə", en: "Assessment", ru: "Оценка" }),
  "decision-drafted": open({
    az: "Qərar layihəsi hazırlanıb",
    en: "Decision drafted",
    ru: "Проект решения подготовлен",
  }),
  "decision-approved": open({ az: "Qərar təsdiqlənib", en: "Decision approved", ru: "Решение утверждено" }),
  notified: {
    category: "decided",
    label: {
      az: "Birinci instansiya qərarı bildirilib",
      en: "First-instance decision notified",
      ru: "Решение первой инстанции объявлено",
    },
  },
  "appeal-lodged": {
    category: "waiting",
    label: { az: "Şikayət verilib", en: "Appeal lodged", ru: "Подана жалоба" },
  },
  "final-decision-drafted": open({
    az: "Yekun qərar qeydə alınıb",
    en: "Final decision recorded",
    ru: "Окончательное решение внесено",
  }),
  "final-decision-approved": open({
    az: "Yekun qərar təsdiqlənib",
    en: "Final decision approved",
    ru: "Окончательное решение утверждено",
  }),
  "finally-decided": {
    category: "decided",
    label: { az: "Yekun qərar verilib", en: "Finally decided", ru: "Окончательное решение" },
  },
  withdrawn: { category: "closed", label: { az: "Geri götürülüb", en: "Withdrawn", ru: "Отозвано" } },
  "implicitly-withdrawn": {
    category: "closed",
    label: {
      az: "Geri götürülmüş sayılır",
      en: "Implicitly withdrawn",
      ru: "Считается отозванным",
    },
  },
};

/** Before the first-instance decision is notified, and while an appeal runs. */
const undecided = ["registered", "identity-checks", "interview-scheduled", "interview-held", "assessment"];

export const asylumTransitions: CaseTypeInput["transitions"] = [
  {
    name: "start-checks",
    label: { az: "Yoxlamalara başla", en: "Start the checks", ru: "Начать проверки" },
    from: ["registered"],
    to: "identity-checks",
    allowed: "cases.process",
  },
  {
    name: "schedule-interview",
    label: { az: "Müsahibə təyin et", en: "Schedule the interview", ru: "Назначить собеседование" },
    from: ["identity-checks"],
    to: "interview-scheduled",
    allowed: "cases.process",
    guards: ["mandatoryTasksDone"],
  },
  {
    name: "hold-interview",
    label: {
      az: "Müsahibə keçirildi",
      en: "Record that the interview was held",
      ru: "Отметить проведение собеседования",
    },
    from: ["interview-scheduled"],
    to: "interview-held",
    allowed: "cases.process",
    guards: ["mandatoryTasksDone"],
  },
  {
    name: "start-assessment",
    label: { az: "Qiymətləndirməyə başla", en: "Start the assessment", ru: "Начать оценку" },
    from: ["interview-held"],
    to: "assessment",
    allowed: "cases.process",
    guards: ["mandatoryTasksDone"],
  },
  {
    name: "draft-decision",
    label: { az: "Qərar layihəsini hazırla", en: "Draft the decision", ru: "Подготовить проект решения" },
    from: ["assessment"],
    to: "decision-drafted",
    allowed: "cases.process",
    guards: ["mandatoryTasksDone"],
    effect: "draftDecision",
  },
  {
    name: "approve",
    label: { az: "Qərarı təsdiq et", en: "Approve the decision", ru: "Утвердить решение" },
    from: ["decision-drafted"],
    to: "decision-approved",
    allowed: "cases.approve",
    guards: ["decisionDrafted", "fourEyes"],
    effect: "approveDecision",
  },
  {
    name: "return",
    label: { az: "Yenidən baxılmağa qaytar", en: "Return for assessment", ru: "Вернуть на оценку" },
    from: ["decision-drafted"],
    to: "assessment",
    allowed: "cases.approve",
    effect: "returnDecision",
  },
  {
    name: "notify",
    label: { az: "Qərarı bildir", en: "Notify the decision", ru: "Объявить решение" },
    from: ["decision-approved"],
    to: "notified",
    allowed: "cases.process",
    effect: "issueDecision",
  },
  {
    name: "lodge-appeal",
    label: { az: "Şikayəti qeydə al", en: "Record the appeal", ru: "Зарегистрировать жалобу" },
    from: ["notified"],
    to: "appeal-lodged",
    allowed: "cases.process",
  },
  {
    name: "record-final-decision",
    label: {
      az: "Yekun qərarı qeydə al",
      en: "Record the final decision",
      ru: "Внести окончательное решение",
    },
    from: ["appeal-lodged"],
    to: "final-decision-drafted",
    allowed: "cases.process",
    effect: "draftDecision",
  },
  {
    name: "approve-final-decision",
    label: {
      az: "Yekun qərarı təsdiq et",
      en: "Approve the final decision",
      ru: "Утвердить окончательное решение",
    },
    from: ["final-decision-drafted"],
    to: "final-decision-approved",
    allowed: "cases.approve",
    guards: ["decisionDrafted", "fourEyes"],
    effect: "approveDecision",
  },
  {
    name: "return-final-decision",
    label: { az: "Qeydi qaytar", en: "Return the record", ru: "Вернуть запись" },
    from: ["final-decision-drafted"],
    to: "appeal-lodged",
    allowed: "cases.approve",
    effect: "returnDecision",
  },
  {
    name: "notify-final-decision",
    label: {
      az: "Yekun qərarı bildir",
      en: "Notify the final decision",
      ru: "Объявить окончательное решение",
    },
    from: ["final-decision-approved"],
    to: "finally-decided",
    allowed: "cases.process",
    effect: "issueDecision",
  },
  {
    // The applicant's written withdrawal, which the officer records: the applicant has no account.
    name: "withdraw",
    label: {
      az: "Müraciət geri götürüldü",
      en: "Record the applicant's withdrawal",
      ru: "Зарегистрировать отзыв заявления",
    },
    from: [...undecided, "appeal-lodged"],
    to: "withdrawn",
    allowed: "cases.process",
    effect: "withdraw",
  },
  {
    // Missed interview without reason, absconding, no contact: counted as a withdrawal (Eurostat).
    name: "withdraw-implicitly",
    label: {
      az: "Geri götürülmüş say (müsahibəyə gəlməyib, yoxa çıxıb)",
      en: "Treat as withdrawn (missed interview, absconded)",
      ru: "Считать отозванным (не явился, скрылся)",
    },
    from: [...undecided, "appeal-lodged"],
    to: "implicitly-withdrawn",
    allowed: "cases.process",
    effect: "withdraw",
  },
];

const done = { value: "done", label: { az: "Edildi", en: "Done", ru: "Выполнено" } };

export const asylumTasks: CaseTypeInput["tasks"] = [
  {
    code: "identity-check",
    name: { az: "Şəxsiyyətin müəyyən edilməsi", en: "Identity check", ru: "Установление личности" },
    onEnter: "identity-checks",
    agencyKind: "migration_service",
    permission: "cases.process",
    results: [
      { value: "established", label: { az: "Müəyyən edilib", en: "Established", ru: "Установлена" } },
      {
        value: "not-established",
        label: { az: "Müəyyən edilməyib", en: "Not established", ru: "Не установлена" },
      },
    ],
  },
  {
    code: "document-check",
    name: { az: "Sənədlərin yoxlanılması", en: "Document check", ru: "Проверка документов" },
    onEnter: "identity-checks",
    agencyKind: "migration_service",
    permission: "cases.process",
    results: [
      { value: "genuine", label: { az: "Həqiqidir", en: "Genuine", ru: "Подлинные" } },
      { value: "doubtful", label: { az: "Şübhəlidir", en: "Doubtful", ru: "Сомнительные" } },
      { value: "none", label: { az: "Sənəd yoxdur", en: "No document", ru: "Документов нет" } },
    ],
  },
  {
    code: "interpreter",
    name: { az: "Tərcüməçi", en: "Interpreter", ru: "Переводчик" },
    onEnter: "interview-scheduled",
    agencyKind: "migration_service",
    permission: "cases.process",
    results: [
      { value: "booked", label: { az: "Təmin edilib", en: "Booked", ru: "Обеспечен" } },
      { value: "not-needed", label: { az: "Lazım deyil", en: "Not needed", ru: "Не нужен" } },
    ],
  },
  {
    code: "interview-record",
    name: {
      az: "Müsahibə protokolunun təsdiqi",
      en: "Interview record confirmed by the applicant",
      ru: "Подтверждение протокола собеседования заявителем",
    },
    onEnter: "interview-held",
    agencyKind: "migration_service",
    permission: "cases.process",
    results: [
      { value: "confirmed", label: { az: "Təsdiqlənib", en: "Confirmed", ru: "Подтверждён" } },
      {
        value: "confirmed-with-corrections",
        label: {
          az: "Düzəlişlərlə təsdiqlənib",
          en: "Confirmed with corrections",
          ru: "Подтверждён с исправлениями",
        },
      },
      {
        value: "refused",
        label: { az: "Təsdiqdən imtina edib", en: "Refused to confirm", ru: "Отказался подтвердить" },
      },
    ],
  },
  {
    code: "country-of-origin",
    name: {
      az: "Mənşə ölkəsi haqqında məlumat",
      en: "Country-of-origin notes",
      ru: "Сведения о стране происхождения",
    },
    onEnter: "assessment",
    agencyKind: "migration_service",
    permission: "cases.process",
    results: [done],
  },
];
