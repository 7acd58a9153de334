import { countryProfile } from "../../../../platform/country/index.js";
import { type CaseTypeInput, defineCaseType } from "../../../cases/index.js";
import { loadReturnLaw } from "../return-law.js";

/** The law values the form's limits come from (law/<country>.json). */
const law = loadReturnLaw(countryProfile().code);

/** The migration service of the country profile issues orders to leave. */
function migrationService(): string {
  const agency = countryProfile().agencies.find((one) => one.kind === "migration_service");
  if (!agency) throw new Error("the country profile names no migration_service agency for return orders");
  return agency.code;
}

const yesNo = [
  { value: "yes", label: { az: "Bəli", en: "Yes", ru: "Да" } },
  { value: "no", label: { az: "Xeyr", en: "No", ru: "Нет" } },
];

const states: CaseTypeInput["states"] = {
  draft: { category: "draft", label: { az: "Qaralama", en: "Draft", ru: "Черновик" } },
  registered: { category: "open", label: { az: "Qeydə alınıb", en: "Registered", ru: "Зарегистрировано" } },
  "order-drafted": {
    category: "open",
    label: { az: "Qərar layihəsi hazırlanıb", en: "Order drafted", ru: "Проект предписания подготовлен" },
  },
  approved: {
    category: "open",
    label: { az: "Qərar təsdiqlənib", en: "Order approved", ru: "Предписание утверждено" },
  },
  notified: {
    category: "open",
    label: { az: "Şəxsə bildirilib", en: "Notified to the person", ru: "Объявлено лицу" },
  },
  "removal-ordered": {
    category: "open",
    label: {
      az: "Məcburi çıxarılma təyin edilib",
      en: "Removal ordered",
      ru: "Назначено принудительное выдворение",
    },
  },
  absconded: {
    category: "waiting",
    label: { az: "Şəxs gizlənib", en: "Absconded", ru: "Лицо скрылось" },
  },
  departed: {
    category: "closed",
    label: { az: "Könüllü çıxıb", en: "Departed voluntarily", ru: "Выехал добровольно" },
  },
  removed: {
    category: "closed",
    label: { az: "Çıxarılıb", en: "Removed", ru: "Выдворен" },
  },
  cancelled: { category: "closed", label: { az: "Ləğv edilib", en: "Cancelled", ru: "Отменено" } },
};

const transitions: CaseTypeInput["transitions"] = [
  {
    name: "draft-order",
    label: { az: "Qərar layihəsini hazırla", en: "Draft the order", ru: "Подготовить проект предписания" },
    from: ["registered"],
    to: "order-drafted",
    allowed: "cases.process",
    effect: "draftDecision",
  },
  {
    name: "approve",
    label: { az: "Qərarı təsdiq et", en: "Approve the order", ru: "Утвердить предписание" },
    from: ["order-drafted"],
    to: "approved",
    allowed: "cases.approve",
    guards: ["decisionDrafted", "fourEyes"],
    effect: "approveDecision",
  },
  {
    name: "return",
    label: { az: "Yenidən baxılmağa qaytar", en: "Return for changes", ru: "Вернуть на доработку" },
    from: ["order-drafted"],
    to: "registered",
    allowed: "cases.approve",
    effect: "returnDecision",
  },
  {
    name: "notify",
    label: { az: "Bildirişi qeyd et", en: "Record the notice", ru: "Отметить объявление" },
    from: ["approved"],
    to: "notified",
    allowed: "cases.process",
    effect: "issueDecision",
  },
  {
    name: "record-departure",
    label: { az: "Könüllü çıxışı qeyd et", en: "Record the departure", ru: "Отметить добровольный выезд" },
    from: ["notified"],
    to: "departed",
    allowed: "cases.process",
    answers: [
      {
        // What Regulation (EU) 2020/851 counts is the assistance received, not the offer of the order.
        name: "assistanceReceived",
        kind: "choice",
        choices: [
          { value: "yes", label: "returnOrders.page.yes" },
          { value: "no", label: "returnOrders.page.no" },
        ],
        required: true,
        label: "returnOrders.page.assistanceReceived",
        hint: "returnOrders.page.assistanceReceivedHint",
        requiredMessage: "returnOrders.errors.assistance_received",
      },
    ],
  },
  {
    name: "order-removal",
    label: { az: "Məcburi çıxarılmanı təyin et", en: "Order removal", ru: "Назначить выдворение" },
    from: ["notified"],
    to: "removal-ordered",
    allowed: "cases.process",
  },
  {
    name: "record-removal",
    label: { az: "Çıxarılmanı qeyd et", en: "Record the removal", ru: "Отметить выдворение" },
    from: ["removal-ordered"],
    to: "removed",
    allowed: "cases.process",
  },
  {
    name: "record-absconding",
    label: { az: "Gizlənməni qeyd et", en: "Record absconding", ru: "Отметить, что лицо скрылось" },
    from: ["notified", "removal-ordered"],
    to: "absconded",
    allowed: "cases.process",
  },
  {
    name: "person-found",
    label: { az: "Şəxs tapılıb", en: "Person found", ru: "Лицо обнаружено" },
    from: ["absconded"],
    to: "removal-ordered",
    allowed: "cases.process",
  },
  {
    name: "cancel",
    label: { az: "Qərarı ləğv et", en: "Cancel the order", ru: "Отменить предписание" },
    from: ["registered", "order-drafted", "approved", "notified", "removal-ordered", "absconded"],
    to: "cancelled",
    allowed: "cases.approve",
  },
];

