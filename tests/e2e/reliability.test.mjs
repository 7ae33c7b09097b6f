// Reliability (issue #14): no input can break the page, and nothing a user saved is ever dropped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './helpers.mjs';
import { ready, retype, textOf, notices } from './scenario-helpers.mjs';

/** Every number input of the scenario, by its path. */
const NUMBER_PATHS = [
  'currency.rate', 'product.unit_cost', 'product.packaging', 'product.weight_g', 'monthly_units',
  'return_rate_pct', 'pop.price', 'pop.ad_spend_pct', 'pop.affiliate_share_pct',
  'pop.affiliate_rate_pct', 'semi.price', 'full.supply_price',
];

/** Waits until the card figure `testId` differs from `before`, and returns it. */
async function figureChanges(page, testId, before) {
  await page.waitForFunction(
    ([id, old]) => {
      const text = document.querySelector(`[data-testid="${id}"]`)?.textContent.trim();
      return text && text !== old;
    },
    [testId, before],
    { timeout: 5_000 },
  );
  return textOf(page, testId);
}

test('6,000 zeros in every number field, 300 times over, give a field error and break nothing', () =>
  withPage(async (page) => {
    await ready(page);
    const outcome = await page.evaluate((paths) => {
      const zeros = '0'.repeat(6000);
      const scenarioWith = (path, value) => {
        const scenario = {};
        const parts = path.split('.');
        let node = scenario;
        for (const part of parts.slice(0, -1)) node = node[part] = {};
        node[parts.at(-1)] = value;
        return scenario;
      };
      const cases = [
        ...paths.map((path) => [path, scenarioWith(path, zeros)]),
        ['assumptions.commission.home', { assumptions: { 'commission.home': zeros } }],
      ];
      const seen = {};
      let threw = null;
      for (let round = 0; round < 300; round += 1) {
        for (const [path, scenario] of cases) {
          try {
            const result = window.sellerCalc.compare(scenario);
            seen[path] = result.errors.map((e) => `${e.field}:${e.code}`).join(' ');
          } catch (err) {
            threw = `${path}: ${err}`;
          }
        }
      }
      const normal = window.sellerCalc.compare({ pop: { price: '14.99' } });
      return { seen, threw, ok: normal.ok, profit: normal.models.pop.monthly_profit };
    }, NUMBER_PATHS);
    assert.equal(outcome.threw, null);
    for (const path of NUMBER_PATHS) assert.equal(outcome.seen[path], `${path}:too_long`);
    assert.equal(outcome.seen['assumptions.commission.home'], 'assumptions.commission.home:too_long');
    assert.equal(outcome.ok, true, 'a normal comparison still works');
    assert.match(outcome.profit, /^-?\d+\.\d\d$/);

    // The page still answers typing.
    const before = await textOf(page, 'pop-monthly-profit');
    await retype(page, '#in-pop-price', '15.49');
    assert.notEqual(await figureChanges(page, 'pop-monthly-profit', before), before);
    assert.deepEqual(page.errors, [], 'no panic, no console error');
  }, { name: 'reliability-api-zeros' }));

test('6,000 zeros typed into the price show its error, and the next keystrokes update the figures', () =>
  withPage(async (page) => {
    await ready(page);
    const zeros = '0'.repeat(6000);
    // Pasted, then typed on: every keystroke reads the whole text again.
    await page.fill('#in-pop-price', zeros);
    await page.focus('#in-pop-price');
    await page.keyboard.press('End');
    await page.keyboard.type('000');
    assert.equal((await page.inputValue('#in-pop-price')).length, 6003, 'nothing typed is cut');
    assert.match(await page.textContent('#in-pop-price-error'), /Too long: a number here has at most 64 characters\./);
    // Before the fix every keystroke after this one panicked ("RefCell already borrowed").
    let before = await textOf(page, 'pop-monthly-profit');
    for (const price of ['9.99', '12.5', '21']) {
      await retype(page, '#in-pop-price', price);
      before = await figureChanges(page, 'pop-monthly-profit', before);
    }
    assert.equal(await page.$('#in-pop-price-error'), null, 'the error is gone');
    assert.deepEqual(page.errors, [], 'no panic, no console error');
  }, { name: 'reliability-typed-zeros' }));

