import { defineCaseType } from "../../cases/index.js";
import {
  aboutYouPage,
  closeRelativeOptions,
  housingDocument,
  meansOfSubsistence,
  medicalCertificate,
  passportCopy,
  photo,
} from "./common-requirements.js";
import { refusedOutcome, reviewWorkflow } from "./review-workflow.js";

/**
 * Permanent residence permit (Migration Code, article 52): for temporary residents after two
 * years of uninterrupted residence, close relatives of citizens, and holders who extend it.
 * Issued for five years; it can be extended any number of times.
 */
export const permanentResidencePermit = defineCaseType({
  code: "permanent-residence-permit",
  version: 1,
  numberPrefix: "PRP",
  name: {
    az: "Daimi yaşamaq icazəsi",
    en: "Permanent residence permit",
    ru: "Разрешение на постоянное проживание",
  },
  summary: {
    az: "Azərbaycanda müvəqqəti yaşamaq icazəsi ilə yaşayan əcnəbi və ya vətəndaşlığı olmayan şəxs daimi yaşamaq hüququ alır. Hazırkı icazənizin bitməsinə ən azı 3 ay qalmış müraciət edin. İcazə 5 il müddətinə verilir və müddəti dəfələrlə uzadıla bilər.",
    en: "A foreign national or stateless person living in Azerbaijan on a temporary residence permit obtains the right to live here permanently. Apply at least 3 months before your current permit ends. The permit is issued for 5 years and can be extended any number of times.",
    ru: "Иностранец или лицо без гражданства, проживающий в Азербайджане по разрешению на временное проживание, получает право постоянного проживания. Подайте заявление не позднее чем за 3 месяца до окончания действующего разрешения. Разрешение выдаётся на 5 лет, и его срок можно продлевать неограниченное число раз.",
  },
  applicants: ["applicant"],
  responsibleAgency: "SMS",
  legalBasis: {
    az: "Azərbaycan Respublikasının Miqrasiya Məcəlləsi (2013), 52-ci maddə (daimi yaşamaq icazəsi); “Dövlət rüsumu haqqında” Azərbaycan Respublikasının Qanunu",
    en: "Migration Code of the Republic of Azerbaijan (2013), article 52 (permanent residence permit); Law of the Republic of Azerbaijan on State Duty",
    ru: "Миграционный кодекс Азербайджанской Республики (2013), статья 52 (разрешение на постоянное проживание); Закон Азербайджанской Республики «О государственной пошлине»",
  },
  legalTime: { amount: 60, unit: "calendar" },
  // State duty in qəpik. Configuration, to be checked against the current Law on State Duty,
  // which sets a higher duty for each shorter processing time.
  fee: {
    amountMinor: 10000,
    expressTiers: [
      {
        code: "express-50",
        name: { az: "Sürətli (50 gün)", en: "Faster (50 days)", ru: "Ускоренно (50 дней)" },
        amountMinor: 15000,
        legalTime: { amount: 50, unit: "calendar" },
      },
      {
        code: "express-40",
        name: { az: "Sürətli (40 gün)", en: "Faster (40 days)", ru: "Ускоренно (40 дней)" },
        amountMinor: 20000,
        legalTime: { amount: 40, unit: "calendar" },
      },
      {
        code: "express-35",
        name: { az: "Ən sürətli (35 gün)", en: "Fastest (35 days)", ru: "Максимально быстро (35 дней)" },
        amountMinor: 25000,
        legalTime: { amount: 35, unit: "calendar" },
      },
    ],
  },
  form: [
    aboutYouPage,
    {
      id: "residence",
      title: {
        az: "Azərbaycanda yaşamanız",
        en: "Your residence in Azerbaijan",
        ru: "Ваше проживание в Азербайджане",
      },
      fields: [
        {
          name: "permitCardNumber",
          kind: "documentNumber",
          label: {
            az: "Hazırkı yaşamaq icazəsi vəsiqənizin nömrəsi",
            en: "Number of your current residence permit card",
            ru: "Номер вашей действующей карточки разрешения на проживание",
          },
        },
        {
          name: "permitEnds",
          kind: "date",
          when: "future",
          label: {
            az: "Hazırkı icazənizin bitdiyi tarix",
            en: "Date your current permit ends",
            ru: "Дата окончания действующего разрешения",
          },
          hint: {
            az: "Bu tarixə ən azı 3 ay qalmış müraciət edin.",
            en: "Apply at least 3 months before this date.",
            ru: "Подайте заявление не позднее чем за 3 месяца до этой даты.",
          },
        },
        {
          name: "yearsOfResidence",
          kind: "number",
          min: 0,
          max: 100,
          label: {
            az: "Azərbaycanda neçə ildir fasiləsiz yaşayırsınız?",
            en: "For how many years have you lived in Azerbaijan without interruption?",
            ru: "Сколько лет вы непрерывно проживаете в Азербайджане?",
          },
        },
        {
          name: "addressInAzerbaijan",
          kind: "address",
          label: {
            az: "Azərbaycanda yaşadığınız ünvan",
            en: "Your address in Azerbaijan",
            ru: "Ваш адрес в Азербайджане",
          },
        },
      ],
    },
    {
      id: "basis",
      title: { az: "Müraciətin əsası", en: "Why you apply", ru: "Основание заявления" },
      fields: [
        {
          name: "basis",
          kind: "radios",
          label: {
            az: "Hansı əsasla müraciət edirsiniz?",
            en: "On which ground do you apply?",
            ru: "На каком основании вы подаёте заявление?",
          },
          options: [
            {
              value: "continuous-residence",
              label: {
                az: "Son 2 ildə müvəqqəti yaşamaq icazəsi ilə fasiləsiz yaşamışam",
                en: "I have lived here on a temporary residence permit without interruption for the last 2 years",
                ru: "Последние 2 года я непрерывно проживаю по разрешению на временное проживание",
              },
            },
            {
              value: "close-relative",
              label: {
                az: "Yaxın qohumum Azərbaycan vətəndaşıdır",
                en: "A close relative of mine is a citizen of Azerbaijan",
                ru: "Мой близкий родственник — гражданин Азербайджана",
              },
            },
            {
              value: "extension",
              label: {
                az: "Daimi yaşamaq icazəm var və onun müddətini uzatmaq istəyirəm",
                en: "I hold a permanent residence permit and ask to extend it",
                ru: "У меня есть разрешение на постоянное проживание, и я прошу его продлить",
              },
            },
          ],
        },
        {
          name: "relativeName",
          kind: "text",
          label: {
            az: "Qohumunuzun adı və soyadı",
            en: "Your relative's full name",
            ru: "Имя и фамилия вашего родственника",
          },
          showWhen: { field: "basis", equals: "close-relative" },
        },
        {
          name: "relationship",
          kind: "radios",
          label: {
            az: "O sizin nəyinizdir?",
            en: "How are you related?",
            ru: "Кем он или она вам приходится?",
          },
          options: closeRelativeOptions,
          showWhen: { field: "basis", equals: "close-relative" },
        },
      ],
    },
  ],
  documents: [
    passportCopy,
    photo,
    medicalCertificate,
    housingDocument,
    {
      code: "permit-card",
      name: {
        az: "Hazırkı yaşamaq icazəsi vəsiqəsinin surəti",
        en: "Copy of your current residence permit card",
        ru: "Копия действующей карточки разрешения на проживание",
      },
    },
    {
      ...meansOfSubsistence,
      // A citizen relative may take over the applicant's keep.
      requiredWhen: { not: { field: "basis", equals: "close-relative" } },
    },
    {
      code: "grounds-remain",
      name: {
        az: "Müvəqqəti yaşamaq icazəsinin verilməsinə əsas olmuş şərtlərin qaldığını təsdiq edən sənəd",
        en: "Proof that the grounds of your temporary residence permit still apply",
        ru: "Документ о том, что основания выдачи разрешения на временное проживание сохраняются",
      },
      requiredWhen: { field: "basis", equals: "continuous-residence" },
    },
    {
      code: "relationship-proof",
      name: {
        az: "Qohumluğu təsdiq edən sənəd (nikah və ya doğum haqqında şəhadətnamə)",
        en: "Proof of the relationship (marriage or birth certificate)",
        ru: "Документ, подтверждающий родство (свидетельство о браке или рождении)",
      },
      requiredWhen: { field: "basis", equals: "close-relative" },
    },
  ],
  ...reviewWorkflow,
  outcomes: [
    {
      code: "approved",
      label: {
        az: "Daimi yaşamaq icazəsi verilib",
        en: "Permanent residence permit granted",
        ru: "Разрешение на постоянное проживание выдано",
      },
      issuesDocument: true,
      validityMonths: 60,
    },
    refusedOutcome,
  ],
  // The applicant, and on the close-relative basis the relative.
  persons: [
    {
      role: "applicant",
      fullName: "fullName",
      birthDate: "birthDate",
      citizenship: "citizenship",
      document: { number: "passportNumber", type: "passport" },
    },
    {
      role: "family-member",
      fullName: "relativeName",
      relationship: "relationship",
    },
  ],
  statistics: {
    counts: "application",
    person: { citizenship: "citizenship", birthDate: "birthDate", travelDocument: "passportNumber" },
    place: ["addressInAzerbaijan"],
    outcomes: { approved: "GRANTED", refused: "REFUSED" },
    // A permanent permit follows a temporary one: a change of immigration status.
    residencePermit: { reason: "OTH", issue: "change" },
  },
});
