// Logistics v2 as a seller sees it (issue #15, items 1, 3, 4 and 5): postage by weight band with
// the band and the chargeable weight in the rule, the parcel's optional sides and the volumetric
// weight, a service's limits as errors at the field, POP's shipping line (only the lines the
// market has) and the shipping the buyer pays; links carry them and keep older links' meaning.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withPage, screenshot, repoRoot, serverUrl } from './helpers.mjs';
import { ready, retype, settled, notices, download } from './scenario-helpers.mjs';

/** The engine's result for a scenario, through the public API. */
const engine = (page, scenario) => page.evaluate((s) => window.sellerCalc.compare(s), scenario);

/** The text of a model's line item (label, rule and amount) in its "why these figures?" table. */
const lineText = (page, model, key) =>
  page.evaluate(({ model, key }) => {
    const row = document.querySelector(`[data-testid="${model}-card"] tr[data-key="${key}"]`);
    return row ? row.textContent.replace(/\s+/g, ' ').trim() : null;
  }, { model, key });

/** The rule under a model's line item. */
const ruleOf = (page, model, key) =>
  page.evaluate(({ model, key }) =>
    document.querySelector(`[data-testid="${model}-card"] tr[data-key="${key}"] .rule`)?.textContent.trim() ?? null,
  { model, key });

