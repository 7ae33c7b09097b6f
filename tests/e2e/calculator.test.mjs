// The calculator page as a seller or a sales rep uses it: type, pick, read what they see.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, url, screenshot, runAxe, formatViolations } from './helpers.mjs';
import { built } from './scenario-helpers.mjs';

const ready = async (page, path = '/') => {
  await page.goto(url(path));
  await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
};
const textOf = async (page, testId) => ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').trim();
/** Replaces a field's text the way a user does: select all, type. */
const retype = async (page, selector, text) => {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
};
/** The engine's figures for the scenario the form describes, formatted as the page formats them. */
const engineFigures = (page, scenario) =>
  page.evaluate((scenario) => {
    const result = window.sellerCalc.compare(scenario);
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
    const show = (v) => (v.startsWith('-') ? `▼ ${money.format(v)}` : money.format(v));
    return Object.fromEntries(
      Object.entries(result.models).map(([k, m]) => [k, { perUnit: show(m.profit_per_unit), monthly: show(m.monthly_profit) }]),
    );
  }, scenario);

test('typed values give the engine\'s figures, updating on every keystroke', () =>
  withPage(async (page) => {
    await ready(page);
    await retype(page, '#in-product-unit-cost', '31.5');
    await retype(page, '#in-pop-price', '15.49');
    await retype(page, '#in-monthly-units', '250');
    await page.selectOption('#in-destination', 'KR');
    const expected = await engineFigures(page, {
      product: { unit_cost: '31.5' },
      pop: { price: '15.49' },
      monthly_units: '250',
      destination: 'KR',
    });
    for (const model of ['pop', 'semi', 'full']) {
      assert.equal(await textOf(page, `${model}-profit-per-unit`), expected[model].perUnit, `${model} per unit`);
      assert.equal(await textOf(page, `${model}-monthly-profit`), expected[model].monthly, `${model} monthly`);
    }
    // No submit button: the figures follow each keystroke, and typing keeps focus and caret.
    const before = await textOf(page, 'pop-monthly-profit');
    await page.focus('#in-monthly-units');
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    assert.notEqual(await textOf(page, 'pop-monthly-profit'), before);
    const caret = await page.evaluate(() => ({
      id: document.activeElement?.id,
      at: document.activeElement?.selectionStart,
      value: document.activeElement?.value,
    }));
    assert.deepEqual(caret, { id: 'in-monthly-units', at: 4, value: '2500' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('1');
    const middle = await page.evaluate(() => ({ at: document.activeElement.selectionStart, value: document.activeElement.value }));
    assert.deepEqual(middle, { at: 3, value: '25100' }, 'typing in the middle keeps the caret');
    assert.deepEqual(page.errors, []);
  }, { name: 'typing' }));

test('invalid input shows its message at the field and the other figures stay', () =>
  withPage(async (page) => {
    await ready(page);
    const pop = await textOf(page, 'pop-monthly-profit');
    const fullBefore = await textOf(page, 'full-monthly-profit');
    // The supply price is always in view (it is the estimate to replace first).
    // Pasted at once, so no intermediate valid value ("4") is ever computed.
    await page.fill('#in-full-supply-price', '4o');
    const error = (await page.textContent('#in-full-supply-price-error')) ?? '';
    assert.match(error, /Enter a number/);
    assert.equal(await page.getAttribute('#in-full-supply-price', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#in-full-supply-price'), '4o', 'what the user typed stays');
    assert.equal(await textOf(page, 'pop-monthly-profit'), pop, 'POP does not depend on the supply price');
    assert.equal(await textOf(page, 'full-monthly-profit'), fullBefore, 'the last valid figure stays');
    assert.match((await page.getAttribute('[data-testid="full-card"]', 'class')) ?? '', /\bstale\b/);
    // A negative cost concerns every model: all grey, none blank, message at the cost field.
    await retype(page, '#in-product-unit-cost', '-5');
    assert.match((await page.textContent('#in-product-unit-cost-error')) ?? '', /negative/i);
    for (const model of ['pop', 'semi']) {
      assert.match((await page.getAttribute(`[data-testid="${model}-card"]`, 'class')) ?? '', /\bstale\b/);
      assert.notEqual(await textOf(page, `${model}-monthly-profit`), '');
    }
    // Fixing both brings fresh figures back.
    await retype(page, '#in-product-unit-cost', '25');
    await retype(page, '#in-full-supply-price', '45');
    assert.equal(await textOf(page, 'pop-monthly-profit'), pop);
    assert.doesNotMatch((await page.getAttribute('[data-testid="full-card"]', 'class')) ?? '', /\bstale\b/);
    assert.deepEqual(page.errors, [], 'no panic, no console error');
  }, { name: 'invalid' }));

test('a preset fills the form in one click', () =>
  withPage(async (page) => {
    await ready(page);
    await page.selectOption('[data-testid="preset"]', 'led-lamp');
    assert.equal(await page.inputValue('#in-product-unit-cost'), '38.00');
    assert.equal(await page.inputValue('#in-product-weight-g'), '650');
    assert.equal(await page.inputValue('#in-pop-price'), '24.99');
    assert.equal(await page.inputValue('#in-product-category'), 'lighting');
    const expected = await engineFigures(page, {
      product: { unit_cost: '38.00', packaging: '3.50', weight_g: '650', category: 'lighting' },
      pop: { price: '24.99' },
      monthly_units: '300',
      return_rate_pct: '5',
      full: { supply_price: '85.00' },
    });
    assert.equal(await textOf(page, 'semi-monthly-profit'), expected.semi.monthly);
    assert.equal(await page.inputValue('[data-testid="preset"]'), 'led-lamp', 'the picker names what is loaded (issue #16, item 2)');
  }, { name: 'preset' }));

test('the recommendation says which model earns most, and why', () =>
  withPage(async (page) => {
    await ready(page);
    const sentence = await textOf(page, 'recommendation');
    assert.match(sentence, /^★ Fully managed earns ¥3,158\.08 more a month than semi-managed, mostly from /);
    assert.match((await page.getAttribute('[data-testid="full-card"]', 'class')) ?? '', /\bbest\b/);
    const live = await page.getAttribute('[data-testid="live-summary"]', 'aria-live');
    assert.equal(live, 'polite');
    assert.match(await textOf(page, 'live-summary'), /POP: ¥2,223\.98 a month/);
  }, { name: 'recommendation' }));

test('why? lists each line item with its rule', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="pop-card"] summary');
    const rows = await page.$$eval('[data-testid="pop-card"] tr[data-key]', (trs) => trs.map((tr) => tr.textContent));
    assert.ok(rows.length >= 10, `${rows.length} line items`);
    const commission = rows.find((r) => r.startsWith('Commission'));
    assert.match(commission, /5\.5% of the sale price \(category Home & garden\)/);
    assert.match(commission, /−¥5\.14/);
  }, { name: 'why' }));

test('the footer states the policy version and that figures are estimates', () =>
  withPage(async (page) => {
    await ready(page);
    const footer = await textOf(page, 'footer');
    assert.match(footer, /aliexpress-2025-08 v2/);
    assert.match(footer, /effective 2025-08-01/);
    assert.match(footer, /estimates/);
  }, { name: 'footer' }));

test('phone width: one column, nothing scrolls sideways', () =>
  withPage(async (page) => {
    await ready(page);
    for (const d of await page.$$('details')) await d.evaluate((el) => { el.open = true; });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'horizontal scroll at 390 px');
    const [cards, inputs] = await Promise.all([
      page.$eval('.cards', (e) => e.getBoundingClientRect().top),
      page.$eval('.input-column', (e) => e.getBoundingClientRect().top),
    ]);
    assert.ok(cards < inputs, 'results come before the inputs on a phone');
    await screenshot(page, 'phone-all-open');
  }, { width: 390, height: 844, name: 'phone' }));

