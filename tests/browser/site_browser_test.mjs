// Browser test of the static site `bilat site` writes, opened from disk in
// Debian's headless Chromium (playwright-core drives it):
//   - index.html, method.html and one pair page load with no console error
//     and no request outside the site;
//   - both maps have a shape for every partner in the table that has a score
//     on that axis, and every map link leads to a file that exists;
//   - sorting by a column header orders the rows, the text filter filters;
//   - screenshots of the index (top) and the pair page in ARTIFACTS.
// Usage: node site_browser_test.mjs SITE_DIR COUNTRY PARTNER ARTIFACTS_DIR
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [siteDir, country, partner, artifacts] = process.argv.slice(2);
if (!artifacts) {
  console.error('usage: node site_browser_test.mjs SITE_DIR COUNTRY PARTNER ARTIFACTS_DIR');
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
const CHROMIUM = process.env.BILAT_CHROMIUM || '/usr/bin/chromium';
const problems = [];
const fail = (m) => problems.push(m);

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error') fail(`${path.basename(file)}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`${path.basename(file)}: page error: ${e}`));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) fail(`${path.basename(file)}: outside request ${r.url()}`); });
  if (!existsSync(file)) { fail(`missing page ${file}`); return page; }
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

try {
  const index = await open(path.join(siteDir, 'index.html'));
  // Rows with scores, and the maps.
  const rows = await index.$$eval('#partners tbody tr', (trs) => trs.map((tr) => ({
    name: tr.cells[0].dataset.v, iso: tr.cells[0].querySelector('.note')?.textContent || '',
    weight: tr.cells[2].dataset.v, warmth: tr.cells[4].dataset.v,
    href: tr.cells[0].querySelector('a')?.getAttribute('href') || '' })));
  if (rows.length < 10) fail(`index: only ${rows.length} partner rows`);
  for (const axis of ['weight', 'warmth']) {
    await index.selectOption('#map-axis', axis);  // the other map is hidden, and hidden shapes have no box
    const shapes = await index.$$eval(`#svg-${axis} path`, (ps) => ps.map((p) => ({
      iso: p.dataset.iso, fill: p.getAttribute('fill'), box: p.getBBox().width * p.getBBox().height,
      href: p.parentNode.tagName.toLowerCase() === 'a' ? p.parentNode.getAttribute('href') : '' })));
    if (shapes.length < 150) fail(`map ${axis}: only ${shapes.length} shapes`);
    const byIso = new Map(shapes.map((s) => [s.iso, s]));
    let linked = 0;
    for (const r of rows) {
      const s = byIso.get(r.iso);
      if (!s) continue;  // small states have no shape at 1:110m
      if (r[axis] !== '' && s.fill === '#d9d9d9') fail(`map ${axis}: ${r.iso} has a score but no colour`);
      if (r.href && s.href !== r.href) fail(`map ${axis}: ${r.iso} links to '${s.href}', table to '${r.href}'`);
      if (s.href) {
        linked++;
        if (!existsSync(path.join(siteDir, s.href))) fail(`map ${axis}: link ${s.href} leads nowhere`);
      }
      if (!(s.box > 0)) fail(`map ${axis}: ${r.iso} has an empty shape`);
    }
    if (linked < 100) fail(`map ${axis}: only ${linked} linked countries`);
  }
  // Sorting by warmth, descending then ascending.
  const warmthOrder = async () => index.$$eval('#partners tbody tr', (trs) =>
    trs.map((tr) => tr.cells[4].dataset.v).filter((v) => v !== '').map(Number));
  await index.click('#partners th button[data-col="4"]');
  let order = await warmthOrder();
  const asc = order.every((v, i) => i === 0 || order[i - 1] <= v);
  await index.click('#partners th button[data-col="4"]');
  order = await warmthOrder();
  const desc = order.every((v, i) => i === 0 || order[i - 1] >= v);
  if (!asc || !desc) fail(`sorting by warmth does not order the rows (ascending ${asc}, descending ${desc})`);
  // Filtering by text.
  await index.fill('#filter-text', partner.toLowerCase());
  const shown = await index.$$eval('#partners tbody tr', (trs) => trs.filter((tr) => !tr.hidden).length);
  if (shown < 1 || shown > 3) fail(`filter '${partner}': ${shown} rows shown`);
  await index.fill('#filter-text', '');
  // Accessibility: text contrast (WCAG AA, 4.5:1 for normal text) of every
  // kind of text on the page, keyboard reach, labelled controls and maps.
  const contrast = await index.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0)) return c;
      }
      return [255, 255, 255];
    };
    const worst = [];
    for (const sel of ['h1', 'h2', 'p', 'td', 'th button', 'a', '.note', 'caption', 'label', '.legend span', '.up', '.down', 'figcaption']) {
      for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 20)) {
        if (!el.textContent.trim()) continue;
        const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5) worst.push(`${sel} ${ratio.toFixed(2)}`);
      }
    }
    return worst;
  });
  if (contrast.length) fail(`contrast below 4.5:1: ${[...new Set(contrast)].slice(0, 8).join(', ')}`);
  const a11y = await index.evaluate(() => {
    const problems = [];
    const link = document.querySelector('#svg-warmth a');
    if (link) { link.focus(); if (document.activeElement !== link) problems.push('a map link cannot take the focus'); }
    for (const c of document.querySelectorAll('input, select')) {
      if (!c.closest('label') && !c.getAttribute('aria-label')) problems.push(`control #${c.id} has no label`);
    }
    for (const svg of document.querySelectorAll('svg.world-map')) {
      if (!svg.getAttribute('aria-labelledby') || !svg.querySelector('title')) problems.push('a map has no title');
    }
    if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
    return problems;
  });
  for (const p of a11y) fail(`accessibility: ${p}`);
  await index.focus('body');
  await index.keyboard.press('Tab');
  const firstStop = await index.evaluate(() => document.activeElement && document.activeElement.tagName.toUpperCase());
  if (!['A', 'SELECT', 'INPUT', 'BUTTON'].includes(firstStop)) fail(`keyboard: Tab lands on ${firstStop}`);
  await index.screenshot({ path: path.join(artifacts, `site-${country}-index.png`), clip: { x: 0, y: 0, width: 1280, height: 1400 } });
  // The pair page and the method page.
  const pair = await open(path.join(siteDir, country, partner, 'index.html'));
  if (!(await pair.$('section#standing'))) fail('pair page: no standing section');
  if (!(await pair.$('nav.site-nav a[href="../../index.html"]'))) fail('pair page: no way back to the index');
  await pair.screenshot({ path: path.join(artifacts, `site-${country}-${partner}.png`) });
  const method = await open(path.join(siteDir, 'method.html'));
  if (!(await method.$('h1'))) fail('method page: no heading');
  const deadLinks = await method.$$eval('a[href$=".md"], a[href$=".cc"], a[href$=".h"]', (as) => as.map((a) => a.getAttribute('href')));
  if (deadLinks.length) fail(`method page: links to files the site does not ship: ${deadLinks.slice(0, 5).join(', ')}`);
  for (const f of ['index.csv', 'index.json', `SERIES-${country}.csv`]) {
    if (!existsSync(path.join(siteDir, f))) fail(`download ${f} missing`);
  }
  console.log(`site_browser_test: ${rows.length} partners, maps checked, sorting and filter work`);
} catch (e) {
  fail(`exception: ${e.stack || e}`);
} finally {
  await browser.close();
}
if (problems.length) {
  for (const p of problems.slice(0, 40)) console.error(`site_browser_test: FAIL ${p}`);
  process.exit(1);
}
