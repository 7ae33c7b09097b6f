// The money model v2 and the policy sets as a seller sees them (issues #13 and #18): the
// estimated supply price and its marking, warnings beside the field and on the card,
// semi-managed's own marketing, "popular" and early payout, the cards' figures on comparable
// bases, the cash timeline, VAT for EU buyers, and which AliExpress fees are in use.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshot } from './helpers.mjs';
import { ready, textOf, retype } from './scenario-helpers.mjs';

/** Waits until the element with this data-testid reads `want` (a string) or matches it. */
const until = async (page, testId, want) => {
  try {
    await page.waitForFunction(
      ({ testId, want, regex }) => {
        const text = document.querySelector(`[data-testid="${testId}"]`)?.textContent.trim() ?? null;
        return text !== null && (regex ? new RegExp(want).test(text) : text === want);
      },
      { testId, want: want instanceof RegExp ? want.source : want, regex: want instanceof RegExp },
      { timeout: 5_000 },
    );
  } catch {
    // Let the assertion say what was there instead.
  }
  const text = await textOf(page, testId);
  if (want instanceof RegExp) assert.match(text, want, testId);
  else assert.equal(text, want, testId);
};

/** The engine's result for a scenario, through the public API. */
const engine = (page, scenario) => page.evaluate((s) => window.sellerCalc.compare(s), scenario);

/** Money as the English page writes it, in CNY. */
const cny = (page, value) =>
  page.evaluate((v) => {
    const text = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(v);
    return v.startsWith('-') ? `▼ ${text}` : text;
  }, value);

const warningOf = async (page, id) => ((await page.textContent(`#${id}-warning`).catch(() => null)) ?? '').trim();

test('an empty supply price is estimated, marked, and replaced by the price the seller types', () =>
  withPage(async (page) => {
    await ready(page);
    const result = await engine(page, {});
    assert.equal(result.warnings[0].code, 'estimated');
    // The estimate is in the empty input and said under it, on the card and in the recommendation.
    assert.equal(await page.inputValue('#in-full-supply-price'), '');
    assert.equal(await page.getAttribute('#in-full-supply-price', 'placeholder'), '46.76');
    assert.match(await warningOf(page, 'in-full-supply-price'),
      /Estimated at ¥46\.76, 50% of the retail price: enter the price AliExpress offers you\./);
    assert.match(await page.getAttribute('#in-full-supply-price', 'aria-describedby'), /in-full-supply-price-warning/);
    await until(page, 'full-estimated', /Estimated supply price/);
    await until(page, 'recommendation-estimate', /estimated supply price/);
    await screenshot(page, 'money-estimate');

    // Typing the offer removes every marking.
    await retype(page, '#in-full-supply-price', '45');
    await until(page, 'full-monthly-profit', await cny(page, (await engine(page, { full: { supply_price: '45' } })).models.full.monthly_profit));
    assert.equal(await page.$('[data-testid="full-estimated"]'), null);
    assert.equal(await page.$('[data-testid="recommendation-estimate"]'), null);
    assert.equal(await warningOf(page, 'in-full-supply-price'), '');

    // An offer above the retail price it would sell at (12.99 × 7.2 = ¥93.53): said at the field
    // and on the card; the figures are still computed.
    await retype(page, '#in-full-supply-price', '100');
    await until(page, 'full-warnings', /¥100\.00 is above the retail price it would sell at \(¥93\.53\)/);
    assert.match(await warningOf(page, 'in-full-supply-price'), /above the retail price/);
    assert.doesNotMatch((await page.getAttribute('[data-testid="full-card"]', 'class')) ?? '', /\bstale\b/);

    // A fraction of a unit a month: a warning at the field, the figures as typed.
    await retype(page, '#in-monthly-units', '0.5');
    await until(page, 'pop-monthly-profit', await cny(page, (await engine(page, { monthly_units: '0.5', full: { supply_price: '100' } })).models.pop.monthly_profit));
    assert.match(await warningOf(page, 'in-monthly-units'), /A fraction of a unit a month/);
    await screenshot(page, 'money-warnings');
    assert.deepEqual(page.errors, []);
  }, { name: 'money-estimate' }));

