import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { estimateRegisterModel } from "./estimate-register-model.js";
import { registerModel } from "./register-model.js";
import { registerOccurrence } from "./register-occurrence.js";

const apart = { thresholds: { link: 1000, review: 999 }, at: new Date("2026-03-01T10:00:00Z") };
const givenNames = ["Əli", "Leyla", "Murad", "Aysel", "Rauf", "Nərgiz", "Elvin", "Günel"];
const familyNames = ["Məmmədov", "Həsənov", "Quliyev", "Əliyev", "Hüseynov"];
const russian: Record<string, string> = {
  Əli: "Али",
  Leyla: "Лейла",
  Murad: "Мурад",
  Aysel: "Айсель",
  Rauf: "Рауф",
  Nərgiz: "Наргиз",
  Elvin: "Эльвин",
  Günel: "Гюнель",
  Məmmədov: "Мамедов",
  Həsənov: "Гасанов",
  Quliyev: "Кулиев",
  Əliyev: "Алиев",
  Hüseynov: "Гусейнов",
};

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.destroy();
});

describe("estimating the register's weights", () => {
  it("keeps the default model while the register has too few pairs", async () => {
    expect(await estimateRegisterModel(database.db)).toBeNull();
    expect((await registerModel(database.db)).source).toBe("default");
  });

  it("estimates m and u by EM from the register's own candidate pairs and uses them from then on", async () => {
    // 40 persons, each registered twice (Latin and Russian spelling, the second without a document),
    // kept apart on purpose: the duplicates are the matches EM has to find among the pairs.
    let n = 0;
    for (const given of givenNames) {
      for (const family of familyNames) {
        n += 1;
        const birthDate = `19${50 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`;
        const female = ["Leyla", "Aysel", "Nərgiz", "Günel"].includes(given);
        const surname = female ? `${family}a` : family;
        await registerOccurrence(
          database.db,
          {
            fullName: `${given} ${surname}`,
            birthDate,
            citizenship: "AZ",
            document: { number: `C${1_000_000 + n}` },
          },
          { kind: "import", batchId: "00000000-0000-4000-9000-000000000001", importPersonId: `A-${n}` },
          apart,
        );
        await registerOccurrence(
          database.db,
          {
            fullName: `${russian[given]} ${russian[family]}${female ? "а" : ""}`,
            birthDate,
            citizenship: "AZ",
          },
          { kind: "import", batchId: "00000000-0000-4000-9000-000000000002", importPersonId: `B-${n}` },
          apart,
        );
      }
    }
    const estimated = await estimateRegisterModel(database.db, {
      minPairs: 40,
      at: new Date("2026-03-02T10:00:00Z"),
    });
    expect(estimated?.source).toBe("estimated");
    expect(estimated?.pairsUsed).toBeGreaterThanOrEqual(40);
    expect(estimated?.estimatedAt).toEqual(new Date("2026-03-02T10:00:00Z"));
    const date = estimated?.fields.find((field) => field.field === "date of birth");
    const exact = date?.levels.find((level) => level.level === "exact");
    expect(exact?.weight).toBeGreaterThan(0);
    const surnameEqual = estimated?.fields.find((field) => field.field === "surname")?.levels.at(-1);
    expect(surnameEqual?.m).toBeGreaterThan(surnameEqual?.u ?? 1);
    const current = await registerModel(database.db);
    expect(current.source).toBe("estimated");
    expect(current.model).toEqual(estimated?.model);
  });
});
