#!/usr/bin/env node
// Opens one bilat HTML report in headless Chromium and checks that it renders
// as a self-contained document: no script errors, no network traffic, every
// expected section present, every chart actually drawn, every footnote
// resolvable. Always leaves a full-page screenshot behind for a human to look at.
//
// Usage: node report_browser_test.mjs REPORT.html SCREENSHOT.png [--sections a,b,c] [--first-screens N]
// Exit:  0 all checks passed, 1 at least one check failed, 2 usage/environment error.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DEFAULT_SECTIONS = ['political', 'economy', 'connectivity', 'finance', 'people', 'standing', 'outlook', 'sources'];
const OVERALL_TIMEOUT_MS = 60_000;
// Leave headroom inside the overall budget so a slow page still gets a
// screenshot and a proper report instead of being cut off by the backstop.
const NAVIGATION_TIMEOUT_MS = 20_000;
const EVALUATE_TIMEOUT_MS = 5_000; // page.evaluate has no timeout of its own
const SCREENSHOT_TIMEOUT_MS = 15_000;
// Errors thrown from timers or deferred scripts can arrive just after "load".
const SETTLE_MS = 250;
const CHROMIUM = process.env.BILAT_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // we run as root in CI containers
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium's own background services keep dialling out,
  // which floods logs with refused connections on an offline machine.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TAG = 'report_browser_test';

const USAGE = `usage: node report_browser_test.mjs REPORT.html SCREENSHOT.png [--sections name,name,...] [--first-screens N]
  REPORT.html     report to open (via file:// URL)
  SCREENSHOT.png  where to write the full-page screenshot (parent dirs are created)
  --sections      comma-separated ids that must exist as section#ID
  --first-screens the screenshot shows the top N screens (1280x1000 each) instead of the whole page:
                  a series report is tens of thousands of pixels tall, too long to shoot within the time limit
                  (default: ${DEFAULT_SECTIONS.join(',')})
  env BILAT_CHROMIUM overrides the browser binary (default /usr/bin/chromium)`;

// Rejects if `promise` has not settled within `ms`; used where Playwright
// offers no timeout, so a page stuck in a script loop cannot stall us.
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timeout ${ms}ms exceeded`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function usageError(message) {
  process.stderr.write(`${TAG}: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const positional = [];
  let sections = DEFAULT_SECTIONS;
  let firstScreens = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--sections' || arg.startsWith('--sections=')) {
      const value = arg === '--sections' ? argv[++i] : arg.slice('--sections='.length);
      if (value === undefined) usageError('--sections needs a value');
      sections = value.split(',').map((s) => s.trim()).filter(Boolean);
      if (sections.length === 0) usageError('--sections must list at least one section id');
    } else if (arg === '--first-screens') {
      firstScreens = Number(argv[++i]);
      if (!Number.isInteger(firstScreens) || firstScreens < 1) usageError('--first-screens needs a whole number >= 1');
    } else if (arg.startsWith('-')) {
      usageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) usageError(`expected REPORT.html and SCREENSHOT.png, got ${positional.length} argument(s)`);
  const [report, screenshot] = positional.map((p) => path.resolve(p));
  if (!existsSync(report)) usageError(`report not found: ${report}`);
  if (!statSync(report).isFile()) usageError(`report is not a regular file: ${report}`);
  return { report, screenshot, sections, firstScreens };
}

// Runs in the page. Returns plain data so all judgement stays in Node.
function inspectPage(sectionIds) {
  const sections = sectionIds.map((id) => ({
    id,
    found: document.querySelector(`section#${CSS.escape(id)}`) !== null,
  }));

  const charts = [...document.querySelectorAll('figure.chart')].map((fig, index) => {
    // Identify the figure in messages by something a person can search for.
    const label = fig.id ? `#${fig.id}` : (fig.querySelector('figcaption')?.textContent.trim().slice(0, 60) || `#${index + 1}`);
    const svgs = [...fig.querySelectorAll('svg')];
    // An <svg> that exists but draws nothing (empty, display:none, zero-sized
    // shapes) is exactly the failure we want to catch, so require a child with area.
    const drawn = svgs.some((svg) => [...svg.children].some((child) => {
      const box = child.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    }));
    return { label, hasSvg: svgs.length > 0, drawn };
  });

  const footnotes = [...document.querySelectorAll('sup.fn a[href^="#src-"]')].map((a) => {
    const href = a.getAttribute('href');
    let id = href.slice(1);
    try { id = decodeURIComponent(id); } catch { /* keep raw id; lookup will fail and be reported */ }
    return { href, found: document.getElementById(id) !== null };
  });

  return { sections, charts, footnotes };
}