/** Waits until `read()` returns something matching `want`, then asserts it. */
async function until(read, want, what) {
  const deadline = Date.now() + 5_000;
  let got = await read();
  while (!(typeof got === 'string' && want.test(got)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    got = await read();
  }
  assert.match(got ?? '(nothing)', want, what);
}

/** The error shown under a field, by the field's DOM id. */
const errorAt = async (page, id) => ((await page.textContent(`#${id}-error`).catch(() => null)) ?? '').trim();

const WEIGHT = '#in-product-weight-g';
const SIDE = { length: '#in-product-dimensions-cm-length', width: '#in-product-dimensions-cm-width', height: '#in-product-dimensions-cm-height' };
const LINE = '#in-pop-shipping';
const CHARGE = '#in-pop-shipping-charge';

/** Money as the English page writes it, in CNY: ¥41.89. */
const cny = (value) => `¥${Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('a 350 g mug and a 2 kg lamp are priced in their own weight bands, the rule naming band and weight', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="pop-card"] details.why summary');

    // A 350 g mug to Spain (the default market): the 300–2000 g band, on 0.35 kg.
    await retype(page, WEIGHT, '350');
    const mug = await engine(page, { product: { weight_g: '350' } });
    const mugPostage = mug.models.pop.line_items.find((i) => i.key === 'last_mile');
    // By hand (docs/model.md): 0.35 kg × ¥64.67/kg + ¥19.26 = ¥41.8945, the 0–150 g rates that the
    // 300–2000 g band takes as an assumption.
    assert.equal(mugPostage.amount, '41.89');
    await until(() => ruleOf(page, 'pop', 'last_mile'),
      /^AliExpress Standard to Spain, 300–2000 g band: 0\.35 kg × ¥64\.67\/kg \+ ¥19\.26 per parcel\.$/, 'mug rule');
    await until(() => lineText(page, 'pop', 'last_mile'), new RegExp(`${cny('41.89').replace('.', '\\.')}`), 'mug amount');

    // A 2 kg lamp: still the 300–2000 g band, on 2 kg; 2.1 kg goes to the large-parcel band by
    // the half kilo.
    await retype(page, WEIGHT, '2000');
    await until(() => ruleOf(page, 'pop', 'last_mile'),
      /^AliExpress Standard to Spain, 300–2000 g band: 2 kg × ¥64\.67\/kg \+ ¥19\.26 per parcel\.$/, 'lamp rule');
    const lamp = await engine(page, { product: { weight_g: '2000' } });
    assert.equal(lamp.models.pop.line_items.find((i) => i.key === 'last_mile').amount, '148.60');
    await until(() => lineText(page, 'pop', 'last_mile'), /¥148\.60/, 'lamp amount');
    await retype(page, WEIGHT, '2100');
    await until(() => ruleOf(page, 'pop', 'last_mile'),
      /2–30 kg band: 2\.5 kg \(2\.1 kg rounded up to the next 0\.5 kg\) ×/, 'large parcel rule');
    // Semi-managed's Cainiao line names its band too.
    await page.click('[data-testid="semi-card"] details.why summary');
    await until(() => ruleOf(page, 'semi', 'last_mile'), /^Cainiao \(Choice\) to Spain, 2–30 kg band: 2\.5 kg/, 'choice rule');
    await screenshot(page, 'logistics-bands');
    assert.deepEqual(page.errors, []);
  }));

test('the parcel\'s sides: volumetric weight wins when larger, a bad side is an error at that side', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="pop-card"] details.why summary');
    await retype(page, WEIGHT, '350');
    // The three sides are offered, optional and in centimetres.
    for (const side of Object.values(SIDE)) {
      assert.equal(await page.inputValue(side), '');
      assert.equal(await page.evaluate((s) => document.querySelector(s).closest('.field').querySelector('.unit')?.textContent.trim(), side), 'cm');
    }
    // One side alone: the others are asked for, at their own fields.
    await retype(page, SIDE.length, '40');
    await until(() => errorAt(page, 'in-product-dimensions-cm-width'), /Enter a number\./, 'width asked for');
    assert.match(await errorAt(page, 'in-product-dimensions-cm-height'), /Enter a number\./);
    assert.equal(await errorAt(page, 'in-product-dimensions-cm-length'), '');
    // 40 × 30 × 20 cm ÷ 8000 = 3 kg by volume, more than the 0.35 kg the mug weighs.
    await retype(page, SIDE.width, '30');
    await retype(page, SIDE.height, '20');
    await until(() => ruleOf(page, 'pop', 'last_mile'),
      /^AliExpress Standard to Spain, 2–30 kg band: 3 kg by volume \(40 × 30 × 20 cm ÷ 8,000, more than the actual 0\.35 kg\) × ¥64\.67\/kg \+ ¥19\.26 per parcel\.$/,
      'volumetric rule');
    const bulky = await engine(page, { product: { weight_g: '350', dimensions_cm: { length: '40', width: '30', height: '20' } } });
    // 3 × 64.67 + 19.26 = 213.27
    assert.equal(bulky.models.pop.line_items.find((i) => i.key === 'last_mile').amount, '213.27');
    await until(() => lineText(page, 'pop', 'last_mile'), /¥213\.27/, 'volumetric amount');
    await screenshot(page, 'logistics-volumetric');

    // A side that is not a number, or not above 0, is an error at that side.
    await retype(page, SIDE.height, 'abc');
    await until(() => errorAt(page, 'in-product-dimensions-cm-height'), /Enter a number, such as 25 or 12\.99\./, 'bad side');
    assert.equal(await page.getAttribute(SIDE.height, 'aria-invalid'), 'true');
    await retype(page, SIDE.height, '0');
    await until(() => errorAt(page, 'in-product-dimensions-cm-height'), /Must be more than 0\./, 'zero side');
    await screenshot(page, 'logistics-bad-side');
    assert.deepEqual(page.errors, []);
  }));

test('over a service\'s weight limit: the error at the weight names the service and the limit', () =>
  withPage(async (page) => {
    await ready(page);
    await retype(page, WEIGHT, '31000');
    await until(() => errorAt(page, 'in-product-weight-g'),
      /^Over the limit of AliExpress Standard \(POP\): it takes parcels up to 30,?000\sg\.$/, 'weight limit');
    assert.equal(await page.getAttribute(WEIGHT, 'aria-invalid'), 'true');
    // The engine says the same at the same field.
    const result = await engine(page, { product: { weight_g: '31000' } });
    assert.equal(result.ok, false);
    assert.ok(result.errors.every((e) => e.field === 'product.weight_g'), JSON.stringify(result.errors));
    await screenshot(page, 'logistics-over-limit');

    // Super Economy Global takes 2 kg: to the US, 2.5 kg is over its limit, by weight or volume.
    await retype(page, WEIGHT, '500');
    await page.selectOption('#in-destination', 'US');
    await page.selectOption(LINE, 'economy');
    await retype(page, WEIGHT, '2500');
    await until(() => errorAt(page, 'in-product-weight-g'),
      /^Over the limit of Super Economy Global \(POP\): it takes parcels up to 2,?000\sg\.$/, 'economy limit');
    await retype(page, WEIGHT, '350');
    await retype(page, SIDE.length, '40');
    await retype(page, SIDE.width, '30');
    await retype(page, SIDE.height, '20');
    await until(() => errorAt(page, 'in-product-dimensions-cm-length'),
      /^By volume this parcel weighs more than Super Economy Global \(POP\) takes: up to 2,?000\sg\.$/, 'volume limit');
    assert.equal(await errorAt(page, 'in-product-weight-g'), '');
    await screenshot(page, 'logistics-volume-limit');
    assert.deepEqual(page.errors, []);
  }));

test('POP\'s shipping line: only the lines the market has; economy priced by its own rates', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="pop-card"] details.why summary');
    const offered = () => page.$$eval(`${LINE} option`, (os) => os.map((o) => o.value));
    // Spain has AliExpress Standard only; the United States has Super Economy Global too.
    assert.deepEqual(await offered(), ['standard']);
    await page.selectOption('#in-destination', 'US');
    await until(async () => (await offered()).join(','), /^standard,economy$/, 'US lines');
    await page.selectOption(LINE, 'economy');
    await retype(page, WEIGHT, '350');
    // 0.35 kg × ¥91.04/kg + ¥11.20 = ¥43.064 → ¥43.06
    await until(() => ruleOf(page, 'pop', 'last_mile'),
      /^Super Economy Global to United States, 100–2000 g band: 0\.35 kg × ¥91\.04\/kg \+ ¥11\.20 per parcel\.$/, 'economy rule');
    await until(() => lineText(page, 'pop', 'last_mile'), /¥43\.06/, 'economy amount');
    // Back to Spain: the line chosen has no rates there, and its field says so.
    await page.selectOption('#in-destination', 'ES');
    await until(() => errorAt(page, 'in-pop-shipping'),
      /^Super Economy Global has no rates for Spain: choose another shipping line, or another market\.$/, 'no rates');
    await screenshot(page, 'logistics-line-misses-market');
    await page.selectOption(LINE, 'standard');
    await until(() => errorAt(page, 'in-pop-shipping'), /^$/, 'error gone');
    assert.deepEqual(page.errors, []);
  }));

test('the logistics words in Spanish: the inputs, the error naming the market, the band in the rule', () =>
  withPage(async (page) => {
    await ready(page, `/?${new URLSearchParams({ lang: 'es', destination: 'ES', shipping: 'economy', weight: '350' })}`);
    await until(() => errorAt(page, 'in-pop-shipping'),
      /^Super Economy Global no tiene tarifas para España: elige otra línea de envío u otro mercado\.$/, 'es error');
    assert.equal((await page.textContent('label[for="in-product-dimensions-cm-length"]')).trim(), 'Largo');
    assert.equal((await page.textContent('label[for="in-pop-shipping"]')).trim(), 'Línea de envío POP');
    await page.selectOption(LINE, 'standard');
    await page.click('[data-testid="pop-card"] details.why summary');
    await until(() => ruleOf(page, 'pop', 'last_mile'), /^AliExpress Standard, destino España, tramo 300–2000 g: 0,35 kg ×/, 'es rule');
    await screenshot(page, 'logistics-es');
    assert.deepEqual(page.errors, []);
  }));

test('the shipping the buyer pays adds to POP\'s revenue', () =>
  withPage(async (page) => {
    await ready(page);
    await page.evaluate(() => { for (const d of document.querySelectorAll('.inputs details.group')) d.open = true; });
    await page.click('[data-testid="pop-card"] details.why summary');
    const before = (await engine(page, {})).models.pop.revenue_per_unit;
    await retype(page, CHARGE, '2');
    const after = (await engine(page, { pop: { shipping_charge: '2' } })).models.pop;
    // $2.00 at the default 7.20 yuan a dollar: ¥14.40 more revenue.
    assert.equal((Number(after.revenue_per_unit) - Number(before)).toFixed(2), '14.40');
    await until(() => page.evaluate(() => document.querySelector('[data-testid="pop-card"] tr.revenue .rule')?.textContent.trim()),
      /^Sale price \$12\.99 \+ shipping \$2\.00 paid by the buyer = \$14\.99 × 7\.2 CNY per USD = ¥107\.93\.$/, 'revenue rule');
    await screenshot(page, 'logistics-buyer-shipping');
    assert.deepEqual(page.errors, []);
  }));

test('links and the JS API carry the sides, the line and the buyer\'s shipping; older links keep their meaning', () =>
  withPage(async (page) => {
    await ready(page);
    await page.evaluate(() => { for (const d of document.querySelectorAll('.inputs details.group')) d.open = true; });
    // A link made without the new fields (as before issue #15) reads as AliExpress Standard, no
    // sides and no shipping charge.
    await retype(page, WEIGHT, '2000');
    await settled(page);
    const plain = page.url();
    assert.doesNotMatch(plain, /[?&](shipping|shipping_charge|length|width|height)=/);

    await page.selectOption('#in-destination', 'US');
    await page.selectOption(LINE, 'economy');
    await retype(page, WEIGHT, '350');
    await retype(page, SIDE.length, '20');
    await retype(page, SIDE.width, '15');
    await retype(page, SIDE.height, '10');
    await retype(page, CHARGE, '1.5');
    await settled(page);
    const link = page.url();
    for (const pair of ['shipping=economy', 'length=20', 'width=15', 'height=10', 'shipping_charge=1.5']) {
      assert.match(link, new RegExp(`[?&]${pair}(&|$)`), pair);
    }
    const rule = await ruleOf(page, 'pop', 'last_mile');

    await withPage(async (other) => {
      await ready(other, link.replace(/^https?:\/\/[^/]+/, ''));
      assert.equal(await other.inputValue(LINE), 'economy');
      assert.equal(await other.inputValue(SIDE.length), '20');
      assert.equal(await other.inputValue(SIDE.width), '15');
      assert.equal(await other.inputValue(SIDE.height), '10');
      assert.equal(await other.inputValue(CHARGE), '1.5');
      await other.click('[data-testid="pop-card"] details.why summary');
      assert.equal(await ruleOf(other, 'pop', 'last_mile'), rule);
    });
    await withPage(async (other) => {
      await ready(other, plain.replace(/^https?:\/\/[^/]+/, ''));
      assert.equal(await other.inputValue(LINE), 'standard');
      assert.equal(await other.inputValue(SIDE.length), '');
      assert.equal(await other.inputValue(CHARGE), '');
      await other.click('[data-testid="pop-card"] details.why summary');
      await until(() => ruleOf(other, 'pop', 'last_mile'), /^AliExpress Standard to Spain, 300–2000 g band: 2 kg/, 'old link');
    });

    // docs/api.md's link-building snippet, with the new keys in their canonical places: the page
    // reads its link without a notice and writes the same link back.
    const doc = fs.readFileSync(`${repoRoot}/docs/api.md`, 'utf8');
    const code = doc.match(/```js\n(const KEYS[\s\S]*?)```/)[1].replace(/\nsellerCalcLink\([^)]*\);[\s\S]*$/, '');
    // eslint-disable-next-line no-new-func
    const sellerCalcLink = new Function(`${code}; return sellerCalcLink;`)();
    const built = sellerCalcLink(serverUrl, { weight: '500', length: '20', width: '15', height: '10', destination: 'US', shipping: 'economy', shipping_charge: '1.5' });
    await withPage(async (other) => {
      await other.goto(built);
      await other.waitForSelector('[data-testid="pop-card"]');
      assert.deepEqual(await notices(other), [], built);
      assert.equal(await other.inputValue(LINE), 'economy');
      await settled(other);
      const kept = new URL(other.url());
      kept.searchParams.delete('lang');
      assert.equal(kept.href, new URL(built).href, 'the page writes the same link back');
    });

    // The JS API takes the same fields and puts their errors at their paths.
    const api = await engine(page, {
      destination: 'US',
      product: { weight_g: '350', dimensions_cm: { length: '40', width: '30', height: '20' } },
      pop: { shipping: 'economy', shipping_charge: '2' },
    });
    assert.equal(api.ok, false);
    assert.deepEqual(api.errors.map((e) => e.field), ['product.dimensions_cm.length']);
    const good = await engine(page, { destination: 'FR', pop: { shipping: 'economy' }, product: { weight_g: '350' } });
    assert.equal(good.ok, true);
    assert.match(good.models.pop.line_items.find((i) => i.key === 'last_mile').rule, /^Super Economy Global to France/);
    // Several markets (item 6), through the API: the postage line is one line listing each market.
    const mixed = await engine(page, { destinations: [{ id: 'ES', share_pct: '60' }, { id: 'US', share_pct: 40 }] });
    assert.equal(mixed.ok, true, JSON.stringify(mixed.errors));
    const postage = mixed.models.pop.line_items.find((i) => i.key === 'last_mile');
    assert.equal(postage.amount, '47.46');
    assert.match(postage.rule, /^Share-weighted over the markets\. 60% to Spain, CNY 41\.89 each: .* 40% to United States, CNY 55\.81 each: /);
    const bad = await engine(page, { destinations: [{ id: 'ES', share_pct: '60' }, { id: 'ES', share_pct: '40' }] });
    assert.deepEqual(bad.errors.map((e) => [e.field, e.code]), [['destinations[1].id', 'inconsistent']]);
    assert.deepEqual(page.errors, []);
  }));

test('the logistics inputs at 390 px', () =>
  withPage(async (page) => {
    await ready(page, `/?${new URLSearchParams({ weight: '350', length: '40', width: '30', height: 'x', destination: 'US', shipping: 'economy' })}`);
    const box = await page.locator('.sides').boundingBox();
    assert.ok(box && box.width <= 390, `the sides fit: ${JSON.stringify(box)}`);
    await page.locator('.sides').scrollIntoViewIfNeeded();
    await screenshot(page, 'logistics-390');
    assert.deepEqual(page.errors, []);
  }, { width: 390, height: 844 }));

test('several markets: add a second one, split the volume, one postage line lists each; links carry the mix', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="pop-card"] details.why summary');
    // One market is the simple case: the drop-down, and a button to add another.
    assert.equal(await page.inputValue('#in-destination'), 'ES');
    await page.click('[data-testid="add-market"]');
    // Two rows, half each: Spain and the first other market of the policy's list.
    await page.waitForSelector('#in-destinations-1-id');
    assert.equal(await page.inputValue('#in-destinations-0-id'), 'ES');
    assert.equal(await page.inputValue('#in-destinations-1-id'), 'US');
    assert.equal(await page.inputValue('#in-destinations-0-share-pct'), '50');
    await until(() => ruleOf(page, 'pop', 'last_mile'),
      /^Share-weighted over the markets\. 50% to Spain, ¥41\.89 each: AliExpress Standard to Spain, 300–2000 g band: .* 50% to United States, ¥55\.81 each: AliExpress Standard to United States, /,
      'a mixed rule');
    // Shares that do not add up to 100 are an error under the markets.
    await retype(page, '#in-destinations-0-share-pct', '60');
    await until(() => errorAt(page, 'in-destinations'), /^The markets' shares add up to 110%: they must add up to 100%\.$/, 'shares');
    await retype(page, '#in-destinations-1-share-pct', '40');
    await until(() => errorAt(page, 'in-destinations'), /^$/, 'shares fixed');
    // 60% × 41.8945 + 40% × 55.8075 = 47.4597 (docs/model.md, Example 4).
    await until(() => lineText(page, 'pop', 'last_mile'), /¥47\.46/, 'mixed amount');
    const api = await engine(page, { destinations: [{ id: 'ES', share_pct: '60' }, { id: 'US', share_pct: '40' }] });
    await until(() => page.textContent('[data-testid="pop-monthly-profit"]'), new RegExp(api.models.pop.monthly_profit.replace('-', '').replace('.', '\\.')), 'monthly');
    // The line offered is the one every market has.
    assert.deepEqual(await page.$$eval(`${LINE} option`, (os) => os.map((o) => o.value)), ['standard']);
    await screenshot(page, 'logistics-markets');

    // The mix is one link parameter, inside the check code; the link opens on the same mix.
    await settled(page);
    const link = page.url();
    assert.match(link, /[?&]destination=ES%3A60%7CUS%3A40(&|$)/);
    await withPage(async (other) => {
      await ready(other, link.replace(/^https?:\/\/[^/]+/, ''));
      assert.deepEqual(await notices(other), []);
      assert.equal(await other.inputValue('#in-destinations-1-share-pct'), '40');
      await other.click('[data-testid="pop-card"] details.why summary');
      await until(() => lineText(other, 'pop', 'last_mile'), /¥47\.46/, 'reopened');
    });

    // Removing a market goes back to the simple case.
    await page.click('#in-destinations-1-id ~ button.remove-market');
    await page.waitForSelector('#in-destination');
    assert.equal(await page.inputValue('#in-destination'), 'ES');
    await until(() => ruleOf(page, 'pop', 'last_mile'), /^AliExpress Standard to Spain, 300–2000 g band: 0\.35 kg/, 'one market');
    assert.deepEqual(page.errors, []);
  }));

test('several markets at 390 px', () =>
  withPage(async (page) => {
    await ready(page, `/?${new URLSearchParams({ destination: 'ES:60|US:30|FR:10' })}`);
    await page.waitForSelector('#in-destinations-2-id');
    assert.equal(await page.inputValue('#in-destinations-2-id'), 'FR');
    const box = await page.locator('[data-testid="markets"]').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the rows fit: ${JSON.stringify(box)}`);
    // The sticky summary counts the markets rather than listing them, and fits the phone.
    const count = page.locator('[data-testid="summary-markets"]');
    assert.equal((await count.textContent()).trim(), '3 markets');
    const countBox = await count.boundingBox();
    assert.ok(countBox && countBox.x >= 0 && countBox.x + countBox.width <= 390, `the count fits: ${JSON.stringify(countBox)}`);
    // One market is the simple case: no count.
    await ready(page, `/?${new URLSearchParams({ destination: 'ES' })}`);
    assert.equal(await page.locator('[data-testid="summary-markets"]').count(), 0);
    await ready(page, `/?${new URLSearchParams({ destination: 'ES:60|US:30|FR:10' })}`);
    await page.waitForSelector('#in-destinations-2-id');
    await page.locator('[data-testid="markets"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'logistics-markets-390');
    assert.deepEqual(page.errors, []);
  }, { width: 390, height: 844 }));

