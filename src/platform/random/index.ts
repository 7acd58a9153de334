export { SeededRandom, WeightedChoice } from "./seeded-random.js";
