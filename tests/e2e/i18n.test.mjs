// Languages and locales: the switcher, ?lang=, local number formats, and numbers typed the local
// way, including the ones that read two ways.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, url, screenshot } from './helpers.mjs';
import { retype } from './scenario-helpers.mjs';

const ready = async (page, path = '/') => {
  await page.goto(url(path));
  await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
};
const textOf = async (page, testId) => ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').trim();
const label = (page, id) => page.textContent(`label[for="${id}"]`);
/** The engine's figure for a scenario, formatted the way `locale` writes CNY, as the cards show it. */
const figure = (page, scenario, model, key, locale) =>
  page.evaluate(({ scenario, model, key, locale }) => {
    const value = window.sellerCalc.compare(scenario).models[model][key];
    const text = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(value);
    return value.startsWith('-') ? `▼ ${text}` : text; // a loss is marked, not only coloured
  }, { scenario, model, key, locale });

test('the switcher changes labels and number formats, and the choice is remembered', () =>
  withPage(async (page) => {
    await ready(page);
    assert.equal(await label(page, 'in-product-unit-cost'), 'Unit cost');
    for (const [code, unitCost, tagline] of [
      ['zh-CN', '单件成本', '在速卖通用哪种模式卖货更赚钱？'],
      ['es', 'Coste unitario', '¿Con qué forma de vender en AliExpress ganas más?'],
      ['ko', '개당 원가', '알리익스프레스에서 어떤 판매 방식이 더 많이 남을까요?'],
    ]) {
      await page.selectOption('[data-testid="language"]', code);
      // Other languages come as packs: the first switch waits for one to load.
      await page.waitForFunction((code) => document.documentElement.lang === code, code);
      assert.equal(await label(page, 'in-product-unit-cost'), unitCost, code);
      assert.equal(await page.textContent('.tagline'), tagline, code);
      assert.equal(await page.getAttribute('html', 'lang'), code);
      assert.equal(await textOf(page, 'pop-monthly-profit'), await figure(page, {}, 'pop', 'monthly_profit', code), `${code} money`);
    }
    // Spanish writes decimals with a comma: the form follows when the language changes.
    await page.selectOption('[data-testid="language"]', 'es');
    // Other languages come as packs: the first switch waits for one to load.
    await page.waitForFunction((code) => document.documentElement.lang === code, 'es');
    assert.equal(await page.inputValue('#in-pop-price'), '12,99');
    assert.equal(await textOf(page, 'pop-monthly-profit'), '2223,98\u00a0¥');
    // Remembered across a reload.
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="language"]'), 'es');
    assert.equal(await label(page, 'in-product-unit-cost'), 'Coste unitario');
    // The engine's rules are translated too, not left in English.
    await page.click('[data-testid="pop-card"] summary');
    const commission = await page.textContent('[data-testid="pop-card"] tr[data-key="commission"]');
    assert.doesNotMatch(commission, /of the sale price/);
    assert.match(commission, /5,5\s?%/);
    assert.deepEqual(page.errors, []);
  }, { name: 'i18n-switch' }));

test('?lang= chooses the language, over a remembered one', () =>
  withPage(async (page) => {
    await ready(page, '/?lang=ko');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await label(page, 'in-product-unit-cost'), '개당 원가');
    assert.match(await textOf(page, 'semi-card'), /반위탁/);
    await ready(page, '/?lang=zh-CN&embed=1');
    assert.match(await textOf(page, 'semi-card'), /半托管/);
    assert.match(await textOf(page, 'full-card'), /全托管/);
  }, { name: 'i18n-param' }));

