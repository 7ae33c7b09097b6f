// Reliability (issue #14): no input can break the page, and nothing a user saved is ever dropped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshotsDir } from './helpers.mjs';
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

// ---- Item 7: nothing a user saved is dropped ----

const SCENARIOS = 'sellercalc:scenarios';
const entry = (i, name = `Scenario ${i}`) => ({
  id: `s${i}`, name, saved_at: '2024-05-01T10:00:00.000Z', inputs: { form: { 'pop.price': '9.99' }, assumptions: {} },
});

/** Opens the saved-scenarios panel. */
async function openSaved(page) {
  await page.waitForSelector('[data-testid="saved-scenarios"]', { state: 'attached' });
  await page.$eval('[data-testid="saved-scenarios"]', (d) => { d.open = true; });
}

const savedNames = (page) => page.$$eval('[data-testid="saved-name"]', (els) => els.map((e) => e.textContent));
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test('saved scenarios this page cannot read are kept by every save, and deleted only on the user\'s word', () =>
  withPage(async (page) => {
    await ready(page);
    // Unreadable: no name, a number where text belongs, a list, another app's entry (spaced as
    // it was written, which is kept too).
    const unreadable = ['{"id":"s7","name":"   ","inputs":{"form":{}}}', '{"id":"s8","name":"Numbers","inputs":{"form":{"pop.price":12.99}}}', '[1, 2]', '{ "app" : "other" }'];
    const text = `{"version":1,"scenarios":[${JSON.stringify(entry(1, 'Kept'))},${unreadable.join(',')}]}`;
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SCENARIOS, text]);
    await ready(page);
    const [notice] = await notices(page);
    assert.match(notice, /4 saved scenarios could not be read; they are kept, unchanged, under Saved scenarios\./);
    await openSaved(page);
    assert.deepEqual(await savedNames(page), ['Kept']);
    assert.match(await textOf(page, 'saved-unshown'), /4 saved scenarios cannot be read by this version of SellerCalc\. They are kept in this browser, unchanged, until you delete them\./);

    // Before: this save wrote the one readable scenario and dropped the other four.
    await page.fill('#save-name', 'New');
    await page.click('[data-testid="save-submit"]');
    await page.waitForSelector('text=Saved “New”.');
    let now = await stored(page, SCENARIOS);
    for (const raw of unreadable) assert.ok(now.includes(raw), `${raw} is kept exactly`);
    assert.match(now, /^\{"version":2,/);
    await page.click('[data-testid="rename"]');
    await page.fill('[data-testid="rename-input"]', 'Newer');
    await page.click('[data-testid="rename-save"]');
    await page.click('[data-testid="delete"] >> nth=1');
    await page.click('[data-testid="confirm-delete"]');
    now = await stored(page, SCENARIOS);
    for (const raw of unreadable) assert.ok(now.includes(raw), `${raw} is still kept`);
    assert.deepEqual(await savedNames(page), ['Newer']);

    // Download gives them as stored; delete asks first, then removes only them.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-unshown"]')]);
    const downloaded = (await import('node:fs')).readFileSync(await file.path(), 'utf8');
    assert.equal(downloaded, `{"version":2,"scenarios":[${unreadable.join(',')}]}`);
    await page.click('[data-testid="delete-unshown"]');
    await page.click('[data-testid="confirm-delete-unshown"]');
    assert.equal(await textOf(page, 'saved-status'), 'Deleted the saved scenarios that were not shown.');
    assert.equal(await page.$('[data-testid="saved-unshown"]'), null);
    assert.equal(JSON.parse(await stored(page, SCENARIOS)).scenarios.length, 1);
    await ready(page);
    assert.deepEqual(await notices(page), []);
    assert.deepEqual(page.errors, []);
  }, { name: 'reliability-unreadable-kept' }));

test('10,000 stored scenarios: 100 listed, the rest kept and counted, and none lost by a save', () =>
  withPage(async (page) => {
    await ready(page);
    await page.evaluate((k) => {
      const entries = Array.from({ length: 10_000 }, (_, i) => ({
        id: `s${i}`, name: `Scenario ${i}`, saved_at: '2024-05-01T10:00:00.000Z', inputs: { form: { 'pop.price': '9.99' }, assumptions: {} },
      }));
      localStorage.setItem(k, JSON.stringify({ version: 2, scenarios: entries }));
    }, SCENARIOS);
    await ready(page);
    await openSaved(page);
    assert.equal((await savedNames(page)).length, 100);
    assert.match(await textOf(page, 'saved-unshown'), /9,900 more saved scenarios are not shown: the list shows at most 100\./);
    await page.fill('#save-name', 'One more');
    await page.click('[data-testid="save-submit"]');
    assert.match(await page.textContent('#save-name-error'), /You have 100 saved scenarios/);
    await page.click('[data-testid="rename"]');
    await page.fill('[data-testid="rename-input"]', 'First, renamed');
    await page.click('[data-testid="rename-save"]');
    const after = JSON.parse(await stored(page, SCENARIOS));
    assert.equal(after.scenarios.length, 10_000, 'a rename keeps every entry');
    assert.equal(after.scenarios[0].name, 'First, renamed');
    assert.equal(after.scenarios[9_999].name, 'Scenario 9999');
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.locator('[data-testid="saved-unshown"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${screenshotsDir}/reliability-saved-not-shown-${width}.png` });
    }
    await page.click('[data-testid="delete-unshown"]');
    assert.match(await page.textContent('.saved-confirm'), /Delete the saved scenarios that are not shown\? This cannot be undone\./);
    await page.click('[data-testid="confirm-delete-unshown"]');
    assert.equal(JSON.parse(await stored(page, SCENARIOS)).scenarios.length, 100);
    assert.deepEqual(page.errors, []);
  }, { name: 'reliability-ten-thousand' }));

