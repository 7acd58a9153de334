import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivedNameKeys, englishSpelling, nameKeys, passportSpelling } from "./normalise.js";

const comparable = (name: string) => nameKeys(name).comparable;
const phonetic = (name: string) => nameKeys(name).phonetic;

/** Spellings of one name met in Azerbaijani, Russian, passport and English records. */
const sameName: string[][] = [
  ["Məmmədov", "Mammadov", "Мамедов", "Mamedov", "MAMMADOV", "Мәммәдов"],
  ["Həsənov", "Гасанов", "Hasanov", "Gasanov", "HASANOV", "Һәсәнов"],
  ["Cəfər", "Джафар", "Jafar", "Dzhafar", "Djafar", "CAFAR", "Ҹәфәр"],
  ["İlham", "Ильгам", "Ilham", "Ilgam", "ILHAM"],
  ["Əliyeva", "Алиева", "Aliyeva", "Alieva", "ALIYEVA", "Әлијева"],
  ["Əliyev", "Алиев", "Aliyev", "Aliev"],
  ["Hüseynov", "Гусейнов", "Huseynov", "Guseynov", "Guseinov", "Һүсејнов"],
  ["Şükürov", "Шукюров", "Shukurov"],
  ["Xəlilov", "Халилов", "Khalilov", "Xalilov", "Һалилов"],
  ["Çingiz", "Чингиз", "Chingiz"],
  ["Nərgiz", "Наргиз", "Nargiz", "NARGIZ"],
  ["Gülnarə", "Гюльнара", "Gulnara", "Gyulnara", "GULNARA"],
  ["Heydər", "Гейдар", "Heydar", "Geydar", "Heidar"],
  ["Kəmalə", "Кямаля", "Kamala"],
  ["Quliyev", "Guliyev", "Guliev", "Гулиев", "QULIYEV"],
];

/** Spellings of one name that only the phonetic (blocking) key joins; the matcher's score decides. */
const phoneticOnly: string[][] = [
  ["Qasımov", "Касумов", "Kasumov", "Qasimov", "Гасымов"],
  ["Şükürov", "SUKUROV", "ШУКЮРОВ"],
  ["Çingiz", "CINGIZ"],
  ["Quliyev", "Кулиев"],
  ["Əliyev", "Əliyeva"],
];

/** Different people's names that no key may join. */
const differentNames: [string, string][] = [
  ["Əliyev", "Ələkbərov"],
  ["Qasımov", "Həsənov"],
  ["Məmmədov", "Mahmudov"],
  ["Əliyev", "Əliyeva"],
  ["Nərgiz", "Nigar"],
  ["Cəfər", "Cabbar"],
  ["Hüseynov", "Həsənov"],
  ["Gülnarə", "Gülarə"],
];

