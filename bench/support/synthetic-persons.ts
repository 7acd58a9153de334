import type { PersonOccurrence } from "../../src/modules/people/index.js";
import { englishSpelling, passportSpelling } from "../../src/modules/people/names/normalise.js";

/**
 * Synthetic persons of a register filled from older systems: Azerbaijani names written in
 * Azerbaijani Latin, Azerbaijani Cyrillic, Russian, a passport's spelling or the English
 * romanisation; typing errors; birth dates known only to the year or month, or with day and month
 * swapped; passports renewed. A known share of persons has two or three records (the ground truth).
 * Deterministic: the same seed gives the same persons.
 */

/** Family names in their masculine form: Azerbaijani Latin and the Soviet-era Russian spelling. */
const familyNames: ReadonlyArray<readonly [string, string]> = [
  ["Məmmədov", "Мамедов"],
  ["Əliyev", "Алиев"],
  ["Həsənov", "Гасанов"],
  ["Hüseynov", "Гусейнов"],
  ["Quliyev", "Кулиев"],
  ["İsmayılov", "Исмаилов"],
  ["Abbasov", "Аббасов"],
  ["Cəfərov", "Джафаров"],
  ["Rzayev", "Рзаев"],
  ["Kərimov", "Керимов"],
  ["Süleymanov", "Сулейманов"],
  ["Babayev", "Бабаев"],
  ["Nəsirov", "Насиров"],
  ["Səfərov", "Сафаров"],
  ["Orucov", "Оруджев"],
  ["Əhmədov", "Ахмедов"],
  ["İbrahimov", "Ибрагимов"],
  ["Qasımov", "Гасымов"],
  ["Sadıqov", "Садыхов"],
  ["Vəliyev", "Велиев"],
  ["Mustafayev", "Мустафаев"],
  ["Bayramov", "Байрамов"],
  ["Hacıyev", "Гаджиев"],
  ["Nəbiyev", "Набиев"],
  ["Əsədov", "Асадов"],
  ["Musayev", "Мусаев"],
  ["Zeynalov", "Зейналов"],
  ["Xəlilov", "Халилов"],
  ["Şükürov", "Шукюров"],
  ["Qədirov", "Гадиров"],
  ["Paşayev", "Пашаев"],
  ["Salmanov", "Салманов"],
  ["Yusifov", "Юсифов"],
  ["Məhərrəmov", "Магеррамов"],
  ["Rəhimov", "Рагимов"],
  ["Tağıyev", "Тагиев"],
  ["Əzizov", "Азизов"],
  ["Novruzov", "Новрузов"],
  ["Ələkbərov", "Алекперов"],
  ["Mahmudov", "Махмудов"],
  ["Nağıyev", "Нагиев"],
  ["Qurbanov", "Курбанов"],
  ["Ağayev", "Агаев"],
  ["Hümbətov", "Гумбатов"],
  ["Bağırov", "Багиров"],
  ["Əsgərov", "Аскеров"],
  ["Kazımov", "Казымов"],
  ["Fərzəliyev", "Фарзалиев"],
  ["Allahverdiyev", "Аллахвердиев"],
  ["Cavadov", "Джавадов"],
  ["Eyvazov", "Эйвазов"],
  ["Osmanov", "Османов"],
  ["Rüstəmov", "Рустамов"],
  ["Seyidov", "Сеидов"],
  ["Heydərov", "Гейдаров"],
  ["Əmirov", "Амиров"],
  ["Səmədov", "Самедов"],
  ["Vəzirov", "Везиров"],
  ["Məlikov", "Меликов"],
  ["Həsənli", "Гасанли"],
  ["Əlizadə", "Ализаде"],
  ["Hüseynli", "Гусейнли"],
  ["Quluzadə", "Кулизаде"],
  ["Mirzəyev", "Мирзоев"],
  ["Şirinov", "Ширинов"],
  ["Sultanov", "Султанов"],
  ["Nuriyev", "Нуриев"],
  ["Ramazanov", "Рамазанов"],
  ["Həbibov", "Габибов"],
  ["Əsədullayev", "Асадуллаев"],
  ["Cəlilov", "Джалилов"],
  ["İsayev", "Исаев"],
  ["Xanlarov", "Ханларов"],
  ["Səlimov", "Салимов"],
  ["Dadaşov", "Дадашов"],
  ["Məmmədli", "Мамедли"],
  ["Kərimli", "Керимли"],
  ["Abdullayev", "Абдуллаев"],
];

/**
 * The long tail: most Azerbaijani family names are a given name with -ov, -li or -zadə (Rəşad →
 * Rəşadov, Камран → Камранов), written likewise in Russian.
 */
