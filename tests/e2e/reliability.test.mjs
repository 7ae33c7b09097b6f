// Reliability (issue #14): no input can break the page, and nothing a user saved is ever dropped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './helpers.mjs';
import { ready, retype, textOf } from './scenario-helpers.mjs';

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
