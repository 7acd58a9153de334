import type { SeededRandom } from "../../platform/random/index.js";
import { azerbaijaniName, personName } from "./person-names.js";
import { ageGroups, type PopulationMix } from "./population-mix.js";

/** A foreign national of the demo: the applicant, guest or worker a case is about. */
export interface DemoForeigner {
  fullName: string;
  sex: "F" | "M";
  /** YYYY-MM-DD */
  birthDate: string;
  citizenship: string;
  passportNumber: string;
}

/** A hotel or a landlord registering guests. */
export interface DemoHost {
  /** The account's name: the business with its contact person, or the owner. */
  accountName: string;
  premisesName: string;
  accommodation: "hotel" | "dwelling";
  address: DemoAddress;
}

export interface DemoEmployer {
  accountName: string;
  companyName: string;
  taxId: string;
  address: DemoAddress;
}

export interface DemoAddress {
  street: string;
  city: string;
  region: string;
  postcode: string;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Someone of this mix, `adult` for workers; ages are counted on `onDate`. */
export function demoForeigner(
  random: SeededRandom,
  mix: PopulationMix,
  onDate: string,
  options: { adult?: boolean; citizenship?: string } = {},
): DemoForeigner {
  const citizenship = options.citizenship ?? mix.citizenship(random);
  const sex = mix.sex(random, citizenship);
  let group = mix.ageGroup(random, citizenship);
  if (options.adult && (group === "Y_LT14" || group === "Y14-17" || group === "Y_GE65")) group = "Y18-34";
  const [youngest, oldest] = ageGroups[group];
  const age = random.int(options.adult ? Math.max(youngest, 19) : youngest, oldest);
  return {
    fullName: personName(random, citizenship, sex),
    sex,
    birthDate: addDays(onDate, -(age * 365 + random.int(1, 360))),
    citizenship,
    passportNumber: `${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}${random.digits(7)}`,
  };
}

const cities: ReadonlyArray<readonly [string, string, string, number]> = [
  // city, ISO 3166-2:AZ region, postcode prefix, weight
  ["Bakı", "AZ-BA", "AZ10", 62],
  ["Gəncə", "AZ-GA", "AZ20", 8],
  ["Sumqayıt", "AZ-SM", "AZ50", 7],
  ["Mingəçevir", "AZ-MI", "AZ45", 3],
  ["Lənkəran", "AZ-LA", "AZ42", 3],
  ["Şəki", "AZ-SA", "AZ55", 4],
  ["Qəbələ", "AZ-QAB", "AZ36", 4],
  ["Quba", "AZ-QBA", "AZ40", 3],
  ["Şamaxı", "AZ-SMI", "AZ56", 2],
  ["Naftalan", "AZ-NA", "AZ63", 2],
  ["Xaçmaz", "AZ-XAC", "AZ27", 2],
];
const streets = [
  "Nizami küçəsi",
  "Neftçilər prospekti",
  "Füzuli küçəsi",
  "Azadlıq prospekti",
  "Həsən bəy Zərdabi küçəsi",
  "Səməd Vurğun küçəsi",
  "Üzeyir Hacıbəyov küçəsi",
  "Atatürk prospekti",
  "Heydər Əliyev prospekti",
  "Cavadxan küçəsi",
  "Xətai prospekti",
  "Rəşid Behbudov küçəsi",
  "İstiqlaliyyət küçəsi",
  "Bülbül prospekti",
];
const totalCityWeight = cities.reduce((sum, city) => sum + city[3], 0);

export function demoAddress(random: SeededRandom): DemoAddress {
  let target = random.next() * totalCityWeight;
  let chosen = cities[0] as (typeof cities)[number];
  for (const city of cities) {
    target -= city[3];
    if (target < 0) {
      chosen = city;
      break;
    }
  }
  const [city, region, postcode] = chosen;
  return {
    street: `${random.pick(streets)} ${random.int(1, 180)}`,
    city,
    region,
    postcode: `${postcode}${random.digits(2)}`,
  };
}

const hotelNames = [
  "Caspian Pearl",
  "Old City Inn",
  "Shirvan Palace",
  "Icherisheher Boutique",
  "Absheron Plaza",
  "Khazar Breeze",
  "Flame View",
  "Seaside Residence",
  "Nizami Central",
  "Karvansaray",
  "Mountain Lodge",
  "Tea Garden",
  "Silk Way",
  "Maiden Tower",
  "Boulevard",
];

export function demoHost(random: SeededRandom): DemoHost {
  const contact = azerbaijaniName(random, random.chance(0.5) ? "F" : "M");
  const address = demoAddress(random);
  if (random.chance(0.6)) {
    const premisesName = `${random.pick(hotelNames)} Hotel ${address.city === "Bakı" ? "Baku" : address.city}`;
    return { accountName: `${premisesName} LLC (${contact})`, premisesName, accommodation: "hotel", address };
  }
  return { accountName: contact, premisesName: contact, accommodation: "dwelling", address };
}

const companyWords = [
  "Caspian",
  "Absheron",
  "Shirvan",
  "Araz",
  "Kur",
  "Goygol",
  "Khazar",
  "Mugan",
  "Ganja",
  "Karabakh",
];
const sectors = [
  "Construction",
  "Engineering",
  "Logistics",
  "Textiles",
  "Agro",
  "Energy Services",
  "Hospitality",
  "IT Solutions",
  "Trading",
  "Medical Centre",
];

export function demoEmployer(random: SeededRandom): DemoEmployer {
  const companyName = `${random.pick(companyWords)} ${random.pick(sectors)} LLC`;
  const contact = azerbaijaniName(random, random.chance(0.4) ? "F" : "M");
  return {
    accountName: `${companyName} (${contact})`,
    companyName,
    taxId: `${random.int(1, 9)}${random.digits(9)}`,
    address: demoAddress(random),
  };
}
