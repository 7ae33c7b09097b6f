// The first screen prerendered at build time (issue #17, lever 1): a first-time visitor sees the
// default scenario's figures before any wasm has run; the app then takes its place showing the
// very same text; anyone whose page will not be the default never sees it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, url, screenshot } from './helpers.mjs';

/**
 * The text on screen of every element marked `attribute` that holds no other marked element (so
 * each figure is compared on its own), by its test id; print-only text (the printout's link,
 * which needs the page's address) is left out.
 */
const leafTexts = (page, attribute) => page.$$eval(`[${attribute}]`, (els, attribute) => {
  const out = {};
  for (const el of els) {
    if (el.querySelector(`[${attribute}]`) || el.closest('.print-only')) continue;
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.print-only').forEach((p) => p.remove());
    out[el.getAttribute(attribute)] = copy.textContent.replace(/\s+/g, ' ').trim();
  }
  return out;
}, attribute);
const pictureTexts = (page) => leafTexts(page, 'data-pre-testid');

test('without the wasm, the first screen shows the default figures, inert (issue #17)', () =>
  withPage(async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(url('/'));
    const root = await page.waitForSelector('#prerendered');
    assert.equal(await root.isVisible(), true);
    const texts = await pictureTexts(page);
    for (const model of ['pop', 'semi', 'full']) {
      assert.match(texts[`${model}-monthly-profit`] ?? '', /^-?¥[\d,]+\.\d\d$/, `${model} profit shown`);
    }
    assert.ok(Object.values(texts).some((t) => /earns ¥[\d,]+\.\d\d more a month/.test(t)), 'the recommendation is shown');
    // A picture, not the page: nothing in it can be typed into (and lost when the app starts).
    assert.equal(await page.$eval('#prerendered', (el) => el.inert), true);
    assert.equal(await page.$('[data-testid="pop-monthly-profit"]'), null, 'no app ids in the picture');
    await screenshot(page, 'prerendered-no-wasm');
  }, { name: 'prerender-no-wasm' }));

test('the app takes the picture\'s place showing the same text, and the picture is gone (issue #17)', () =>
  withPage(async (page) => {
    // The picture as served, before the app starts.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(url('/'));
    await page.waitForSelector('#prerendered');
    const before = await pictureTexts(page);
    // The app starts after the picture's first paint (scripts/defer-start.mjs): let its blocked
    // wasm fail here, not during the next page.
    for (let i = 0; i < 100 && !page.errors.some((e) => e.startsWith('pageerror')); i++) await page.waitForTimeout(50);
    await page.unroute('**/*.wasm');
    page.errors.length = 0; // the blocked wasm's own errors
    await page.goto(url('/'));
    await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
    assert.equal(await page.$('#prerendered'), null, 'the picture is removed');
    const after = await leafTexts(page, 'data-testid');
    const compared = Object.keys(before).filter((id) => id in after);
    assert.ok(compared.length > 20, `compared ${compared.length} elements`);
    const differ = compared.filter((id) => before[id] !== after[id])
      .map((id) => `${id}: prerendered ${JSON.stringify(before[id])}, app ${JSON.stringify(after[id])}`);
    assert.deepEqual(differ, []);
    assert.deepEqual(page.errors, []);
  }, { name: 'prerender-same' }));

test('the app takes the picture\'s place in one step, where it stood, nothing on screen moving (issue #17)', () =>
  withPage(async (page) => {
    // The app is built outside the document over several tasks and swapped in at once: record,
    // at the end of every batch of changes to the page, whether the picture and the app are in
    // it, and where the first card's profit stands on screen.
    await page.addInitScript(() => {
      window.swapLog = [];
      const top = (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? null;
      new MutationObserver(() => {
        const picture = document.getElementById('prerendered');
        const app = document.querySelector('[data-testid="comparison"]');
        const entry = {
          picture: !!picture?.isConnected,
          app: !!app?.isConnected,
          top: app?.isConnected ? top('[data-testid="pop-monthly-profit"]') : top('[data-pre-testid="pop-monthly-profit"]'),
          where: (picture?.isConnected ? picture : app?.closest('body > *'))?.previousElementSibling?.tagName ?? null,
        };
        const last = window.swapLog.at(-1);
        if (!last || last.picture !== entry.picture || last.app !== entry.app) window.swapLog.push(entry);
        else window.swapLog[window.swapLog.length - 1] = entry;
      }).observe(document, { childList: true, subtree: true, attributes: true });
      // The visitor has scrolled a little before the app starts.
      document.addEventListener('DOMContentLoaded', () => window.scrollTo(0, 200));
    });
    await page.goto(url('/'));
    await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
    const log = await page.evaluate(() => window.swapLog);
    const seen = log.findIndex((e) => e.picture);
    assert.ok(seen >= 0, 'the picture was shown');
    const states = log.slice(seen).map((e) => `${e.picture ? 'picture' : '-'}/${e.app ? 'app' : '-'}`);
    assert.deepEqual(states, ['picture/-', '-/app'], 'never both, never neither');
    const [before, after] = log.slice(seen);
    assert.equal(after.where, before.where, 'the app stands where the picture stood');
    assert.ok(before.top !== null && Math.abs(after.top - before.top) < 1,
      `the first card's profit stays put: ${before.top} px, then ${after.top} px`);
    assert.equal(await page.evaluate(() => window.scrollY), 200, 'the page did not scroll');
    assert.deepEqual(page.errors, []);
  }, { name: 'prerender-swap', width: 390, height: 844 }));

test('a link, an autosave or another language never shows the example figures as theirs (issue #17)', async () => {
  const hidden = (page) => page.evaluate(() => ({
    flag: document.documentElement.dataset.prerender ?? null,
    shown: !!document.getElementById('prerendered')
      && getComputedStyle(document.getElementById('prerendered')).display !== 'none',
  }));
  await withPage(async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(url('/?v=2&price=15'));
    assert.deepEqual(await hidden(page), { flag: 'hidden', shown: false });
    await page.goto(url('/'));
    assert.deepEqual(await hidden(page), { flag: null, shown: true });
    await page.evaluate(() => localStorage.setItem('sellercalc:autosave', '{}'));
    await page.goto(url('/'));
    assert.deepEqual(await hidden(page), { flag: 'hidden', shown: false });
    await page.evaluate(() => { localStorage.clear(); localStorage.setItem('sellercalc:rate-sheet', '{}'); });
    await page.goto(url('/'));
    assert.deepEqual(await hidden(page), { flag: 'hidden', shown: false }, 'a stored rate sheet');
    await page.evaluate(() => { localStorage.clear(); localStorage.setItem('sellercalc.lang', 'zh-CN'); });
    await page.goto(url('/'));
    assert.deepEqual(await hidden(page), { flag: 'hidden', shown: false });
  }, { name: 'prerender-hidden' });
  await withPage(async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(url('/'));
    assert.deepEqual(await hidden(page), { flag: 'hidden', shown: false }, 'a French browser');
  }, { name: 'prerender-fr', locale: 'fr-FR' });
});