test('semi-managed follows POP\'s marketing until it has its own; popular and early payout change cash only', () =>
  withPage(async (page) => {
    await ready(page);
    await page.click('text=Semi-managed settings');
    assert.equal(await page.getAttribute('#in-semi-ad-spend-pct', 'placeholder'), '8 (as POP)');
    assert.equal(await page.getAttribute('#in-semi-affiliate-rate-pct', 'placeholder'), '5 (as POP)');
    await retype(page, '#in-semi-ad-spend-pct', '3');
    const own = await engine(page, { semi: { ad_spend_pct: '3' } });
    await until(page, 'semi-monthly-profit', await cny(page, own.models.semi.monthly_profit));
    assert.equal(await textOf(page, 'pop-monthly-profit'), await cny(page, own.models.pop.monthly_profit), 'POP keeps its own');

    // "Popular" is in view for warehouse goods: the advance lowers the money tied up, not profit.
    const profit = await textOf(page, 'semi-monthly-profit');
    await page.check('#in-semi-popular');
    const popular = await engine(page, { semi: { ad_spend_pct: '3', popular: true } });
    await until(page, 'semi-capital', await cny(page, popular.models.semi.cash.capital_tied));
    assert.equal(await textOf(page, 'semi-monthly-profit'), profit);
    // JIT has no advance: the box goes.
    await page.selectOption('#in-semi-mode', 'jit');
    await page.waitForSelector('#in-semi-popular', { state: 'detached' });

    // POP paid early: 30 days in stock + 4 days, profit unchanged.
    const popProfit = await textOf(page, 'pop-monthly-profit');
    await page.click('text=POP settings');
    await page.check('#in-pop-early-payout');
    await until(page, 'pop-days-to-cash', '34 days');
    assert.equal(await textOf(page, 'pop-monthly-profit'), popProfit);
    assert.deepEqual(page.errors, []);
  }, { name: 'money-marketing' }));