function derivedFamilyNames(
  given: ReadonlyArray<readonly [string, string]>,
): Array<readonly [string, string]> {
  const endings: ReadonlyArray<readonly [string, string]> = [
    ["ov", "ов"],
    ["li", "ли"],
    ["zadə", "заде"],
  ];
  return given.flatMap(([az, ru], index) => {
    const [latin, cyrillic] = endings[index % endings.length] as readonly [string, string];
    return [[`${az}${latin}`, `${ru.replace(/ь$/, "")}${cyrillic}`] as const];
  });
}

const maleGivenNames: ReadonlyArray<readonly [string, string]> = [
  ["Əli", "Али"],
  ["Məmməd", "Мамед"],
  ["Hüseyn", "Гусейн"],
  ["Həsən", "Гасан"],
  ["Elvin", "Эльвин"],
  ["Rəşad", "Рашад"],
  ["Orxan", "Орхан"],
  ["Tural", "Турал"],
  ["Vüqar", "Вугар"],
  ["Elnur", "Эльнур"],
  ["Kamran", "Камран"],
  ["Rauf", "Рауф"],
  ["Fərid", "Фарид"],
  ["Ramil", "Рамиль"],
  ["Elçin", "Эльчин"],
  ["Anar", "Анар"],
  ["İlham", "Ильгам"],
  ["Cavid", "Джавид"],
  ["Murad", "Мурад"],
  ["Səbuhi", "Сабухи"],
  ["Emin", "Эмин"],
  ["Nicat", "Ниджат"],
  ["Ruslan", "Руслан"],
  ["Zaur", "Заур"],
  ["Natiq", "Натик"],
  ["Rövşən", "Ровшан"],
  ["Şahin", "Шахин"],
  ["Tofiq", "Тофик"],
  ["Vaqif", "Вагиф"],
  ["Mübariz", "Мубариз"],
  ["Azər", "Азер"],
  ["Fuad", "Фуад"],
  ["Ceyhun", "Джейхун"],
  ["Kənan", "Кянан"],
  ["Toğrul", "Тогрул"],
  ["Samir", "Самир"],
  ["Rasim", "Расим"],
  ["Yaşar", "Яшар"],
  ["Cəfər", "Джафар"],
  ["Heydər", "Гейдар"],
  ["İsmayıl", "Исмаил"],
  ["Ramiz", "Рамиз"],
  ["Elşən", "Эльшан"],
  ["Sənan", "Сенан"],
  ["Nurlan", "Нурлан"],
  ["Qənimət", "Ганимат"],
  ["Arif", "Ариф"],
  ["Vasif", "Васиф"],
  ["Mirzə", "Мирза"],
  ["Nazim", "Назим"],
];

const femaleGivenNames: ReadonlyArray<readonly [string, string]> = [
  ["Aynur", "Айнур"],
  ["Günel", "Гюнель"],
  ["Leyla", "Лейла"],
  ["Nərgiz", "Наргиз"],
  ["Aysel", "Айсель"],
  ["Sevinc", "Севиндж"],
  ["Gülnarə", "Гюльнара"],
  ["Səbinə", "Сабина"],
  ["Ülviyyə", "Ульвия"],
  ["Nigar", "Нигяр"],
  ["Kəmalə", "Кямаля"],
  ["Aytən", "Айтен"],
  ["Fidan", "Фидан"],
  ["Könül", "Кенуль"],
  ["Lalə", "Лала"],
  ["Nərmin", "Нармин"],
  ["Şəbnəm", "Шабнам"],
  ["Türkan", "Тюркан"],
  ["Xədicə", "Хадиджа"],
  ["Zəhra", "Захра"],
  ["Vüsalə", "Вюсаля"],
  ["Elnarə", "Эльнара"],
  ["Arzu", "Арзу"],
  ["Sevda", "Севда"],
  ["Rəna", "Рена"],
  ["Məryəm", "Марьям"],
  ["Ayşən", "Айшан"],
  ["Gülər", "Гюляр"],
  ["Mehriban", "Мехрибан"],
  ["Samirə", "Самира"],
  ["Pərvin", "Парвин"],
  ["Sona", "Сона"],
  ["Zərifə", "Зарифа"],
  ["Nurlana", "Нурлана"],
  ["Esmira", "Эсмира"],
  ["Təranə", "Терана"],
  ["Afət", "Афет"],
  ["Firəngiz", "Фирангиз"],
  ["Həcər", "Гаджар"],
  ["Dilarə", "Диляра"],
  ["Solmaz", "Солмаз"],
  ["Günay", "Гюнай"],
  ["Lamiyə", "Лямия"],
  ["Röya", "Роя"],
  ["Sədaqət", "Садагет"],
  ["Nailə", "Наиля"],
  ["Tamilla", "Тамилла"],
  ["Ülkər", "Юлькер"],
  ["Sevil", "Севиль"],
  ["Vəfa", "Вафа"],
];

