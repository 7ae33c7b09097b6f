// Issue #16: the onboarding call and the public page, as a sales rep on a call and a visitor use
// them. Each test fails without the behaviour it names.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshot } from './helpers.mjs';
import { ready, textOf, retype, settled } from './scenario-helpers.mjs';

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