async function main() {
  const { report, screenshot, sections: sectionIds, firstScreens } = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) usageError(`Chromium not found at ${CHROMIUM} (set BILAT_CHROMIUM)`);

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    usageError(`playwright-core is not installed; run "npm ci" in ${path.dirname(new URL(import.meta.url).pathname)}`);
  }

  const problems = [];
  const fail = (msg) => problems.push(msg);
  const blockedUrls = new Set();
  let browser;

  // Backstop only: the per-step timeouts below should fire first. Closing the
  // browser makes every pending Playwright call reject, so the normal path
  // below unwinds and reports; the hard exit covers a browser that won't close.
  const backstop = setTimeout(() => {
    fail(`overall timeout of ${OVERALL_TIMEOUT_MS / 1000}s exceeded`);
    browser?.close().catch(() => {});
    setTimeout(() => {
      process.stderr.write(`${TAG}: FAIL overall timeout; browser did not close, exiting\n`);
      process.exit(1);
    }, 5_000).unref();
  }, OVERALL_TIMEOUT_MS);

  let summary = null;
  let shotSaved = false;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

    // A report must be readable offline, so anything beyond file: and data:
    // is a defect. Abort it (so the test never depends on the network) and
    // record it. Requests are observed at context level to include workers/frames.
    // A file: URL with a host (file://server/share) is a network share, and
    // protocol-relative src="//cdn/..." resolves to one under file://.
    const isLocal = (url) => url.startsWith('data:') || (url.startsWith('file:') && new URL(url).host === '');
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blockedUrls.add(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => { if (!isLocal(req.url())) blockedUrls.add(req.url()); });

    const page = await context.newPage();
    page.on('websocket', (ws) => blockedUrls.add(ws.url()));
    page.on('pageerror', (err) => fail(`page error: ${err.message.split('\n')[0]}`));
    page.on('crash', () => fail('page crashed'));
    page.on('console', (msg) => {
      // console.assert failures are errors in spirit; Playwright types them separately.
      if (msg.type() !== 'error' && msg.type() !== 'assert') return;
      const { url, lineNumber } = msg.location();
      // Aborting a request makes Chromium log "Failed to load resource" for it;
      // that request is already reported once, so don't report it twice.
      if (msg.text().startsWith('Failed to load resource') && blockedUrls.has(url)) return;
      const where = url ? ` (${path.basename(url)}:${lineNumber + 1})` : '';
      fail(`console ${msg.type()}: ${msg.text().split('\n')[0]}${where}`);
    });

    try {
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
      await withTimeout(page.evaluate(() => document.fonts.ready.then(() => undefined)), EVALUATE_TIMEOUT_MS, 'waiting for fonts');
      await page.waitForTimeout(SETTLE_MS);
    } catch (err) {
      fail(`could not load report: ${err.message.split('\n')[0]}`);
    }

    try {
      summary = await withTimeout(page.evaluate(inspectPage, sectionIds), EVALUATE_TIMEOUT_MS, 'inspecting page');
    } catch (err) {
      fail(`could not inspect page: ${err.message.split('\n')[0]}`);
    }

    // Screenshot before judging so it exists whether or not checks pass.
    try {
      mkdirSync(path.dirname(screenshot), { recursive: true });
      const clip = firstScreens ? { x: 0, y: 0, width: 1280, height: 1000 * firstScreens } : undefined;
      await page.screenshot({ path: screenshot, fullPage: true, clip, timeout: SCREENSHOT_TIMEOUT_MS });
      shotSaved = true;
    } catch (err) {
      fail(`could not save screenshot ${screenshot}: ${err.message.split('\n')[0]}`);
    }
  } catch (err) {
    fail(`browser failure: ${err.message.split('\n')[0]}`);
  } finally {
    await browser?.close().catch(() => {});
    clearTimeout(backstop);
  }

  for (const url of blockedUrls) fail(`network request (report must be self-contained): ${url}`);

  if (summary) {
    for (const s of summary.sections) if (!s.found) fail(`missing section: section#${s.id}`);
    if (summary.charts.length === 0) fail('no figure.chart elements in page');
    for (const c of summary.charts) {
      if (!c.hasSvg) fail(`chart ${c.label}: figure.chart contains no <svg>`);
      else if (!c.drawn) fail(`chart ${c.label}: <svg> has no child with a non-zero bounding box`);
    }
    if (summary.footnotes.length === 0) fail('no footnote links (sup.fn a[href^="#src-"]) in page');
    const reported = new Set();
    for (const f of summary.footnotes) {
      if (!f.found && !reported.has(f.href)) {
        reported.add(f.href);
        fail(`footnote link ${f.href} points to no element with that id`);
      }
    }
  }

  for (const p of problems) process.stderr.write(`${TAG}: FAIL ${p}\n`);

  const s = summary;
  const sectionPart = s ? `sections ${s.sections.filter((x) => x.found).length}/${s.sections.length}` : 'sections ?';
  const chartPart = s ? `charts ${s.charts.filter((c) => c.drawn).length}/${s.charts.length} drawn` : 'charts ?';
  const fnPart = s ? `footnotes ${s.footnotes.length} checked` : 'footnotes ?';
  const shotPart = shotSaved ? `screenshot ${screenshot}` : 'screenshot NOT saved';
  const verdict = problems.length === 0 ? 'PASS' : `FAIL (${problems.length} problem${problems.length === 1 ? '' : 's'})`;
  process.stdout.write(`${TAG}: ${verdict}: ${path.basename(report)}: ${sectionPart}, ${chartPart}, ${fnPart}, ${shotPart}\n`);

  process.exitCode = problems.length === 0 ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`${TAG}: FAIL internal error: ${err.stack || err}\n`);
  process.exit(1);
});