/** The cash rule under a model's "money tied up" row, and its timeline's rows as text. */
const cashOf = (page, model) =>
  page.evaluate((model) => {
    const card = document.querySelector(`[data-testid="${model}-card"]`);
    const rows = [...card.querySelectorAll('details.why table:not(.timeline) tbody tr')];
    const rule = rows.at(-1)?.querySelector('.rule')?.textContent.replace(/\s+/g, ' ').trim() ?? null;
    // Each row: its day, then its amounts (paid out, paid in, tied up), space-separated.
    const timeline = [...card.querySelectorAll('[data-testid$="-timeline"] tbody tr')]
      .map((tr) => [tr.querySelector('th').firstChild.textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]
        .map((text) => text.replace(/\s+/g, ' ').trim()).join(' '));
    return { rule, timeline };
  }, model);

test('delivery days per market: the cash rule names each market\'s days, each is paid out on its own day (item 7)', () =>
  withPage(async (page) => {
    // One market: Spain is one of Cainiao's five-day markets (docs/model.md, Example 1).
    await ready(page);
    await page.click('[data-testid="full-card"] details.why summary');
    await until(async () => (await cashOf(page, 'full')).rule,
      /^30 days in stock \+ 5 days' delivery \+ 15 days until payout\. Cainiao delivers to Spain within five days\./, 'five days to Spain');
    assert.equal((await page.textContent('[data-testid="full-days-to-cash"]')).trim(), '50 days');
    // France is not: fully managed's 5–10 days, 8.
    await page.selectOption('#in-destination', 'FR');
    await until(async () => (await cashOf(page, 'full')).rule, /^30 days in stock \+ 8 days' delivery \+ 15 days until payout\./, 'eight to France');
    assert.equal((await page.textContent('[data-testid="full-days-to-cash"]')).trim(), '53 days');

    // The 60/40 Spain/US mix (Example 4): 51.2 days on average, each market's days listed, and
    // the timeline pays Spain on day 50 and the US on day 53.
    await ready(page, `/?${new URLSearchParams({ destination: 'ES:60|US:40' })}`);
    await page.click('[data-testid="semi-card"] details.why summary');
    await until(async () => (await cashOf(page, 'semi')).rule,
      /^Share-weighted over the markets: paid out after 51\.2 days on average\. 60% to Spain: 30 days in stock \+ 5 days' delivery \+ 15 days until payout\. Cainiao delivers to Spain within five days\. 40% to United States: 30 days in stock \+ 8 days' delivery/,
      'the mix\'s days');
    const { timeline } = await cashOf(page, 'semi');
    assert.deepEqual(timeline, [
      'Day 0 ¥27.20 ¥0.00 ¥27.20',
      'Day 30 ¥7.48 ¥0.00 ¥34.68',
      // Spain's payout (60% × 45.22); the US's units still tie up 40% × 34.68.
      'Day 50 ¥0.00 ¥27.13 ¥13.87',
      'Day 53 ¥0.00 ¥12.52 ¥0.00',
    ]);
    assert.equal((await page.textContent('[data-testid="semi-days-to-cash"]')).trim(), '51 days');
    assert.equal((await page.textContent('[data-testid="semi-capital"]')).trim(), '¥20,683.51');
    await screenshot(page, 'logistics-days-per-market');

    // In Spanish, the same rule in the page's language.
    await ready(page, `/?${new URLSearchParams({ lang: 'es', destination: 'ES:60|US:40' })}`);
    await page.click('[data-testid="semi-card"] details.why summary');
    await until(async () => (await cashOf(page, 'semi')).rule,
      /^Media ponderada por las cuotas de los mercados: cobro tras 51,2 días de media\. 60 % a España: 30 días en stock \+ 5 días de entrega \+ 15 días hasta el cobro\. Cainiao entrega en España en cinco días\./,
      'es');
    assert.deepEqual(page.errors, []);
  }));

/** Loads `text` as the rate sheet file `name`. */
const loadSheet = (page, name, text) => page.setInputFiles('[data-testid="rate-sheet-file"]', {
  name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8'),
});

test('a workbook or a binary file loaded as a rate sheet is refused with what to do, not read row by row (hostile review)', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="rate-sheet"] > summary');
    const refused = () => page.textContent('[data-testid="rate-sheet-refused"]');
    // A zip (an .xlsx saved under a .csv name): its first bytes say so.
    await page.setInputFiles('[data-testid="rate-sheet-file"]', {
      name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]),
    });
    await page.waitForSelector('[data-testid="rate-sheet-refused"]');
    assert.match(await refused(), /^This looks like an Excel workbook, not a CSV file\..*Postage is unchanged\.$/);
    assert.equal(await page.locator('[data-testid="rate-sheet-errors"]').count(), 0, 'no row-by-row noise');
    // Random bytes: not text in any encoding the page reads.
    const noise = Buffer.alloc(20000);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + 13) % 256;
    await page.setInputFiles('[data-testid="rate-sheet-file"]', { name: 'noise.csv', mimeType: 'text/csv', buffer: noise });
    await page.waitForFunction(() => /not a CSV/.test(document.querySelector('[data-testid="rate-sheet-refused"]')?.textContent ?? ''));
    assert.equal(await page.locator('[data-testid="rate-sheet-status"]').count(), 0, 'no sheet in force');
  }));