test('axe-core finds no accessibility violations', () =>
  withPage(async (page) => {
    await ready(page);
    for (const d of await page.$$('details')) await d.evaluate((el) => { el.open = true; });
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  }, { name: 'axe' }));

test('editing an assumption marks it changed, and reset brings the default back', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="assumptions"] > summary');
    await page.click('[data-testid="assumptions"] details[data-group="commission"] > summary');
    assert.equal(await page.inputValue('#as-commission-home'), '5.5');
    await page.focus('#as-commission-home');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3.');
    assert.equal(await page.inputValue('#as-commission-home'), '3.', 'the dot survives mid-typing');
    await page.keyboard.type('0');
    // 5.5% → 3% of CNY 93.528 is 2.3382 less commission per unit, of which the 4% of refunded
    // orders got 2.5% × 93.528 × 4% = 0.093528 back: 5.55996016 + 2.3382 − 0.093528 = 7.80463216.
    assert.equal(await textOf(page, 'pop-profit-per-unit'), '¥7.80');
    const row = page.locator('#as-commission-home').locator('xpath=ancestor::*[contains(@class,"changed")][1]');
    assert.equal(await row.count(), 1, 'the changed row is marked');
    assert.match(await textOf(page, 'assumptions'), /1 changed/);
    // Semi-managed's warehouse commission is waived whatever the rate: unchanged.
    assert.equal(await textOf(page, 'semi-profit-per-unit'), '¥10.54');

    await page.click('[data-testid="reset-assumptions"]');
    assert.equal(await page.inputValue('#as-commission-home'), '5.5');
    assert.equal(await textOf(page, 'pop-profit-per-unit'), '¥5.56');
    assert.ok(await page.isDisabled('[data-testid="reset-assumptions"]'));

    // A bad value: message at the value, POP and semi grey, fully managed stays fresh.
    await page.fill('#as-commission-home', '120');
    assert.match((await page.textContent('#as-commission-home-error')) ?? '', /at most 100/);
    assert.match((await page.getAttribute('[data-testid="pop-card"]', 'class')) ?? '', /\bstale\b/);
    assert.doesNotMatch((await page.getAttribute('[data-testid="full-card"]', 'class')) ?? '', /\bstale\b/);
    await page.click('button[aria-label^="Reset Commission: Home"]');
    assert.equal(await textOf(page, 'pop-profit-per-unit'), '¥5.56');
    assert.deepEqual(page.errors, []);
  }, { name: 'assumptions' }));