test('compare reads hostile JavaScript values within a budget, never throws, and names the field', () =>
  withPage(async (page) => {
    await ready(page);
    const results = await page.evaluate(() => {
      const big = 'x'.repeat(50 * 1024 * 1024);
      const digits = '9'.repeat(50 * 1024 * 1024);
      const deep = (n, make) => { const root = make(); let node = root; for (let i = 0; i < n; i += 1) { const next = make(); if (Array.isArray(node)) node.push(next); else node.pop = next; node = next; } return root; };
      const cycle = { pop: {} };
      cycle.pop.price = cycle;
      const selfish = {};
      selfish.pop = selfish;
      const { proxy: revoked, revoke } = Proxy.revocable({}, {});
      revoke();
      const endless = new Proxy({}, { ownKeys: () => ['pop'], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }), get: () => endless });
      const fakeArray = new Proxy([], { get: (target, key) => (key === 'length' ? 1e9 : target[key]) });
      const cases = {
        'nested objects, 100,000 deep': deep(100_000, () => ({})),
        'nested arrays, 100,000 deep': deep(100_000, () => []),
        'a cycle': cycle,
        'an object that is its own child': selfish,
        'a 10-million-element array': new Array(10_000_000).fill(1),
        'a 10-million-element price': { pop: { price: new Array(10_000_000).fill('1') } },
        'a 50 MB price': { pop: { price: digits } },
        'a 50 MB scenario': big,
        'a 50 MB key': { pop: { [big]: '1' } },
        'a toJSON that throws': { toJSON() { throw new Error('boom'); } },
        'a toJSON that throws, in pop': { pop: { toJSON() { throw new Error('boom'); } } },
        'a toJSON that returns junk': { pop: { price: { toJSON: () => new Array(10_000_000) } } },
        'a toJSON that returns a symbol': { pop: { price: { toJSON: () => Symbol('x') } } },
        'a getter that throws': { pop: { get price() { throw new Error('boom'); } } },
        'a toJSON getter that throws': { pop: { get toJSON() { throw new Error('boom'); } } },
        'a Proxy whose ownKeys throws': { product: new Proxy({}, { ownKeys() { throw new Error('boom'); } }) },
        'a Proxy whose get throws': { product: new Proxy({ unit_cost: '1' }, { get() { throw new Error('boom'); } }) },
        'a revoked Proxy': { product: revoked },
        'an endless Proxy': endless,
        'a Proxy that claims a billion elements': { product: { unit_cost: fakeArray } },
        'a BigInt': { monthly_units: 400n },
        'a BigInt scenario': 400n,
        'a Symbol': { pop: { price: Symbol('price') } },
        'a Symbol key': { pop: { [Symbol('x')]: '1', price: '14.99' } },
        'a function': { pop: { price: () => 14.99 } },
        'NaN': { pop: { price: NaN } },
        'Infinity': { monthly_units: -Infinity },
        // The nested call is refused (too_large): its code becomes the price, which is no number.
        'a getter that calls compare': { pop: { get price() { return window.sellerCalc.compare({}).errors[0].code; } } },
      };
      const out = {};
      for (const [name, scenario] of Object.entries(cases)) {
        // The fastest of three, so that a garbage collection in between does not count.
        for (let run = 0; run < 3; run += 1) {
          const start = performance.now();
          try {
            const result = window.sellerCalc.compare(scenario);
            const ms = Math.min(performance.now() - start, out[name]?.ms ?? Infinity);
            out[name] = { ok: result.ok, errors: result.errors.map((e) => `${e.field.slice(0, 40)}:${e.code}`), ms };
          } catch (err) {
            out[name] = { threw: String(err) };
            break;
          }
        }
      }
      const asNumbers = window.sellerCalc.compare({ pop: { price: 12.99 }, monthly_units: 400, semi: { popular: false } });
      const asText = window.sellerCalc.compare({ pop: { price: '12.99' }, monthly_units: '400', semi: { popular: 'false' } });
      out.numbers = asNumbers.ok && JSON.stringify(asNumbers.models) === JSON.stringify(asText.models);
      out.date = window.sellerCalc.compare({ product: { category: new Date(0) } }).errors.map((e) => `${e.field}:${e.code}`);
      return out;
    });
    const expect = {
      'nested objects, 100,000 deep': ['scenario:too_large'],
      'nested arrays, 100,000 deep': ['scenario:too_large'],
      'a cycle': ['scenario:too_large'],
      'an object that is its own child': ['scenario:too_large'],
      'a 10-million-element array': ['scenario:too_large'],
      'a 10-million-element price': ['scenario:too_large'],
      'a 50 MB price': ['pop.price:too_long'],
      'a 50 MB scenario': ['scenario:wrong_type'],
      'a 50 MB key': [`pop.${'x'.repeat(36)}:unknown_field`],
      'a toJSON that throws': ['scenario:wrong_type'],
      'a toJSON that throws, in pop': ['pop:wrong_type'],
      'a toJSON that returns junk': ['scenario:too_large'],
      'a toJSON that returns a symbol': ['pop.price:wrong_type'],
      'a getter that throws': ['pop.price:wrong_type'],
      'a toJSON getter that throws': ['pop:wrong_type'],
      'a Proxy whose ownKeys throws': ['product:wrong_type'],
      // Its get trap throws when asked for toJSON already.
      'a Proxy whose get throws': ['product:wrong_type'],
      'a revoked Proxy': ['product:wrong_type'],
      'an endless Proxy': ['scenario:too_large'],
      'a Proxy that claims a billion elements': ['scenario:too_large'],
      'a BigInt': ['monthly_units:wrong_type'],
      'a BigInt scenario': ['scenario:wrong_type'],
      'a Symbol': ['pop.price:wrong_type'],
      'a Symbol key': [],
      'a function': ['pop.price:wrong_type'],
      'NaN': ['pop.price:not_a_number'],
      'Infinity': ['monthly_units:not_a_number'],
      'a getter that calls compare': ['pop.price:not_a_number'],
    };
    for (const [name, errors] of Object.entries(expect)) {
      const got = results[name];
      assert.equal(got.threw, undefined, `${name}: threw ${got.threw}`);
      assert.deepEqual(got.errors, errors, name);
      assert.equal(got.ok, errors.length === 0, name);
      // Bounded: the budget is checked before the work, so even 50 MB or 10 million take no time.
      assert.ok(got.ms < 250, `${name}: ${got.ms} ms`);
    }
    assert.equal(results.numbers, true, 'JavaScript numbers read as their decimal text');
    assert.deepEqual(results.date, ['product.category:unknown_value'], 'a Date reads as its toJSON text');

    const before = await textOf(page, 'pop-monthly-profit');
    await retype(page, '#in-pop-price', '15.49');
    assert.notEqual(await figureChanges(page, 'pop-monthly-profit', before), before);
    assert.deepEqual(page.errors, [], 'no panic, no console error');
  }, { name: 'reliability-hostile-values' }));

