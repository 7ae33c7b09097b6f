// Security: the Content-Security-Policy, no network after load, and user or URL text never
// treated as HTML.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, url, serverUrl } from './helpers.mjs';
import { ready, retype, openAll, download, notices } from './scenario-helpers.mjs';

const CSP_VIOLATION = /Content Security Policy|'Trusted(Script|HTML)'/;

test('the Content-Security-Policy allows this origin and Trunk\'s start-up script, nothing else', () =>
  withPage(async (page) => {
    await ready(page);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
    assert.ok(directives['script-src'].slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)), 'only hashes besides self');
    assert.deepEqual(directives['connect-src'], ["'self'"]);
    assert.deepEqual(directives['style-src'], ["'self'"]);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    assert.deepEqual(directives['form-action'], ["'none'"]);
    assert.deepEqual(directives['require-trusted-types-for'], ["'script'"]);
    assert.ok(!/unsafe-inline'\s*(;|$)/.test(directives['script-src'].join(' ')), 'no unsafe-inline script');
    assert.ok(!/https?:|\*/.test(policy), 'no other origin anywhere');
    // The policy comes before anything it governs.
    const first = await page.evaluate(() => document.head.firstElementChild.nextElementSibling.getAttribute('http-equiv'));
    assert.equal(first, 'Content-Security-Policy');
    // Every stylesheet and script Trunk links carries its integrity hash.
    const links = await page.$$eval('link[rel="stylesheet"], link[rel="modulepreload"], link[rel="preload"]', (ls) => ls.map((l) => [l.rel, l.integrity]));
    assert.ok(links.length >= 3);
    for (const [rel, integrity] of links) assert.match(integrity, /^sha384-/, rel);
    assert.deepEqual(page.errors, [], 'the app runs under the policy without a single violation');

    // What the policy forbids does not happen.
    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      try { script.text = 'window.__inline = 1'; } catch { /* Trusted Types refuse the string */ }
      document.body.append(script);
      let html = 'allowed';
      try { document.body.insertAdjacentHTML('beforeend', '<b id="injected">x</b>'); } catch { html = 'refused'; }
      let remote = 'allowed';
      try { await fetch('https://example.com/'); } catch { remote = 'refused'; }
      const image = new Image();
      image.src = 'https://example.com/pixel.png';
      await new Promise((r) => setTimeout(r, 200));
      return { inline: window.__inline, html, injected: !!document.getElementById('injected'), remote, violations };
    });
    assert.equal(outcome.inline, undefined, 'an inline script does not run');
    assert.equal(outcome.html, 'refused', 'a string never becomes HTML (Trusted Types)');
    assert.equal(outcome.injected, false);
    assert.equal(outcome.remote, 'refused', 'no request to another origin');
    assert.ok(outcome.violations.some((d) => d.startsWith('img-src')), outcome.violations.join());
    assert.ok(page.errors.every((e) => CSP_VIOLATION.test(e)), page.errors.join('\n'));
  }, { name: 'security-csp' }));

test('after load, using every feature makes no network request', () =>
  withPage(async (page) => {
    await ready(page, '/?cost=20&price=13.50');
    await page.waitForLoadState('networkidle');
    const requests = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));

    await openAll(page);
    await retype(page, '#in-product-unit-cost', '31.5');
    await page.selectOption('#in-destination', 'KR');
    await page.selectOption('[data-testid="preset"]', 'led-lamp');
    await retype(page, '#as-commission-lighting', '6');
    await page.click('[data-testid="copy-link"]');
    await page.click('[data-testid="pin"]');
    await retype(page, '#in-pop-price', '21.99');
    await download(page, '[data-testid="export-csv"]');
    await download(page, '[data-testid="export-json"]');
    await page.fill('#save-name', 'Lamp');
    await page.click('[data-testid="save-submit"]');
    await page.click('[data-testid="rename"]');
    await page.fill('[data-testid="rename-input"]', 'Desk lamp');
    await page.click('[data-testid="rename-save"]');
    await page.click('[data-testid="load"]');
    await page.click('[data-testid="unpin"]');
    await page.click('[data-testid="delete"]');
    await page.click('[data-testid="confirm-delete"]');
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await page.waitForTimeout(500);

    assert.deepEqual(requests, [], 'no request at all after load');
    assert.deepEqual(page.errors, []);
  }, { name: 'security-network', permissions: ['clipboard-read', 'clipboard-write'] }));

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=2>',
  '</script><script>window.__xss=3</script>',
  'javascript:window.__xss=4',
  "'-alert(1)-'<iframe srcdoc=x>",
];

