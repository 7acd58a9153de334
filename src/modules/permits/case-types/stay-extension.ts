import { defineCaseType } from "../../cases/index.js";
import { aboutYouPage, passportCopy } from "./common-requirements.js";
import { refusedOutcome, reviewWorkflow } from "./review-workflow.js";

/**
 * Extension of a temporary stay: the foreigner applies before the permitted stay ends; the State
 * Migration Service decides within 3 working days.
 */
export const stayExtension = defineCaseType({
  code: "stay-extension",
  version: 1,
  numberPrefix: "EXT",
  name: {
    az: "Müvəqqəti olma müddətinin uzadılması",
    en: "Extension of temporary stay",
    ru: "Продление срока временного пребывания",
  },
  summary: {
    az: "Azərbaycanda müvəqqəti olan əcnəbi və ya vətəndaşlığı olmayan şəxs olma müddəti bitməzdən ən azı 3 gün əvvəl onun uzadılması üçün müraciət edir. Müraciət rədd edilərsə, olma müddəti bitənədək ölkəni tərk etmək lazımdır.",
    en: "A foreign national or stateless person staying in Azerbaijan temporarily applies to extend the stay at least 3 days before it ends. If the application is refused, you must leave the country before your stay ends.",
    ru: "Иностранец или лицо без гражданства, временно пребывающий в Азербайджане, подаёт заявление о продлении срока пребывания не позднее чем за 3 дня до его окончания. Если в продлении отказано, страну нужно покинуть до окончания срока пребывания.",
  },
  applicants: ["applicant"],
  responsibleAgency: "SMS",
  legalBasis: {
    az: "Azərbaycan Respublikasının Miqrasiya Məcəlləsi (2013) — əcnəbilərin və vətəndaşlığı olmayan şəxslərin müvəqqəti olma müddətinin uzadılması; “Dövlət rüsumu haqqında” Azərbaycan Respublikasının Qanunu",
    en: "Migration Code of the Republic of Azerbaijan (2013) — extension of the temporary stay of foreigners and stateless persons; Law of the Republic of Azerbaijan on State Duty",
    ru: "Миграционный кодекс Азербайджанской Республики (2013) — продление срока временного пребывания иностранцев и лиц без гражданства; Закон Азербайджанской Республики «О государственной пошлине»",
  },
  legalTime: { amount: 3, unit: "working" },
  // State duty in qəpik. Configuration, to be checked against the current Law on State Duty: the
  // duty depends on the length of the extension and the applicant's age; this is the adult rate
  // for up to 30 days. The express tier is Karvan's configuration of a paid faster service.
  fee: {
    amountMinor: 3000,
    expressTiers: [
      {
        code: "express-1",
        name: { az: "Təcili (1 iş günü)", en: "Express (1 working day)", ru: "Срочно (1 рабочий день)" },
        amountMinor: 6000,
        legalTime: { amount: 1, unit: "working" },
      },
    ],
  },
  form: [
    aboutYouPage,
    {
      id: "stay",
      title: { az: "Olma müddəti", en: "Your stay", ru: "Срок пребывания" },
      fields: [
        {
          name: "currentStayEnds",
          kind: "date",
          when: "future",
          label: {
            az: "Hazırkı olma müddətinizin bitdiyi tarix",
            en: "Date your current permitted stay ends",
            ru: "Дата окончания текущего срока пребывания",
          },
          hint: {
            az: "Vizada və ya vizasız rejimdə göstərilən son gün.",
            en: "The last day shown on your visa, or allowed without a visa.",
            ru: "Последний день по визе или по безвизовому режиму.",
          },
        },
        {
          name: "extendUntil",
          kind: "date",
          when: "future",
          // An extension ends after the stay it extends.
          earliest: { answer: "currentStayEnds", days: 1 },
          label: {
            az: "Olma müddətini hansı tarixədək uzatmaq istəyirsiniz?",
            en: "Until which date do you ask to stay?",
            ru: "До какой даты вы просите продлить пребывание?",
          },
        },
        {
          name: "reason",
          kind: "radios",
          label: {
            az: "Niyə daha uzun qalmalısınız?",
            en: "Why do you need to stay longer?",
            ru: "Почему вам нужно остаться дольше?",
          },
          options: [
            {
              value: "treatment",
              label: { az: "Müalicə", en: "Medical treatment", ru: "Лечение" },
            },
            {
              value: "family",
              label: { az: "Ailə vəziyyəti", en: "Family circumstances", ru: "Семейные обстоятельства" },
            },
            {
              value: "business",
              label: { az: "İşgüzar səfər", en: "Business", ru: "Деловая поездка" },
            },
            { value: "other", label: { az: "Digər səbəb", en: "Another reason", ru: "Другая причина" } },
          ],
        },
        {
          name: "reasonDetails",
          kind: "textarea",
          maxLength: 1000,
          label: {
            az: "Səbəbi qısaca izah edin",
            en: "Explain the reason briefly",
            ru: "Кратко объясните причину",
          },
          showWhen: { field: "reason", equals: "other" },
        },
      ],
    },
  ],
  documents: [
    passportCopy,
    {
      code: "medical-letter",
      name: {
        az: "Müalicə müəssisəsinin arayışı",
        en: "Letter from the medical institution",
        ru: "Справка медицинского учреждения",
      },
      requiredWhen: { field: "reason", equals: "treatment" },
    },
    {
      code: "reason-evidence",
      name: {
        az: "Səbəbi təsdiq edən sənəd",
        en: "A document that supports the reason",
        ru: "Документ, подтверждающий причину",
      },
      hint: {
        az: "Məsələn, dəvət məktubu, qohumluq sənədi və ya bilet sifarişi.",
        en: "For example an invitation letter, a family document or a ticket booking.",
        ru: "Например, приглашение, документ о родстве или бронь билета.",
      },
      requiredWhen: { field: "reason", in: ["family", "business", "other"] },
    },
  ],
  ...reviewWorkflow,
  outcomes: [
    {
      code: "approved",
      label: { az: "Olma müddəti uzadılıb", en: "Stay extended", ru: "Срок пребывания продлён" },
      issuesDocument: true,
      // The decision extends the stay to the date asked for (an officer may refuse a longer one).
      validUntilAnswer: "extendUntil",
    },
    refusedOutcome,
  ],
  // The person the register links the case to: the applicant.
  persons: [
    {
      role: "applicant",
      fullName: "fullName",
      birthDate: "birthDate",
      citizenship: "citizenship",
      document: { number: "passportNumber", type: "passport" },
    },
  ],
  // An extension of a short stay is no residence permit: an application and its decision only.
  statistics: {
    counts: "application",
    person: { citizenship: "citizenship", birthDate: "birthDate", travelDocument: "passportNumber" },
    outcomes: { approved: "GRANTED", refused: "REFUSED" },
  },
});