test('a language whose strings cannot be fetched leaves the page as it is, and says so', () =>
  withPage(async (page) => {
    // The packs are the only requests after load; a visitor who has gone offline loses them.
    let offline = true;
    const requested = [];
    await page.route('**/i18n/*.json', (route) => {
      requested.push(new URL(route.request().url()).pathname);
      return offline ? route.abort('internetdisconnected') : route.continue();
    });
    // Opened in French without the French strings: the page starts in English and says why.
    await ready(page, '/?lang=fr');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await label(page, 'in-product-unit-cost'), 'Unit cost');
    assert.equal(await page.inputValue('[data-testid="language"]'), 'en');
    assert.equal(await textOf(page, 'pop-monthly-profit'), await figure(page, {}, 'pop', 'monthly_profit', 'en'));
    const notice = page.locator('[data-testid="notice"]');
    await assert.doesNotReject(notice.filter({ hasText: 'Français could not be loaded' }).waitFor());
    assert.match(await notice.textContent(), /Check the connection and choose it again\./);
    await page.click('[data-testid="notice-dismiss"]');

    // Switching to Spanish offline: nothing changes but the notice; the picker says English.
    await retype(page, '#in-product-unit-cost', '31.5');
    // The figure for 31.5 itself, not for a keystroke on the way there.
    const before = await figure(page, { product: { unit_cost: '31.5' } }, 'pop', 'monthly_profit', 'en');
    await page.waitForFunction((want) => document.querySelector('[data-testid="pop-monthly-profit"]')?.textContent.trim() === want, before);
    await page.selectOption('[data-testid="language"]', 'es');
    await notice.filter({ hasText: 'Español could not be loaded' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.inputValue('[data-testid="language"]'), 'en');
    assert.equal(await page.inputValue('#in-product-unit-cost'), '31.5', 'what the user typed stays');
    assert.equal(await textOf(page, 'pop-monthly-profit'), before, 'the figures stay');
    assert.equal(requested.filter((p) => p.endsWith('/es.json')).length, 1, 'a failed pack is not fetched again on its own');
    await page.waitForTimeout(300);
    assert.equal(requested.filter((p) => p.endsWith('/es.json')).length, 1, 'no retry loop');
    // Back online, choosing it again works.
    offline = false;
    await page.selectOption('[data-testid="language"]', 'es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    assert.equal(await label(page, 'in-product-unit-cost'), 'Coste unitario');
    // The choice is only remembered once it took effect.
    assert.equal(await page.evaluate(() => localStorage.getItem('sellercalc.lang')), 'es');
    // Failed fetches log a network error in the console; nothing else may.
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  }, { name: 'i18n-offline' }));

test('a French decimal comma is read as a decimal; a number that reads two ways is asked about', () =>
  withPage(async (page) => {
    await ready(page, '/?lang=fr');
    await page.fill('#in-pop-price', '12,5');
    assert.equal(await textOf(page, 'pop-monthly-profit'), await figure(page, { pop: { price: '12.5' } }, 'pop', 'monthly_profit', 'fr'));
    await page.fill('#in-product-unit-cost', '1 234,50');
    assert.equal(
      await textOf(page, 'full-monthly-profit'),
      await figure(page, { product: { unit_cost: '1234.50' }, pop: { price: '12.5' } }, 'full', 'monthly_profit', 'fr'),
    );
    // "1.234" in French: one point two three four, or one thousand two hundred thirty-four?
    await page.fill('#in-product-unit-cost', '1.234');
    const message = (await page.textContent('#in-product-unit-cost-error')) ?? '';
    assert.match(message, /Vouliez-vous dire/);
    assert.match(message, /1,234/);
    assert.match(message, /1\s234/);
    assert.equal(await page.inputValue('#in-product-unit-cost'), '1.234', 'what was typed stays');
    assert.match((await page.getAttribute('[data-testid="pop-card"]', 'class')) ?? '', /\bstale\b/, 'never a silent misreading');
    assert.deepEqual(page.errors, []);
  }, { name: 'i18n-parse-fr' }));

test('an English page reads "12,5" as a slip, not as 125, and takes grouped thousands', () =>
  withPage(async (page) => {
    await ready(page, '/?lang=en');
    await page.fill('#in-pop-price', '12,5');
    assert.match((await page.textContent('#in-pop-price-error')) ?? '', /12\.5/);
    await page.fill('#in-pop-price', '1,299.00');
    assert.equal(await textOf(page, 'pop-monthly-profit'), await figure(page, { pop: { price: '1299' } }, 'pop', 'monthly_profit', 'en'));
    assert.deepEqual(page.errors, []);
  }, { name: 'i18n-parse-en' }));

for (const code of ['zh-CN', 'ko']) {
  test(`${code} at phone width: nothing overflows`, () =>
    withPage(async (page) => {
      await ready(page, `/?lang=${code}`);
      for (const d of await page.$$('details')) await d.evaluate((el) => { el.open = true; });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `horizontal scroll in ${code} at 390 px`);
      await screenshot(page, `phone-${code}`);
    }, { width: 390, height: 844, name: `phone-${code}` }));
}

test('results show in the cost currency, with a toggle for the sale currency', () =>
  withPage(async (page) => {
    await ready(page);
    assert.equal(await textOf(page, 'pop-monthly-profit'), '¥2,223.98');
    await page.click('[data-testid="currency-toggle"]');
    // 2,223.984064 CNY ÷ 7.2 CNY per USD = 308.8866… USD, rounded once.
    assert.equal(await textOf(page, 'pop-monthly-profit'), '$308.89');
    assert.equal(await textOf(page, 'pop-profit-per-unit'), '$0.77');
    assert.match(await page.textContent('[data-testid="breakdown-chart"] figcaption'), /USD/);
    // The volume chart's axis follows, a frame later: 2 × 400 units × 18.43544 CNY (fully
    // managed) ÷ 7.2 ≈ 2,048 USD.
    const yLabels = () => page.$$eval('[data-testid="volume-chart"] .y-labels .tick', (ts) => ts.map((t) => t.textContent.trim()));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="volume-chart"] .y-labels .tick')]
      .some((t) => t.textContent.trim() === '$2,048'));
    assert.ok(!(await yLabels()).includes('14,748'), (await yLabels()).join(' '));
    assert.match(await textOf(page, 'currency-toggle'), /Show results in CNY/);
    // The sale-currency price's break-even is already in USD and stays as it is.
    assert.equal(await textOf(page, 'pop-break-even'), '$12.02');
    await page.click('[data-testid="currency-toggle"]');
    assert.equal(await textOf(page, 'pop-monthly-profit'), '¥2,223.98');
    // With one currency for both, there is nothing to toggle.
    await page.click('text=Currencies');
    // The default rate is the policy's, dated and marked as an assumption.
    assert.equal(await page.getAttribute('#in-currency-rate', 'placeholder'), '7.2 (default)');
    assert.equal(
      await page.textContent('#in-currency-rate-hint'),
      'Leave empty for the default rate. The default rate is dated 2024-01-01 and is an assumption.',
    );
    await page.selectOption('#in-currency-sale', 'CNY');
    assert.equal(await page.$('[data-testid="currency-toggle"]'), null);
  }, { name: 'currency-toggle' }));

