// Progressive enhancement of the indicator definition form: beside each formula filter, a choice per
// column of the chosen series' cube, each writing its part of the filter text. The text field stays
// what the form sends, and can still be typed (several codes with "|", for instance).

/** "d2=WITHIN; citizen=SY" as a map of column to codes, in the order written. */
function readFilter(text) {
  const filter = new Map();
  for (const part of text.split(";")) {
    const match = /^\s*([a-z0-9]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (match) filter.set(match[1], match[2]);
  }
  return filter;
}

function writeFilter(filter) {
  return [...filter]
    .filter(([, codes]) => codes !== "")
    .map(([column, codes]) => `${column}=${codes}`)
    .join("; ");
}

const answers = new Map();

/** The columns and codes of a series, asked once per series. */
function choicesOf(url, series) {
  if (!answers.has(series)) {
    const address = `${url}?series=${encodeURIComponent(series)}`;
    answers.set(
      series,
      fetch(address, { headers: { accept: "application/json" }, credentials: "same-origin" }).then(
        (response) => (response.ok ? response.json() : null),
        () => null,
      ),
    );
  }
  return answers.get(series);
}

function option(value, text, selected) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  element.selected = selected;
  return element;
}

function chooser(input, column, any) {
  const group = document.createElement("div");
  group.className = "govuk-form-group";
  const id = `${input.id}-${column.column}`;
  const label = document.createElement("label");
  label.className = "govuk-label";
  label.htmlFor = id;
  label.textContent = column.label;
  const select = document.createElement("select");
  select.className = "govuk-select";
  select.id = id;
  const current = readFilter(input.value).get(column.column) ?? "";
  const known = column.codes.some((code) => code.code === current);
  select.append(option("", any, current === ""));
  // Several codes, or one the statistics do not know: shown as typed, so choosing nothing loses nothing.
  if (current !== "" && !known) select.append(option(current, current, true));
  for (const code of column.codes) select.append(option(code.code, code.label, code.code === current));
  select.addEventListener("change", () => {
    const filter = readFilter(input.value);
    filter.set(column.column, select.value);
    input.value = writeFilter(filter);
  });
  group.append(label, select);
  return group;
}

function enhance(input) {
  const series = document.getElementById(input.dataset.filterSeries);
  const formGroup = input.closest(".govuk-form-group");
  if (!series || !formGroup) return;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "govuk-fieldset govuk-!-margin-bottom-6";
  formGroup.after(fieldset);
  let asked = 0;
  async function refresh() {
    const turn = ++asked;
    const choices = series.value ? await choicesOf(input.dataset.filterCodes, series.value) : null;
    // A later choice of series may have answered first.
    if (turn !== asked) return;
    const columns = (choices?.columns ?? []).filter((column) => column.codes.length > 0);
    fieldset.replaceChildren();
    fieldset.hidden = columns.length === 0;
    if (columns.length === 0) return;
    const legend = document.createElement("legend");
    legend.className = "govuk-fieldset__legend govuk-fieldset__legend--s";
    legend.textContent = input.dataset.filterLegend;
    fieldset.append(legend, ...columns.map((column) => chooser(input, column, choices.any)));
  }
  series.addEventListener("change", refresh);
  // What is typed shows in the choices once the field is left.
  input.addEventListener("change", refresh);
  refresh();
}

for (const input of document.querySelectorAll("input[data-filter-series]")) enhance(input);
