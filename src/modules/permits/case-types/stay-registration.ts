import { defineCaseType } from "../../cases/index.js";

/**
 * Registration of a foreign guest at the place of stay (Migration Code, article 21). The host —
 * a hotel or the owner of the dwelling — notifies the State Migration Service; the registration
 * is made on that notification, without an officer's review, free of charge. High volume: hotels
 * send most registrations through the API.
 */
export const stayRegistration = defineCaseType({
  code: "stay-registration",
  version: 1,
  numberPrefix: "REG",
  name: {
    az: "Olduğu yer üzrə qeydiyyat",
    en: "Registration at the place of stay",
    ru: "Регистрация по месту пребывания",
  },
  summary: {
    az: "Azərbaycanda 15 gündən artıq qalan əcnəbi və ya vətəndaşlığı olmayan şəxs gəldiyi gündən 15 gün ərzində olduğu yer üzrə qeydiyyata alınmalıdır. Onu qəbul edən mehmanxana və ya mənzil sahibi qonağı qeydiyyata alır. Qeydiyyat dərhal aparılır və ödənişsizdir.",
    en: "A foreign national or stateless person who stays in Azerbaijan for more than 15 days must be registered at the place of stay within 15 days of arrival. The hotel or the owner of the home where the guest stays registers them. Registration is immediate and free of charge.",
    ru: "Иностранец или лицо без гражданства, пребывающее в Азербайджане более 15 дней, должен быть зарегистрирован по месту пребывания в течение 15 дней со дня въезда. Регистрирует гостя принимающая гостиница или владелец жилья. Регистрация производится сразу и бесплатно.",
  },
  applicants: ["host"],
  responsibleAgency: "SMS",
  legalBasis: {
    az: "Azərbaycan Respublikasının Miqrasiya Məcəlləsi (2013), 21-ci maddə (olduğu yer üzrə qeydiyyat); “Yaşayış yeri və olduğu yer üzrə qeydiyyat haqqında” Azərbaycan Respublikasının Qanunu",
    en: "Migration Code of the Republic of Azerbaijan (2013), article 21 (registration at the place of stay); Law of the Republic of Azerbaijan on Registration at the Place of Residence and the Place of Stay",
    ru: "Миграционный кодекс Азербайджанской Республики (2013), статья 21 (регистрация по месту пребывания); Закон Азербайджанской Республики «О регистрации по месту жительства и месту пребывания»",
  },
  // No legalTime: the registration is made the moment it is submitted.
  fee: { amountMinor: 0 },
  form: [
    {
      id: "guest",
      title: { az: "Qonaq", en: "The guest", ru: "Гость" },
      // The host has the guest's passport in hand: its machine-readable zone fills the page.
      mrzFill: {
        fullName: "guestFullName",
        birthDate: "guestBirthDate",
        nationality: "guestCitizenship",
        documentNumber: "guestPassportNumber",
      },
      fields: [
        {
          name: "guestFullName",
          kind: "text",
          label: {
            az: "Qonağın pasportda yazıldığı kimi adı və soyadı",
            en: "The guest's full name, as in their passport",
            ru: "Имя и фамилия гостя, как в паспорте",
          },
        },
        {
          name: "guestBirthDate",
          kind: "date",
          when: "past",
          label: { az: "Qonağın doğum tarixi", en: "The guest's date of birth", ru: "Дата рождения гостя" },
        },
        {
          name: "guestCitizenship",
          kind: "country",
          label: { az: "Qonağın vətəndaşlığı", en: "The guest's citizenship", ru: "Гражданство гостя" },
        },
        {
          name: "guestPassportNumber",
          kind: "documentNumber",
          // Hotels' document readers send the passport's machine-readable zone.
          mrz: true,
          label: {
            az: "Qonağın pasportunun nömrəsi",
            en: "The guest's passport number",
            ru: "Номер паспорта гостя",
          },
        },
      ],
    },
    {
      id: "stay",
      title: { az: "Qalma yeri və müddəti", en: "Where and how long", ru: "Место и срок пребывания" },
      fields: [
        {
          name: "arrivalDate",
          kind: "date",
          when: "past",
          // Registered within 15 days of arrival (article 21): an earlier arrival is a late notification.
          earliest: { daysFromToday: -15 },
          label: {
            az: "Azərbaycana gəliş tarixi",
            en: "Date of arrival in Azerbaijan",
            ru: "Дата въезда в Азербайджан",
          },
          hint: {
            az: "Qonaq gəldiyi gündən 15 gün ərzində qeydiyyata alınmalıdır.",
            en: "The guest must be registered within 15 days of arrival.",
            ru: "Гость должен быть зарегистрирован в течение 15 дней со дня въезда.",
          },
        },
        {
          name: "departureDate",
          kind: "date",
          when: "future",
          // A temporary stay lasts at most 90 days, the day of arrival being the first (visa or
          // visa-free stay); the registration is valid until the departure, so it never outlasts the
          // stay. A longer stay is extended and registered anew.
          earliest: { answer: "arrivalDate" },
          latest: { answer: "arrivalDate", days: 89 },
          label: {
            az: "Planlaşdırılan gediş tarixi",
            en: "Planned date of departure",
            ru: "Планируемая дата выезда",
          },
          hint: {
            az: "Qeydiyyat bu tarixədək etibarlıdır: gəliş günü daxil olmaqla ən çoxu 90 gün.",
            en: "The registration is valid until this date: at most 90 days, counting the day of arrival.",
            ru: "Регистрация действует до этой даты: не более 90 дней, включая день въезда.",
          },
        },
        {
          name: "accommodation",
          kind: "radios",
          label: { az: "Qonaq harada qalır?", en: "Where does the guest stay?", ru: "Где проживает гость?" },
          options: [
            {
              value: "hotel",
              label: {
                az: "Mehmanxanada və ya digər yerləşmə müəssisəsində",
                en: "In a hotel or other accommodation business",
                ru: "В гостинице или ином месте размещения",
              },
            },
            {
              value: "dwelling",
              label: {
                az: "Mənzildə və ya evdə",
                en: "In a flat or house",
                ru: "В квартире или доме",
              },
            },
          ],
        },
        {
          name: "hostName",
          kind: "text",
          label: {
            az: "Mehmanxananın adı və ya mənzil sahibinin adı və soyadı",
            en: "Name of the hotel, or full name of the owner of the home",
            ru: "Название гостиницы или имя и фамилия владельца жилья",
          },
        },
        {
          name: "stayAddress",
          kind: "address",
          label: { az: "Qalma ünvanı", en: "Address of the stay", ru: "Адрес пребывания" },
        },
      ],
    },
  ],
  // A hotel checks the passport at the desk and sends its details (most send them through the
  // API, without files); the owner of a private home attaches copies.
  documents: [
    {
      code: "guest-passport",
      name: {
        az: "Qonağın pasportunun surəti",
        en: "Copy of the guest's passport",
        ru: "Копия паспорта гостя",
      },
      requiredWhen: { field: "accommodation", equals: "dwelling" },
    },
    {
      code: "dwelling-document",
      name: {
        az: "Mənzilə mülkiyyət və ya icarə hüququnu təsdiq edən sənəd",
        en: "Proof of ownership or lease of the home",
        ru: "Документ о праве собственности или аренды жилья",
      },
      requiredWhen: { field: "accommodation", equals: "dwelling" },
    },
  ],
  states: {
    draft: { category: "draft", label: { az: "Qaralama", en: "Draft", ru: "Черновик" } },
    registered: {
      category: "decided",
      label: { az: "Qeydiyyata alınıb", en: "Registered", ru: "Зарегистрирован" },
    },
    annulled: {
      category: "closed",
      label: { az: "Qeydiyyat ləğv edilib", en: "Registration annulled", ru: "Регистрация аннулирована" },
    },
  },
  initialState: "draft",
  submittedState: "registered",
  transitions: [
    {
      // A registration made on false or mistaken information is annulled by an officer.
      name: "annul",
      label: { az: "Qeydiyyatı ləğv et", en: "Annul the registration", ru: "Аннулировать регистрацию" },
      from: ["registered"],
      to: "annulled",
      allowed: "cases.process",
    },
  ],
  outcomes: [
    {
      code: "registered",
      label: { az: "Qeydiyyata alınıb", en: "Registered", ru: "Зарегистрирован" },
      issuesDocument: true,
      // The confirmation is valid until the guest's planned departure.
      validUntilAnswer: "departureDate",
    },
  ],
  decisionOnSubmission: {
    outcome: "registered",
    reasons: {
      az: "Qəbul edən tərəfin bildirişi əsasında olduğu yer üzrə qeydiyyata alınıb (Miqrasiya Məcəlləsi, 21-ci maddə).",
      en: "Registered at the place of stay on the host's notification (Migration Code, article 21).",
      ru: "Зарегистрирован по месту пребывания на основании уведомления принимающей стороны (Миграционный кодекс, статья 21).",
    },
  },
  // The register links the case to the guest (the host registers them).
  persons: [
    {
      role: "guest",
      fullName: "guestFullName",
      birthDate: "guestBirthDate",
      citizenship: "guestCitizenship",
      document: { number: "guestPassportNumber", type: "passport" },
    },
  ],
  // A registration is counted as such, of the guest, at the region of the place of stay.
  statistics: {
    counts: "registration",
    person: {
      citizenship: "guestCitizenship",
      birthDate: "guestBirthDate",
      travelDocument: "guestPassportNumber",
    },
    place: ["stayAddress"],
  },
});