/**
 * An order to leave the country, registered by a return officer: the person (entered into the
 * person register), the grounds, the period for voluntary departure (the Azerbaijani 48 hours, or a
 * number of days in the law's range), an entry ban, assisted voluntary return and the destination.
 * The order is drafted by one officer and approved by another; the departure period runs from the
 * notice (the decision issued); the outcome is a voluntary departure, a removal or absconding.
 */
export const returnOrder = defineCaseType({
  code: "return-order",
  version: 1,
  numberPrefix: "RET",
  name: { az: "Ölkəni tərk etmək barədə qərar", en: "Order to leave", ru: "Предписание покинуть страну" },
  summary: {
    az: "Əcnəbiyə ölkəni tərk etmək barədə qərar: könüllü çıxış müddəti, giriş qadağası və çıxarılma.",
    en: "An order for a foreign national to leave: the period for voluntary departure, an entry ban and removal.",
    ru: "Предписание иностранцу покинуть страну: срок добровольного выезда, запрет въезда и выдворение.",
  },
  applicants: ["staff"],
  responsibleAgency: migrationService(),
  legalBasis: {
    az: "Azərbaycan Respublikasının Miqrasiya Məcəlləsi; İnzibati Xətalar Məcəlləsi (inzibati qaydada çıxarılma)",
    en: "Migration Code of the Republic of Azerbaijan; Code of Administrative Offences (administrative expulsion)",
    ru: "Миграционный кодекс Азербайджанской Республики; Кодекс об административных проступках (административное выдворение)",
  },
  fee: { amountMinor: 0 },
  form: [
    {
      id: "person",
      title: { az: "Şəxs", en: "The person", ru: "Лицо" },
      fields: [
        { name: "familyName", kind: "text", label: { az: "Soyadı", en: "Family name", ru: "Фамилия" } },
        { name: "givenNames", kind: "text", label: { az: "Adı", en: "Given names", ru: "Имя" } },
        {
          name: "birthDate",
          kind: "date",
          when: "past",
          label: { az: "Doğum tarixi", en: "Date of birth", ru: "Дата рождения" },
        },
        {
          name: "sex",
          kind: "radios",
          label: { az: "Cinsi", en: "Sex", ru: "Пол" },
          options: [
            { value: "F", label: { az: "Qadın", en: "Female", ru: "Женский" } },
            { value: "M", label: { az: "Kişi", en: "Male", ru: "Мужской" } },
          ],
        },
        {
          name: "citizenship",
          kind: "country",
          label: { az: "Vətəndaşlığı", en: "Citizenship", ru: "Гражданство" },
        },
        {
          name: "documentNumber",
          kind: "documentNumber",
          required: false,
          label: { az: "Pasportun nömrəsi", en: "Passport number", ru: "Номер паспорта" },
        },
      ],
    },
    {
      id: "order",
      title: { az: "Qərar", en: "The order", ru: "Предписание" },
      fields: [
        {
          name: "ground",
          kind: "radios",
          label: { az: "Əsas", en: "Grounds", ru: "Основание" },
          options: [
            {
              value: "stay-violation",
              label: {
                az: "Olma qaydalarının pozulması",
                en: "Violation of the rules of stay",
                ru: "Нарушение правил пребывания",
              },
            },
            {
              value: "asylum-refused",
              label: { az: "Sığınacaqdan imtina", en: "Asylum refused", ru: "Отказ в убежище" },
            },
            {
              value: "administrative-expulsion",
              label: {
                az: "İnzibati tənbeh kimi çıxarılma",
                en: "Expulsion as an administrative penalty",
                ru: "Выдворение как административное взыскание",
              },
            },
            { value: "other", label: { az: "Digər", en: "Other", ru: "Другое" } },
          ],
        },
        {
          name: "groundDetails",
          kind: "textarea",
          maxLength: 1000,
          showWhen: { field: "ground", equals: "other" },
          label: { az: "Əsasın təsviri", en: "Describe the grounds", ru: "Опишите основание" },
        },
        {
          name: "departurePeriod",
          kind: "radios",
          label: {
            az: "Könüllü çıxış müddəti",
            en: "Period for voluntary departure",
            ru: "Срок добровольного выезда",
          },
          options: [
            {
              value: "hours",
              label: {
                az: `Bildirişdən ${law.departureHours.hours} saat`,
                en: `${law.departureHours.hours} hours from the notice`,
                ru: `${law.departureHours.hours} часов с момента объявления`,
              },
            },
            {
              value: "days",
              label: {
                az: `${law.departureDays.min}–${law.departureDays.max} gün`,
                en: `${law.departureDays.min}–${law.departureDays.max} days`,
                ru: `${law.departureDays.min}–${law.departureDays.max} дней`,
              },
            },
          ],
        },
        {
          name: "departureDays",
          kind: "number",
          min: law.departureDays.min,
          max: law.departureDays.max,
          showWhen: { field: "departurePeriod", equals: "days" },
          label: { az: "Günlərin sayı", en: "Number of days", ru: "Количество дней" },
        },
        {
          name: "entryBan",
          kind: "radios",
          label: { az: "Ölkəyə giriş qadağası", en: "Entry ban", ru: "Запрет въезда" },
          options: [
            { value: "none", label: { az: "Yoxdur", en: "None", ru: "Нет" } },
            { value: "ban", label: { az: "Var", en: "Ban on entry", ru: "Запрет въезда" } },
          ],
        },
        {
          name: "entryBanYears",
          kind: "number",
          min: law.entryBanYears.min,
          max: law.entryBanYears.max,
          showWhen: { field: "entryBan", equals: "ban" },
          label: { az: "Qadağanın müddəti (il)", en: "Length of the ban (years)", ru: "Срок запрета (лет)" },
        },
        {
          name: "assistedReturnOffered",
          kind: "radios",
          options: yesNo,
          label: {
            az: "Könüllü qayıdışa yardım təklif edilib",
            en: "Assisted voluntary return offered",
            ru: "Предложено содействие добровольному возвращению",
          },
        },
        {
          name: "destination",
          kind: "radios",
          label: { az: "Təyinat", en: "Destination", ru: "Направление" },
          options: [
            {
              value: "origin",
              label: { az: "Mənşə ölkəsi", en: "Country of origin", ru: "Страна происхождения" },
            },
            {
              value: "transit",
              label: { az: "Tranzit ölkə", en: "Country of transit", ru: "Страна транзита" },
            },
            {
              value: "third-country",
              label: { az: "Digər üçüncü ölkə", en: "Other third country", ru: "Другая третья страна" },
            },
          ],
        },
        {
          name: "destinationCountry",
          kind: "country",
          label: { az: "Təyinat ölkəsi", en: "Country of destination", ru: "Страна назначения" },
        },
      ],
    },
  ],
  states,
  initialState: "draft",
  submittedState: "registered",
  transitions,
  outcomes: [
    {
      code: "order-to-leave",
      label: {
        az: "Ölkəni tərk etmək barədə qərar",
        en: "Order to leave",
        ru: "Предписание покинуть страну",
      },
      issuesDocument: false,
    },
  ],
  persons: [
    {
      role: "applicant",
      familyName: "familyName",
      givenNames: "givenNames",
      birthDate: "birthDate",
      sex: "sex",
      citizenship: "citizenship",
      document: { number: "documentNumber", type: "passport", issuingState: "citizenship" },
    },
  ],
  statistics: {
    counts: "return",
    person: {
      citizenship: "citizenship",
      birthDate: "birthDate",
      sex: "sex",
      travelDocument: "documentNumber",
    },
    returns: {
      returnedBy: { "record-departure": "voluntary", "record-removal": "forced" },
      assistanceOffered: "assistedReturnOffered",
      // The departure step's answer (record-departure), since an offer is not always taken up.
      assistanceReceived: "assistanceReceived",
      destination: {
        answer: "destination",
        codes: { origin: "origin", transit: "transit", "third-country": "other" },
      },
    },
  },
  access: { read: "return.manage", register: "return.manage" },
  // Each step records beside the case (the outcome, the ban, the deadline): moveReturnOrder takes it.
  actionsPage: "/return-orders/:id",
});
