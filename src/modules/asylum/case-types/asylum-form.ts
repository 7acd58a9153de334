import type { CaseTypeInput } from "../../cases/index.js";

type Page = CaseTypeInput["form"][number];
type Field = Page["fields"][number];
type Condition = NonNullable<Page["showWhen"]>;

const yesNo = [
  { value: "yes", label: { az: "Bəli", en: "Yes", ru: "Да" } },
  { value: "no", label: { az: "Xeyr", en: "No", ru: "Нет" } },
];

const sexOptions = [
  { value: "F", label: { az: "Qadın", en: "Female", ru: "Женский" } },
  { value: "M", label: { az: "Kişi", en: "Male", ru: "Мужской" } },
];

/**
 * How many family members an application can name. The person register reads persons from
 * questions of the form's top level only (persons-section.ts), so each member has questions of
 * their own rather than being an item of a repeating group.
 */
export const familyMemberSlots = 4;

const relationshipOptions = [
  { value: "spouse", label: { az: "Həyat yoldaşı", en: "Spouse", ru: "Супруг или супруга" } },
  { value: "child", label: { az: "Övlad", en: "Child", ru: "Ребёнок" } },
  { value: "parent", label: { az: "Valideyn", en: "Parent", ru: "Родитель" } },
  { value: "sibling", label: { az: "Qardaş və ya bacı", en: "Brother or sister", ru: "Брат или сестра" } },
  { value: "other", label: { az: "Digər qohum", en: "Other relative", ru: "Другой родственник" } },
];

export const lodgingPage: Page = {
  id: "lodging",
  title: { az: "Müraciətin qəbulu", en: "Where the application was lodged", ru: "Приём заявления" },
  fields: [
    {
      name: "lodgedAt",
      kind: "radios",
      label: { az: "Müraciət harada verilib?", en: "Where was it lodged?", ru: "Где подано заявление?" },
      options: [
        { value: "border", label: { az: "Sərhəddə", en: "At the border", ru: "На границе" } },
        {
          value: "territory",
          label: { az: "Ölkə ərazisində", en: "In the territory", ru: "На территории страны" },
        },
        {
          value: "detention",
          label: { az: "Saxlanma yerində", en: "In detention", ru: "В месте содержания" },
        },
      ],
    },
    {
      name: "applicationKind",
      kind: "radios",
      label: {
        az: "Bu ilk müraciətdirmi?",
        en: "Is this a first or a subsequent application?",
        ru: "Это первое или повторное заявление?",
      },
      options: [
        { value: "first", label: { az: "İlk müraciət", en: "First application", ru: "Первое заявление" } },
        {
          value: "subsequent",
          label: {
            az: "Təkrar müraciət (əvvəlki müraciət üzrə yekun qərardan sonra)",
            en: "Subsequent application (after a final decision on an earlier one)",
            ru: "Повторное заявление (после окончательного решения по прежнему)",
          },
        },
      ],
    },
    {
      name: "previousCaseNumber",
      kind: "text",
      maxLength: 40,
      required: false,
      showWhen: { field: "applicationKind", equals: "subsequent" },
      label: {
        az: "Əvvəlki müraciətin nömrəsi (məlumdursa)",
        en: "Number of the earlier application (if known)",
        ru: "Номер прежнего заявления (если известен)",
      },
    },
    {
      name: "accelerated",
      kind: "radios",
      label: {
        az: "Müraciətə sürətləndirilmiş qaydada baxılırmı?",
        en: "Is the application examined in the accelerated procedure?",
        ru: "Рассматривается ли заявление в ускоренном порядке?",
      },
      hint: {
        az: "Qərar üçün daha qısa müddət tətbiq olunur.",
        en: "A shorter time for the decision applies.",
        ru: "Для решения действует более короткий срок.",
      },
      options: yesNo,
    },
    {
      name: "placeOfStay",
      kind: "address",
      required: false,
      label: {
        az: "Azərbaycanda yaşadığı ünvan (varsa)",
        en: "Address in Azerbaijan (if any)",
        ru: "Адрес в Азербайджане (если есть)",
      },
    },
  ],
};

