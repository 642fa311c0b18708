// The public version's layout as printed, measured on its layout boxes in Debian's Chromium.
//
// Usage: node check_highlights.mjs SITE_DIR [--chromium PATH] [--min-label-pt 6]
//
// For nl and en it opens LANG/print-hoofdlijnen.html (the page the PDF is printed from; else
// LANG/hoofdlijnen.html) with the print stylesheet at the width of an A4 page's text area, and
// checks that:
//   - there are exactly two page containers (.hl-page), each no taller than its sheet;
//   - no panel's content overflows its box (nothing clipped or spilling into the next panel);
//   - every picture keeps a readable size: its smallest label (13 units of its viewBox) is drawn
//     at least --min-label-pt points high, and it is at least 12 mm high.
// It prints each panel's text height and picture scale. Exit 0 pass, 1 a check failed, 2 usage.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let site = null;
let exe = '/usr/bin/chromium';
let minLabelPt = 6;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--chromium') exe = args[++i];
  else if (args[i] === '--min-label-pt') minLabelPt = Number(args[++i]);
  else if (!site) site = path.resolve(args[i]);
  else { console.error(`unknown argument ${args[i]}`); process.exit(2); }
}
if (!site || !fs.existsSync(site)) {
  console.error('usage: check_highlights.mjs SITE_DIR [--chromium PATH] [--min-label-pt 6]');
  process.exit(2);
}

const PX_PER_MM = 96 / 25.4;
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] });
let failed = 0;
try {
  // A4 less the hoofdlijnen page's side margins (templates/site/print.css: 11 mm each side).
  const page = await browser.newPage({ viewport: { width: Math.floor(188 * PX_PER_MM), height: 1123 } });
  await page.emulateMedia({ media: 'print' });
  for (const lang of ['nl', 'en']) {
    let file = path.join(site, lang, 'print-hoofdlijnen.html');
    if (!fs.existsSync(file)) file = path.join(site, lang, 'hoofdlijnen.html');
    if (!fs.existsSync(file)) { console.log(`FAIL ${lang}: no hoofdlijnen page`); failed++; continue; }
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const r = await page.evaluate(() => {
      const pages = [...document.querySelectorAll('.hl-page')].map((p) => p.getBoundingClientRect().height);
      const panels = [...document.querySelectorAll('.hl-panel')].map((p) => {
        const text = p.querySelector('.hl-text').getBoundingClientRect();
        const pics = [...p.querySelectorAll('.hl-pictures svg')].map((svg) => {
          const box = svg.getBoundingClientRect();
          const vb = svg.viewBox.baseVal;
          const scale = Math.min(box.width / vb.width, box.height / vb.height);
          return { id: svg.querySelector('title')?.id ?? '?', scale, height: vb.height * scale };
        });
        return {
          kind: p.className.replace('hl-panel ', ''),
          overflow: p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1,
          textHeight: text.height,
          pics,
        };
      });
      return { pages, panels };
    });
    const problems = [];
    if (r.pages.length !== 2) problems.push(`${r.pages.length} page containers, expected 2`);
    r.pages.forEach((h, i) => {
      if (h > 277 * PX_PER_MM) problems.push(`page ${i + 1} is ${(h / PX_PER_MM).toFixed(0)} mm high, more than a sheet`);
    });
    for (const p of r.panels) {
      if (p.overflow) problems.push(`panel ${p.kind}: its content overflows its box`);
      const sizes = p.pics.map((q) => `${q.id} ${(13 * q.scale * 0.75).toFixed(1)} pt`).join(', ');
      console.log(`     ${lang} ${p.kind}: text ${(p.textHeight / PX_PER_MM).toFixed(0)} mm; smallest label ${sizes}`);
      for (const q of p.pics) {
        const pt = 13 * q.scale * 0.75;  // CSS px to pt
        if (pt < minLabelPt) problems.push(`panel ${p.kind}: picture ${q.id} is drawn so small that its labels are ${pt.toFixed(1)} pt`);
        if (q.height < 12 * PX_PER_MM) problems.push(`panel ${p.kind}: picture ${q.id} is ${(q.height / PX_PER_MM).toFixed(0)} mm high`);
      }
    }
    if (problems.length) {
      failed++;
      console.log(`FAIL ${path.relative(site, file)}`);
      for (const p of problems) console.log(`       ${p}`);
    } else {
      console.log(`ok   ${path.relative(site, file)}: 2 pages, ${r.panels.length} panels, nothing overflows`);
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
