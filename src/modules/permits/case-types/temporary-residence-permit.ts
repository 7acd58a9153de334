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
 * Temporary residence permit (Migration Code, articles 45 and 46): granted on one of the grounds
 * the Code lists — here grouped as work, family, study and other — for up to one year.
 */
export const temporaryResidencePermit = defineCaseType({
  code: "temporary-residence-permit",
  version: 1,
  numberPrefix: "TRP",
  name: {
    az: "Müvəqqəti yaşamaq icazəsi",
    en: "Temporary residence permit",
    ru: "Разрешение на временное проживание",
  },
  summary: {
    az: "Əcnəbi və ya vətəndaşlığı olmayan şəxs iş, ailə, təhsil və ya qanunda nəzərdə tutulmuş digər əsasla Azərbaycanda müvəqqəti yaşamaq hüququ alır. Olma müddətinizin və ya hazırkı icazənizin bitməsinə ən azı 30 gün qalmış müraciət edin. İcazə 1 ilədək verilir.",
    en: "A foreign national or stateless person obtains the right to live in Azerbaijan temporarily on the ground of work, family, study or another ground the law sets. Apply at least 30 days before your stay or current permit ends. The permit is issued for up to one year.",
    ru: "Иностранец или лицо без гражданства получает право временно проживать в Азербайджане на основании работы, семьи, учёбы или иного предусмотренного законом основания. Подайте заявление не позднее чем за 30 дней до окончания срока пребывания или действующего разрешения. Разрешение выдаётся на срок до одного года.",
  },
  applicants: ["applicant"],
  responsibleAgency: "SMS",
  legalBasis: {
    az: "Azərbaycan Respublikasının Miqrasiya Məcəlləsi (2013), 45-ci maddə (müvəqqəti yaşamaq icazəsinin verilməsi halları) və 46-cı maddə (tələb olunan sənədlər); “Dövlət rüsumu haqqında” Azərbaycan Respublikasının Qanunu",
    en: "Migration Code of the Republic of Azerbaijan (2013), article 45 (grounds for a temporary residence permit) and article 46 (documents required); Law of the Republic of Azerbaijan on State Duty",
    ru: "Миграционный кодекс Азербайджанской Республики (2013), статья 45 (основания выдачи разрешения на временное проживание) и статья 46 (необходимые документы); Закон Азербайджанской Республики «О государственной пошлине»",
  },
  legalTime: { amount: 20, unit: "working" },
  // State duty in qəpik for a permit of up to one year. Configuration, to be checked against the
  // current Law on State Duty, which sets a higher duty for the faster decision.
  fee: {
    amountMinor: 6000,
    expressTiers: [
      {
        code: "express-15",
        name: {
          az: "Sürətli (15 iş günü)",
          en: "Faster (15 working days)",
          ru: "Ускоренно (15 рабочих дней)",
        },
        amountMinor: 10000,
        legalTime: { amount: 15, unit: "working" },
      },
    ],
  },
  form: [
    aboutYouPage,
    {
      id: "current-stay",
      title: { az: "Hazırkı qalmanız", en: "Your current stay", ru: "Текущее пребывание" },
      fields: [
        {
          name: "currentStayEnds",
          kind: "date",
          when: "future",
          label: {
            az: "Olma müddətinizin və ya hazırkı icazənizin bitdiyi tarix",
            en: "Date your stay or current permit ends",
            ru: "Дата окончания срока пребывания или действующего разрешения",
          },
          hint: {
            az: "Bu tarixə ən azı 30 gün qalmış müraciət edin.",
            en: "Apply at least 30 days before this date.",
            ru: "Подайте заявление не позднее чем за 30 дней до этой даты.",
          },
        },
        {
          name: "addressInAzerbaijan",
          kind: "address",
          label: {
            az: "Azərbaycanda yaşayacağınız ünvan",
            en: "Your address in Azerbaijan",
            ru: "Ваш адрес в Азербайджане",
          },
        },
      ],
    },
    {
      id: "ground",
      title: { az: "Yaşamaq əsası", en: "Why you want to live here", ru: "Основание для проживания" },
      fields: [
        {
          name: "ground",
          kind: "radios",
          label: {
            az: "Hansı əsasla müraciət edirsiniz?",
            en: "On which ground do you apply?",
            ru: "На каком основании вы подаёте заявление?",
          },
          options: [
            {
              value: "work",
              label: {
                az: "İş — iş icazəsi ilə əmək fəaliyyəti",
                en: "Work — employment with a work permit",
                ru: "Работа — трудовая деятельность по разрешению на работу",
              },
            },
            {
              value: "family",
              label: {
                az: "Ailə — Azərbaycan vətəndaşının və ya daimi yaşayanın yaxın qohumu",
                en: "Family — close relative of a citizen or permanent resident of Azerbaijan",
                ru: "Семья — близкий родственник гражданина или постоянно проживающего в Азербайджане",
              },
            },
            {
              value: "study",
              label: {
                az: "Təhsil — Azərbaycanda təhsil müəssisəsində təhsil",
                en: "Study — studies at an educational institution in Azerbaijan",
                ru: "Учёба — обучение в учебном заведении Азербайджана",
              },
            },
            {
              value: "other",
              label: {
                az: "Qanunda nəzərdə tutulmuş digər əsas",
                en: "Another ground the law provides for",
                ru: "Иное предусмотренное законом основание",
              },
            },
          ],
        },
      ],
    },
    {
      id: "work",
      title: { az: "İşiniz", en: "Your work", ru: "Ваша работа" },
      showWhen: { field: "ground", equals: "work" },
      fields: [
        {
          name: "employerName",
          kind: "text",
          label: { az: "İşəgötürənin adı", en: "Employer's name", ru: "Название работодателя" },
        },
        {
          name: "workPermitNumber",
          kind: "text",
          maxLength: 40,
          label: { az: "İş icazəsinin nömrəsi", en: "Work permit number", ru: "Номер разрешения на работу" },
        },
        {
          name: "position",
          kind: "text",
          label: { az: "Vəzifə", en: "Position", ru: "Должность" },
        },
      ],
    },
    {
      id: "family",
      title: { az: "Ailəniz", en: "Your family", ru: "Ваша семья" },
      showWhen: { field: "ground", equals: "family" },
      fields: [
        {
          name: "relativeName",
          kind: "text",
          label: {
            az: "Qohumunuzun adı və soyadı",
            en: "Your relative's full name",
            ru: "Имя и фамилия вашего родственника",
          },
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
        },
        {
          name: "relativeStatus",
          kind: "radios",
          label: {
            az: "Qohumunuz Azərbaycanda kimdir?",
            en: "What is your relative's status in Azerbaijan?",
            ru: "Каков статус вашего родственника в Азербайджане?",
          },
          options: [
            {
              value: "citizen",
              label: {
                az: "Azərbaycan vətəndaşı",
                en: "Citizen of Azerbaijan",
                ru: "Гражданин Азербайджана",
              },
            },
            {
              value: "permanent-resident",
              label: {
                az: "Daimi yaşamaq icazəsi olan şəxs",
                en: "Holder of a permanent residence permit",
                ru: "Лицо с разрешением на постоянное проживание",
              },
            },
          ],
        },
      ],
    },
    {
      id: "study",
      title: { az: "Təhsiliniz", en: "Your studies", ru: "Ваша учёба" },
      showWhen: { field: "ground", equals: "study" },
      fields: [
        {
          name: "institution",
          kind: "text",
          label: { az: "Təhsil müəssisəsi", en: "Educational institution", ru: "Учебное заведение" },
        },
        {
          name: "programme",
          kind: "text",
          label: {
            az: "İxtisas və ya proqram",
            en: "Course or programme",
            ru: "Специальность или программа",
          },
        },
        {
          name: "studyEnds",
          kind: "date",
          when: "future",
          label: {
            az: "Təhsilin bitmə tarixi",
            en: "Date your studies end",
            ru: "Дата окончания учёбы",
          },
        },
      ],
    },
    {
      id: "other-ground",
      title: { az: "Digər əsas", en: "Other ground", ru: "Иное основание" },
      showWhen: { field: "ground", equals: "other" },
      fields: [
        {
          name: "otherGround",
          kind: "textarea",
          maxLength: 2000,
          label: {
            az: "Hansı əsasla Azərbaycanda yaşamaq istədiyinizi izah edin",
            en: "Explain on which ground you want to live in Azerbaijan",
            ru: "Объясните, на каком основании вы хотите проживать в Азербайджане",
          },
          hint: {
            az: "Məsələn, investisiya, daşınmaz əmlak və ya humanitar səbəblər.",
            en: "For example an investment, property you own or humanitarian reasons.",
            ru: "Например, инвестиции, недвижимость в собственности или гуманитарные причины.",
          },
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
      ...meansOfSubsistence,
      // A citizen or permanent resident relative may take over the applicant's keep.
      requiredWhen: { not: { field: "ground", equals: "family" } },
    },
    {
      code: "work-permit",
      name: { az: "İş icazəsinin surəti", en: "Copy of the work permit", ru: "Копия разрешения на работу" },
      requiredWhen: { field: "ground", equals: "work" },
    },
    {
      code: "relationship-proof",
      name: {
        az: "Qohumluğu təsdiq edən sənəd (nikah və ya doğum haqqında şəhadətnamə)",
        en: "Proof of the relationship (marriage or birth certificate)",
        ru: "Документ, подтверждающий родство (свидетельство о браке или рождении)",
      },
      requiredWhen: { field: "ground", equals: "family" },
    },
    {
      code: "relative-identity",
      name: {
        az: "Qohumunuzun şəxsiyyət vəsiqəsinin və ya yaşamaq icazəsinin surəti",
        en: "Copy of your relative's identity card or residence permit",
        ru: "Копия удостоверения личности или вида на жительство родственника",
      },
      requiredWhen: { field: "ground", equals: "family" },
    },
    {
      code: "enrolment-letter",
      name: {
        az: "Təhsil müəssisəsinin qəbul haqqında arayışı",
        en: "Letter of enrolment from the educational institution",
        ru: "Справка учебного заведения о зачислении",
      },
      requiredWhen: { field: "ground", equals: "study" },
    },
    {
      code: "ground-evidence",
      name: {
        az: "Əsası təsdiq edən sənədlər",
        en: "Documents that prove the ground",
        ru: "Документы, подтверждающие основание",
      },
      requiredWhen: { field: "ground", equals: "other" },
    },
  ],
  ...reviewWorkflow,
  outcomes: [
    {
      code: "approved",
      label: {
        az: "Müvəqqəti yaşamaq icazəsi verilib",
        en: "Temporary residence permit granted",
        ru: "Разрешение на временное проживание выдано",
      },
      issuesDocument: true,
      validityMonths: 12,
    },
    refusedOutcome,
  ],
  // The applicant, and on the family ground the relative they join.
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
    residencePermit: {
      reason: {
        answer: "ground",
        codes: { work: "OCC", family: "FAM", study: "EDUC_STUD" },
        otherwise: "OTH",
      },
      issue: "first",
    },
  },
});
