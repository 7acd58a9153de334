import type { SeededRandom } from "../../platform/random/index.js";

/**
 * Given names and surnames by naming tradition, in the Latin spelling a passport would show, so
 * that a demo case file reads like a real one. A surname pair is [male form, female form].
 */
interface NamingTradition {
  male: readonly string[];
  female: readonly string[];
  surnames: ReadonlyArray<string | readonly [string, string]>;
}

const arabic: NamingTradition = {
  male: [
    "Ahmad",
    "Mohammad",
    "Ali",
    "Omar",
    "Hassan",
    "Khaled",
    "Yousef",
    "Ibrahim",
    "Mahmoud",
    "Samer",
    "Rami",
    "Tariq",
    "Bilal",
    "Karim",
    "Nabil",
    "Walid",
    "Ziad",
    "Hussein",
    "Mustafa",
    "Adnan",
  ],
  female: [
    "Fatima",
    "Aisha",
    "Mariam",
    "Layla",
    "Noor",
    "Rania",
    "Huda",
    "Salma",
    "Yasmin",
    "Amal",
    "Reem",
    "Dina",
    "Hala",
    "Zainab",
    "Lina",
    "Rasha",
    "Samira",
    "Nadia",
    "Ghada",
    "Hiba",
  ],
  surnames: [
    "Al-Hassan",
    "Haddad",
    "Khalil",
    "Mansour",
    "Saleh",
    "Nasser",
    "Ibrahim",
    "Darwish",
    "Hamdan",
    "Aziz",
    "Al-Jabouri",
    "Abbas",
    "Hussein",
    "Kassem",
    "Othman",
    "Barakat",
    "Suleiman",
    "Youssef",
    "Qasim",
    "Al-Masri",
  ],
};
const persian: NamingTradition = {
  male: [
    "Ahmad",
    "Mohammad",
    "Reza",
    "Ali",
    "Hamid",
    "Farid",
    "Jawad",
    "Mehdi",
    "Hossein",
    "Karim",
    "Sohrab",
    "Navid",
    "Omid",
    "Parviz",
    "Rahim",
    "Shahram",
  ],
  female: [
    "Fatemeh",
    "Zahra",
    "Maryam",
    "Parisa",
    "Shirin",
    "Nasrin",
    "Roya",
    "Leila",
    "Mina",
    "Soraya",
    "Farzaneh",
    "Mahnaz",
    "Nilufar",
    "Setareh",
  ],
  surnames: [
    "Ahmadi",
    "Hosseini",
    "Rahimi",
    "Karimi",
    "Mohammadi",
    "Rezaei",
    "Sadeghi",
    "Habibi",
    "Noori",
    "Azizi",
    "Safi",
    "Popal",
    "Wardak",
    "Haidari",
    "Jafari",
    "Sultani",
  ],
};
const hornOfAfrica: NamingTradition = {
  male: [
    "Yonas",
    "Dawit",
    "Tesfaye",
    "Abdi",
    "Mohamed",
    "Ahmed",
    "Yohannes",
    "Mehari",
    "Samuel",
    "Bereket",
    "Hassan",
    "Abdullahi",
  ],
  female: [
    "Helen",
    "Selam",
    "Meron",
    "Hiwot",
    "Fatuma",
    "Hodan",
    "Amina",
    "Saba",
    "Lidya",
    "Ruth",
    "Sahra",
    "Ifrah",
  ],
  surnames: [
    "Tesfay",
    "Gebremedhin",
    "Haile",
    "Tekle",
    "Kidane",
    "Mohamed",
    "Abdi",
    "Warsame",
    "Ali",
    "Osman",
    "Hussein",
    "Bekele",
    "Girma",
    "Mengistu",
  ],
};
const eastSlavic: NamingTradition = {
  male: [
    "Aleksandr",
    "Dmitry",
    "Sergey",
    "Andrey",
    "Ivan",
    "Mikhail",
    "Oleksandr",
    "Yuriy",
    "Maksym",
    "Pavel",
    "Vladimir",
    "Nikolay",
  ],
  female: [
    "Olga",
    "Natalia",
    "Irina",
    "Anna",
    "Yelena",
    "Tatiana",
    "Oksana",
    "Svetlana",
    "Yulia",
    "Mariya",
    "Kateryna",
    "Viktoria",
  ],
  surnames: [
    ["Ivanov", "Ivanova"],
    ["Petrov", "Petrova"],
    ["Smirnov", "Smirnova"],
    ["Kuznetsov", "Kuznetsova"],
    ["Popov", "Popova"],
    ["Sokolov", "Sokolova"],
    ["Volkov", "Volkova"],
    ["Morozov", "Morozova"],
    "Shevchenko",
    "Kovalenko",
    "Bondarenko",
    "Tkachenko",
    "Kravchenko",
    "Melnyk",
    "Boyko",
  ],
};
const turkish: NamingTradition = {
  male: ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "Emre", "Murat", "Burak", "Yusuf"],
  female: ["Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Merve", "Hatice", "Esra", "Büşra", "Özlem"],
  surnames: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Arslan"],
};
const centralAsian: NamingTradition = {
  male: ["Aziz", "Bekzod", "Rustam", "Timur", "Jasur", "Nurlan", "Daniyar", "Sardor", "Ulugbek", "Askar"],
  female: [
    "Dilnoza",
    "Gulnara",
    "Aigerim",
    "Madina",
    "Nigora",
    "Zarina",
    "Kamila",
    "Saule",
    "Dinara",
    "Malika",
  ],
  surnames: [
    ["Karimov", "Karimova"],
    ["Rakhimov", "Rakhimova"],
    ["Yusupov", "Yusupova"],
    ["Abdullayev", "Abdullayeva"],
    ["Nazarbekov", "Nazarbekova"],
    ["Tursunov", "Tursunova"],
    ["Saidov", "Saidova"],
    ["Ismoilov", "Ismoilova"],
  ],
};
const caucasian: NamingTradition = {
  male: ["Giorgi", "Levan", "David", "Nikoloz", "Irakli", "Armen", "Tigran", "Aram"],
  female: ["Nino", "Tamar", "Mariam", "Ana", "Ani", "Lusine", "Anahit", "Ketevan"],
  surnames: [
    "Beridze",
    "Kapanadze",
    "Gelashvili",
    "Maisuradze",
    "Hovhannisyan",
    "Petrosyan",
    "Grigoryan",
    "Sargsyan",
  ],
};
const balkan: NamingTradition = {
  male: ["Arben", "Besnik", "Dritan", "Elvis", "Marko", "Nikola", "Amir", "Edin"],
  female: ["Elira", "Arta", "Blerta", "Jelena", "Milica", "Amra", "Lejla", "Ana"],
  surnames: ["Hoxha", "Krasniqi", "Berisha", "Gashi", "Jovanović", "Petrović", "Hodžić", "Begić"],
};
const westAfrican: NamingTradition = {
  male: ["Chinedu", "Emeka", "Oluwaseun", "Kwame", "Kofi", "Ibrahima", "Mamadou", "Samuel", "Tunde", "Yaw"],
  female: [
    "Ngozi",
    "Chioma",
    "Adaeze",
    "Akosua",
    "Ama",
    "Fatoumata",
    "Aminata",
    "Blessing",
    "Funmilayo",
    "Grace",
  ],
  surnames: ["Okafor", "Adeyemi", "Okeke", "Mensah", "Boateng", "Diallo", "Balde", "Sow", "Bello", "Nwosu"],
};
const hispanic: NamingTradition = {
  male: ["Juan", "Carlos", "José", "Luis", "Andrés", "Diego", "Jorge", "Miguel"],
  female: ["María", "Ana", "Carolina", "Daniela", "Valentina", "Paola", "Luisa", "Gabriela"],
  surnames: [
    "García",
    "Rodríguez",
    "Martínez",
    "López",
    "Hernández",
    "González",
    "Pérez",
    "Ramírez",
    "Torres",
    "Flores",
  ],
};
const southAsian: NamingTradition = {
  male: ["Muhammad", "Imran", "Bilal", "Rahul", "Amit", "Arjun", "Rajesh", "Faisal", "Sandeep", "Hasan"],
  female: ["Ayesha", "Sana", "Priya", "Anjali", "Fatima", "Nusrat", "Pooja", "Sadia", "Kavita", "Rubina"],
  surnames: ["Khan", "Ahmed", "Sharma", "Singh", "Patel", "Hossain", "Rahman", "Kumar", "Iqbal", "Chowdhury"],
};
const eastAsian: NamingTradition = {
  male: ["Wei", "Jun", "Hao", "Bat-Erdene", "Ganbaatar", "Minh", "Tuan", "Kenji"],
  female: ["Mei", "Xiu", "Yan", "Oyunchimeg", "Saruul", "Lan", "Huong", "Yuki"],
  surnames: ["Wang", "Li", "Zhang", "Liu", "Chen", "Batbayar", "Nguyen", "Tran", "Tanaka"],
};
const european: NamingTradition = {
  male: ["John", "Michael", "David", "Thomas", "Daniel", "Peter", "Martin", "Lukas", "Pierre", "Marco"],
  female: ["Anna", "Maria", "Sarah", "Laura", "Emma", "Julia", "Sophie", "Katarina", "Claire", "Giulia"],
  surnames: [
    "Müller",
    "Smith",
    "Schmidt",
    "Johansson",
    "Novák",
    "Kowalski",
    "Rossi",
    "Dubois",
    "Jensen",
    "Nielsen",
  ],
};
/** Azerbaijani names: the hosts, landlords and employers' contact persons. */
export const azerbaijani: NamingTradition = {
  male: [
    "Rashad",
    "Elchin",
    "Tural",
    "Farid",
    "Orkhan",
    "Kamran",
    "Vugar",
    "Anar",
    "Ilgar",
    "Samir",
    "Elnur",
    "Emin",
  ],
  female: [
    "Leyla",
    "Nigar",
    "Gunel",
    "Sabina",
    "Aytan",
    "Konul",
    "Narmin",
    "Aysel",
    "Lala",
    "Sevinj",
    "Gulnar",
    "Aynur",
  ],
  surnames: [
    ["Aliyev", "Aliyeva"],
    ["Mammadov", "Mammadova"],
    ["Huseynov", "Huseynova"],
    ["Hasanov", "Hasanova"],
    ["Guliyev", "Guliyeva"],
    ["Ismayilov", "Ismayilova"],
    ["Karimov", "Karimova"],
    ["Abbasov", "Abbasova"],
    ["Jafarov", "Jafarova"],
    ["Nasirov", "Nasirova"],
    ["Rzayev", "Rzayeva"],
    ["Safarov", "Safarova"],
  ],
};

