// Smoke test: the release build loads, renders the comparison, and exposes
// the window.sellerCalc API.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, serverUrl, screenshot } from './helpers.mjs';

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
