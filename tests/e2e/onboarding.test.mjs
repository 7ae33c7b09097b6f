// Issue #16: the onboarding call and the public page, as a sales rep on a call and a visitor use
// them. Each test fails without the behaviour it names.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshot } from './helpers.mjs';
import { ready, textOf, retype, settled, openAll, inputValues } from './scenario-helpers.mjs';

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
const copied = async (page) => {
  await page.click('[data-testid="copy-link"]');
  await page.waitForSelector('[data-testid="copy-status"] .copied');
  return page.evaluate(() => navigator.clipboard.readText());
};
const langOf = (link) => new URL(link).searchParams.get('lang');

// Item 7.
test('links keep the language the visitor switched to: the address bar and a copied link', () =>
  withPage(async (page) => {
    await ready(page);
    await settled(page);
    assert.equal(langOf(page.url()), null, 'a page nobody switched carries no lang');
    await page.selectOption('[data-testid="language"]', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await settled(page);
    assert.equal(langOf(page.url()), 'fr', page.url());
    await retype(page, '#in-pop-price', '15,5');
    await settled(page);
    assert.equal(langOf(page.url()), 'fr', 'still there after an edit');
    const link = await copied(page);
    assert.equal(langOf(link), 'fr', link);
    assert.equal(new URL(link).searchParams.get('price'), '15.5');
    // Switched back to English, the links say so (the visitor's choice, not the browser's).
    await page.selectOption('[data-testid="language"]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await settled(page);
    assert.equal(langOf(page.url()), 'en');
    assert.equal(langOf(await copied(page)), 'en');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-lang-links', ...CLIPBOARD }));

/** Records the page's confirm dialogs and answers each with `answer()`. */
function dialogs(page, answer) {
  const asked = [];
  page.on('dialog', async (dialog) => {
    asked.push(dialog.message());
    if (answer()) await dialog.accept();
    else await dialog.dismiss();
  });
  return asked;
}

// Item 1.
test('New scenario: back to every default, pin and target margin included, asking only when something unsaved would be lost', () =>
  withPage(async (page) => {
    let accept = false;
    const asked = dialogs(page, () => accept);
    await ready(page);
    await openAll(page);
    const defaults = await inputValues(page);

    // Nothing changed: nothing to ask.
    await page.click('[data-testid="new-scenario"]');
    await settled(page);
    assert.deepEqual(asked, []);

    // The previous seller's call: a saved scenario, then more edits, a pin and a target margin.
    await retype(page, '#in-product-unit-cost', '31.5');
    await page.click('[data-testid="save-open"]');
    await page.fill('#save-name', 'Previous seller');
    await page.click('[data-testid="save-submit"]');
    // Saved as it is: no question.
    await page.click('[data-testid="new-scenario"]');
    await settled(page);
    assert.deepEqual(asked, []);
    assert.equal(await page.inputValue('#in-product-unit-cost'), defaults['in-product-unit-cost']);

    await page.click('button[aria-label="Load “Previous seller”"]');
    await page.click('[data-testid="pin"]');
    await retype(page, '#in-pop-price', '17.5');
    await page.selectOption('#in-destination', 'KR');
    await retype(page, '#as-payment-conversion_fee', '2');
    await retype(page, '#solver-target-margin', '25');
    await page.waitForSelector('[data-testid="ab-compare"]');

    // Changed and unsaved: asked, and "Cancel" keeps everything.
    await page.click('[data-testid="new-scenario"]');
    await settled(page);
    assert.equal(asked.length, 1);
    assert.match(asked[0], /not saved/);
    assert.equal(await page.inputValue('#in-pop-price'), '17.5');

    accept = true;
    await page.click('[data-testid="new-scenario"]');
    await settled(page);
    assert.equal(asked.length, 2);
    await openAll(page);
    assert.deepEqual(await inputValues(page), defaults, 'every input and assumption is the default');
    assert.equal(await page.$('[data-testid="ab-compare"]'), null, 'nothing pinned');
    assert.equal(await page.inputValue('#solver-target-margin'), '15');
    assert.equal(new URL(page.url()).search, '', 'the address is the bare calculator');
    // Saved scenarios stay.
    assert.deepEqual(await page.$$eval('[data-testid="saved-name"]', (els) => els.map((e) => e.textContent)), ['Previous seller']);
    await screenshot(page, 'onboarding-new-scenario');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-new-scenario' }));

// Item 2.
test('a preset sets everything it stands for, the rest back to defaults, and the picker names it until an input changes', () =>
  withPage(async (page) => {
    await ready(page);
    await openAll(page);
    const defaults = await inputValues(page);
    // The previous seller's edits, in inputs the preset does not set.
    await page.selectOption('#in-destination', 'KR');
    await retype(page, '#in-semi-price', '11.5');
    await retype(page, '#as-payment-conversion_fee', '2');
    await page.selectOption('[data-testid="preset"]', 'phone-case');
    await settled(page);
    const shown = () => page.$eval('[data-testid="preset"]', (s) => s.options[s.selectedIndex].text);
    assert.equal(await page.inputValue('[data-testid="preset"]'), 'phone-case');
    assert.match(await shown(), /phone case/i);
    const values = await inputValues(page);
    for (const id of ['in-destination', 'in-semi-price', 'as-payment-conversion_fee', 'in-pop-ad-spend-pct']) {
      assert.equal(values[id], defaults[id], `${id} is back to its default`);
    }
    assert.equal(values['in-pop-price'], '6.99');
    // Still named after a language switch, gone once an input changes.
    await page.selectOption('[data-testid="language"]', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(await page.inputValue('[data-testid="preset"]'), 'phone-case');
    assert.doesNotMatch(await shown(), /phone case/i, 'in Chinese');
    await retype(page, '#in-monthly-units', '1200');
    await settled(page);
    assert.equal(await page.inputValue('[data-testid="preset"]'), '');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-presets' }));

// Item 9.
test('losses read as losses: ▼ and the loss colour in the cards, the phone summary and A/B, the minus sign on its number\'s line', () =>
  withPage(async (page) => {
    // A dear product sold in volume: every model loses a lot a month.
    await ready(page, '/?cost=900&units=5000&supply=200');
    await page.click('[data-testid="pin"]');
    await retype(page, '#in-monthly-units', '9000');
    await settled(page);
    const lossColour = await page.$eval('[data-testid="pop-monthly-profit"] .loss', (e) => getComputedStyle(e).color);
    const minis = await page.$$eval('.summary-bar .mini-value', (values) => values.map((v) => {
      const loss = v.querySelector('.loss');
      const amount = v.querySelector('.loss .amount');
      return {
        text: v.textContent,
        colour: loss && getComputedStyle(loss).color,
        // One line box: the minus sign did not wrap away from its number.
        lines: amount && amount.getClientRects().length,
        height: amount && amount.getBoundingClientRect().height,
        size: amount && parseFloat(getComputedStyle(amount).lineHeight || '0'),
      };
    }));
    assert.equal(minis.length, 3);
    for (const mini of minis) {
      assert.match(mini.text, /^▼ -¥[\d,.]+/, mini.text);
      assert.equal(mini.colour, lossColour, `${mini.text}: the loss colour`);
      assert.equal(mini.lines, 1, mini.text);
      assert.ok(mini.height < 24, `${mini.text} is on one line (${mini.height} px)`);
    }
    // The cards' other profit figures: margin, return on goods, profit per ¥100 tied up.
    for (const model of ['pop', 'semi', 'full']) {
      for (const figure of ['margin', 'roi', 'return-on-capital']) {
        const dd = `[data-testid="${model}-${figure}"]`;
        const { text, lines, colour } = await page.$eval(dd, (e) => ({
          text: e.textContent,
          lines: e.getClientRects().length === 1 && e.getBoundingClientRect().height < 30,
          colour: e.querySelector('.loss') && getComputedStyle(e.querySelector('.loss')).color,
        }));
        assert.match(text, /^▼ -/, `${model} ${figure}: ${text}`);
        assert.equal(colour, lossColour, `${model} ${figure}`);
        assert.ok(lines, `${model} ${figure} on one line`);
      }
    }
    for (const col of ['a', 'b']) {
      const cell = `[data-testid="ab-pop-monthly-profit"] [data-col="${col}"]`;
      assert.match(await page.textContent(cell), /^▼ -¥/);
      assert.equal(await page.$eval(`${cell} .loss`, (e) => getComputedStyle(e).color), lossColour);
    }
    await screenshot(page, 'onboarding-losses-390');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-losses', width: 390, height: 844 }));

// Item 8.
test('What if says the truth when fully managed beats POP at every supply price, or at none', () =>
  withPage(async (page) => {
    const sameAs = async () => ({
      pop: await textOf(page, 'solver-same-as-pop'),
      semi: await textOf(page, 'solver-same-as-semi'),
      note: await page.$('[data-testid="solver-same-as-note"]'),
    });
    // 5 kg parcels: POP and semi-managed pay more postage than the unit sells for.
    await ready(page, '/?weight=5000');
    await page.waitForSelector('[data-testid="solver-same-as-pop"]');
    let s = await sameAs();
    assert.equal(s.pop, 'Fully managed earns more than POP at every supply price, even at zero.');
    assert.equal(s.semi, 'Fully managed earns more than semi-managed at every supply price, even at zero.');
    assert.equal(s.note, null, 'no "above this supply price" without a price');

    // POP earning more a month than any supply price could pay.
    await ready(page, '/?price=900000000&units=1');
    await page.waitForSelector('[data-testid="solver-same-as-pop"]');
    s = await sameAs();
    assert.equal(s.pop, 'Fully managed earns less than POP at every supply price.');

    // With a price, the note is there to read it by.
    await ready(page);
    await page.waitForSelector('[data-testid="solver-same-as-note"]');
    assert.match(await textOf(page, 'solver-same-as-pop'), /^¥/);
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-what-if-truth' }));

// Item 5.
test('Save suggests a name: the preset or the product, and the date', () =>
  withPage(async (page) => {
    await ready(page);
    const today = await page.evaluate(() => new Date().toLocaleDateString('en', { dateStyle: 'medium' }));
    await page.selectOption('[data-testid="preset"]', 'phone-case');
    await page.click('[data-testid="save-open"]');
    assert.equal(await page.inputValue('#save-name'), `Phone case · ${today}`);
    // Selected, so that typing replaces it; Enter takes it as it is.
    assert.equal(await page.evaluate(() => { const i = document.activeElement; return i.value.slice(i.selectionStart, i.selectionEnd); }), `Phone case · ${today}`);
    await page.press('#save-name', 'Enter');
    assert.equal(await textOf(page, 'saved-status'), `Saved “Phone case · ${today}”.`);

    // No preset: the product's category.
    await retype(page, '#in-monthly-units', '900');
    await page.click('[data-testid="copy-link"]');
    await page.click('[data-testid="save-open"]');
    const category = await page.$eval('#in-product-category', (s) => s.options[s.selectedIndex].text);
    assert.equal(await page.inputValue('#save-name'), `${category} · ${today}`);

    // In Chinese, the preset's Chinese name and a Chinese date.
    await page.click('[data-testid="copy-link"]');
    await page.fill('#save-name', '');
    await page.selectOption('[data-testid="language"]', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.selectOption('[data-testid="preset"]', 'led-lamp');
    const zhToday = await page.evaluate(() => new Date().toLocaleDateString('zh-CN', { dateStyle: 'medium' }));
    await page.click('[data-testid="save-open"]');
    const suggested = await page.inputValue('#save-name');
    assert.ok(suggested.endsWith(` · ${zhToday}`), suggested);
    assert.match(suggested, /台灯/);
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-save-name', permissions: ['clipboard-read', 'clipboard-write'] }));

// Item 4.
test('A/B with saved scenarios: Compare pins one in a step, the columns carry the names, differences share one format', () =>
  withPage(async (page) => {
    await ready(page);
    const save = async (name) => {
      await page.click('[data-testid="save-open"]');
      await page.fill('#save-name', name);
      await page.press('#save-name', 'Enter');
      await page.waitForFunction((name) => document.querySelector('[data-testid="saved-status"]')?.textContent.includes(name), name);
    };
    await page.selectOption('[data-testid="preset"]', 'led-lamp');
    await save('Lamp offer');
    await page.selectOption('[data-testid="preset"]', 'phone-case');
    await save('Phone case offer');
    assert.equal(await page.$('[data-testid="ab-compare"]'), null);

    // One step: no Load, no Pin.
    await page.click('button[aria-label="Compare “Lamp offer” with the scenario on screen"]');
    await page.waitForSelector('[data-testid="ab-compare"]');
    assert.equal(await textOf(page, 'ab-head-a'), 'ALamp offer');
    assert.equal(await page.textContent('[data-testid="ab-head-a"] .ab-name'), 'Lamp offer');
    assert.equal(await page.textContent('[data-testid="ab-head-b"] .ab-name'), 'Phone case offer');
    assert.equal(await page.inputValue('#in-pop-price'), '6.99', 'the scenario on screen stays B');
    // The one on screen offers no comparison with itself.
    assert.equal(await page.$('button[aria-label="Compare “Phone case offer” with the scenario on screen"]'), null);

    // Every margin difference with one decimal, whole or not.
    for (const model of ['pop', 'semi', 'full']) {
      const change = await page.textContent(`[data-testid="ab-${model}-margin"] [data-col="change"]`);
      assert.match(change.trim(), /^[▲▼] [+−]\d+\.\d pts$/, `${model}: ${change}`);
    }
    await screenshot(page, 'onboarding-ab-saved');

    // Edited, B is no longer the saved scenario: its column is just B.
    await retype(page, '#in-monthly-units', '1700');
    await settled(page);
    assert.equal(await page.$('[data-testid="ab-head-b"] .ab-name'), null);
    assert.equal(await textOf(page, 'ab-head-b'), 'B');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-ab-saved' }));

// Item 6.
test('the printout is a proposal: the inputs and changed assumptions as text, no buttons, the date, one A4 page', () =>
  withPage(async (page) => {
    await ready(page);
    await page.selectOption('[data-testid="preset"]', 'phone-case');
    await page.selectOption('#in-destination', 'KR');
    // Eight changed assumptions: the printout lists six and says how many more the link has.
    await openAll(page);
    const ids = await page.$$eval('.assumptions input[type="text"]', (inputs) => inputs.slice(0, 8).map((i) => i.id));
    assert.equal(ids.length, 8);
    for (const id of ids) await retype(page, `#${id}`, '1.5');
    await retype(page, '#in-pop-price', '7.49');
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('[data-testid="print-inputs"]'), true);
    const printed = await textOf(page, 'print-inputs');
    for (const part of ['The scenario', 'Category', 'Phone accessories', 'Unit cost', '4.80 CNY', 'Sale price', '7.49 USD',
      'Units a month', '1500 units', 'South Korea', 'How goods reach buyers', 'Warehouse', 'Supply price', '15.00 CNY', 'Changed assumptions:',
      'and 2 more (the link below has them all)', 'Printed on']) {
      assert.ok(printed.includes(part), `"${part}" in: ${printed}`);
    }
    const year = String(new Date().getFullYear());
    assert.ok(printed.includes(year), 'dated');
    // The fees it was worked out with are on the page, and so is the link.
    assert.equal(await page.isVisible('.policy-bar'), true);
    assert.match(await page.textContent('.print-link'), /price=7.49/);
    const buttons = await page.$$eval('button', (all) => all.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden';
    }).map((b) => b.textContent.trim()));
    assert.deepEqual(buttons, [], 'no buttons on paper');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    assert.equal(pages.length, 1, 'one A4 page');
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'onboarding-print');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-print' }));

// Item 10.
test('embedded at phone width, the monthly profits and then the inputs come first: an edit shows its effect on screen', () =>
  withPage(async (page) => {
    await ready(page, '/?embed=1');
    const top = (selector) => page.$eval(selector, (e) => e.getBoundingClientRect().top + window.scrollY);
    const summary = await top('.summary-bar');
    const input = await top('#in-product-unit-cost');
    const card = await top('[data-testid="pop-card"]');
    assert.equal(await page.isVisible('.summary-bar'), true, 'the three monthly profits');
    assert.ok(summary < input && input < card, `summary ${summary}, first input ${input}, first card ${card}`);
    assert.ok(input - summary < 400, 'the first inputs are on the same screen as the profits');
    const before = await page.textContent('.summary-bar');
    await retype(page, '#in-product-unit-cost', '30');
    await page.waitForFunction((before) => document.querySelector('.summary-bar').textContent !== before, before);
    // At desktop width the embed keeps its two columns.
    await page.setViewportSize({ width: 1000, height: 900 });
    assert.equal(await page.isVisible('.summary-bar'), false);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'onboarding-embed-390');
    assert.deepEqual(page.errors, []);
  }, { name: 'onboarding-embed-phone', width: 390, height: 844 }));
