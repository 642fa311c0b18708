// Boxes whose text runs out of them, found in the browser (not in the CSS): every key-figure tile,
// table header and caption, chart caption and panel of the public version, on every page type in
// both languages, at phone, tablet and desktop widths (Debian's Chromium via playwright-core).
//
// Usage: node check_overflow.mjs SITE_DIR [--widths 320,768,1280] [--chromium PATH] [--all]
//
// Also, at widths below 48rem, the site's navigation is at most 3.5rem high (one line), and
// every chart label is drawn at least 9.5 px high.
//
// A box overflows when its content is wider than the box itself (scrollWidth > clientWidth + 1)
// while its own overflow is not meant to scroll; and a page overflows when the page as a whole
// scrolls sideways (wide tables scroll inside their own region, which is fine). Without --all it
// takes each page type once (the title page, chapters, tables, method, public version, ICT
// overview and one activity, the ministry index and one ministry). Exit 0 none, 1 some (listed
// with page, width, element and text), 2 usage.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const o = { widths: [320, 768, 1280], chromium: '/usr/bin/chromium', all: false, site: null };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--widths') o.widths = args[++i].split(',').map(Number);
  else if (args[i] === '--chromium') o.chromium = args[++i];
  else if (args[i] === '--all') o.all = true;
  else if (!o.site) o.site = path.resolve(args[i]);
  else { console.error(`unknown argument ${args[i]}`); process.exit(2); }
}
if (!o.site || !fs.existsSync(o.site)) {
  console.error('usage: check_overflow.mjs SITE_DIR [--widths 320,768,1280] [--all]');
  process.exit(2);
}

function pages(site) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html') && !e.name.startsWith('print')) out.push(path.relative(site, p));
    }
  };
  for (const lang of ['nl', 'en']) if (fs.existsSync(path.join(site, lang))) walk(path.join(site, lang));
  if (o.all) return out.sort();
  // Every page of a language's own folder; of ministeries/ and ict/ the index and the first other.
  const taken = new Set();
  return out.sort().filter((p) => {
    const dir = path.dirname(p);
    if (!dir.includes('/') || path.basename(p) === 'index.html') return true;
    if (taken.has(dir)) return false;
    taken.add(dir);
    return true;
  });
}

const SELECTOR = 'li.tile, li.tile .label, .key-figure, .kf-label, th, caption, figcaption, ' +
                 '.hl-panel, .hl-panel h3, .hl-text, h1, h2, h3';
const browser = await chromium.launch({ executablePath: o.chromium, args: ['--no-sandbox'] });
let problems = 0;
try {
  for (const width of o.widths) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const p of pages(o.site)) {
      await page.goto(pathToFileURL(path.join(o.site, p)).href, { waitUntil: 'load' });
      const found = await page.evaluate((selector) => {
        const out = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > doc.clientWidth + 1) out.push(`the page scrolls sideways (${doc.scrollWidth} px)`);
        // At phone widths the site's navigation is one line (style.css), not a third of the screen.
        const nav = document.querySelector('body > nav');
        const rem = parseFloat(getComputedStyle(doc).fontSize);
        if (nav && innerWidth < 48 * rem && nav.getBoundingClientRect().height > 3.5 * rem) {
          out.push(`the navigation is ${Math.round(nav.getBoundingClientRect().height)} px high`);
        }
        // A chart's labels are drawn at least 9.5 px high (style.css draws them larger on a phone).
        for (const t of document.querySelectorAll('figure.chart svg text')) {
          const svg = t.ownerSVGElement;
          if (t.closest('details:not([open])') || !svg.getBoundingClientRect().width) continue;
          const m = t.getScreenCTM();
          const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          if (px < 9.5) {
            out.push(`a chart label of ${px.toFixed(1)} px: "${t.textContent.trim().slice(0, 30)}" ` +
                     `in ${svg.closest('figure').id}`);
          }
        }
        for (const e of document.querySelectorAll(selector)) {
          const style = getComputedStyle(e);
          if (['auto', 'scroll'].includes(style.overflowX) || style.display === 'none') continue;
          if (e.closest('details:not([open])')) continue;  // not shown
          if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
            out.push(`<${e.tagName.toLowerCase()} class="${e.className}"> ${e.scrollWidth} px of text in ${e.clientWidth} px: ` +
                     `"${e.textContent.trim().replace(/\s+/g, ' ').slice(0, 60)}"`);
          }
        }
        return out;
      }, SELECTOR);
      for (const f of found) console.log(`FAIL ${p} at ${width} px: ${f}`);
      problems += found.length;
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`${problems} overflowing boxes at ${o.widths.join(', ')} px`);
process.exit(problems ? 1 : 0);