describe("nameKeys", () => {
  it.each(sameName)("gives the spellings of %s one comparable key", (...spellings) => {
    const keys = new Set(spellings.map(comparable));
    expect([...keys], spellings.join(" / ")).toHaveLength(1);
  });

  it.each(phoneticOnly)("gives the spellings of %s one phonetic key", (...spellings) => {
    const keys = new Set(spellings.map(phonetic));
    expect([...keys], spellings.join(" / ")).toHaveLength(1);
  });

  it("keeps apart spellings the comparable key does not join", () => {
    expect(comparable("Quliyev")).not.toBe(comparable("Кулиев"));
    expect(comparable("Qasımov")).not.toBe(comparable("Касумов"));
    expect(comparable("Şükürov")).not.toBe(comparable("SUKUROV"));
    expect(comparable("Çingiz")).not.toBe(comparable("CINGIZ"));
  });

  it.each(differentNames)("keeps %s and %s apart", (a, b) => {
    expect(comparable(a)).not.toBe(comparable(b));
  });

  it("shares a block between names only the matcher's score parts", () => {
    expect(phonetic("Hüseynov")).toBe(phonetic("Həsənov"));
  });

  /** Blocking is coarse on purpose: these share a block and only the matcher's score parts them. */
  const sameBlock = new Set(["Əliyev/Əliyeva", "Hüseynov/Həsənov"]);

  it.each(differentNames.filter(([a, b]) => !sameBlock.has(`${a}/${b}`)))(
    "keeps %s and %s apart when blocking",
    (a, b) => {
      expect(phonetic(a)).not.toBe(phonetic(b));
    },
  );

  it("reads the script and the Azerbaijani Latin form", () => {
    expect(nameKeys("Мәммәдов")).toMatchObject({ script: "cyrillic-az", latin: "Məmmədov" });
    expect(nameKeys("Һүсејн Ҹавадов")).toMatchObject({ script: "cyrillic-az", latin: "Hüseyn Cavadov" });
    expect(nameKeys("Гюльнара")).toMatchObject({ script: "cyrillic-ru", latin: "Gülnara" });
    expect(nameKeys("Ильгам Алиев")).toMatchObject({ script: "cyrillic-ru", latin: "İlqam Aliyev" });
    expect(nameKeys("ДЖАФАР")).toMatchObject({ script: "cyrillic-ru", latin: "CAFAR" });
    expect(nameKeys("Nǝrgiz")).toMatchObject({ script: "latin", latin: "Nərgiz" });
    expect(nameKeys("").script).toBe("none");
    expect(nameKeys("علی").script).toBe("other");
  });

  it("joins hyphenated and apostrophised parts and keeps words apart", () => {
    expect(comparable("Məmməd-Əli")).toBe(comparable("Məmmədəli"));
    expect(comparable("  İlham   Əliyev ")).toBe("ilxam aliav");
    expect(comparable("Ilham Aliyev")).toBe(comparable("Ильгам Алиев"));
  });

  it("spells names for a passport's machine-readable zone", () => {
    expect(passportSpelling("Şükürov")).toBe("SUKUROV");
    expect(passportSpelling("Məmmədov Gülnarə")).toBe("MAMMADOV GULNARA");
    expect(passportSpelling("İlham")).toBe("ILHAM");
    expect(passportSpelling("Гусейнов")).toBe("GUSEINOV");
    expect(passportSpelling("Джафар")).toBe("DZHAFAR");
    expect(passportSpelling("Халилов")).toBe("KHALILOV");
    expect(passportSpelling("Һәсәнов")).toBe("HASANOV");
  });

  it("follows the ICAO Doc 9303 tables: dotless ı, the Russian letters and the other Cyrillic alphabets", () => {
    expect(passportSpelling("Qasımov Talıb")).toBe("QASIMOV TALIB");
    expect(passportSpelling("Щукина Наталья Юрьевна")).toBe("SHCHUKINA NATALIA IUREVNA");
    expect(passportSpelling("Подъячев Ёлкин Эйвазов")).toBe("PODIEIACHEV ELKIN EIVAZOV");
    expect(passportSpelling("Єгор Ґалина Їжак Ўладзімір")).toBe("IEGOR GALINA IZHAK ULADZIMIR");
    expect(passportSpelling("Љубица Њушка Ѕвонко Џамбас Ќерка Ѓорѓи Ђорђе")).toBe(
      "LJUBITSA NJUSHKA DZVONKO DZAMBAS KERKA GORGI DORDE",
    );
  });

  it("spells names in English romanisation, with the same comparable key", () => {
    expect(englishSpelling("İlham Əliyev")).toBe("Ilham Aliyev");
    expect(englishSpelling("Məmmədov")).toBe("Mammadov");
    expect(englishSpelling("Xəlilov")).toBe("Khalilov");
    expect(englishSpelling("Cəfər")).toBe("Jafar");
    expect(englishSpelling("ŞÜKÜROV")).toBe("SHUKUROV");
    expect(englishSpelling("Quliyev")).toBe("Guliyev");
    expect(englishSpelling("Ağa")).toBe("Agha");
    for (const name of ["Məmmədov", "Xəlilov", "Cəfər", "Şükürov", "Çingiz", "Ağa", "Gülnarə", "Мәммәдов"]) {
      expect(comparable(englishSpelling(name))).toBe(comparable(name));
    }
  });

  it("joins the passport spelling of a Russian name to the Azerbaijani one", () => {
    for (const [russian, azerbaijani] of [
      ["Гусейнов", "Hüseynov"],
      ["Джафар", "Cəfər"],
      ["Алиева", "Əliyeva"],
      ["Мамедов", "Məmmədov"],
      ["Халилов", "Xəlilov"],
    ] as const) {
      expect(comparable(passportSpelling(russian))).toBe(comparable(azerbaijani));
    }
  });

  it("gives a remembered name the keys derived afresh, and none to change", () => {
    const letters = fc.constantFrom(..."aəbcçdeğhxıiİkqoöşüАӘҒҸЫЈӨҮҺЖЩЮЯЁЬЪЙ -'".split(""));
    // Names from a small alphabet come back often; more names than the memory holds clear it.
    const names = fc.array(
      fc.oneof(
        fc.array(letters, { maxLength: 6 }).map((chars) => chars.join("")),
        fc.string({ maxLength: 30 }),
      ),
      { maxLength: 12_000, size: "max" },
    );
    fc.assert(
      fc.property(names, (drawn) => {
        for (const name of drawn) expect(nameKeys(name)).toEqual(derivedNameKeys(name));
      }),
      { numRuns: 5 },
    );
    const keys = nameKeys("Məmmədov");
    expect(() => {
      (keys as { comparable: string }).comparable = "changed";
    }).toThrow(TypeError);
    expect(nameKeys("Məmmədov").comparable).toBe(derivedNameKeys("Məmmədov").comparable);
  });

  it("gives stable, case-insensitive keys and never throws", () => {
    const letters = fc.constantFrom(
      ..."aəbcçdeəfgğhxıijkqlmnoöprsştuüvyzАӘБВГҒДЕЖЗИЫЈКҜЛМНОӨПРСТУҮФХҺЧҸШЮЯЁЬЪЙЭ -'".split(""),
    );
    const names = fc.oneof(
      fc.string(),
      fc.array(letters, { maxLength: 20 }).map((chars) => chars.join("")),
    );
    fc.assert(
      fc.property(names, (name) => {
        const keys = nameKeys(name);
        passportSpelling(name);
        englishSpelling(name);
        expect(nameKeys(keys.comparable).comparable).toBe(keys.comparable);
        expect(nameKeys(name.toLowerCase()).comparable).toBe(keys.comparable);
        expect(nameKeys(name.toUpperCase()).comparable).toBe(keys.comparable);
      }),
      { numRuns: 2000 },
    );
  });
});
