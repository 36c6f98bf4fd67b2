// The page object: how a person uses zipin, in the words of the automation contract
// (../shared/CONTRACT.md). Specs speak to this, never to CSS classes.
import { summaryOf } from './dom.mjs';
import { eventually } from './eventually.mjs';

const ROW_FIELDS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'reason'];
const FUNDS_ROWS = { total: 0, appropriation: 1, carryover: 2, other: 3 };

export class ZipinPage {
  constructor(page) {
    this.page = page;
  }

  /** Opens the page and waits for the first form to render. */
  async open(url) {
    await this.page.goto(url);
    await this.page.getByTestId('form').waitFor();
    return this;
  }

  get form() {
    return this.page.getByTestId('form');
  }

  get rows() {
    return this.form.getByTestId('indicator-row');
  }

  /** Clicks into an input, selects what is there, and types `text` key by key. */
  async typeInto(input, text) {
    await input.click();
    await input.press('ControlOrMeta+a');
    if (text === '') {
      await input.press('Delete');
    } else {
      await input.pressSequentially(text);
    }
  }

  /**
   * Pastes as the browser does: a real `paste` event whose clipboardData carries text/plain
   * (and text/html when given), dispatched on `target` (the paste box by default).
   */
  async paste({ text, html }, target = this.page.getByTestId('paste-input')) {
    await target.focus();
    await target.evaluate((el, [plain, markup]) => {
      const data = new DataTransfer();
      data.setData('text/plain', plain);
      if (markup) data.setData('text/html', markup);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [text, html]);
  }

  /** Types into a funds cell: row is total / appropriation / carryover / other. */
  async setFunds(row, field, text) {
    const cell = this.form.getByTestId('funds').locator('tbody tr').nth(FUNDS_ROWS[row]).locator(`[data-field="${field}"] input`);
    await this.typeInto(cell, text);
  }

  async setFormName(text) {
    await this.typeInto(this.form.locator('.form-name input'), text);
  }

  /** Adds rows to a section until it holds `count`. */
  async ensureRows(section, count) {
    const button = this.form.locator(`[data-testid="add-row"][data-section="${section}"]`);
    const rowsOf = () => this.page.evaluate(
      ([name]) => [...document.querySelectorAll('[data-testid="indicator-row"]')]
        .filter((row) => row.querySelector('[data-field="level1"]').textContent.trim() === name
          || row.querySelector('[data-field="level1"] textarea')?.value === name).length,
      [section],
    );
    for (let have = await rowsOf(); have < count; have += 1) {
      await button.click();
      await eventually(rowsOf, have + 1, `rows of ${section}`);
    }
  }

  /** The indicator row whose 三级指标 is `name`. */
  async rowNamed(name) {
    const index = await this.rows.locator('[data-field="name"] textarea').evaluateAll(
      (areas, wanted) => areas.findIndex((area) => area.value === wanted), name);
    if (index < 0) throw new Error(`no indicator row named ${name}`);
    return this.rows.nth(index);
  }

  /** Types the given fields of the indicator row at `index` (0-based, in form order). */
  async fillRow(index, fields) {
    const row = this.rows.nth(index);
    for (const field of ROW_FIELDS) {
      if (fields[field] === undefined) continue;
      await this.typeInto(row.locator(`[data-field="${field}"]`).locator('input, textarea'), fields[field]);
    }
  }

  /** The `data-value` of a contract hook inside the form. */
  async value(testid) {
    return this.form.getByTestId(testid).getAttribute('data-value');
  }

  /** Waits until a hook's `data-value` equals `expected` (see `eventually`). */
  async expectValue(testid, expected) {
    await eventually(() => this.value(testid), expected, testid);
  }

  /** Waits until the autosave has written a document holding `text` to the page's storage. */
  async expectSaved(text) {
    const saved = () => this.page.evaluate((wanted) => Object.keys(localStorage)
      .some((key) => key.startsWith('zipin.document.v1.') && localStorage.getItem(key).includes(wanted)), text);
    await eventually(saved, true, `a saved document holding ${text}`);
  }

  async grade() {
    return (await this.form.getByTestId('grade').textContent()).trim();
  }

  /** Section subtotals as { name: data-value }. */
  async subtotals() {
    return this.form.getByTestId('section-subtotal').evaluateAll((cells) =>
      Object.fromEntries(cells.map((cell) => [cell.dataset.section, cell.dataset.value])));
  }

  /** The summary table as [{ name, total, grade }]. */
  async summary() {
    return this.page.getByTestId('summary-row').evaluateAll(summaryOf);
  }

  /** The findings of the form shown as [{ code, severity, text }]. */
  async findings() {
    return this.form.getByTestId('finding').evaluateAll((items) => items.map((item) => ({
      code: item.dataset.code,
      severity: item.dataset.severity,
      text: item.textContent.trim(),
    })));
  }
}