test('the charts render: a stacked bar and a profit line per model', () =>
  withPage(async (page) => {
    await ready(page);
    // The charts are built a painted frame at a time after the figures.
    await built(page);
    for (const model of ['pop', 'semi', 'full']) {
      const segments = await page.$$eval(`[data-testid="breakdown-${model}"] rect`, (rects) =>
        rects.filter((r) => Number.parseFloat(r.getAttribute('width') ?? '0') > 0).length);
      assert.ok(segments >= 3, `${model}: ${segments} bar segments`);
      const d = await page.getAttribute(`[data-testid="volume-line-${model}"]`, 'd');
      assert.match(d ?? '', /^M/, `${model}: a line path`);
    }
    assert.match(await textOf(page, 'volume-verdict'), /do not cross: Fully managed earns more at every volume/);
    // The bars follow the inputs: a price cut shrinks POP's profit segment.
    const before = await page.$eval('[data-testid="breakdown-pop"]', (e) => e.textContent);
    await retype(page, '#in-pop-price', '11');
    // The charts draw a frame after the figures.
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="breakdown-pop"]')?.textContent !== before,
      before,
    );
    assert.notEqual(await page.$eval('[data-testid="breakdown-pop"]', (e) => e.textContent), before);
    assert.match(await page.$eval('[data-testid="breakdown-pop"]', (e) => e.textContent), /Loss ▼/);
  }, { name: 'charts' }));

test('everything works from the keyboard', () =>
  withPage(async (page) => {
    await ready(page);
    const reached = new Set();
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.id || (el?.tagName === 'SUMMARY' ? `summary:${el.textContent.trim().slice(0, 20)}` : el?.tagName);
      });
      reached.add(id);
    }
    for (const id of ['preset', 'in-product-unit-cost', 'in-pop-price', 'in-destination', 'summary:Why these figures?']) {
      assert.ok(reached.has(id), `Tab never reaches ${id}: ${[...reached].join(', ')}`);
    }
    // Open a card's explanation and change a value with the keyboard alone.
    await page.focus('[data-testid="semi-card"] summary');
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval('[data-testid="semi-card"] details', (d) => d.open), true);
    await page.focus('#in-monthly-units');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('800');
    // 5.55996016 × 800 = 4447.968128.
    assert.equal(await textOf(page, 'pop-monthly-profit'), '¥4,447.97');
    // A visible focus ring: the focused input has an outline.
    const outline = await page.$eval('#in-monthly-units', (e) => getComputedStyle(e).outlineStyle);
    assert.notEqual(outline, 'none');
  }, { name: 'keyboard' }));
