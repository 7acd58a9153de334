export type { CountryCode } from "./countries.js";
export { countryCodes, countryName, countryOptions, isCountryCode } from "./countries.js";
