// The calculator embedded in a help-center article: compact, prefilled, sized to its content.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, url, serverUrl, screenshot, runAxe, formatViolations } from './helpers.mjs';
import { ready, openAll, retype, notices } from './scenario-helpers.mjs';

const PREFILL = '?embed=1&cost=18&price=14.99&units=600&category=apparel&destination=FR';

test('embed=1: no header, footer, share bar or sticky strip; a link to the full calculator', () =>
  withPage(async (page) => {
    await ready(page, `/${PREFILL}`);
    for (const gone of ['.page-header', '[data-testid="footer"]', '[data-testid="share-bar"]', '[data-testid="saved-scenarios"]']) {
      assert.equal(await page.locator(gone).count(), 0, `${gone} is not in embed mode`);
    }
    // The three monthly profits head the inputs at phone width, but nothing sticks in a frame
    // that grows with the page (issue #16, item 10).
    assert.equal(await page.$eval('.summary-bar', (e) => getComputedStyle(e).position), 'static', 'no sticky strip');
    assert.equal(await page.inputValue('#in-product-unit-cost'), '18');
    const href = await page.getAttribute('[data-testid="embed-link"] a', 'href');
    const full = new URL(href);
    assert.equal(full.origin + full.pathname, serverUrl);
    assert.equal(full.searchParams.get('cost'), '18');
    assert.equal(full.searchParams.get('embed'), null, 'the full calculator, not the embed');
    assert.equal(await page.getAttribute('[data-testid="embed-link"] a', 'target'), '_blank');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    // An embedded calculator keeps nothing in the reader's browser.
    await retype(page, '#in-monthly-units', '700');
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.match(page.url(), /embed=1/, 'the address keeps the embed layout');
    assert.deepEqual(page.errors, []);
    await screenshot(page, 'embed-phone');
  }, { width: 390, height: 844, name: 'embed-compact' }));

test('embed mode: axe-core finds no accessibility violations', () =>
  withPage(async (page) => {
    await ready(page, `/${PREFILL}`);
    await openAll(page);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  }, { width: 700, height: 900, name: 'embed-axe' }));

test('the demo article: its iframe is prefilled and follows the calculator\'s height', () =>
  withPage(async (page) => {
    // Record, in the article, every message any frame posts to it.
    await page.addInitScript(() => {
      if (window.top !== window) return;
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
    });
    await page.goto(url('/demo.html'));
    const iframe = page.frameLocator('#sellercalc');
    await iframe.locator('[data-testid="pop-card"]').waitFor({ timeout: 15_000 });
    for (const [id, value] of [['cost', '18'], ['pop-price', '14.99'], ['monthly-units', '600'], ['category', 'apparel'], ['destination', 'FR']]) {
      const selector = id === 'cost' ? '#in-product-unit-cost' : id === 'category' ? '#in-product-category' : `#in-${id}`;
      assert.equal(await iframe.locator(selector).inputValue(), value, id);
    }
    assert.equal(await iframe.locator('.page-header').count(), 0, 'compact');

    const sizes = () => page.$eval('#sellercalc', (f) => ({
      frame: f.clientHeight,
      content: f.contentDocument.documentElement.getBoundingClientRect().height,
      scrolls: f.contentDocument.documentElement.scrollHeight > f.contentDocument.documentElement.clientHeight,
    }));
    const fits = async (what) => {
      await page.waitForFunction(() => {
        const f = document.getElementById('sellercalc');
        return Math.abs(f.clientHeight - Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height)) <= 1;
      }, null, { timeout: 5_000 });
      const s = await sizes();
      assert.equal(s.scrolls, false, `${what}: the frame needs no scroll bar (${JSON.stringify(s)})`);
      return s;
    };
    const first = await fits('on load');
    assert.notEqual(first.frame, 900, 'no longer the height the article gave it');

    // Opening the assumptions makes it taller; closing them makes it shorter again.
    await iframe.locator('[data-testid="assumptions"] > summary').click();
    await page.waitForFunction((h) => document.getElementById('sellercalc').clientHeight > h + 50, first.frame);
    const open = await fits('opened');
    await iframe.locator('[data-testid="assumptions"] > summary').click();
    await page.waitForFunction((h) => document.getElementById('sellercalc').clientHeight < h, open.frame);
    await fits('closed');

    // Only resize messages, from the calculator's origin, with nothing but a type and a height.
    const messages = await page.evaluate(() => window.__messages);
    assert.ok(messages.length >= 3, `${messages.length} messages`);
    for (const m of messages) {
      assert.equal(m.origin, new URL(serverUrl).origin);
      assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
      assert.equal(m.data.type, 'sellercalc:resize');
      assert.equal(typeof m.data.height, 'number');
    }

    // The article's listener believes only that frame: a message from anywhere else changes nothing.
    const before = (await sizes()).frame;
    await page.evaluate(() => window.postMessage({ type: 'sellercalc:resize', height: 5 }, '*'));
    await page.waitForTimeout(200);
    assert.equal((await sizes()).frame, before);
    assert.deepEqual(page.errors, [], 'no console error, no CSP violation, in the article or the frame');
    await screenshot(page, 'embed-demo');
  }, { width: 1280, height: 900, name: 'embed-demo' }));

test('the demo article at phone width resizes too', () =>
  withPage(async (page) => {
    await page.goto(url('/demo.html'));
    await page.frameLocator('#sellercalc').locator('[data-testid="pop-card"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => {
      const f = document.getElementById('sellercalc');
      return f.clientHeight > 900 && Math.abs(f.clientHeight - Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height)) <= 1;
    }, null, { timeout: 5_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    assert.deepEqual(page.errors, []);
  }, { width: 390, height: 844, name: 'embed-demo-phone' }));

test('a bad prefill in an embed still shows the calculator and a notice', () =>
  withPage(async (page) => {
    await ready(page, '/?embed=1&price=12.99.9&destinaton=FR');
    assert.match((await page.textContent('#in-pop-price-error')) ?? '', /number/i);
    const shown = await notices(page);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /destinaton/);
    assert.deepEqual(page.errors, []);
  }, { width: 700, height: 900, name: 'embed-bad-prefill' }));