const traditionByCountry: Record<string, NamingTradition> = {};
const assign = (tradition: NamingTradition, codes: string) => {
  for (const code of codes.split(" ")) traditionByCountry[code] = tradition;
};
assign(arabic, "SY IQ PS LB JO EG MA DZ TN LY SA YE SD KW AE OM QA BH MR");
assign(persian, "AF IR TJ");
assign(hornOfAfrica, "ER ET SO DJ SS");
assign(eastSlavic, "RU UA BY MD");
assign(turkish, "TR CY");
assign(centralAsian, "UZ KZ KG TM");
assign(caucasian, "GE AM");
assign(balkan, "AL XK RS BA MK ME HR");
assign(westAfrican, "NG GH GM SN GN CI CM SL LR ML BF NE TG BJ CD CG");
assign(hispanic, "CO PE VE NI CU BO EC HN SV GT MX CL AR DO PY UY ES");
assign(southAsian, "PK IN BD LK NP");
assign(eastAsian, "CN MN VN JP KR TH MM");

function surnameFor(tradition: NamingTradition, random: SeededRandom, sex: "F" | "M"): string {
  const surname = random.pick(tradition.surnames);
  return typeof surname === "string" ? surname : surname[sex === "F" ? 1 : 0];
}

/** A plausible full name (given name, surname) for a citizen of this country. */
export function personName(random: SeededRandom, citizenship: string, sex: "F" | "M"): string {
  const tradition = traditionByCountry[citizenship] ?? european;
  return `${random.pick(sex === "F" ? tradition.female : tradition.male)} ${surnameFor(tradition, random, sex)}`;
}

export function azerbaijaniName(random: SeededRandom, sex: "F" | "M"): string {
  return `${random.pick(sex === "F" ? azerbaijani.female : azerbaijani.male)} ${surnameFor(azerbaijani, random, sex)}`;
}

const letters: Record<string, string> = { ı: "i", ş: "s", ç: "c", ğ: "g", ö: "o", ü: "u", ə: "e", đ: "d" };

/** Letters and digits only, for e-mail addresses made from names. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ışçğöüəđ]/g, (letter) => letters[letter] ?? letter)
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}