test('saved scenarios that cannot be read at all are never written over', () =>
  withPage(async (page) => {
    await ready(page);
    await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"scenarios":"not a list"}'), SCENARIOS);
    await ready(page);
    assert.match((await notices(page))[0], /Your saved scenarios could not be read.*saving is off until you download or delete them/);
    await openSaved(page);
    assert.equal(await page.locator('#save-name').count(), 0, 'no saving over them');
    assert.match(await textOf(page, 'saved-unshown'), /They are kept, unchanged/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-unshown"]')]);
    assert.equal((await import('node:fs')).readFileSync(await file.path(), 'utf8'), '{"version":1,"scenarios":"not a list"}');
    await page.click('[data-testid="delete-unshown"]');
    await page.click('[data-testid="confirm-delete-unshown"]');
    assert.equal(await stored(page, SCENARIOS), null);
    await page.fill('#save-name', 'Fresh start');
    await page.click('[data-testid="save-submit"]');
    assert.deepEqual(await savedNames(page), ['Fresh start']);
    assert.deepEqual(page.errors, []);
  }, { name: 'reliability-damaged-library' }));

// ---- Item 8: a crash never persists ----

const AUTOSAVE = 'sellercalc:autosave';
const session = (units, extra = {}) => JSON.stringify({
  version: 2, saved_at: '2024-05-01T10:00:00.000Z', current: { form: { monthly_units: units }, assumptions: {} }, pinned: null, ...extra,
});

test('the autosave is marked while it is restored, and unmarked once the page has rendered it', () =>
  withPage(async (page) => {
    await ready(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE, session('512')]);
    await page.addInitScript(() => {
      window.__writes = [];
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        // The app's page, not the picture prerendered into index.html (hidden for this visitor).
        const rendered = [...document.querySelectorAll('.page')].some((p) => !p.closest('#prerendered'));
        if (key === 'sellercalc:autosave') window.__writes.push([JSON.parse(value).restoring ?? false, rendered]);
        return setItem.call(this, key, value);
      };
    });
    await ready(page);
    assert.equal(await page.inputValue('#in-monthly-units'), '512');
    await page.waitForFunction(() => window.__writes.length >= 2);
    const writes = await page.evaluate(() => window.__writes);
    assert.deepEqual(writes[0], [true, false], 'marked before the first render');
    assert.deepEqual(writes[1], [false, true], 'unmarked once rendered');
    assert.equal(JSON.parse(await stored(page, AUTOSAVE)).restoring, false);
    assert.deepEqual(await notices(page), []);
  }, { name: 'reliability-restore-mark' }));

test('a session whose restoring stopped the page is skipped next time, and can be downloaded or deleted', () =>
  withPage(async (page, context) => {
    await ready(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [AUTOSAVE, session('777')]);
    // The page dies while it restores the session: it never paints, so the mark stays.
    const dying = await context.newPage();
    await dying.addInitScript(() => { window.requestAnimationFrame = () => 0; });
    await dying.goto(page.url());
    await dying.waitForSelector('#in-monthly-units');
    assert.equal(await dying.inputValue('#in-monthly-units'), '777');
    assert.equal(JSON.parse(await stored(dying, AUTOSAVE)).restoring, true);
    await dying.close();

    await ready(page);
    assert.equal(await page.inputValue('#in-monthly-units'), '400', 'the defaults show');
    const [notice] = await notices(page);
    assert.match(notice, /Your last session was not restored: the page stopped while restoring it\./);
    assert.match(notice, /Download it to keep it; your next change replaces it\./);
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${screenshotsDir}/reliability-restore-skipped-${width}.png` });
    }
    const kept = await stored(page, AUTOSAVE);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="notice-download"]')]);
    assert.equal((await import('node:fs')).readFileSync(await file.path(), 'utf8'), kept);
    await page.click('[data-testid="notice-delete"]');
    assert.deepEqual(await notices(page), []);
    assert.equal(await stored(page, AUTOSAVE), null);
    await ready(page);
    assert.deepEqual(await notices(page), [], 'once deleted, nothing is said again');
    assert.deepEqual(page.errors, []);
  }, { name: 'reliability-restore-skipped' }));

test('when the WebAssembly instance traps, a notice with a reload button replaces the dead page', () =>
  withPage(async (page) => {
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
    await ready(page);
    // A real trap: an allocation with an impossible alignment aborts inside the wasm.
    await page.evaluate(() => setTimeout(() => window.__wasm.__wbindgen_malloc(16, 3)));
    await page.waitForSelector('[data-testid="crashed"]');
    assert.match(await page.textContent('[data-testid="crashed"]'), /SellerCalc stopped because of an error\. Reload the page to start again/);
    assert.equal(await page.getAttribute('.page', 'inert'), '');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reload the page');
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${screenshotsDir}/reliability-crashed-${width}.png` });
    }
    assert.ok(page.errors.some((e) => /unreachable|RuntimeError/.test(e)), page.errors.join('\n'));
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="crashed"] button')]);
    await page.waitForSelector('[data-testid="pop-card"]');
    assert.equal(await page.$('[data-testid="crashed"]'), null, 'the reloaded page works');

    // In the page's language; also for a trap in a promise; not for an ordinary script error.
    await ready(page, '/?lang=es');
    await page.evaluate(() => setTimeout(() => { throw new Error('not the app'); }));
    await page.waitForTimeout(200);
    assert.equal(await page.$('[data-testid="crashed"]'), null);
    await page.evaluate(() => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); });
    await page.waitForSelector('[data-testid="crashed"]');
    assert.match(await page.textContent('[data-testid="crashed"]'), /SellerCalc se ha detenido por un error/);
  }, { name: 'reliability-crashed' }));
