// Smoke test: the release build loads, renders the comparison, and exposes
// the window.sellerCalc API.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, serverUrl, screenshot } from './helpers.mjs';

test('app loads and shows the comparison', () =>
  withPage(async (page) => {
    await page.goto(serverUrl);
    await page.waitForSelector('[data-testid="comparison"]', { timeout: 15_000 });

    const profit = (await page.textContent('[data-testid="pop-monthly-profit"]'))?.trim() ?? '';
    assert.notEqual(profit, '', 'pop-monthly-profit is empty');

    const result = await page.evaluate(() => window.sellerCalc.compare({}));
    assert.ok(result && typeof result === 'object', 'compare({}) returned nothing');
    assert.ok('ok' in result, `compare({}) has no "ok": ${JSON.stringify(result)}`);
    assert.ok(result.models?.pop, `compare({}) has no models.pop: ${JSON.stringify(result)}`);

    assert.deepEqual(page.errors, [], 'console errors or uncaught exceptions on load');
    await screenshot(page, 'smoke-desktop');
  }, { name: 'smoke' }));
