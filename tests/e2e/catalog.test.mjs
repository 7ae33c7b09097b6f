// The catalog page (/catalog/) as a seller uses it: download the sample, upload it, read the
// totals, sort, filter, fix a bad row in place, export; and 10,000 rows without freezing the page.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPage, url, screenshot, runAxe, formatViolations } from './helpers.mjs';
import { download, csvRecords, cents } from './scenario-helpers.mjs';

const open = async (page) => {
  await page.goto(url('/catalog/'));
  await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
};
const textOf = async (page, testId) => ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').trim();
const done = (page) => page.waitForSelector('[data-testid="catalog-done"]', { timeout: 60_000 });

/** Uploads `text` as a file named `name` through the page's file input. */
const upload = (page, name, text) => page.setInputFiles('[data-testid="catalog-file"]', {
  name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8'),
});

/** Pastes `text` into the paste box and compares it. */
const paste = async (page, text) => {
  await page.fill('[data-testid="catalog-paste"]', text);
  await page.click('[data-testid="catalog-compare-pasted"]');
};

/** "¥1,234.56" / "-¥1,234.56" / "−¥1,234.56" as hundredths. */
const money = (text) => {
  const negative = /^[-−]/.test(text.trim());
  const digits = text.replace(/[^0-9.]/g, '');
  const value = cents(digits);
  return negative ? -value : value;
};

/** The table's visible rows: { row, name, cells[] } (cells after the name). */
const tableRows = (page) => page.$$eval('[data-testid="catalog-row"]', (rows) => rows.map((tr) => ({
  row: tr.children[0].textContent.trim(),
  name: tr.children[1].firstChild?.textContent.trim() ?? '',
  cells: [...tr.children].slice(2).map((td) => td.textContent.trim()),
})));

const HEADER = 'name,unit cost,packaging,weight,category,price,supply price,monthly units';
// `text` in a file of its own on disk, named `name`, for setInputFiles: a buffer would be copied
// into the page by the test driver itself, in one long task that is not the page's.
const onDisk = (name, text) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), name);
  fs.writeFileSync(file, text);
  return file;
};