export const applicantPage: Page = {
  id: "applicant",
  title: { az: "Müraciət edən", en: "The applicant", ru: "Заявитель" },
  fields: [
    {
      name: "familyName",
      kind: "text",
      label: { az: "Soyadı", en: "Family name", ru: "Фамилия" },
    },
    {
      name: "givenNames",
      kind: "text",
      label: { az: "Adı", en: "Given names", ru: "Имя" },
    },
    {
      name: "birthDate",
      kind: "date",
      when: "past",
      label: { az: "Doğum tarixi", en: "Date of birth", ru: "Дата рождения" },
    },
    { name: "sex", kind: "radios", label: { az: "Cinsi", en: "Sex", ru: "Пол" }, options: sexOptions },
    {
      name: "stateless",
      kind: "radios",
      label: {
        az: "Vətəndaşlığı olmayan şəxsdirmi?",
        en: "Is the applicant stateless?",
        ru: "Является ли заявитель лицом без гражданства?",
      },
      options: yesNo,
    },
    {
      name: "citizenship",
      kind: "country",
      showWhen: { field: "stateless", equals: "no" },
      label: { az: "Vətəndaşlığı", en: "Citizenship", ru: "Гражданство" },
    },
    {
      name: "hasDocument",
      kind: "radios",
      label: {
        az: "Şəxsiyyət və ya səyahət sənədi varmı?",
        en: "Does the applicant have an identity or travel document?",
        ru: "Есть ли у заявителя документ, удостоверяющий личность, или проездной документ?",
      },
      options: yesNo,
    },
    {
      name: "documentNumber",
      kind: "documentNumber",
      showWhen: { field: "hasDocument", equals: "yes" },
      label: { az: "Sənədin nömrəsi", en: "Document number", ru: "Номер документа" },
    },
    {
      name: "documentIssuingState",
      kind: "country",
      required: false,
      showWhen: { field: "hasDocument", equals: "yes" },
      label: { az: "Sənədi verən dövlət", en: "State that issued it", ru: "Государство выдачи" },
    },
  ],
};

const countChoices = Array.from({ length: familyMemberSlots + 1 }, (_, count) => String(count));

/** Member n (1-based) is asked about when the count is n or more. */
function memberShown(n: number): Condition {
  return { field: "familyMemberCount", in: countChoices.slice(n) };
}

function memberFields(n: number): Field[] {
  const label = (az: string, en: string, ru: string) => ({
    az: `${n}-ci ailə üzvü: ${az}`,
    en: `Family member ${n}: ${en}`,
    ru: `Член семьи ${n}: ${ru}`,
  });
  return [
    { name: `member${n}FamilyName`, kind: "text", label: label("soyadı", "family name", "фамилия") },
    { name: `member${n}GivenNames`, kind: "text", label: label("adı", "given names", "имя") },
    {
      name: `member${n}BirthDate`,
      kind: "date",
      when: "past",
      label: label("doğum tarixi", "date of birth", "дата рождения"),
    },
    { name: `member${n}Sex`, kind: "radios", options: sexOptions, label: label("cinsi", "sex", "пол") },
    {
      name: `member${n}Relationship`,
      kind: "select",
      options: relationshipOptions,
      label: label("qohumluq", "relationship to the applicant", "родство с заявителем"),
    },
    {
      name: `member${n}Citizenship`,
      kind: "country",
      required: false,
      label: label("vətəndaşlığı", "citizenship", "гражданство"),
    },
    {
      name: `member${n}DocumentNumber`,
      kind: "documentNumber",
      required: false,
      label: label("sənədin nömrəsi", "document number", "номер документа"),
    },
  ];
}

export const familyPages: Page[] = [
  {
    id: "family",
    title: { az: "Ailə üzvləri", en: "Family members", ru: "Члены семьи" },
    fields: [
      {
        name: "familyMemberCount",
        kind: "radios",
        label: {
          az: "Müraciət edənlə birlikdə neçə ailə üzvü var?",
          en: "How many family members are with the applicant?",
          ru: "Сколько членов семьи находится вместе с заявителем?",
        },
        options: countChoices.map((count) => ({ value: count, label: { az: count, en: count, ru: count } })),
      },
    ],
  },
  ...Array.from({ length: familyMemberSlots }, (_, index) => ({
    id: `family-member-${index + 1}`,
    title: {
      az: `${index + 1}-ci ailə üzvü`,
      en: `Family member ${index + 1}`,
      ru: `Член семьи ${index + 1}`,
    },
    showWhen: memberShown(index + 1),
    fields: memberFields(index + 1),
  })),
];

