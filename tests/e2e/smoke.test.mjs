// Smoke test: the release build loads, renders the comparison, and exposes
// the window.sellerCalc API.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, serverUrl, url, screenshot } from './helpers.mjs';

test('app loads and shows the comparison', () =>
  withPage(async (page) => {
    await page.goto(serverUrl);
    await page.waitForSelector('[data-testid="comparison"]', { timeout: 15_000 });

    // The default scenario's POP figure, hand-computed in engine/tests/golden.rs.
    const profit = (await page.textContent('[data-testid="pop-monthly-profit"]'))?.trim() ?? '';
    assert.equal(profit, '¥2,223.98');

    const result = await page.evaluate(() => window.sellerCalc.compare({}));
    assert.ok(result && typeof result === 'object', 'compare({}) returned nothing');
    assert.equal(result.ok, true, `compare({}) is not ok: ${JSON.stringify(result)}`);
    assert.equal(result.models.pop.monthly_profit, '2223.98');
    assert.ok(result.models?.pop, `compare({}) has no models.pop: ${JSON.stringify(result)}`);

    assert.deepEqual(page.errors, [], 'console errors or uncaught exceptions on load');
    await screenshot(page, 'smoke-desktop');
  }, { name: 'smoke' }));

test('window.sellerCalc answers in plain JSON shapes: objects, arrays, strings, numbers, booleans, null (issue #12, step 7)', () =>
  withPage(async (page) => {
    await page.goto(url('/'));
    await page.waitForFunction(() => window.sellerCalc, null, { timeout: 15_000 });
    const problems = await page.evaluate(() => {
      const out = [];
      const walk = (v, p) => {
        if (v === undefined) out.push(`undefined at ${p}`);
        else if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') out.push(`${typeof v} at ${p}`);
        else if (v !== null && typeof v === 'object') {
          if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) out.push(`not a plain object at ${p}`);
          for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
        }
      };
      const api = window.sellerCalc;
      walk(api.compare({}), 'compare({})');
      walk(api.compare({ destination: 'ES', pop: { price: '19.90' } }), 'compare(ES)');
      walk(api.compare({ pop: { price: 'abc' }, unit_cost: '-1' }), 'compare(errors)');
      walk(api.policies(), 'policies()');
      // Whatever it holds, the answer survives a JSON round trip unchanged.
      const r = api.compare({ destination: 'ES' });
      if (JSON.stringify(JSON.parse(JSON.stringify(r))) !== JSON.stringify(r)) out.push('round trip differs');
      if (r.models.pop.buyer_price === undefined) out.push('buyer_price missing for a VAT market');
      return out;
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(page.errors, []);
  }));