test('upload the sample file, read the totals, sort, filter and export', () =>
  withPage(async (page) => {
    await open(page);
    const sample = await download(page, '[data-testid="catalog-sample"]');
    assert.equal(sample.name, 'sellercalc-catalog-sample.csv');
    const sampleRows = sample.text.trim().split(/\r?\n/).filter((line) => line.trim()).length - 1;
    assert.ok(sampleRows >= 20, `the sample has ${sampleRows} products`);

    // Upload the file the user just downloaded.
    const file = onDisk(sample.name, sample.text);
    await page.setInputFiles('[data-testid="catalog-file"]', file);
    await done(page);
    assert.match(await textOf(page, 'catalog-status'), /sellercalc-catalog-sample\.csv/);
    assert.equal(await textOf(page, 'catalog-done'), `${sampleRows} products compared.`);
    assert.equal(await textOf(page, 'catalog-showing'), `Showing 1–${sampleRows} of ${sampleRows}`);
    assert.equal(await page.$('[data-testid="catalog-bad-rows"]'), null, 'the sample has no bad rows');

    // Totals: the best mix is at least every uniform choice, and the three counts add up.
    const total = async (id) => money(await page.textContent(`[data-testid="total-${id}"] .amount`));
    const best = await total('best');
    let counted = 0;
    for (const id of ['pop', 'semi', 'full']) {
      assert.ok(best >= await total(id), `best mix ≥ all ${id}`);
      const count = Number((await textOf(page, `total-${id}`)).match(/Best for (\d+) products?/)[1]);
      assert.ok(count > 0, `${id} is best for some sample products`);
      counted += count;
    }
    assert.equal(counted, sampleRows);
    // The drivers table names products and their gains add up to no more than the difference.
    const drivers = await page.$$eval('[data-testid="catalog-drivers"] tbody tr', (rows) => rows.length);
    assert.ok(drivers > 0 && drivers <= 5);

    // Sort by POP profit: largest first, then smallest first.
    await page.click('[data-testid="sort-profit-pop"]');
    let rows = await tableRows(page);
    let pop = rows.map((r) => money(r.cells[0]));
    assert.deepEqual(pop, [...pop].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)), 'descending');
    assert.equal(await page.getAttribute('th:has([data-testid="sort-profit-pop"])', 'aria-sort'), 'descending');
    await page.click('[data-testid="sort-profit-pop"]');
    rows = await tableRows(page);
    pop = rows.map((r) => money(r.cells[0]));
    assert.deepEqual(pop, [...pop].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'ascending');
    assert.equal(await page.getAttribute('th:has([data-testid="sort-profit-pop"])', 'aria-sort'), 'ascending');
    const firstAscending = rows[0];

    // Filter: only the products fully managed is best for, then by name.
    await page.selectOption('[data-testid="catalog-show"]', 'full');
    rows = await tableRows(page);
    assert.ok(rows.length > 0 && rows.length < sampleRows);
    assert.ok(rows.every((r) => r.cells[3] === '★ Fully managed'), JSON.stringify(rows.map((r) => r.cells[3])));
    await page.selectOption('[data-testid="catalog-show"]', 'all');
    const someName = firstAscending.name;
    await page.fill('[data-testid="catalog-filter"]', someName.slice(0, 6).toUpperCase());
    rows = await tableRows(page);
    assert.ok(rows.length >= 1 && rows.every((r) => r.name.toLowerCase().includes(someName.slice(0, 6).toLowerCase())));
    await page.fill('[data-testid="catalog-filter"]', 'no product is called this');
    assert.equal((await tableRows(page)).length, 0);
    assert.equal(await textOf(page, 'catalog-no-match'), 'No product matches.');
    await page.fill('[data-testid="catalog-filter"]', '');

    // The price view shows break-even, target and matching supply prices.
    await page.check('[data-testid="view-prices"]');
    const headers = await page.$$eval('[data-testid="catalog-table"] thead th', (ths) => ths.map((th) => th.textContent.trim()));
    assert.ok(headers.includes('Break-even, POP'), headers.join(' | '));
    assert.ok(headers.some((h) => /^POP price for 15% margin/.test(h)), headers.join(' | '));
    assert.ok(headers.some((h) => /^Supply price to match Semi-managed/.test(h)), headers.join(' | '));
    // A dash where no positive price reaches the target says so (the sample has such rows).
    const dashes = await page.$$eval('[data-testid="catalog-table"] td.missing', (tds) => tds.map((td) => td.title));
    assert.ok(dashes.includes('No positive price reaches this target.'), dashes.join(' | '));
    assert.ok(!dashes.includes('Not computed: see the row\'s problem.'), 'the sample has no bad rows');
    await screenshot(page, 'catalog-prices');
    await page.check('[data-testid="view-profit"]');

    // Export: every product, the figures the table shows.
    const exported = await download(page, '[data-testid="catalog-export"]');
    assert.equal(exported.name, 'sellercalc-catalog-results.csv');
    assert.ok(exported.text.startsWith('\uFEFF'), 'a BOM so that Excel reads UTF-8');
    const records = csvRecords(exported.text);
    assert.equal(records.length, sampleRows);
    const record = records.find((r) => r.Row === firstAscending.row);
    assert.ok(record, `row ${firstAscending.row} is exported`);
    assert.equal(record.Name, firstAscending.name);
    assert.equal(cents(record['POP monthly profit']), money(firstAscending.cells[0]));
    assert.equal(cents(record['Semi-managed monthly profit']), money(firstAscending.cells[1]));
    assert.equal(cents(record['Fully managed monthly profit']), money(firstAscending.cells[2]));
    assert.equal(`★ ${record['Best model']}`, firstAscending.cells[3]);
    assert.ok('POP price for 15% margin' in record);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-sample' }));

test('bad rows are reported by row and column, left out of the totals, and fixed in place', () =>
  withPage(async (page) => {
    await open(page);
    await paste(page, [
      HEADER,
      'Desk lamp,40,2,800,lighting,25,60,100',
      'Broken cost,abc,2,800,lighting,25,60,100',
      'Unknown category,40,2,800,spaceships,25,60,100',
      'Negative price,40,2,800,lighting,-3,60,100',
      'Yoga mat,30,1,900,sports,20,45,200',
    ].join('\n'));
    await done(page);
    assert.equal((await page.textContent('#bad-title')).trim(), '3 rows need a fix');
    // Row numbers as a spreadsheet shows them (the header is row 1), the column by its name.
    const cost = page.locator('[data-testid="bad-row-3"]');
    assert.match(await cost.textContent(), /Row 3 · Broken cost/);
    assert.equal(await page.inputValue('[data-testid="fix-3-1"]'), 'abc');
    assert.equal((await page.textContent('label[for="fix-3-1"]')).trim(), 'unit cost');
    assert.match(await page.textContent('#fix-3-1-error'), /Enter a number/);
    // A bad category is fixed from the list (issue #16, item 13): the cell's text shows first.
    assert.equal(await page.$eval('[data-testid="fix-4-4"]', (s) => s.options[s.selectedIndex].text), 'spaceships');
    assert.equal(await page.inputValue('[data-testid="fix-5-5"]'), '-3');
    // The good rows are computed; the bad ones are left out of the totals, and say so.
    assert.equal(await textOf(page, 'catalog-excluded'), '3 rows with problems are left out of these totals.');
    assert.equal(await textOf(page, 'total-best').then((t) => /Best way for each product/.test(t)), true);
    // The problem rows stay in the table, with the models that do not depend on the bad cell.
    await page.selectOption('[data-testid="catalog-show"]', 'problems');
    assert.equal((await tableRows(page)).length, 3);
    await page.selectOption('[data-testid="catalog-show"]', 'all');
    // "Show in the table" marks the row and brings it into view.
    await page.click('[data-testid="bad-row-4"] button');
    const marked = page.locator('[data-testid="catalog-row"].highlight');
    assert.match(await marked.textContent(), /Unknown category/);
    assert.ok(await marked.evaluate((tr) => {
      const box = tr.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }), 'the marked row is on screen');

    // Fix the unit cost in place: the row is compared again and joins the totals.
    const before = money(await page.textContent('[data-testid="total-best"] .amount'));
    await page.fill('[data-testid="fix-3-1"]', '20');
    await page.press('[data-testid="fix-3-1"]', 'Enter');
    await page.waitForSelector('[data-testid="bad-row-3"]', { state: 'detached' });
    assert.equal(await textOf(page, 'catalog-status'), 'Row 3 is fixed and included again.');
    assert.equal((await page.textContent('#bad-title')).trim(), '2 rows need a fix');
    assert.equal(await textOf(page, 'catalog-excluded'), '2 rows with problems are left out of these totals.');
    const after = money(await page.textContent('[data-testid="total-best"] .amount'));
    assert.notEqual(after, before);
    // A fix that is still wrong keeps the row listed, with the new text and its message.
    await page.fill('[data-testid="fix-5-5"]', 'minus three');
    await page.press('[data-testid="fix-5-5"]', 'Enter');
    await page.waitForTimeout(100);
    assert.equal(await page.inputValue('[data-testid="fix-5-5"]'), 'minus three');
    await page.fill('[data-testid="fix-5-5"]', '-3');
    await page.press('[data-testid="fix-5-5"]', 'Enter');
    await page.waitForTimeout(100);
    await page.selectOption('[data-testid="fix-4-4"]', 'lighting');
    await page.waitForSelector('[data-testid="bad-row-4"]', { state: 'detached' });
    // The export carries the fixes and the remaining problem in plain words.
    const records = csvRecords((await download(page, '[data-testid="catalog-export"]')).text);
    assert.equal(records.length, 5);
    assert.equal(records.find((r) => r.Row === '3').Problems, '');
    assert.match(records.find((r) => r.Row === '5').Problems, /price/i);
    await screenshot(page, 'catalog-bad-rows');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-bad-rows' }));

test('a semicolon file with a BOM, decimal commas, quotes and blank lines reads like the plain one', () =>
  withPage(async (page) => {
    await open(page);
    await paste(page, [
      HEADER,
      '"Mug, large",25.5,1.5,350,home,12.99,45,400',
      '',
      '"The ""best"" lamp",40,2,800,lighting,25,60,100',
    ].join('\n'));
    await done(page);
    const plain = await tableRows(page);
    await upload(page, 'european.csv', '\uFEFF' + [
      'Name;Unit cost;Packaging;Weight (g);Category;Price;Supply price;Monthly units;Colour',
      '"Mug, large";25,5;1,5;350;home;12,99;45;400;blue',
      '',
      '"The ""best"" lamp";40;2;800;lighting;25;60;100;red',
      '',
    ].join('\r\n'));
    await page.waitForFunction(() => document.querySelector('[data-testid="catalog-status"]')?.textContent.includes('european.csv'));
    await done(page);
    const european = await tableRows(page);
    assert.deepEqual(european.map((r) => r.name), ['Mug, large', 'The "best" lamp']);
    assert.deepEqual(european.map((r) => r.cells), plain.map((r) => r.cells));
    assert.deepEqual(european.map((r) => r.row), ['2', '4'], 'row numbers count the blank line');
    // The unknown column is reported and ignored.
    assert.match(await textOf(page, 'catalog-file-problems'), /Column “Colour” is not one we know/);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-formats' }));

test('columns left out take the calculator\'s values; a workbook is refused with a way out', () =>
  withPage(async (page) => {
    // The calculator, with a price typed in: the catalog page uses it for files without prices.
    await page.goto(url('/'));
    await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
    await page.fill('#in-pop-price', '19.5');
    await page.waitForTimeout(1200); // the autosave follows typing after a pause
    await page.click('[data-testid="to-catalog"]');
    await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    await paste(page, 'name,unit cost\nMug,25\nBowl,30');
    await done(page);
    assert.match(await textOf(page, 'catalog-file-problems'), /No “Price” column: every product uses the calculator's value, \$19\.50\./);
    await upload(page, 'catalog.xlsx', 'PK\u0003\u0004 not really a workbook');
    assert.match(await textOf(page, 'catalog-status'), /Excel workbook/);
    // The products already compared stay on screen.
    assert.equal((await tableRows(page)).length, 2);
    await page.click('[data-testid="to-calculator"]');
    await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
    assert.equal(await page.inputValue('#in-pop-price'), '19.5');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-base' }));

test('10,000 products compute in slices with a progress bar; the page keeps painting', () =>
  withPage(async (page) => {
    await open(page);
    const categories = ['home', 'apparel', 'phone_accessories', 'consumer_electronics', 'lighting', 'beauty', 'toys', 'sports'];
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i += 1) {
      const cost = 5 + (i * 7919) % 200;
      const weight = 50 + (i * 104729) % 3000;
      const price = (cost / 7.2 * (1.4 + (i % 13) / 10)).toFixed(2);
      lines.push(`SKU ${i + 1},${cost},${(i % 5) / 2},${weight},${categories[i % categories.length]},${price},${(cost * 1.6).toFixed(2)},${10 + (i % 400)}`);
    }
    // Watch the frames and the progress bar from inside the page.
    await page.evaluate(() => {
      window.__gaps = { max: 0, last: performance.now(), progress: false, running: true };
      const frame = (now) => {
        const g = window.__gaps;
        g.max = Math.max(g.max, now - g.last);
        g.last = now;
        if (document.querySelector('[data-testid="catalog-progress"] progress')) g.progress = true;
        if (g.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const started = Date.now();
    await upload(page, 'ten-thousand.csv', lines.join('\n'));
    await done(page);
    const seconds = (Date.now() - started) / 1000;
    const gaps = await page.evaluate(() => { window.__gaps.running = false; return window.__gaps; });
    console.log(`# 10,000 products in ${seconds.toFixed(1)} s; longest gap between frames ${gaps.max.toFixed(0)} ms`);
    assert.ok(gaps.progress, 'the progress bar showed while computing');
    // A frame at least every 0.75 s even on a loaded 2-core CI machine: the work is sliced
    // (about 25 ms a slice); computing all rows in one go takes several seconds.
    assert.ok(gaps.max < 750, `the page froze for ${gaps.max.toFixed(0)} ms`);
    assert.equal(await textOf(page, 'catalog-done'), '10,000 products compared.');
    assert.equal(await textOf(page, 'catalog-showing'), 'Showing 1–50 of 10,000');
    await page.click('[data-testid="catalog-next"]');
    assert.equal(await textOf(page, 'catalog-showing'), 'Showing 51–100 of 10,000');
    await page.click('[data-testid="sort-ahead"]');
    assert.equal(await textOf(page, 'catalog-showing'), 'Showing 51–100 of 10,000');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-10k' }));

test('the catalog page passes axe-core with results on screen, on a phone too', () =>
  withPage(async (page) => {
    await open(page);
    await page.click('[data-testid="catalog-try-sample"]');
    await done(page);
    await paste(page, `${HEADER}\nBroken,abc,1,100,home,10,20,10`);
    await done(page);
    for (const d of await page.$$('details')) await d.evaluate((el) => { el.open = true; });
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    // Nothing overflows the phone's width but the table, which scrolls inside its box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await screenshot(page, 'catalog-phone');
  }, { width: 390, height: 844, name: 'catalog-axe' }));

test('a reload brings the last catalog back with its fixes and target; clearing forgets it', () =>
  withPage(async (page) => {
    await open(page);
    await paste(page, `${HEADER}\nDesk lamp,40,2,800,lighting,25,60,100\nBroken cost,abc,2,800,lighting,25,60,100`);
    await done(page);
    await page.fill('[data-testid="fix-3-1"]', '35');
    await page.press('[data-testid="fix-3-1"]', 'Enter');
    await page.waitForSelector('[data-testid="bad-row-3"]', { state: 'detached' });
    await page.fill('[data-testid="catalog-target"]', '22');
    await page.check('[data-testid="view-prices"]');
    const before = await tableRows(page);

    await page.reload();
    await done(page);
    assert.equal(await textOf(page, 'catalog-status'), 'Your last catalog is back, with the fixes you made.');
    assert.equal(await page.inputValue('[data-testid="catalog-target"]'), '22');
    assert.equal(await page.$('[data-testid="catalog-bad-rows"]'), null, 'the fix is kept');
    await page.check('[data-testid="view-prices"]');
    assert.deepEqual(await tableRows(page), before);

    await page.click('[data-testid="catalog-clear"]');
    await page.waitForSelector('[data-testid="catalog-empty"]');
    await page.reload();
    await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-reload' }));

test('the shared settings are listed the way each language writes them', () =>
  withPage(async (page) => {
    await page.goto(url('/catalog/?lang=zh-CN'));
    await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    const zh = await page.textContent('.shared-settings p');
    assert.match(zh, /目的国：西班牙/);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.selectOption('[data-testid="language"]', 'fr');
    // Other languages come as packs: the first switch waits for one to load.
    await page.waitForFunction((code) => document.documentElement.lang === code, 'fr');
    assert.match(await page.textContent('.shared-settings p'), /Espagne/);
    await page.selectOption('[data-testid="language"]', 'en');
    // Other languages come as packs: the first switch waits for one to load.
    await page.waitForFunction((code) => document.documentElement.lang === code, 'en');
    assert.match(await page.textContent('.shared-settings p'), /Destination: Spain · Cost currency: CNY/);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-languages' }));

test('a language whose strings cannot be fetched leaves the catalog page as it is, and says so', () =>
  withPage(async (page) => {
    let offline = true;
    let fetched = 0;
    await page.route('**/i18n/*.json', (route) => {
      fetched += 1;
      return offline ? route.abort('internetdisconnected') : route.continue();
    });
    await page.goto(url('/catalog/?lang=ko'));
    await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.inputValue('[data-testid="language"]'), 'en');
    // Said beside the language picker, where the visitor is looking.
    assert.match(await textOf(page, 'language-notice'), /^한국어 could not be loaded, so the page stays in this language\. Check the connection/);
    await page.selectOption('[data-testid="language"]', 'fr');
    await page.waitForFunction(() => /Français could not be loaded/.test(document.querySelector('[data-testid="language-notice"]').textContent));
    assert.equal(await page.inputValue('[data-testid="language"]'), 'en');
    await page.waitForTimeout(300);
    assert.equal(fetched, 2, 'each failed pack was asked for once: no retry loop');
    offline = false;
    await page.selectOption('[data-testid="language"]', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await page.textContent('.shared-settings p'), /Espagne/);
    assert.equal(await page.$('[data-testid="language-notice"]'), null, 'the notice goes once the language is shown');
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  }, { name: 'catalog-offline-language' }));

// ---- Estimates, warnings and the set of fees (money model v2, policy sets by date) ----

/** A file with a row without a supply price (estimated), one with a fractional monthly volume,
 * one with a supply price above its retail price, and one without anything to say. */
const ESTIMATES = [
  HEADER,
  'Phone case,8,0.5,60,phone_accessories,4.99,,1000',
  'Ceramic mug,25,1.5,350,home,12.99,45,12.5',
  'Desk lamp,40,2,800,lighting,25,60,100',
  'Cheap charm,2,0.2,20,phone_accessories,1.99,30,500',
].join('\n');

/** The table's rows by product name: the warnings under the name, the cells' texts and the
 * accessible texts of their "estimated" marks. */
const rowsByName = (page) => page.$$eval('[data-testid="catalog-row"]', (rows) => Object.fromEntries(rows.map((tr) => {
  const th = tr.children[1];
  return [th.firstChild.textContent.trim(), {
    warnings: [...th.querySelectorAll('[data-testid="row-warnings"] li')].map((li) => ({
      code: li.dataset.code,
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    })),
    cells: [...tr.children].slice(2).map((td) => ({
      text: td.textContent.replace(/\s+/g, ' ').trim(),
      est: [...td.querySelectorAll('.est')].map((e) => ({ title: e.title, shown: e.querySelector('[aria-hidden]').textContent })),
    })),
  }];
})));

test('a row without a supply price is marked estimated, every warning is on its row, and the totals say so (English, then Chinese)', () =>
  withPage(async (page) => {
    await open(page);
    await paste(page, ESTIMATES);
    await done(page);
    let rows = await rowsByName(page);
    // Profit view: POP, Semi-managed, Fully managed, Best way, Ahead by.
    const phone = rows['Phone case'];
    assert.deepEqual(phone.warnings.map((w) => w.code), ['estimated']);
    assert.equal(phone.warnings[0].text, '⚠ Warning: Supply price estimated: ¥17.96, 50% of the retail price.');
    const mark = { title: 'Estimated: enter the price AliExpress offers you.', shown: 'est.' };
    assert.deepEqual(phone.cells[2].est, [mark], 'the fully managed figure is marked');
    assert.deepEqual(phone.cells[0].est, [], 'POP does not rest on the supply price');
    assert.deepEqual(phone.cells[1].est, [], 'nor does semi-managed');
    // Fully managed comes out best on the estimate: the best way and its lead say so too.
    assert.match(phone.cells[3].text, /^★ Fully managed est\./);
    assert.deepEqual(phone.cells[3].est, [mark]);
    assert.deepEqual(phone.cells[4].est, [mark]);

    const mug = rows['Ceramic mug'];
    assert.deepEqual(mug.warnings, [{ code: 'fractional_volume', text: '⚠ Warning: Monthly units has a fraction: it is used as entered.' }]);
    assert.ok(mug.cells.every((c) => c.est.length === 0), 'the mug has a supply price');
    const charm = rows['Cheap charm'];
    assert.deepEqual(charm.warnings.map((w) => w.code), ['supply_above_retail']);
    // 1.99 USD × 7.20 = 14.328 CNY: the price the platform would sell it at.
    assert.equal(charm.warnings[0].text, '⚠ Warning: Supply price ¥30.00 is above the retail price it would sell at (¥14.33): check the offer.');
    assert.deepEqual(rows['Desk lamp'].warnings, []);
    // Never by colour alone: each warning is words behind a sign, and the marks are words.
    const markColour = await page.$eval('.sku-table .est', (e) => getComputedStyle(e).color);
    assert.ok(markColour, 'the mark is styled');

    // The totals: which rest on the estimate, and how many products it concerns.
    assert.match(await textOf(page, 'total-full'), /est\./);
    assert.equal(await page.textContent('[data-testid="total-full"] [data-testid="tile-estimated"]').then((t) => t.trim()), '1 of 4 at an estimated supply price');
    assert.equal(await page.$('[data-testid="total-pop"] .est'), null);
    assert.equal(await page.$('[data-testid="total-semi"] .est'), null);
    assert.match(await textOf(page, 'total-best'), /est\..*1 of 4 at an estimated supply price/s);
    assert.equal(
      await textOf(page, 'catalog-estimated'),
      '⚠ 1 of 4 products have no supply price, so their fully managed figures, marked “est.”, use an estimate: a share of the retail price. Enter the prices AliExpress offers you in the “Supply price” column. Fully managed comes out best for 1 of them, on that estimate: check their supply prices before you decide.',
    );
    // Which fees the figures use: the newest set, the calculator's (it has none saved).
    assert.equal(await textOf(page, 'catalog-policy'), 'AliExpress fees as of Aug 1, 2025');
    assert.equal(await textOf(page, 'catalog-policy-note'), 'The same fees as in the calculator.');

    // Only the rows with warnings, by the table's filter.
    await page.selectOption('[data-testid="catalog-show"]', 'warnings');
    assert.deepEqual((await tableRows(page)).map((r) => r.name), ['Phone case', 'Ceramic mug', 'Cheap charm']);
    await page.selectOption('[data-testid="catalog-show"]', 'all');

    // The export carries the warnings in plain English.
    const records = csvRecords((await download(page, '[data-testid="catalog-export"]')).text);
    assert.match(records.find((r) => r.Name === 'Phone case').Warnings, /^Estimated: CNY 17\.96, 50% of the retail price\./);
    assert.equal(records.find((r) => r.Name === 'Ceramic mug').Warnings, 'Units a month has a fraction; it is used as entered.');
    assert.equal(records.find((r) => r.Name === 'Desk lamp').Warnings, '');

    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await screenshot(page, 'catalog-estimates-desktop');

    // The same in Chinese.
    await page.selectOption('[data-testid="language"]', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    rows = await rowsByName(page);
    assert.equal(rows['Phone case'].warnings[0].text, '⚠ 注意：供货价为估算值：¥17.96，即零售价的50%。');
    assert.deepEqual(rows['Phone case'].cells[2].est, [{ title: '估算值：请填写速卖通给您的报价。', shown: '估算' }]);
    assert.equal(rows['Ceramic mug'].warnings[0].text, '⚠ 注意：月销量含小数：按输入值计算。');
    assert.match(rows['Cheap charm'].warnings[0].text, /供货价¥30\.00高于其售出时的零售价（¥14\.33）/);
    assert.match(await textOf(page, 'catalog-estimated'), /^⚠ 4个商品中有1个没有供货价，全托管对它们使用估算值（零售价的一定比例），并标注“估算”。请在“供货价”列填写速卖通给您的报价。按这一估算，其中1个商品以全托管最佳：/);
    assert.equal(await page.textContent('[data-testid="total-full"] [data-testid="tile-estimated"]').then((t) => t.trim()), '4个中有1个按估算供货价计');
    assert.equal(await textOf(page, 'catalog-policy'), '速卖通费用（2025年8月1日 起）');
    const zhViolations = await runAxe(page);
    assert.equal(zhViolations.length, 0, formatViolations(zhViolations));
    await screenshot(page, 'catalog-estimates-desktop-zh');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-estimates' }));

test('estimates and warnings on a phone: readable, no overflow, every control reachable by keyboard', () =>
  withPage(async (page) => {
    await open(page);
    await paste(page, ESTIMATES);
    await done(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    // The fees selector is reached with Tab and changed with the keyboard.
    await page.focus('[data-testid="catalog-target"]');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'catalog-policy');
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await screenshot(page, 'catalog-estimates-phone');
    assert.deepEqual(page.errors, []);
  }, { width: 390, height: 844, name: 'catalog-estimates-phone' }));

test('the catalog uses the set of fees the calculator uses, says so, and can pick another', () =>
  withPage(async (page) => {
    // In the calculator, the seller picks the 2024 fees.
    await page.goto(url('/'));
    await page.waitForSelector('[data-testid="pop-monthly-profit"]', { timeout: 15_000 });
    const lamp = { product: { unit_cost: '40', packaging: '2', weight_g: '800', category: 'lighting' }, pop: { price: '25' }, full: { supply_price: '60' }, monthly_units: '100' };
    const expected = await page.evaluate((lamp) => Object.fromEntries(['aliexpress-2024', 'aliexpress-2025-08'].map((policy) => {
      const c = window.sellerCalc.compare({ ...lamp, policy });
      return [policy, ['pop', 'semi', 'full'].map((k) => c.models[k].monthly_profit)];
    })), lamp);
    assert.notDeepEqual(expected['aliexpress-2024'], expected['aliexpress-2025-08'], 'the two sets differ for this product');
    await page.selectOption('[data-testid="policy-set"]', 'aliexpress-2024');
    // The autosave follows a change after a pause; the catalog reads the set from it.
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('sellercalc:autosave') ?? '{}').current?.policy === 'aliexpress-2024');
    await page.click('[data-testid="to-catalog"]');
    await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    await paste(page, `${HEADER}\nDesk lamp,40,2,800,lighting,25,60,100`);
    await done(page);
    assert.equal(await textOf(page, 'catalog-policy'), "These figures use AliExpress's fees as of Jan 1, 2024; the newest are as of Aug 1, 2025.");
    assert.equal(await page.inputValue('[data-testid="catalog-policy-select"]'), 'aliexpress-2024');
    assert.match(await textOf(page, 'catalog-policy-note'), /^The same fees as in the calculator\. These figures use AliExpress's fees as of Jan 1, 2024; the newest are as of Aug 1, 2025\.$/);
    assert.deepEqual(
      await page.$$eval('[data-testid="catalog-policy-select"] option', (os) => os.map((o) => o.textContent.trim())),
      ['Fees as of Aug 1, 2025 (newest)', 'Fees as of Feb 19, 2025', 'Fees as of Jan 1, 2024'],
    );
    assert.match(await page.textContent('footer'), /aliexpress-2024/);
    const figures = async () => (await tableRows(page))[0].cells.slice(0, 3).map(money);
    assert.deepEqual(await figures(), expected['aliexpress-2024'].map(cents));

    // Picking the newest set here computes every row again under it, and says the calculator differs.
    await page.selectOption('[data-testid="catalog-policy-select"]', 'aliexpress-2025-08');
    await done(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="catalog-policy"]').textContent.includes('Aug 1, 2025'));
    assert.equal(await textOf(page, 'catalog-policy'), 'AliExpress fees as of Aug 1, 2025');
    assert.equal(await textOf(page, 'catalog-policy-note'), 'The calculator uses the fees as of Jan 1, 2024.');
    assert.deepEqual(await figures(), expected['aliexpress-2025-08'].map(cents));
    // The pick is kept with the catalog across a reload.
    await page.reload();
    await done(page);
    assert.equal(await page.inputValue('[data-testid="catalog-policy-select"]'), 'aliexpress-2025-08');
    assert.deepEqual(await figures(), expected['aliexpress-2025-08'].map(cents));
    // Going back to the calculator's set follows the calculator again.
    await page.selectOption('[data-testid="catalog-policy-select"]', 'aliexpress-2024');
    await done(page);
    assert.equal(await textOf(page, 'catalog-policy-note').then((t) => t.split('.')[0]), 'The same fees as in the calculator');
    assert.deepEqual(await figures(), expected['aliexpress-2024'].map(cents));
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-fees' }));

/** Uploads raw bytes as a file named `name`. */
const uploadBytes = (page, name, buffer) => page.setInputFiles('[data-testid="catalog-file"]', {
  name, mimeType: 'text/csv', buffer,
});

test('UTF-16 and GB18030 files are decoded; binary files are refused before reading (issue #14, item 10)', () =>
  withPage(async (page) => {
    await open(page);
    // Excel's "Unicode text": UTF-16 little-endian with its byte order mark, tab-separated.
    const utf16 = `${HEADER.replaceAll(',', '\t')}\nTasse à café\t25\t0\t300\thome\t12.99\t\t100\n`;
    await uploadBytes(page, 'unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));
    await done(page);
    assert.match(await textOf(page, 'catalog-status'), /read as UTF-16 text/);
    assert.deepEqual((await tableRows(page)).map((r) => r.name), ['Tasse à café']);

    // A Chinese spreadsheet program's "CSV": GB18030 bytes, no mark (杯子 = b1 ad d7 d3, 台灯 = cc a8 b5 c6).
    const gb = Buffer.concat([
      Buffer.from(`${HEADER}\n`),
      Buffer.from('b1add7d3', 'hex'), Buffer.from(',25,0,100,home,12.99,,100\n'),
      Buffer.from('cca8b5c6', 'hex'), Buffer.from(',40,2,800,lighting,25,60,50\n'),
    ]);
    await uploadBytes(page, 'gbk.csv', gb);
    await page.waitForFunction(() => document.querySelector('[data-testid="catalog-status"]')?.textContent.includes('GB18030'));
    await done(page);
    assert.deepEqual((await tableRows(page)).map((r) => r.name).sort(), ['台灯', '杯子'].sort());
    assert.equal(await page.$('[data-testid="catalog-file-problems"]'), null, 'no garbled-text warning');

    // 1 MB of random bytes is not a catalog: refused with a way out, the products on screen stay.
    let seed = 12345;
    const random = Buffer.alloc(1 << 20);
    for (let i = 0; i < random.length; i += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      random[i] = seed >> 16;
    }
    await uploadBytes(page, 'products.csv', random);
    await page.waitForFunction(() => document.querySelector('[data-testid="catalog-status"]')?.classList.contains('error'));
    assert.match(await textOf(page, 'catalog-status'), /not a CSV/);
    assert.equal((await tableRows(page)).length, 2, 'the products already compared stay');
    // Text-like binary (a NUL in otherwise ASCII bytes) is refused as well, pasted or uploaded.
    await uploadBytes(page, 'data.csv', Buffer.from(`${HEADER}\nMug\u0000,25,0,100,home,12.99,,100\n`));
    await page.waitForFunction(() => /not a CSV/.test(document.querySelector('[data-testid="catalog-status"]')?.textContent));
    assert.equal((await tableRows(page)).length, 2);

    // UTF-8 with one stray byte from another program stays UTF-8: the names are intact, and the
    // page says some characters could not be read (it is not read whole as GB18030).
    const stray = Buffer.concat([
      Buffer.from(`${HEADER}\n陶瓷杯子,25,0,100,home,12.99,,100\n玻璃杯,20,0,100,home,9.99,,100\n`),
      Buffer.from([0x92]), Buffer.from('Lamp,40,2,800,lighting,25,60,50\n'),
    ]);
    await uploadBytes(page, 'stray.csv', stray);
    await page.waitForFunction(() => document.querySelector('[data-testid="catalog-status"]')?.textContent.includes('stray.csv'));
    await done(page);
    const names = (await tableRows(page)).map((r) => r.name);
    assert.ok(names.includes('陶瓷杯子') && names.includes('玻璃杯'), names.join(' | '));
    assert.doesNotMatch(await textOf(page, 'catalog-status'), /GB18030/);
    assert.match(await textOf(page, 'catalog-file-problems'), /Some characters could not be read/);

    // A Western European Excel's "CSV" (Windows-1252): "Café crème" is 43 61 66 e9 20 63 72 e8 6d 65.
    await uploadBytes(page, 'ansi.csv', Buffer.concat([Buffer.from(`${HEADER}\nCaf`), Buffer.from([0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]), Buffer.from(',25,0,100,home,12.99,,100\n')]));
    await page.waitForFunction(() => document.querySelector('[data-testid="catalog-status"]')?.textContent.includes('Windows-1252'));
    await done(page);
    assert.deepEqual((await tableRows(page)).map((r) => r.name), ['Café crème']);

    // Thousands of unknown columns are counted, not listed one by one.
    const wide = `${HEADER},${Array.from({ length: 30 }, (_, i) => `extra ${i}`).join(',')}\nMug,25,0,100,home,12.99,,100\n`;
    await paste(page, wide);
    await done(page);
    const problems = await page.$$eval('[data-testid="catalog-file-problems"] li', (li) => li.map((l) => l.textContent));
    assert.equal(problems.length, 21);
    assert.equal(problems[20], '…and 10 more.');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-encodings' }));

test('a file over 100,000 products is refused with a message; reading is sliced with a progress bar (issue #14, item 10)', () =>
  withPage(async (page) => {
    await open(page);
    // A catalog on screen and kept, with a fix: a refused file must change neither.
    await paste(page, `${HEADER}\nDesk lamp,40,2,800,lighting,25,60,100\nBroken cost,abc,2,800,lighting,25,60,100`);
    await done(page);
    await page.fill('[data-testid="fix-3-1"]', '35');
    await page.press('[data-testid="fix-3-1"]', 'Enter');
    await page.waitForSelector('[data-testid="bad-row-3"]', { state: 'detached' });
    const keptBefore = await page.evaluate(() => [localStorage.getItem('sellercalc:catalog'), localStorage.getItem('sellercalc:catalog:edits')]);
    const lines = [HEADER];
    for (let i = 0; i <= 100_000; i += 1) lines.push(`SKU ${i},${5 + (i % 200)},0,100,home,${(3 + (i % 50)).toFixed(2)},,10`);
    await page.evaluate(() => {
      window.__gaps = { max: 0, last: performance.now(), reading: false, running: true };
      const frame = (now) => {
        const g = window.__gaps;
        g.max = Math.max(g.max, now - g.last);
        g.last = now;
        if (/Reading the file/.test(document.querySelector('[data-testid="catalog-progress"]')?.textContent ?? '')) g.reading = true;
        if (g.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const file = onDisk('big.csv', lines.join('\n'));
    await page.setInputFiles('[data-testid="catalog-file"]', file);
    await page.waitForSelector('.catalog-status.error', { timeout: 60_000 });
    const gaps = await page.evaluate(() => { window.__gaps.running = false; return window.__gaps; });
    console.log(`# 100,001 products read and refused; longest gap between frames ${gaps.max.toFixed(0)} ms`);
    assert.ok(gaps.reading, 'the progress bar showed while reading');
    assert.match(await textOf(page, 'catalog-status'), /more than 100,000 products, the most the catalog compares at once/);
    // The catalog on screen and the one kept for a reload, with its fix, are as they were.
    await done(page);
    assert.deepEqual((await tableRows(page)).map((r) => r.name), ['Desk lamp', 'Broken cost']);
    assert.deepEqual(await page.evaluate(() => [localStorage.getItem('sellercalc:catalog'), localStorage.getItem('sellercalc:catalog:edits')]), keptBefore);
    // So does an empty file.
    await uploadBytes(page, 'empty.csv', Buffer.from([0xef, 0xbb, 0xbf]));
    await page.waitForFunction(() => /The file is empty/.test(document.querySelector('[data-testid="catalog-status"]')?.textContent));
    assert.equal((await tableRows(page)).length, 2);
    assert.deepEqual(await page.evaluate(() => [localStorage.getItem('sellercalc:catalog'), localStorage.getItem('sellercalc:catalog:edits')]), keptBefore);
    // A reading step is a few ms; a frame at least every 0.75 s even on a loaded CI machine
    // (reading all at once took about 0.6 s on a fast one). The bench prints the real figure.
    assert.ok(gaps.max < 750, `the page froze for ${gaps.max.toFixed(0)} ms`);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-too-many' }));

test('a kept catalog whose opening stopped the page is not opened again, and can be opened, downloaded or forgotten (issue #14)', () =>
  withPage(async (page, context) => {
    await open(page);
    await paste(page, `${HEADER}\nDesk lamp,40,2,800,lighting,25,60,100`);
    await done(page);
    // A page that dies while restoring leaves the mark; a reload or a closed tab does not
    // (pagehide takes it off). Here the mark is put back before each load, as a crash would leave it.
    await page.addInitScript(() => localStorage.setItem('sellercalc:catalog:restoring', '1'));
    await page.reload();
    await page.waitForSelector('[data-testid="catalog-skipped"]', { timeout: 15_000 });
    assert.match(await textOf(page, 'catalog-skipped'), /was not opened again/);
    assert.ok(await page.$('[data-testid="catalog-empty"]'), 'nothing is restored');
    const kept = await download(page, '[data-testid="catalog-skipped-download"]');
    assert.equal(kept.name, 'sellercalc-catalog-kept.csv');
    assert.match(kept.text, /Desk lamp,40,2,800/);
    // Still kept after another reload, until the user says otherwise; "Open it anyway" opens it.
    await page.reload();
    await page.waitForSelector('[data-testid="catalog-skipped"]', { timeout: 15_000 });
    await page.click('[data-testid="catalog-skipped-open"]');
    await done(page);
    assert.deepEqual((await tableRows(page)).map((r) => r.name), ['Desk lamp']);
    await page.reload();
    await page.waitForSelector('[data-testid="catalog-skipped"]', { timeout: 15_000 });
    await page.click('[data-testid="catalog-skipped-clear"]');
    await page.waitForSelector('[data-testid="catalog-skipped"]', { state: 'detached' });
    assert.equal(await page.evaluate(() => localStorage.getItem('sellercalc:catalog')), null);

    // Without a crash: a plain reload, even in the middle of restoring, reopens the catalog.
    const fresh = await context.newPage();
    fresh.errors = [];
    await fresh.goto(url('/catalog/'));
    await fresh.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    await paste(fresh, `${HEADER}\nDesk lamp,40,2,800,lighting,25,60,100`);
    await done(fresh);
    await fresh.reload();
    await done(fresh);
    assert.equal(await fresh.evaluate(() => localStorage.getItem('sellercalc:catalog:restoring')), null);
    assert.equal(await fresh.$('[data-testid="catalog-skipped"]'), null);
    // Fixes that cannot be read do not lose the catalog: it comes back without them, and says so.
    await fresh.evaluate(() => localStorage.setItem('sellercalc:catalog:edits', '}{'));
    await fresh.reload();
    await done(fresh);
    assert.match(await textOf(fresh, 'catalog-status'), /fixes you made to it could not be read/);
    assert.deepEqual((await tableRows(fresh)).map((r) => r.name), ['Desk lamp']);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-restore-skipped' }));

test('a bad category is fixed by choosing from the policy\'s categories, in the page\'s language (issue #16, item 13)', () =>
  withPage(async (page) => {
    await page.goto(url('/catalog/?lang=zh-CN'));
    await page.waitForSelector('[data-testid="catalog-empty"]', { timeout: 15_000 });
    await paste(page, [HEADER, 'Desk lamp,40,2,800,lighting,25,60,100', 'Odd one,40,2,800,spaceships,25,60,100'].join('\n'));
    await done(page);
    const fix = '[data-testid="fix-3-4"]';
    assert.equal(await page.$eval(fix, (e) => e.tagName), 'SELECT', 'a list, not a text box');
    const options = await page.$$eval(`${fix} option`, (os) => os.map((o) => ({ value: o.value, text: o.text, disabled: o.disabled })));
    assert.deepEqual(options[0], { value: '', text: 'spaceships', disabled: true });
    assert.ok(options.length > 5, `${options.length} options`);
    assert.ok(options.some((o) => o.value === 'lighting' && /灯/.test(o.text)), JSON.stringify(options));
    await page.selectOption(fix, 'lighting');
    await page.waitForSelector('[data-testid="bad-row-3"]', { state: 'detached' });
    assert.equal(await page.$('[data-testid="catalog-bad-rows"]'), null);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-category-list' }));

test('a row that took the calculator\'s value for an empty main cell says so in the table (issue #16, item 14)', () =>
  withPage(async (page) => {
    await open(page);
    await paste(page, [HEADER, 'Desk lamp,40,2,800,lighting,25,60,100', 'Half filled,40,2,,lighting,,60,100'].join('\n'));
    await done(page);
    const notes = await page.$$eval('[data-testid="catalog-row"]', (rows) => rows.map((tr) => tr.querySelector('[data-testid="row-defaults"]')?.textContent ?? ''));
    assert.equal(notes.length, 2);
    assert.equal(notes[0], '', 'a full row says nothing');
    assert.match(notes[1], /^Empty in the file, so the calculator's value is used: Weight 350\s?g; Sale price \$?12\.99( USD)?\.$/, notes[1]);
    await screenshot(page, 'catalog-row-defaults');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-row-defaults' }));

test('currency symbols in a cell are read as the calculator reads them: €12,99 is 12.99 (issue #16, item 12)', () =>
  withPage(async (page) => {
    await open(page);
    const header = 'name;unit cost;packaging;weight;category;price;supply price;monthly units';
    const pop = async (price, cost) => {
      await paste(page, [header, `Mug;${cost};1;300;home;${price};40;100`].join('\n'));
      await done(page);
      assert.equal(await page.$('[data-testid="catalog-bad-rows"]'), null, `${price} ${cost} is read`);
      return (await tableRows(page))[0].cells[0];
    };
    const plain = await pop('12,99', '20');
    assert.equal(await pop('€12,99', '¥20'), plain);
    assert.equal(await pop('12,99 €', '20元'), plain);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-currency-symbols' }));

test('numbers follow the file\'s decimal mark, and a number that reads two ways says both (issue #16, item 12)', () =>
  withPage(async (page) => {
    await open(page);
    // Decimal commas in the file: 1.500 units is one thousand five hundred, as 1500 would be.
    await paste(page, 'name;unit cost;packaging;weight;category;price;supply price;monthly units\nMug;25;0,5;300;home;€12,99;;1.500');
    await done(page);
    assert.equal(await page.$('[data-testid="catalog-bad-rows"]'), null);
    const withMark = await textOf(page, 'catalog-totals');
    await paste(page, 'name;unit cost;packaging;weight;category;price;supply price;monthly units\nMug;25;0,5;300;home;12,99;;1500');
    await done(page);
    assert.equal(await textOf(page, 'catalog-totals'), withMark);

    // Nothing in the file says which mark it uses: the cell is flagged with both readings.
    await paste(page, `${HEADER}\nMug,25,0,300,home,13,,1.500`);
    await done(page);
    assert.match(await textOf(page, 'catalog-bad-rows'), /Did you mean 1\.5 or 1,500\? Type it the way you mean it\./);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-decimal-mark' }));

test('a long read can be stopped, and a huge name is cut on screen but kept whole in the export (hostile review)', () =>
  withPage(async (page) => {
    await open(page);
    const long = `Mug ${'x'.repeat(5000)}`;
    await paste(page, `${HEADER}\n${long},25,0,300,home,12.99,,100`);
    await done(page);
    const shown = (await tableRows(page))[0].name;
    assert.equal([...shown].length, 201);
    assert.ok(shown.endsWith('…'));
    const exported = await download(page, '[data-testid="catalog-export"]');
    assert.ok(exported.text.includes(long), 'the export keeps the whole name');

    const lines = [HEADER];
    for (let i = 0; i < 100_000; i += 1) lines.push(`SKU ${i},${5 + (i % 200)},0,100,home,3.50,,10`);
    const file = onDisk('big.csv', lines.join('\n'));
    // Clicked from inside the page the moment it shows: reading 100,000 rows takes about a second.
    await page.evaluate(() => {
      window.__stopped = false;
      new MutationObserver((_, observer) => {
        const stop = document.querySelector('[data-testid="catalog-stop-reading"]');
        if (stop) { stop.click(); window.__stopped = true; observer.disconnect(); }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles('[data-testid="catalog-file"]', file);
    await page.waitForFunction(() => window.__stopped, null, { timeout: 10_000 });
    await page.waitForSelector('[data-testid="catalog-stop-reading"]', { state: 'detached' });
    await done(page);
    assert.equal((await tableRows(page)).length, 1, 'the catalog on screen stays');
    assert.equal((await page.textContent('[data-testid="catalog-status"]')).trim(), 'Reading stopped: the file was not loaded.');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-stop-and-long-name' }));

test('a markets column sets each row\'s mix: per-row figures as the calculator\'s, a bad mix named by row and column, fixed in place (issue #15)', () =>
  withPage(async (page) => {
    await open(page);
    // The optional columns list the mix column.
    assert.match(await textOf(page, 'catalog-optional-columns'), /Markets · destinations · Markets and their shares of the volume, e\.g\. ES:60\|US:40/);
    // Example 1's mug (docs/model.md) three times: 60/40 Spain/US, Spain alone, and a bad mix.
    await upload(page, 'markets.csv', [
      `${HEADER},markets`,
      'Mug mix,25,1.5,350,home,12.99,,400,ES:60|US:40',
      'Mug Spain,25,1.5,350,home,12.99,,400,ES',
      'Mug twice,25,1.5,350,home,12.99,,400,ES:50|ES:50',
    ].join('\n'));
    await done(page);
    const rows = Object.fromEntries((await tableRows(page)).map((r) => [r.name, r.cells.map((c) => { try { return Number(money(c)); } catch { return null; } })]));
    // By hand (Example 4): POP −2.095936 a month for the mix, 2223.984064 for Spain (Example 1);
    // semi-managed 1990.015424 and 4216.095424.
    assert.ok(rows['Mug mix'].includes(-210), `POP for the mix: ${JSON.stringify(rows['Mug mix'])}`);
    assert.ok(rows['Mug mix'].includes(199002), `semi for the mix: ${JSON.stringify(rows['Mug mix'])}`);
    assert.ok(rows['Mug Spain'].includes(222398), `POP for Spain: ${JSON.stringify(rows['Mug Spain'])}`);
    assert.ok(rows['Mug Spain'].includes(421610), `semi for Spain: ${JSON.stringify(rows['Mug Spain'])}`);
    // The bad mix: its row and the markets column, the calculator's message for the market.
    assert.equal((await page.textContent('#bad-title')).trim(), '1 row needs a fix');
    assert.match(await page.textContent('[data-testid="bad-row-4"]'), /Row 4 · Mug twice/);
    assert.equal((await page.textContent('label[for="fix-4-8"]')).trim(), 'markets');
    assert.equal(await page.inputValue('[data-testid="fix-4-8"]'), 'ES:50|ES:50');
    assert.equal((await page.textContent('#fix-4-8-error')).trim(), 'Market 2: ES is already in the mix, as market 1.');
    // Shares that do not add up: the calculator's message.
    await page.fill('[data-testid="fix-4-8"]', 'ES:50|US:40');
    await page.press('[data-testid="fix-4-8"]', 'Enter');
    await page.waitForFunction(() => /add up to 90%/.test(document.querySelector('#fix-4-8-error')?.textContent ?? ''));
    // A market the policy does not know: a file has no list to pick from, so the message names
    // the codes (the United Kingdom is GB).
    await page.fill('[data-testid="fix-4-8"]', 'UK:60|US:40');
    await page.press('[data-testid="fix-4-8"]', 'Enter');
    await page.waitForFunction(() => /Use one of/.test(document.querySelector('#fix-4-8-error')?.textContent ?? ''));
    assert.match((await page.textContent('#fix-4-8-error')).trim(),
      /^Market 1: Choose one of the listed options\. Use one of: [A-Z]{2}(, [A-Z]{2})*\.$/);
    assert.match(await page.textContent('#fix-4-8-error'), /\bGB\b/);
    await page.fill('[data-testid="fix-4-8"]', 'ES:60|US:40');
    await page.press('[data-testid="fix-4-8"]', 'Enter');
    await page.waitForSelector('[data-testid="bad-row-4"]', { state: 'detached' });
    const fixed = (await tableRows(page)).find((r) => r.name === 'Mug twice').cells.map((c) => { try { return Number(money(c)); } catch { return null; } });
    assert.ok(fixed.includes(-210), `the fixed row is the mix: ${JSON.stringify(fixed)}`);
    await screenshot(page, 'catalog-markets');
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-markets' }));

test('a large file still being decoded never replaces what was chosen after it (hostile review)', () =>
  withPage(async (page) => {
    await page.goto(url('/catalog/'));
    await page.waitForSelector('[data-testid="catalog-empty"]');
    // ~20 MB: decoding takes a while after the file is chosen.
    const lines = [HEADER];
    const long = 'x'.repeat(180);
    for (let i = 0; i < 100_000; i += 1) lines.push(`SKU ${i} ${long},${5 + (i % 200)},0,100,home,3.50,,10`);
    const file = onDisk('big.csv', lines.join('\n'));
    // The sample is tried the moment the file is chosen.
    await page.evaluate(() => document.addEventListener('change', () => setTimeout(() => {
      document.querySelector('[data-testid="catalog-try-sample"]').click();
    }, 0), { capture: true, once: true }));
    await page.setInputFiles('[data-testid="catalog-file"]', file);
    await done(page);
    const status = () => page.textContent('[data-testid="catalog-status"]');
    assert.match(await status(), /sample/i);
    // Long after the big file's decoding has ended: still the sample.
    await page.waitForTimeout(4000);
    assert.match(await status(), /sample/i);
    assert.doesNotMatch(await page.textContent('[data-testid="catalog-done"]'), /100,000/);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-stale-file' }));

test('a long name without spaces wraps inside its cell instead of running over the figures (hostile review)', () =>
  withPage(async (page) => {
    await page.goto(url('/catalog/'));
    await page.waitForSelector('[data-testid="catalog-empty"]');
    const name = `SKU-${'A1B2C3D4'.repeat(15)}`;
    await paste(page, [HEADER, `${name},8,0.5,60,phone_accessories,4.99,,1000`, 'Mug,25,1.5,350,home,12.99,,12'].join('\n'));
    await done(page);
    const overflow = await page.$$eval('[data-testid="catalog-row"] th', (cells) =>
      cells.map((th) => th.scrollWidth - th.clientWidth));
    assert.ok(overflow.every((px) => px <= 1), `name cells overflow by ${overflow} px`);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-long-name' }));

test('the rate sheet loaded in the calculator is in force on the catalog page too, and the fees note says so (hostile review)', () =>
  withPage(async (page) => {
    await page.goto(url('/'));
    await page.waitForSelector('[data-testid="pop-monthly-profit"]');
    const before = (await page.textContent('[data-testid="pop-monthly-profit"]')).trim();
    await page.click('[data-testid="rate-sheet"] > summary');
    await page.setInputFiles('[data-testid="rate-sheet-file"]', {
      name: 'mine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)\nES,standard,300_2000g,111.11,10\n'),
    });
    await page.waitForSelector('[data-testid="rate-sheet-status"]');
    await page.waitForFunction((before) => document.querySelector('[data-testid="pop-monthly-profit"]')?.textContent.trim() !== before, before);
    const calculator = (await page.textContent('[data-testid="pop-monthly-profit"]')).trim();

    await page.goto(url('/catalog/'));
    await page.waitForSelector('[data-testid="catalog-empty"]');
    assert.match(await page.textContent('[data-testid="catalog-policy-note"]'), /Your rate sheet, loaded on \d{4}-\d{2}-\d{2}/);
    // The calculator's default product, as a row: its POP profit is the calculator's.
    await paste(page, [HEADER, 'Mug,25,1.5,350,home,12.99,,400'].join('\n'));
    await done(page);
    const [row] = await tableRows(page);
    const digits = (text) => text.replace(/[^0-9-−]/g, '').replace('−', '-');
    assert.ok(row.cells.some((cell) => digits(cell) === digits(calculator)),
      `the catalog's row ${JSON.stringify(row.cells)} has the calculator's POP profit ${calculator}`);
    assert.deepEqual(page.errors, []);
  }, { name: 'catalog-rate-sheet' }));
