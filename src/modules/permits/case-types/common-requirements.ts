import type { CaseTypeInput, DocumentRequirement } from "../../cases/index.js";

type Page = CaseTypeInput["form"][number];
type Document = Omit<DocumentRequirement, "requiredWhen">;

/**
 * Questions and documents several procedures ask of a foreign national. Like the review workflow,
 * they are part of each definition that uses them: a change here is a new version of each.
 */
export const aboutYouPage: Page = {
  id: "about-you",
  title: { az: "Şəxsi məlumatlarınız", en: "About you", ru: "Сведения о вас" },
  mrzFill: {
    fullName: "fullName",
    birthDate: "birthDate",
    nationality: "citizenship",
    documentNumber: "passportNumber",
  },
  fields: [
    {
      name: "fullName",
      kind: "text",
      autocomplete: "name",
      label: {
        az: "Pasportda yazıldığı kimi adınız və soyadınız",
        en: "Your full name, as in your passport",
        ru: "Ваши имя и фамилия, как в паспорте",
      },
    },
    {
      name: "birthDate",
      kind: "date",
      when: "past",
      label: { az: "Doğum tarixi", en: "Date of birth", ru: "Дата рождения" },
    },
    {
      name: "citizenship",
      kind: "country",
      label: {
        az: "Vətəndaşlığı",
        en: "Citizenship",
        ru: "Гражданство",
      },
      hint: {
        az: "Vətəndaşlığı olmayan şəxslər daimi yaşadıqları ölkəni seçir.",
        en: "Stateless persons choose the country where they usually live.",
        ru: "Лица без гражданства выбирают страну постоянного проживания.",
      },
    },
    {
      name: "passportNumber",
      kind: "documentNumber",
      label: {
        az: "Pasportun və ya digər səyahət sənədinin nömrəsi",
        en: "Passport or other travel document number",
        ru: "Номер паспорта или иного проездного документа",
      },
    },
  ],
};

export const passportCopy: Document = {
  code: "passport",
  name: {
    az: "Pasportun və ya digər səyahət sənədinin surəti",
    en: "Copy of the passport or other travel document",
    ru: "Копия паспорта или иного проездного документа",
  },
  hint: {
    az: "Şəxsi məlumatlar olan səhifə və Azərbaycana giriş möhürü olan səhifə.",
    en: "The page with personal details and the page with the entry stamp to Azerbaijan.",
    ru: "Страница с личными данными и страница с отметкой о въезде в Азербайджан.",
  },
};

export const photo: Document = {
  code: "photo",
  name: { az: "Fotoşəkil (3,5 × 4,5 sm)", en: "Photograph (3.5 × 4.5 cm)", ru: "Фотография (3,5 × 4,5 см)" },
};

export const medicalCertificate: Document = {
  code: "medical-certificate",
  name: {
    az: "İnsanın immunçatışmazlığı virusu və hepatit B, C virusları daşıyıcısı olmadığına dair tibbi arayış",
    en: "Medical certificate that you do not carry HIV or the hepatitis B or C virus",
    ru: "Медицинская справка об отсутствии ВИЧ-инфекции и вирусов гепатита B и C",
  },
};

export const housingDocument: Document = {
  code: "housing-document",
  name: {
    az: "Yaşayış sahəsinə dair sənəd (mülkiyyət çıxarışı, icarə müqaviləsi və ya sahibin razılığı)",
    en: "Document for the place where you live (ownership extract, lease, or the owner's consent)",
    ru: "Документ о жилом помещении (выписка о праве собственности, договор аренды или согласие владельца)",
  },
};

export const meansOfSubsistence: Document = {
  code: "means-of-subsistence",
  name: {
    az: "Minimum ehtiyaclarınızı ödəməyə kifayət edən vəsaitin olmasını təsdiq edən sənəd",
    en: "Proof that you have enough money to meet your basic needs",
    ru: "Документ о наличии средств, достаточных для удовлетворения минимальных потребностей",
  },
};

/** Close relatives the Migration Code names for family grounds. */
export const closeRelativeOptions = [
  { value: "spouse", label: { az: "Həyat yoldaşı", en: "Spouse", ru: "Супруг или супруга" } },
  { value: "child", label: { az: "Övlad", en: "Child", ru: "Ребёнок" } },
  { value: "parent", label: { az: "Valideyn", en: "Parent", ru: "Родитель" } },
  { value: "sibling", label: { az: "Qardaş və ya bacı", en: "Brother or sister", ru: "Брат или сестра" } },
];