/** Azerbaijani Latin to the Azerbaijani Cyrillic of documents issued before 1992, letter for letter. */
const azCyrillic: Record<string, string> = {
  a: "а",
  b: "б",
  c: "ҹ",
  ç: "ч",
  d: "д",
  e: "е",
  ə: "ә",
  f: "ф",
  g: "ҝ",
  ğ: "ғ",
  h: "һ",
  x: "х",
  ı: "ы",
  i: "и",
  j: "ж",
  k: "к",
  q: "г",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  ö: "ө",
  p: "п",
  r: "р",
  s: "с",
  ş: "ш",
  t: "т",
  u: "у",
  ü: "ү",
  v: "в",
  y: "ј",
  z: "з",
};

/** A small deterministic generator (mulberry32), so that every run makes the same persons. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One real person: the truth the records of the person are written from. */
export interface TruePerson {
  familyIndex: number;
  givenIndex: number;
  sex: "F" | "M";
  birthDate: string;
  citizenship: string;
  passport: string;
}

export type Spelling = "az-latin" | "az-cyrillic" | "russian" | "passport" | "english";

const citizenships: ReadonlyArray<readonly [string, number]> = [
  ["AZ", 0.86],
  ["RU", 0.05],
  ["GE", 0.03],
  ["TR", 0.03],
  ["IR", 0.02],
  ["UA", 0.01],
];

export class SyntheticPersons {
  private readonly random: () => number;
  private passportsIssued = 0;

  constructor(seed: number) {
    this.random = randomSource(seed);
  }

  chance(share: number): boolean {
    return this.random() < share;
  }

  private below(count: number): number {
    return Math.floor(this.random() * count);
  }

  /** Common names are much commoner than rare ones: the name of rank r has weight 1 / r^0.8 (Zipf). */
  private zipf(cumulative: readonly number[]): number {
    const u = this.random() * (cumulative[cumulative.length - 1] as number);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < u) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** A passport number not issued before: two letters and seven digits, or C and eight digits. */
  private newPassport(): string {
    this.passportsIssued++;
    const serial = (this.passportsIssued * 7_919 + 1_000_003) % 100_000_000;
    return this.chance(0.5)
      ? `C${String(serial).padStart(8, "0")}`
      : `AA${String(serial % 10_000_000).padStart(7, "0")}`;
  }

  truePerson(): TruePerson {
    const sex = this.chance(0.5) ? "F" : "M";
    const given = sex === "F" ? femaleGivenNames : maleGivenNames;
    // Ages 18 to 80 in 2026; birth years nearer the middle more frequent (two draws averaged).
    const year = 1946 + Math.floor((this.below(62) + this.below(62)) / 2);
    const month = 1 + this.below(12);
    const day = 1 + this.below(month === 2 ? 28 : 30);
    let share = this.random();
    let citizenship = "AZ";
    for (const [code, weight] of citizenships) {
      if (share < weight) {
        citizenship = code;
        break;
      }
      share -= weight;
    }
    return {
      familyIndex: this.zipf(zipfWeights(this.familyNames.length)),
      givenIndex: this.zipf(zipfWeights(given.length)),
      sex,
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      citizenship,
      passport: this.newPassport(),
    };
  }

  private spelled(az: string, ru: string, spelling: Spelling): string {
    switch (spelling) {
      case "az-latin":
        return az;
      case "russian":
        return ru;
      case "passport":
        return passportSpelling(az);
      case "english":
        return englishSpelling(az);
      case "az-cyrillic":
        return [...az].map((char) => cyrillicOf(char)).join("");
    }
  }

  private readonly familyNames = [
    ...familyNames,
    ...derivedFamilyNames(maleGivenNames),
    ...derivedFamilyNames(femaleGivenNames.slice(0, 25)),
  ];

  private names(person: TruePerson, spelling: Spelling): { given: string; family: string } {
    const [givenAz, givenRu] = (person.sex === "F" ? femaleGivenNames : maleGivenNames)[
      person.givenIndex
    ] as [string, string];
    const [familyAz, familyRu] = this.familyNames[person.familyIndex] as [string, string];
    const feminine = person.sex === "F";
    return {
      given: this.spelled(givenAz, givenRu, spelling),
      family: this.spelled(
        feminine ? feminineAz(familyAz) : familyAz,
        feminine ? feminineRu(familyRu) : familyRu,
        spelling,
      ),
    };
  }

