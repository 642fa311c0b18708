// Browser checks of a generated site, in Debian's Chromium driven by playwright-core.
//
// Usage: node check_site.mjs SITE_DIR [--screenshots DIR | --no-screenshots] [--parallel N]
//                             [--chromium PATH]
//
// For every *.html under SITE_DIR (opened as file://, one browser for all pages):
//   axe      axe-core with the WCAG 2.0/2.1 A and AA rules; any violation fails, "incomplete"
//            results (axe could not decide) are printed for a person to review
//   no-js    with JavaScript disabled the page still shows an h1, and every table is visible
//            (or inside a closed <details>, a toggle the reader can open)
//   zoom     at 200% zoom (a 640 px wide viewport at device scale 2, what a 1280 px window at
//            200% gives) the page does not scroll horizontally; a screenshot is written to
//            SCREENSHOTS/<page path with / as __>.jpg (default SITE_DIR/../screenshots)
//   links    every internal link (a, area, link; href without a scheme) names an existing file,
//            and a #fragment an existing id (or name) in it
// Exit status: 0 when every page passes, 1 when any check fails, 2 on usage errors.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function parseArgs(argv) {
  const o = { site: null, screenshots: null, parallel: 2, chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshots') o.screenshots = argv[++i];
    else if (a === '--no-screenshots') o.noShots = true;
    else if (a === '--parallel') o.parallel = Number(argv[++i]);
    else if (a === '--chromium') o.chromium = argv[++i];
    else if (a === '--sample') o.sample = true;
    else if (!a.startsWith('--') && !o.site) o.site = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.site || !fs.statSync(o.site, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error('usage: check_site.mjs SITE_DIR [--screenshots DIR | --no-screenshots] ' +
      '[--parallel N] [--chromium PATH] [--sample]');
  }
  o.site = path.resolve(o.site);
  o.screenshots = path.resolve(o.screenshots ?? path.join(o.site, '..', 'screenshots'));
  return o;
}

// --sample: every page type, not every page: in a directory of more than 12 pages (a page per
// ministry, per ICT activity) its index and the first two others; print pages (which gather
// pages checked on their own) are left out.
function samplePages(files) {
  const byDir = new Map();
  for (const f of files) {
    const d = path.dirname(f);
    if (!byDir.has(d)) byDir.set(d, []);
    byDir.get(d).push(f);
  }
  const out = [];
  for (const list of byDir.values()) {
    const pages = list.filter((f) => !/(^|\/)print(-[a-z]+)?\.html$/.test(f));
    if (pages.length <= 12) { out.push(...pages); continue; }
    const index = pages.filter((f) => f.endsWith('/index.html'));
    out.push(...index, ...pages.filter((f) => !f.endsWith('/index.html')).slice(0, 2));
  }
  return out.sort();
}

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.isFile() && e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

// ids (and a[name]) of a page, read from its source: enough for fragment checks.
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const ids = new Set();
    for (const m of text.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      ids.add(m[1] ?? m[2] ?? m[3]);
    }
    idCache.set(file, ids);
  }
  return idCache.get(file);
}

// Problems with the internal links of `file`, given the href values found in its DOM.
function checkLinks(site, file, hrefs) {
  const problems = [];
  for (const href of hrefs) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;  // has a scheme
    const [pathPart, fragment] = href.split('#', 2);
    const clean = decodeURIComponent(pathPart.split('?')[0]);
    let target = clean === '' ? file : path.resolve(path.dirname(file), clean);
    if (clean.startsWith('/')) target = path.join(site, clean);
    if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      target = path.join(target, 'index.html');
    }
    if (!fs.existsSync(target)) {
      problems.push(`broken link ${href}: no file ${path.relative(site, target)}`);
    } else if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
      problems.push(`broken link ${href}: no id "${fragment}" in ${path.relative(site, target)}`);
    }
  }
  return problems;
}