test('a large file still being decoded as a rate sheet never replaces the sheet chosen after it (hostile review)', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="rate-sheet"] > summary');
    const header = 'Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)';
    // The second sheet is chosen from inside the page the moment the first is.
    await page.evaluate((text) => document.addEventListener('change', () => setTimeout(() => {
      const input = document.querySelector('[data-testid="rate-sheet-file"]');
      const files = new DataTransfer();
      files.items.add(new File([text], 'mine.csv', { type: 'text/csv' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, 0), { capture: true, once: true }), [header, 'ES,standard,300_2000g,50,10'].join('\n'));
    // ~12 MB: decoded over several tasks, then refused as too large.
    await loadSheet(page, 'big.csv', `${header}\n${'ES,standard,300_2000g,50,10\n'.repeat(450_000)}`);
    await page.waitForSelector('[data-testid="rate-sheet-status"]');
    await page.waitForTimeout(3000);
    assert.equal(await page.locator('[data-testid="rate-sheet-errors"]').count(), 0, 'no late refusal of the big file');
    assert.match(await page.textContent('[data-testid="rate-sheet-status"]'), /1 rate/);
    assert.deepEqual(page.errors, []);
  }));

test('a refused rate sheet lists its problems in row order, says how many more there are past 50, and names a row without a column plainly', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="rate-sheet"] > summary');
    const header = 'Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)';
    // A row with a cell too many (a problem of the row, no column) that also repeats row 2's
    // band, then 60 bad amounts: 62 problems.
    const rows = [header, 'ES,standard,300_2000g,50,10', 'ES,standard,300_2000g,51,10,extra'];
    for (let i = 0; i < 60; i += 1) rows.push(`ES,standard,0_150g,x${i},10`);
    await loadSheet(page, 'many.csv', rows.join('\n'));
    await page.waitForSelector('[data-testid="rate-sheet-errors"] li');
    const shown = await page.$$eval('[data-testid="rate-sheet-errors"] li', (li) => li.map((l) => l.textContent.trim()));
    assert.equal(shown.length, 50);
    assert.match(shown[0], /^Row 3: /, 'the row, with no empty column name');
    assert.doesNotMatch(shown.join('\n'), /, :/);
    const numbers = shown.map((t) => Number(/^Row (\d+)/.exec(t)[1]));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'in row order');
    assert.equal((await page.textContent('[data-testid="rate-sheet-more"]')).trim(), '…and 12 more.');
    assert.deepEqual(page.errors, []);
  }));