  /** The person's names as their passport writes them (ICAO 9303 Latin). */
  passportNames(person: TruePerson): { given: string; family: string } {
    return this.names(person, "passport");
  }

  /** A typing error: a letter dropped, doubled, replaced by a neighbour's, or two letters swapped. */
  private typo(word: string): string {
    const chars = [...word];
    if (chars.length < 4) return word;
    const at = 1 + this.below(chars.length - 2);
    switch (this.below(4)) {
      case 0:
        chars.splice(at, 1);
        break;
      case 1:
        chars.splice(at, 0, chars[at] as string);
        break;
      case 2:
        chars[at] = chars[(at + 2) % chars.length] as string;
        break;
      default:
        [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
    }
    return chars.join("");
  }

  /** How an older system wrote a birth date: in full, to the year or month, day and month swapped, a digit wrong. */
  private writtenDate(date: string): string | undefined {
    const roll = this.random();
    if (roll < 0.03) return undefined;
    if (roll < 0.09) return date.slice(0, 4);
    if (roll < 0.12) return date.slice(0, 7);
    const [year, month, day] = date.split("-") as [string, string, string];
    if (roll < 0.16 && Number(day) <= 12 && day !== month) return `${year}-${day}-${month}`;
    if (roll < 0.19) return `${year}-${month}-${pad((Number(day) % 28) + 1)}`;
    return date;
  }

  /**
   * The first record of a person: mostly as written in Azerbaijani Latin, some in Russian from Soviet-era files, some from a passport.
   */
  firstRecord(person: TruePerson): PersonOccurrence {
    return this.record(person, this.firstSpelling(), { typos: 0.02, dateNoise: false, passport: 0.85 });
  }

  /** Another record of the same person, from another system: another spelling, errors, a renewed passport. */
  laterRecord(person: TruePerson): PersonOccurrence {
    const passportRoll = this.random();
    if (passportRoll < 0.25) person.passport = this.newPassport();
    return this.record(person, this.anySpelling(), { typos: 0.15, dateNoise: true, passport: 0.7 });
  }

  private firstSpelling(): Spelling {
    const roll = this.random();
    return roll < 0.6 ? "az-latin" : roll < 0.8 ? "russian" : roll < 0.93 ? "passport" : "english";
  }

  private anySpelling(): Spelling {
    const roll = this.random();
    return roll < 0.35
      ? "az-latin"
      : roll < 0.6
        ? "russian"
        : roll < 0.8
          ? "passport"
          : roll < 0.92
            ? "english"
            : "az-cyrillic";
  }

  private record(
    person: TruePerson,
    spelling: Spelling,
    noise: { typos: number; dateNoise: boolean; passport: number },
  ): PersonOccurrence {
    let { given, family } = this.names(person, spelling);
    if (this.chance(noise.typos)) given = this.typo(given);
    if (this.chance(noise.typos)) family = this.typo(family);
    const swapped = noise.dateNoise && this.chance(0.04);
    const asFullName = this.chance(0.2);
    const occurrence: PersonOccurrence = asFullName
      ? { fullName: swapped ? `${family} ${given}` : `${given} ${family}` }
      : swapped
        ? { givenNames: family, familyName: given }
        : { givenNames: given, familyName: family };
    occurrence.birthDate = noise.dateNoise ? this.writtenDate(person.birthDate) : person.birthDate;
    if (this.chance(0.92)) occurrence.sex = person.sex;
    if (this.chance(0.9)) occurrence.citizenship = person.citizenship;
    if (this.chance(noise.passport)) {
      const number = this.chance(0.02) ? this.typo(person.passport) : person.passport;
      occurrence.document = { number, type: "passport", issuingState: person.citizenship };
    }
    return occurrence;
  }
}

const zipfTables = new Map<number, number[]>();

function zipfWeights(count: number): number[] {
  let table = zipfTables.get(count);
  if (!table) {
    let sum = 0;
    table = Array.from({ length: count }, (_, rank) => {
      sum += 1 / (rank + 1) ** 0.8;
      return sum;
    });
    zipfTables.set(count, table);
  }
  return table;
}

const pad = (n: number) => String(n).padStart(2, "0");

function cyrillicOf(char: string): string {
  const lower = char.toLocaleLowerCase("az");
  const mapped = azCyrillic[lower] ?? lower;
  return char === lower ? mapped : mapped.toUpperCase();
}

function feminineAz(family: string): string {
  return /ov$|yev$|ev$|in$/.test(family) ? `${family}a` : family;
}

function feminineRu(family: string): string {
  return /ов$|ев$|ин$/.test(family) ? `${family}а` : family;
}
