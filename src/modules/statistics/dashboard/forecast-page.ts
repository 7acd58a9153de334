import { numberFormat } from "../../../platform/locale/index.js";
import type { Translate } from "./build-dashboard.js";
import type { ForecastView } from "./build-forecast.js";

/**
 * What the forecast page shows besides the chart (drawn by the statistics module's drawing threads): the choice of case type, the back-test figures,
 * and, when the model did worse than the same month last year, a warning saying so in figures.
 */
export function forecastPage(view: ForecastView, locale: string, t: Translate) {
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  const figure = (value: number | null) =>
    value === null ? t("statistics.forecast.notAvailable") : number.format(value);
  const backtest = view.forecast?.backtest;
  return {
    view,
    simplerIsBetter:
      backtest && view.simplerIsBetter
        ? t("statistics.forecast.simplerIsBetter", {
            mae: figure(backtest.mae),
            naiveMae: figure(backtest.naiveMae),
          })
        : null,
    caseTypeItems: view.caseTypes.map((code) => ({
      value: code,
      text: t(`statistics.caseTypes.${code}`),
      selected: code === view.caseType,
    })),
    backtestRows: backtest
      ? [
          {
            key: { text: t("statistics.forecast.model") },
            value: { text: t(`statistics.forecast.models.${view.modelKey}`) },
          },
          {
            key: { text: t("statistics.forecast.shown") },
            value: {
              text: view.simplerIsBetter
                ? t("statistics.forecast.sameMonthLastYear")
                : t(`statistics.forecast.models.${view.modelKey}`),
            },
          },
          {
            key: { text: t("statistics.forecast.historyMonths") },
            value: { text: String(view.history) },
          },
          {
            key: { text: t("statistics.forecast.origins") },
            value: { text: String(backtest.origins) },
          },
          {
            key: { text: t("statistics.forecast.mae", { horizon: backtest.horizon }) },
            value: { text: figure(backtest.mae) },
          },
          {
            key: { text: t("statistics.forecast.naiveMae") },
            value: { text: figure(backtest.naiveMae) },
          },
          { key: { text: t("statistics.forecast.rmse") }, value: { text: figure(backtest.rmse) } },
          {
            key: { text: t("statistics.forecast.mape") },
            value: { text: backtest.mape === null ? figure(null) : `${figure(backtest.mape)} %` },
          },
        ]
      : [],
  };
}