/** Waits for a page just opened to show its cards (a card without figures has no testid). */
const shown = (page) => page.waitForSelector('[data-testid="pop-card"], .card.pop', { timeout: 15_000 });

/** FNV-1a, 32 bits, as the link check code is computed (docs/api.md). */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

test('a 125-character price survives a reload and a shared link, with its error at its field', () =>
  withPage(async (page, context) => {
    await ready(page);
    await retype(page, '#in-monthly-units', '250');
    await page.fill('#in-pop-price', '1'.repeat(125));
    assert.match(await page.textContent('#in-pop-price-error'), /Too long/);
    await page.waitForTimeout(600); // the autosave and the address bar follow after a pause
    const link = page.url();
    assert.match(link, /[?&]v=2&/);
    assert.match(link, new RegExp(`price=${'1'.repeat(100)}&`), 'the link holds what it can read back');

    // Before: the reload restored nothing ("could not be read") and showed the defaults.
    await page.goto(link.split('?')[0]);
    await shown(page);
    assert.deepEqual(await notices(page), []);
    assert.equal(await page.inputValue('#in-monthly-units'), '250', 'the autosave came back');
    assert.equal(await page.inputValue('#in-pop-price'), '1'.repeat(100));
    assert.match(await page.textContent('#in-pop-price-error'), /Too long/);

    const other = await context.newPage();
    await other.goto(link);
    await shown(other);
    assert.deepEqual(await notices(other), [], 'the link opens');
    assert.equal(await other.inputValue('#in-monthly-units'), '250');
    assert.match(await other.textContent('#in-pop-price-error'), /Too long/);
    assert.deepEqual(page.errors, []);
  }, { name: 'reliability-long-price' }));

test('a link re-encoded by a chat app opens; a version-1 link opens on version 1\'s defaults', () =>
  withPage(async (page) => {
    await ready(page);
    await retype(page, '#in-product-unit-cost', '31.5');
    await page.selectOption('#in-product-category', 'lighting');
    await retype(page, '#in-pop-price', '19 90'); // a space: written %20
    await page.waitForTimeout(400);
    const link = page.url();
    assert.match(link, /price=19%2090/);
    const rewritten = `${link.replace('%20', '+').replace(/%([0-9A-F]{2})/g, (m) => m.toLowerCase())}&utm_source=chat&fbclid=x`;
    await page.goto(rewritten);
    await shown(page);
    assert.deepEqual(await notices(page), [], rewritten);
    assert.equal(await page.inputValue('#in-pop-price'), '19 90');
    assert.equal(await page.inputValue('#in-product-category'), 'lighting');

    // Version 1 stored only what differed from its defaults: popular ticked, supply price 45.00.
    await page.goto(new URL(`/?v=1&units=500&c=${fnv1a('v=1&units=500')}`, link).href);
    await shown(page);
    assert.deepEqual(await notices(page), []);
    assert.equal(await page.inputValue('#in-monthly-units'), '500');
    assert.equal(await page.isChecked('#in-semi-popular'), true);
    assert.equal(await page.inputValue('#in-full-supply-price'), '45.00');
    assert.deepEqual(page.errors, []);
  }, { name: 'reliability-links' }));