test('the cards name their margin\'s base, and show return on goods, money tied up and its return', () =>
  withPage(async (page) => {
    await ready(page);
    const result = await engine(page, {});
    const labels = await page.$$eval('[data-testid="full-card"] dt', (dts) => dts.map((d) => d.textContent.trim()));
    assert.ok(labels.includes('Margin on the supply price'), labels.join(' | '));
    const popLabels = await page.$$eval('[data-testid="pop-card"] dt', (dts) => dts.map((d) => d.textContent.trim()));
    assert.ok(popLabels.includes('Margin on the sale price'), popLabels.join(' | '));
    assert.ok(popLabels.includes('Profit a month per ¥100 tied up'), popLabels.join(' | '));
    // docs/model.md, Example 1: POP returns 20.98% on goods, ties up ¥53,090.97, earns 4.19 a
    // month per 100 of it.
    assert.equal(result.models.pop.roi_pct, '20.98');
    assert.equal(await textOf(page, 'pop-roi'), '21.0%');
    assert.equal(await textOf(page, 'pop-capital'), '¥53,090.97');
    assert.equal(await textOf(page, 'pop-return-on-capital'), '¥4.19');
    // VAT for a Spanish buyer: 12.99 × 1.21 = 15.7179.
    assert.equal(await textOf(page, 'pop-vat'), 'Buyer pays $15.72 with 21% VAT');
    // The cash timeline, in "why?".
    await page.click('[data-testid="pop-card"] summary');
    const rows = await page.$$eval('[data-testid="pop-timeline"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
    // docs/model.md, Example 1's POP timeline: bought ¥26.50; shipped, postage and ads paid,
    // ¥75.88 tied up; paid out ¥81.44 on day 72.
    assert.deepEqual(rows, [
      ['Day 0 Bought', '¥26.50', '¥0.00', '¥26.50'],
      ['Day 30 Shipped', '¥49.38', '¥0.00', '¥75.88'],
      ['Day 72 Paid out', '¥0.00', '¥81.44', '¥0.00'],
    ]);
    // Where the buyer pays no VAT at checkout, no line.
    await page.selectOption('#in-destination', 'US');
    await page.waitForSelector('[data-testid="pop-vat"]', { state: 'detached' });
    assert.deepEqual(page.errors, []);
  }, { name: 'money-cards' }));

test('the page says which AliExpress fees it uses and what changed', () =>
  withPage(async (page) => {
    await ready(page);
    const [policy] = (await engine(page, {})).policy ? [(await engine(page, {})).policy] : [];
    assert.equal(policy.id, 'aliexpress-2025-08');
    await until(page, 'policy-bar', /AliExpress fees/);
    assert.equal(await page.$eval('[data-testid="policy-set"]', (s) => s.selectedOptions[0].textContent), 'Fees as of Aug 1, 2025 (newest)');
    // No category is known to pay another rate: the category hint does not claim one does.
    assert.equal(await page.textContent('#in-product-category-hint'),
      'Every category pays the same 5.5% commission in these fees; enter yours under Assumptions if it differs.');
    await page.click('[data-testid="what-changed"] summary');
    const changes = await page.$$eval('[data-testid="what-changed"] .changes li', (lis) => lis.map((li) => li.textContent));
    assert.equal(changes.length, 4, changes.join('\n'));
    assert.match(changes[0], /^Commission: Clothing & apparel: still 5\.5%Changed on 1 August 2025/);
    // The default product is home goods, whose fees did not change in August 2025.
    await until(page, 'profit-moves', /POP: no change/);
    // An apparel product: still no change by default (the new rates were not published).
    await page.selectOption('#in-product-category', 'apparel');
    await until(page, 'profit-moves', /Semi-managed: no change/);
    assert.deepEqual(page.errors, []);
  }, { name: 'money-policy' }));

test('Chinese: the estimate, the margin bases and the fees in use, in Chinese', () =>
  withPage(async (page) => {
    await ready(page, '/?lang=zh-CN');
    await until(page, 'full-estimated', /估算供货价/);
    assert.match(await warningOf(page, 'in-full-supply-price'), /估算为 ¥46\.76，即零售价的 50%/);
    const labels = await page.$$eval('[data-testid="full-card"] dt', (dts) => dts.map((d) => d.textContent.trim()));
    assert.ok(labels.includes('占供货价的利润率'), labels.join(' | '));
    await until(page, 'recommendation-estimate', /估算供货价/);
    assert.equal(await page.$eval('[data-testid="policy-set"]', (s) => s.selectedOptions[0].textContent), '2025年8月1日 起的费用（最新）');
    await screenshot(page, 'money-zh-CN');
    assert.deepEqual(page.errors, []);
  }, { name: 'money-zh' }));

test('phone width: the estimate, warnings and cards fit 390 px', () =>
  withPage(async (page) => {
    await ready(page);
    await retype(page, '#in-monthly-units', '0.5');
    await until(page, 'full-estimated', /Estimated supply price/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'horizontal scroll at 390 px');
    await screenshot(page, 'money-phone');
  }, { width: 390, height: 844, name: 'money-phone' }));

test('an older set of fees can be chosen, and a link keeps it', () =>
  withPage(async (page) => {
    await ready(page);
    assert.equal(await page.inputValue('[data-testid="policy-set"]'), 'aliexpress-2025-08');
    const options = await page.$$eval('[data-testid="policy-set"] option', (os) => os.map((o) => o.textContent));
    assert.deepEqual(options, ['Fees as of Aug 1, 2025 (newest)', 'Fees as of Feb 19, 2025', 'Fees as of Jan 1, 2024']);
    // docs/model.md, "Fees over time": in 2024 semi-managed paid no service fee.
    await page.selectOption('[data-testid="policy-set"]', 'aliexpress-2024');
    await until(page, 'semi-monthly-profit', '¥5,113.96');
    assert.equal(await textOf(page, 'pop-monthly-profit'), '¥2,223.98');
    await until(page, 'policy-not-newest', /These figures use AliExpress's fees as of Jan 1, 2024; the newest are as of Aug 1, 2025\./);
    await page.click('[data-testid="what-changed"] summary');
    await until(page, 'what-changed', /The earliest fees SellerCalc has/);

    // The link names the set; opened elsewhere, it shows the same figures on the same fees.
    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="copy-status"] .copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /[?&]policy=aliexpress-2024&/);
    await withPage(async (other) => {
      await other.goto(link);
      await other.waitForSelector('[data-testid="semi-monthly-profit"]');
      await until(other, 'semi-monthly-profit', '¥5,113.96');
      assert.equal(await other.inputValue('[data-testid="policy-set"]'), 'aliexpress-2024');
      await until(other, 'policy-not-newest', /newest are as of Aug 1, 2025/);
      // One click back to today's fees.
      await other.click('[data-testid="policy-use-newest"]');
      await until(other, 'semi-monthly-profit', '¥4,216.10');
      assert.equal(await other.$('[data-testid="policy-not-newest"]'), null);
    });

    // The February 2025 set: what changed is the split into commission + service fee, and
    // semi-managed pays the service fee its waiver does not cover.
    await page.selectOption('[data-testid="policy-set"]', 'aliexpress-2025-02');
    await until(page, 'profit-moves', /Semi-managed: ▼ −?-?¥897\.87/);
    const changes = await page.$$eval('[data-testid="what-changed"] .changes li', (lis) => lis.map((li) => li.textContent));
    assert.ok(changes.some((c) => c.startsWith('Transaction service fee: 0% → 2.5%')), changes.join('\n'));
    // Each change says on what authority: the service fee's source is the ebrun report.
    assert.match(changes.find((c) => c.startsWith('Transaction service fee')), /ebrun/);
    assert.ok(changes.some((c) => c.startsWith('Commission: Home & garden: 8% → 5.5%')), changes.join('\n'));
    assert.deepEqual(page.errors, []);
  }, { name: 'money-policy-sets', permissions: ['clipboard-read', 'clipboard-write'] }));

test('a link naming fees this page does not know says so and offers the newest', () =>
  withPage(async (page) => {
    await ready(page, '/?units=500&policy=aliexpress-2099-01');
    await until(page, 'policy-unknown', /This scenario names fees this page does not know \("aliexpress-2099-01"\)/);
    assert.equal(await page.inputValue('#in-monthly-units'), '500', 'what the link holds stays');
    await page.click('[data-testid="policy-unknown"] button');
    await until(page, 'pop-monthly-profit', /¥2,779\.98/);
    assert.deepEqual(page.errors, []);
  }, { name: 'money-policy-unknown' }));