export const minorPage: Page = {
  id: "minor",
  title: { az: "Azyaşlı", en: "Minors", ru: "Несовершеннолетние" },
  fields: [
    {
      name: "unaccompaniedMinor",
      kind: "radios",
      label: {
        az: "Müraciət edən valideynsiz və ya qanuni nümayəndəsiz gəlmiş azyaşlıdırmı?",
        en: "Is the applicant a minor who arrived without a parent or legal guardian?",
        ru: "Является ли заявитель несовершеннолетним, прибывшим без родителей или законного представителя?",
      },
      options: yesNo,
    },
    {
      name: "guardianName",
      kind: "text",
      showWhen: { field: "unaccompaniedMinor", equals: "yes" },
      label: { az: "Təyin edilmiş qəyyum", en: "Appointed guardian", ru: "Назначенный опекун" },
    },
    {
      name: "guardianOrganisation",
      kind: "text",
      required: false,
      showWhen: { field: "unaccompaniedMinor", equals: "yes" },
      label: {
        az: "Qəyyumluq orqanı və ya təşkilat",
        en: "Guardianship authority or organisation",
        ru: "Орган опеки или организация",
      },
    },
  ],
};

export const needsPage: Page = {
  id: "needs",
  title: {
    az: "Dil və xüsusi ehtiyaclar",
    en: "Language and special needs",
    ru: "Язык и особые потребности",
  },
  fields: [
    {
      name: "languages",
      kind: "text",
      label: {
        az: "Danışdığı dillər",
        en: "Languages the applicant speaks",
        ru: "Языки, которыми владеет заявитель",
      },
    },
    {
      name: "interpreterNeeded",
      kind: "radios",
      label: { az: "Tərcüməçi lazımdırmı?", en: "Is an interpreter needed?", ru: "Нужен ли переводчик?" },
      options: yesNo,
    },
    {
      name: "interpreterLanguage",
      kind: "text",
      showWhen: { field: "interpreterNeeded", equals: "yes" },
      label: { az: "Tərcümə dili", en: "Language of interpretation", ru: "Язык перевода" },
    },
    {
      name: "vulnerable",
      kind: "radios",
      label: {
        az: "Xüsusi həssaslıq varmı (hamiləlik, əlillik, işgəncə və ya zorakılıq qurbanı, ahıl yaş)?",
        en: "Is the applicant vulnerable (pregnancy, disability, victim of torture or violence, old age)?",
        ru: "Есть ли особая уязвимость (беременность, инвалидность, жертва пыток или насилия, пожилой возраст)?",
      },
      options: yesNo,
    },
    {
      name: "vulnerabilities",
      kind: "textarea",
      maxLength: 1000,
      showWhen: { field: "vulnerable", equals: "yes" },
      label: { az: "Həssaslığın təsviri", en: "Describe the vulnerability", ru: "Опишите уязвимость" },
    },
  ],
};

/** Special-category answers (GDPR art. 9): only holders of `asylum.sensitive` read them. */
export const sensitivePage: Page = {
  id: "sensitive",
  title: {
    az: "Xüsusi kateqoriyalı məlumatlar",
    en: "Special-category information",
    ru: "Сведения особой категории",
  },
  fields: [
    {
      name: "healthConditions",
      kind: "textarea",
      maxLength: 1000,
      required: false,
      label: {
        az: "Sağlamlıq vəziyyəti və tibbi ehtiyaclar",
        en: "Health conditions and medical needs",
        ru: "Состояние здоровья и медицинские потребности",
      },
    },
    {
      name: "religion",
      kind: "text",
      required: false,
      label: { az: "Dini", en: "Religion", ru: "Вероисповедание" },
    },
    {
      name: "ethnicity",
      kind: "text",
      required: false,
      label: { az: "Etnik mənsubiyyəti", en: "Ethnic origin", ru: "Этническое происхождение" },
    },
  ],
};

/** The answers only holders of `asylum.sensitive` may read. */
export const sensitiveAnswers = ["healthConditions", "religion", "ethnicity", "vulnerabilities"];