/** Whether anything from a payload became markup or ran. */
const inert = (page) => page.evaluate(() => ({
  xss: window.__xss,
  handlers: document.querySelectorAll('[onerror], [onload], iframe, img[src="x"]').length,
  scripts: document.querySelectorAll('script').length,
  javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
}));
// Three scripts: the one that hides the prerendered first screen from a visitor it is not for,
// Trunk's start-up module and the static notice for a stopped page (index.html).
const CLEAN = { xss: undefined, handlers: 0, scripts: 3, javascriptLinks: 0 };

test('an XSS payload in every URL parameter stays text', () =>
  withPage(async (page) => {
    const keys = [
      'cost', 'packaging', 'weight', 'category', 'price', 'units', 'destination', 'returns', 'rate', 'cost_currency',
      'sale_currency', 'ads', 'affiliate_share', 'affiliate_rate', 'semi_price', 'semi_mode', 'popular', 'supply',
      'a.commission.home',
    ];
    for (const payload of PAYLOADS) {
      const p = encodeURIComponent(payload);
      // Every scenario key at once (a prefill link), plus the page's own keys and an unknown one.
      const query = [...keys.map((k) => `${k}=${p}`), `lang=${p}`, `embed=${p}`, `${p}=${p}`].join('&');
      await ready(page, `/?${query}`);
      assert.deepEqual(await inert(page), CLEAN, payload);
      assert.equal(await page.inputValue('#in-product-unit-cost'), payload, 'shown as the text it is');
      assert.equal(await page.inputValue('#in-pop-price'), payload);
      const shown = (await notices(page)).join(' ');
      assert.ok(shown.includes(payload.slice(0, 40)) || shown.includes('lang'), shown);
      // The same payloads as the version and check code of a shared link, and in embed mode.
      for (const query2 of [`v=${p}&cost=1`, `v=1&cost=${p}&c=${p}`, `embed=1&lang=en&price=${p}&destination=${p}`]) {
        await ready(page, `/?${query2}`);
        assert.deepEqual(await inert(page), CLEAN, `${payload} in ${query2}`);
      }
      const href = await page.getAttribute('[data-testid="embed-link"] a', 'href');
      assert.ok(href.startsWith(serverUrl), href);
    }
    assert.deepEqual(page.errors, []);
  }, { name: 'security-url' }));

test('an XSS payload as a scenario name stays text, saved, renamed and reloaded', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('[data-testid="save-open"]');
    for (const payload of PAYLOADS) {
      await page.fill('#save-name', payload);
      await page.click('[data-testid="save-submit"]');
    }
    const names = () => page.$$eval('[data-testid="saved-name"]', (els) => els.map((e) => e.textContent));
    assert.deepEqual(await names(), [...PAYLOADS].reverse());
    assert.deepEqual(await inert(page), CLEAN);
    await page.click('[data-testid="rename"]');
    await page.fill('[data-testid="rename-input"]', '<b onmouseover=window.__xss=9>bold</b>');
    await page.click('[data-testid="rename-save"]');
    assert.equal((await names())[0], '<b onmouseover=window.__xss=9>bold</b>');
    assert.equal(await page.locator('.saved-list b').count(), 0);

    await page.reload();
    await page.waitForSelector('[data-testid="pop-card"]');
    await page.click('[data-testid="saved-scenarios"] > summary');
    assert.equal((await names()).length, PAYLOADS.length);
    await page.hover('.saved-name');
    assert.deepEqual(await inert(page), CLEAN);
    assert.deepEqual(page.errors, []);
  }, { name: 'security-names' }));