async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const brief = (list) => list.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    return { violations: brief(r.violations), incomplete: brief(r.incomplete) };
  }, AXE_TAGS);
}

async function checkWithScript(page, site, file) {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const t0 = Date.now();
  const axe = await runAxe(page);
  const axeMs = Date.now() - t0;
  const hrefs = await page.$$eval('a[href], area[href], link[href]',
    (els) => els.map((e) => e.getAttribute('href')));
  const problems = axe.violations.map((v) =>
    `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
  problems.push(...checkLinks(site, file, hrefs));
  return { problems, incomplete: axe.incomplete, axeMs };
}

async function checkWithoutScript(page, file) {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return await page.evaluate(() => {
    const problems = [];
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const h1 = document.querySelector('h1');
    if (!h1 || !visible(h1) || !h1.textContent.trim()) problems.push('no-js: no visible h1');
    document.querySelectorAll('table').forEach((t, i) => {
      const closed = t.closest('details:not([open])');
      if (!visible(t) && !closed) problems.push(`no-js: table ${i + 1} is not shown`);
    });
    return problems;
  });
}

async function checkZoom(page, site, file, shots) {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth }));
  if (shots) {
    const name = path.relative(site, file).replaceAll(path.sep, '__').replace(/\.html$/, '.jpg');
    // JPEG in CSS pixels: a PNG of the full page at scale 2 costs seconds a page.
    await page.screenshot({
      path: path.join(shots, name), fullPage: true, type: 'jpeg', quality: 70, scale: 'css' });
  }
  return scroll <= client + 1 ? [] :
    [`zoom: scrolls horizontally at 200% (content ${scroll}px in a ${client}px viewport)`];
}

// `pages`: one tab in each context, reused for every file a worker checks.
async function checkPage(pages, o, file) {
  const t0 = Date.now();
  const withJs = await checkWithScript(pages.normal, o.site, file);
  const problems = [...withJs.problems,
    ...await checkWithoutScript(pages.noJs, file),
    ...await checkZoom(pages.zoom, o.site, file, o.noShots ? null : o.screenshots)];
  return { file, problems, incomplete: withJs.incomplete, axeMs: withJs.axeMs, ms: Date.now() - t0 };
}

function report(o, r) {
  const rel = path.relative(o.site, r.file);
  console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${rel} (${r.ms} ms, axe ${r.axeMs} ms)`);
  for (const p of r.problems) console.log(`       ${p}`);
  for (const v of r.incomplete) {
    console.log(`       review (axe incomplete) ${v.id}: ${v.help} at ${v.nodes.join(', ')}`);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const files = o.sample ? samplePages(htmlFiles(o.site)) : htmlFiles(o.site);
  if (files.length === 0) throw new Error(`no *.html under ${o.site}`);
  if (!o.noShots) fs.mkdirSync(o.screenshots, { recursive: true });
  const t0 = Date.now();
  const browser = await chromium.launch({ executablePath: o.chromium, args: ['--no-sandbox'] });
  let failed = 0;
  try {
    const contexts = {
      normal: await browser.newContext({ viewport: { width: 1280, height: 900 } }),
      noJs: await browser.newContext({ javaScriptEnabled: false }),
      zoom: await browser.newContext({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 }),
    };
    const queue = [...files];
    const worker = async () => {
      const pages = { normal: await contexts.normal.newPage(), noJs: await contexts.noJs.newPage(),
        zoom: await contexts.zoom.newPage() };
      for (let f = queue.shift(); f; f = queue.shift()) {
        const r = await checkPage(pages, o, f);
        report(o, r);
        if (r.problems.length) failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.parallel) }, worker));
  } finally {
    await browser.close();
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`${files.length} pages, ${failed} failed, ${secs} s` +
    (o.noShots ? '' : `; screenshots in ${o.screenshots}`));
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(`check_site: ${e.message}`); process.exitCode = 2; });
}
