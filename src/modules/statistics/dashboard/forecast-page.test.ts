import { describe, expect, it } from "vitest";
import { chooseForecast } from "../forecast/choose-forecast.js";
import { addMonths } from "../forecast/month-period.js";
import type { ForecastView } from "./build-forecast.js";
import { forecastPage } from "./forecast-page.js";

const SEASON = [120, 40, 180, 10, 95, 160, 30, 70, 200, 55, 140, 85];
const t = (key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key;

describe("the forecast page", () => {
  it("says in figures when the model lost to the same month last year, and names what is shown", () => {
    const values = Array.from(
      { length: 48 },
      (_, at) => 100 + (SEASON[at % 12] ?? 0) + (at === 20 ? 2000 : 0),
    );
    const chosen = chooseForecast(values.map((value, at) => ({ period: addMonths("2021-01", at), value })));
    const view: ForecastView = {
      caseType: "work-permit",
      caseTypes: ["work-permit"],
      history: 48,
      forecast: chosen.shown,
      modelKey: "holtWinters",
      simplerIsBetter: chosen.simplerIsBetter,
      chart: null,
    };
    const page = forecastPage(view, "en", t);
    const number = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
    expect(page.simplerIsBetter).toBe(
      `statistics.forecast.simplerIsBetter ${JSON.stringify({
        mae: number.format(chosen.fitted.backtest.mae ?? 0),
        naiveMae: number.format(chosen.fitted.backtest.naiveMae ?? 0),
      })}`,
    );
    const shown = page.backtestRows.find((row) => row.key.text === "statistics.forecast.shown");
    expect(shown?.value.text).toBe("statistics.forecast.sameMonthLastYear");
  });
});
