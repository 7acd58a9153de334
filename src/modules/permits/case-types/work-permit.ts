import { defineCaseType } from "../../cases/index.js";
import { medicalCertificate } from "./common-requirements.js";
import { refusedOutcome, reviewWorkflow } from "./review-workflow.js";

/**
 * Work permit: an employer asks to employ a named foreign worker. A foreigner may be employed
 * when no citizen with the needed skills applies for the job and the employment service cannot
 * fill it from the local labour force, so the State Employment Agency's labour-market opinion is
 * a mandatory task before the decision. One employer, one job, up to one year (Migration Code,
 * article 69; shorter when the employment contract is).
 */
export const workPermit = defineCaseType({
  code: "work-permit",
  version: 1,
  numberPrefix: "WP",
  name: { az: "İş icazəsi", en: "Work permit", ru: "Разрешение на работу" },
  summary: {
    az: "İşəgötürən adı göstərilən əcnəbini və ya vətəndaşlığı olmayan şəxsi Azərbaycanda ödənişli əmək fəaliyyətinə cəlb etmək üçün icazə alır. İcazə yalnız bu işəgötürəndə işləmək üçün, 1 ilədək (əmək müqaviləsi daha qısadırsa, onun müddətinə) verilir. Qərardan əvvəl Dövlət Məşğulluq Agentliyi əmək bazarı barədə rəy verir.",
    en: "An employer obtains permission to employ a named foreign national or stateless person in paid work in Azerbaijan. The permit is for work with this employer only, for up to one year (or the length of the employment contract, if shorter). The State Employment Agency gives its opinion on the labour market before the decision.",
    ru: "Работодатель получает разрешение на привлечение названного иностранца или лица без гражданства к оплачиваемой трудовой деятельности в Азербайджане. Разрешение действует только для работы у этого работодателя, на срок до одного года (или на срок трудового договора, если он короче). До решения Государственное агентство занятости даёт заключение о рынке труда.",
  },
  applicants: ["employer"],
  responsibleAgency: "SMS",
  legalBasis: {
    az: "Azərbaycan Respublikasının Miqrasiya Məcəlləsi (2013) — əmək miqrasiyası, 69-cu maddə (iş icazəsinin müddəti və uzadılması); “Dövlət rüsumu haqqında” Azərbaycan Respublikasının Qanunu",
    en: "Migration Code of the Republic of Azerbaijan (2013) — labour migration, article 69 (validity and extension of the work permit); Law of the Republic of Azerbaijan on State Duty",
    ru: "Миграционный кодекс Азербайджанской Республики (2013) — трудовая миграция, статья 69 (срок действия и продление разрешения на работу); Закон Азербайджанской Республики «О государственной пошлине»",
  },
  legalTime: { amount: 20, unit: "working" },
  // State duty in qəpik for a permit of up to one year, by processing time (20, 15 or 10 working
  // days). Configuration, to be checked against the current Law on State Duty.
  fee: {
    amountMinor: 100000,
    expressTiers: [
      {
        code: "express-15",
        name: {
          az: "Sürətli (15 iş günü)",
          en: "Faster (15 working days)",
          ru: "Ускоренно (15 рабочих дней)",
        },
        amountMinor: 120000,
        legalTime: { amount: 15, unit: "working" },
      },
      {
        code: "express-10",
        name: {
          az: "Ən sürətli (10 iş günü)",
          en: "Fastest (10 working days)",
          ru: "Максимально быстро (10 рабочих дней)",
        },
        amountMinor: 140000,
        legalTime: { amount: 10, unit: "working" },
      },
    ],
  },
  form: [
    {
      id: "employer",
      title: { az: "İşəgötürən", en: "The employer", ru: "Работодатель" },
      fields: [
        {
          name: "employerName",
          kind: "text",
          autocomplete: "organization",
          label: {
            az: "İşəgötürənin adı",
            en: "Name of the employer",
            ru: "Наименование работодателя",
          },
        },
        {
          name: "employerTaxId",
          kind: "text",
          maxLength: 10,
          pattern: "^\\d{10}$",
          label: {
            az: "Vergi ödəyicisinin eyniləşdirmə nömrəsi (VÖEN)",
            en: "Taxpayer identification number (VÖEN)",
            ru: "Идентификационный номер налогоплательщика (VÖEN)",
          },
          hint: { az: "10 rəqəm.", en: "10 digits.", ru: "10 цифр." },
        },
        {
          name: "employerKind",
          kind: "radios",
          label: { az: "İşəgötürən kimdir?", en: "What kind of employer?", ru: "Кто работодатель?" },
          options: [
            {
              value: "legal-entity",
              label: { az: "Hüquqi şəxs", en: "A legal entity", ru: "Юридическое лицо" },
            },
            {
              value: "entrepreneur",
              label: {
                az: "Hüquqi şəxs yaratmadan sahibkarlıq fəaliyyəti göstərən fiziki şəxs",
                en: "An individual entrepreneur without a legal entity",
                ru: "Физическое лицо — предприниматель без образования юридического лица",
              },
            },
            {
              value: "foreign-branch",
              label: {
                az: "Xarici hüquqi şəxsin filialı və ya nümayəndəliyi",
                en: "A branch or representative office of a foreign legal entity",
                ru: "Филиал или представительство иностранного юридического лица",
              },
            },
          ],
        },
        {
          name: "employerAddress",
          kind: "address",
          label: { az: "Hüquqi ünvan", en: "Registered address", ru: "Юридический адрес" },
        },
      ],
    },
    {
      id: "worker",
      title: { az: "Əcnəbi işçi", en: "The foreign worker", ru: "Иностранный работник" },
      mrzFill: {
        fullName: "workerFullName",
        birthDate: "workerBirthDate",
        nationality: "workerCitizenship",
        documentNumber: "workerPassportNumber",
      },
      fields: [
        {
          name: "workerFullName",
          kind: "text",
          label: {
            az: "İşçinin pasportda yazıldığı kimi adı və soyadı",
            en: "The worker's full name, as in their passport",
            ru: "Имя и фамилия работника, как в паспорте",
          },
        },
        {
          name: "workerBirthDate",
          kind: "date",
          when: "past",
          label: {
            az: "İşçinin doğum tarixi",
            en: "The worker's date of birth",
            ru: "Дата рождения работника",
          },
        },
        {
          name: "workerCitizenship",
          kind: "country",
          label: {
            az: "İşçinin vətəndaşlığı",
            en: "The worker's citizenship",
            ru: "Гражданство работника",
          },
        },
        {
          name: "workerPassportNumber",
          kind: "documentNumber",
          label: {
            az: "İşçinin pasportunun nömrəsi",
            en: "The worker's passport number",
            ru: "Номер паспорта работника",
          },
        },
        {
          name: "workerInAzerbaijan",
          kind: "radios",
          label: {
            az: "İşçi hazırda Azərbaycandadır?",
            en: "Is the worker in Azerbaijan now?",
            ru: "Находится ли работник сейчас в Азербайджане?",
          },
          options: [
            { value: "yes", label: { az: "Bəli", en: "Yes", ru: "Да" } },
            { value: "no", label: { az: "Xeyr", en: "No", ru: "Нет" } },
          ],
        },
      ],
    },
    {
      id: "job",
      title: { az: "İş yeri", en: "The job", ru: "Рабочее место" },
      fields: [
        {
          name: "position",
          kind: "text",
          label: { az: "Vəzifə", en: "Position", ru: "Должность" },
        },
        {
          name: "qualification",
          kind: "text",
          label: {
            az: "Tələb olunan ixtisas və ya peşə",
            en: "Qualification or profession the job needs",
            ru: "Необходимая специальность или профессия",
          },
        },
        {
          name: "workplaceAddress",
          kind: "address",
          label: { az: "İş yerinin ünvanı", en: "Address of the workplace", ru: "Адрес рабочего места" },
        },
        {
          name: "contractStart",
          kind: "date",
          when: "future",
          label: {
            az: "Əmək müqaviləsinin başlama tarixi",
            en: "Date the employment contract starts",
            ru: "Дата начала трудового договора",
          },
        },
        {
          name: "contractEnd",
          kind: "date",
          when: "future",
          earliest: { answer: "contractStart" },
          label: {
            az: "Əmək müqaviləsinin bitmə tarixi",
            en: "Date the employment contract ends",
            ru: "Дата окончания трудового договора",
          },
          hint: {
            az: "İş icazəsi 1 ildən çox olmayan müddətə verilir.",
            en: "A work permit is issued for one year at most.",
            ru: "Разрешение на работу выдаётся не более чем на один год.",
          },
        },
      ],
    },
  ],
  documents: [
    {
      code: "worker-passport",
      name: {
        az: "İşçinin pasportunun notarial qaydada təsdiq edilmiş surəti",
        en: "Notarised copy of the worker's passport",
        ru: "Нотариально заверенная копия паспорта работника",
      },
    },
    {
      code: "qualification",
      name: {
        az: "İşçinin təhsilini və ya peşə ixtisasını təsdiq edən sənədin notarial surəti",
        en: "Notarised copy of the worker's diploma or professional qualification",
        ru: "Нотариально заверенная копия документа об образовании или квалификации работника",
      },
    },
    {
      code: "necessity-letter",
      name: {
        az: "Bu işçinin cəlb edilməsinin zəruriliyini əsaslandıran arayış",
        en: "Letter explaining why this worker is needed for the job",
        ru: "Справка, обосновывающая необходимость привлечения этого работника",
      },
    },
    {
      ...medicalCertificate,
      name: {
        az: "İşçinin sağlamlıq haqqında arayışı və İİV, hepatit B, C virusları daşıyıcısı olmadığına dair tibbi arayış",
        en: "The worker's health certificate and a medical certificate that they do not carry HIV or hepatitis B or C",
        ru: "Справка о состоянии здоровья работника и об отсутствии у него ВИЧ и вирусов гепатита B и C",
      },
    },
    {
      code: "company-registration",
      name: {
        az: "Nizamnamənin və dövlət qeydiyyatı haqqında şəhadətnamənin notarial surəti",
        en: "Notarised copy of the charter and the certificate of state registration",
        ru: "Нотариально заверенные копии устава и свидетельства о государственной регистрации",
      },
      requiredWhen: { field: "employerKind", in: ["legal-entity", "foreign-branch"] },
    },
    {
      code: "entrepreneur-registration",
      name: {
        az: "Şəxsiyyət vəsiqəsinin və vergi ödəyicisinin uçota alınması haqqında şəhadətnamənin notarial surəti",
        en: "Notarised copy of the identity card and the taxpayer registration certificate",
        ru: "Нотариально заверенные копии удостоверения личности и свидетельства о постановке на налоговый учёт",
      },
      requiredWhen: { field: "employerKind", equals: "entrepreneur" },
    },
    {
      code: "stay-document",
      name: {
        az: "İşçinin Azərbaycanda qalma hüququnu təsdiq edən sənədin notarial surəti",
        en: "Notarised copy of the document that allows the worker to stay in Azerbaijan",
        ru: "Нотариально заверенная копия документа о праве работника находиться в Азербайджане",
      },
      requiredWhen: { field: "workerInAzerbaijan", equals: "yes" },
    },
  ],
  ...reviewWorkflow,
  tasks: [
    {
      code: "labour-market-opinion",
      name: {
        az: "Əmək bazarı barədə rəy",
        en: "Labour-market opinion",
        ru: "Заключение о рынке труда",
      },
      // Asked for on submission so that the employment service works while the case waits for review.
      onEnter: "submitted",
      agencyKind: "labour",
      permission: "labour.opinion",
      mandatory: true,
      // What the employment service sees of the case (the officers' workspace shows nothing else).
      sharedAnswers: ["workerFullName", "workerCitizenship", "position", "qualification", "employerName"],
      results: [
        {
          value: "positive",
          label: {
            az: "Müsbət: vakansiya yerli iş axtaranla tutula bilmir",
            en: "Positive: no suitable local jobseeker for the vacancy",
            ru: "Положительное: подходящих местных соискателей на вакансию нет",
          },
        },
        {
          value: "negative",
          label: {
            az: "Mənfi: uyğun yerli iş axtaranlar var",
            en: "Negative: suitable local jobseekers are available",
            ru: "Отрицательное: есть подходящие местные соискатели",
          },
        },
      ],
    },
  ],
  outcomes: [
    {
      code: "approved",
      label: { az: "İş icazəsi verilib", en: "Work permit granted", ru: "Разрешение на работу выдано" },
      issuesDocument: true,
      validityMonths: 12,
      // Never beyond the employment contract.
      validUntilAnswer: "contractEnd",
    },
    refusedOutcome,
  ],
  // The register links the case to the worker (the employer applies).
  persons: [
    {
      role: "worker",
      fullName: "workerFullName",
      birthDate: "workerBirthDate",
      citizenship: "workerCitizenship",
      document: { number: "workerPassportNumber", type: "passport" },
    },
  ],
  // The worker is the person counted, at the workplace's region (else the employer's).
  statistics: {
    counts: "application",
    person: {
      citizenship: "workerCitizenship",
      birthDate: "workerBirthDate",
      travelDocument: "workerPassportNumber",
    },
    place: ["workplaceAddress", "employerAddress"],
    outcomes: { approved: "GRANTED", refused: "REFUSED" },
  },
});
