export type { CountryCode } from "./countries.js";
export { countryCodes, countryName, countryOptions, isCountryCode } from "./countries.js";
export { isRegionCode, regionName, regionOptions, regionsOf } from "./regions.js";
