// What specs read inside the page, as plain functions of the DOM: they run through
// `evaluate` in either browser driver (playwright-core for Chromium, puppeteer-core for
// Firefox), so both read the automation contract the same way.

/** The summary table as [{ name, total, grade }], from its `summary-row` elements. */
export function summaryOf(rows) {
  return rows.map((row) => ({
    name: row.querySelector('[data-field="name"]').textContent.trim(),
    total: row.querySelector('[data-field="total"]').dataset.value,
    grade: row.querySelector('[data-field="grade"]').textContent.trim(),
  }));
}