test('the seller\'s own rate sheet: a bad row named by row and column, fixed, postage changes, kept, links say so, removed (item 2)', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="pop-card"] details.why summary');
    await until(() => lineText(page, 'pop', 'last_mile'), /¥41\.89/, 'the policy\'s postage');
    await page.click('[data-testid="rate-sheet"] > summary');
    // The template is the policy's current rates.
    const template = await download(page, '[data-testid="rate-sheet-template"]');
    assert.equal(template.name, 'sellercalc-rate-sheet-template.csv');
    assert.match(template.text, /^Market,Service,Weight band,Per kg \(CNY\),Per parcel \(CNY\)\r\n/);
    assert.match(template.text, /\r\nES,standard,300_2000g,64\.67,19\.26\r\n/);

    // One bad row: named by row and column; nothing changes.
    const header = 'Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)';
    await loadSheet(page, 'mine.csv', [header, 'Spain,AliExpress Standard,300–2000 g,50,10', 'ES,standard,0-150 g,abc,10'].join('\n'));
    await page.waitForSelector('[data-testid="rate-sheet-errors"] li');
    assert.deepEqual(await page.$$eval('[data-testid="rate-sheet-errors"] li', (li) => li.map((l) => l.textContent.trim())),
      ['Row 3, Per kg (CNY): Enter a number, such as 25 or 12.99.']);
    // An unknown band names what the service has.
    await loadSheet(page, 'mine.csv', [header, 'ES,standard,5-6 kg,1,1'].join('\n'));
    await page.waitForFunction(() => /5-6 kg/.test(document.querySelector('[data-testid="rate-sheet-errors"]')?.textContent ?? ''));
    assert.deepEqual(await page.$$eval('[data-testid="rate-sheet-errors"] li', (li) => li.map((l) => l.textContent.trim())),
      ['Row 2, Weight band: “5-6 kg” is not one of: 0_150g, 150_300g, 300_2000g, 2_30kg.']);
    assert.equal(await page.locator('[data-testid="rate-sheet-status"]').count(), 0);
    await until(() => lineText(page, 'pop', 'last_mile'), /¥41\.89/, 'unchanged');

    // Fixed: 0.35 × 50 + 10 = 27.50 for the 350 g mug (its 300–2000 g band); the line says whose rate.
    await loadSheet(page, 'mine.csv', [header, 'Spain,AliExpress Standard,300–2000 g,50,10', 'ES,standard,0-150 g,60,10'].join('\n'));
    await until(() => lineText(page, 'pop', 'last_mile'), /¥27\.50/, 'the sheet\'s postage');
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(await page.textContent('[data-testid="rate-sheet-status"]'),
      `Your rate sheet, loaded on ${today}: 2 rates. Bands it does not name keep the policy's rates.`);
    assert.equal(await page.locator('[data-testid="rate-sheet-errors"]').count(), 0);
    assert.match(await page.textContent('[data-testid="pop-rate-source"]'), new RegExp(`^Your rate sheet, loaded on ${today}`));
    // The assumptions show the sheet's rate where it gives one, and say whose it is; a band it
    // does not name keeps the policy's rate and badge.
    const sheetRow = '[data-id="postage.standard.ES.300_2000g.per_kg"]';
    await page.waitForSelector(`${sheetRow} input`, { state: 'attached' });
    assert.equal(await page.inputValue(`${sheetRow} input`), '50');
    assert.equal((await page.textContent(`${sheetRow} .as-badge`)).trim(), 'Your rate sheet');
    const policyRow = '[data-id="postage.standard.ES.150_300g.per_kg"]';
    assert.equal(await page.inputValue(`${policyRow} input`), '64.67');
    assert.notEqual((await page.textContent(`${policyRow} .as-badge`)).trim(), 'Your rate sheet');
    // Links note that a rate sheet was used, not the sheet itself.
    await settled(page);
    const link = page.url();
    assert.match(link, /[?&]rates=own(&|$)/);
    assert.doesNotMatch(link, /300/);
    await screenshot(page, 'logistics-rate-sheet');

    // Kept in this browser: a reload uses it again.
    await page.reload();
    await page.waitForSelector('[data-testid="rate-sheet-status"]', { state: 'attached' });
    await page.click('[data-testid="pop-card"] details.why summary');
    await until(() => lineText(page, 'pop', 'last_mile'), /¥27\.50/, 'kept');
    // The sender reloading their own page (its URL says rates=own) is not told about a link.
    assert.ok(!(await notices(page)).some((n) => /custom rate sheet/.test(n)), 'no link note for the sender');

    // A page opened from such a link elsewhere says so, and prices with its own rates.
    await withPage(async (other) => {
      await ready(other, link.replace(/^https?:\/\/[^/]+/, ''));
      assert.ok((await notices(other)).some((n) => /made with a custom rate sheet, which links do not carry/.test(n)), 'the note');
      await other.click('[data-testid="pop-card"] details.why summary');
      await until(() => lineText(other, 'pop', 'last_mile'), /¥41\.89/, 'the receiver\'s postage');
    });

    // Removed: back to the policy's rates, and links without the note.
    await page.click('[data-testid="rate-sheet"] > summary');
    await page.click('[data-testid="rate-sheet-remove"]');
    // The group stays open for what comes next.
    assert.equal(await page.$eval('[data-testid="rate-sheet"]', (d) => d.open), true);
    await until(() => lineText(page, 'pop', 'last_mile'), /¥41\.89/, 'the policy\'s again');
    assert.equal(await page.locator('[data-testid="rate-sheet-status"]').count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('sellercalc:rate-sheet')), null);
    await settled(page);
    assert.doesNotMatch(page.url(), /rates=own/);
    assert.deepEqual(page.errors, []);
  }));

test('a stored rate sheet that cannot be read is kept, and the page says so (item 2)', () =>
  withPage(async (page) => {
    await ready(page);
    await page.evaluate(() => localStorage.setItem('sellercalc:rate-sheet', '{"version":1,"loaded_on":"2026-12-01","text":"garbled'));
    await page.reload();
    await page.waitForSelector('[data-testid="rate-sheet-unreadable"]');
    assert.match(await page.textContent('[data-testid="rate-sheet-unreadable"]'), /could not be read\. It is kept, unchanged/);
    // Still there, untouched, until the seller removes it.
    assert.equal(await page.evaluate(() => localStorage.getItem('sellercalc:rate-sheet')),
      '{"version":1,"loaded_on":"2026-12-01","text":"garbled');
    await page.click('[data-testid="rate-sheet-remove"]');
    assert.equal(await page.evaluate(() => localStorage.getItem('sellercalc:rate-sheet')), null);
    assert.deepEqual(page.errors, []);
  }));