// Issue #16, item 11: texts that misled or were cut off.

test('the semi-managed mode options are short enough to read whole, in every language and width', () =>
  withPage(async (page) => {
    const cut = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const code of ['en', 'zh-CN', 'es', 'fr', 'pt-BR', 'ko']) {
        await ready(page, `/?lang=${code}`);
        await page.waitForFunction((code) => document.documentElement.lang === code, code);
        // The text a closed select can show: its inner width less the drop-down arrow (20 px).
        const widths = await page.$eval('#in-semi-mode', (select) => {
          const style = getComputedStyle(select);
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
          const context = document.createElement('canvas').getContext('2d');
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          return [...select.options].map((o) => ({ text: o.text, need: context.measureText(o.text).width, room }));
        });
        for (const { text, need, room } of widths) {
          if (need > room) cut.push(`${code} at ${width} px: "${text}" needs ${Math.ceil(need)} px of ${Math.floor(room)}`);
        }
        // The long explanation is in the hint under the drop-down.
        assert.match(await page.textContent('#in-semi-mode-hint'), /JIT/);
      }
    }
    assert.deepEqual(cut, []);
    assert.deepEqual(page.errors, []);
  }, { name: 'i18n-semi-mode' }));

test('zh-CN: the cash rules read without a doubled character ("其余在在仓" was a typo)', () =>
  withPage(async (page) => {
    // Popular warehouse goods get the advance, whose rule had the typo.
    await ready(page, '/?lang=zh-CN&popular=true');
    for (const d of await page.$$('[data-testid$="-card"] details')) await d.evaluate((el) => { el.open = true; });
    const semi = await textOf(page, 'semi-card');
    assert.match(semi, /预付/, 'the advance rule is shown');
    assert.doesNotMatch(await page.textContent('body'), /在在/);
  }, { name: 'i18n-zh-typo' }));

test('the postage source says plainly what is known about the rate sheet\'s date', () =>
  withPage(async (page) => {
    for (const [code, known, stands] of [
      ['en', /The copy is headed 2026; when its rates took effect is not known\./, /No rate sheet dated 2024 was found, so these rates stand for 2024 too/],
      ['zh-CN', /该表标题写的是 2026 年，其运费从何时开始执行不详/, /未找到标注 2024 年的运费表/],
    ]) {
      for (const policy of ['aliexpress-2024', 'aliexpress-2025-08']) {
        await ready(page, `/?lang=${code}&policy=${policy}`);
        await page.waitForSelector('#as-postage-standard-ES-0_150g-per_kg-badge', { state: 'attached' });
        const source = await page.getAttribute('#as-postage-standard-ES-0_150g-per_kg-badge', 'title');
        assert.match(source, known, `${code} ${policy}: ${source}`);
        assert.match(source, stands, `${code} ${policy}`);
        assert.doesNotMatch(source, /date not verified|日期未核实/);
      }
    }
  }, { name: 'i18n-ratesheet' }));

test('the volume chart\'s axis carries its currency, before and after the currency toggle', () =>
  withPage(async (page) => {
    await ready(page);
    const ticks = () => page.$$eval('[data-testid="volume-chart"] .y-labels .tick', (ts) => ts.map((t) => t.textContent.trim()));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="volume-chart"] .y-labels .tick').length > 1);
    assert.ok((await ticks()).every((t) => t.includes('¥')), (await ticks()).join(' '));
    await page.click('[data-testid="currency-toggle"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="volume-chart"] .y-labels .tick')]
      .every((t) => t.textContent.includes('$')));
    await ready(page, '/?lang=zh-CN');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="volume-chart"] .y-labels .tick').length > 1);
    assert.ok((await ticks()).every((t) => t.includes('¥')), (await ticks()).join(' '));
    assert.deepEqual(page.errors, []);
  }, { name: 'i18n-volume-axis' }));
