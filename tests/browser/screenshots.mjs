// Screenshots of every page type of a published site, to look at before calling a page done
// (issue: "look at every page type as a picture"), in Debian's Chromium via playwright-core.
//
// Usage: node screenshots.mjs SITE_DIR OUT_DIR [--widths 360,1280] [--pages a.html,b.html]
//                             [--print] [--pdfs [--dpi 50]] [--chromium PATH]
//
// For both languages it takes the title page, a chapter, a ministry page, the ICT overview and an
// activity page, the tables annex, the method page and the public version ("hoofdlijnen"), each
// at every width as a full-page PNG: OUT_DIR/<lang>-<page>-<width>.png. --pages names other pages
// (paths under SITE_DIR). --print also prints each language's public version as the print
// stylesheet lays it out (A4): OUT_DIR/<lang>-hoofdlijnen-print.pdf (pdftoppm makes PNGs of it).
// --pdfs renders every page of every PDF the publication printed (SITE_DIR/pdf/*.pdf: the report
// with its chapters, tables and method, the public version, the ICT appendix with its activities)
// as OUT_DIR/pdf-<name>-<page>.png, at --dpi (50), with pdftoppm (poppler-utils): the pages as
// printed, to look at beside the screen.
// Exit status: 0 done, 1 a page failed to load, 2 usage.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

function parseArgs(argv) {
  const o = { widths: [360, 1280], chromium: '/usr/bin/chromium', pages: null, print: false, pdfs: false, dpi: 50 };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--widths') o.widths = argv[++i].split(',').map(Number);
    else if (a === '--pages') o.pages = argv[++i].split(',');
    else if (a === '--print') o.print = true;
    else if (a === '--pdfs') o.pdfs = true;
    else if (a === '--dpi') o.dpi = Number(argv[++i]);
    else if (a === '--chromium') o.chromium = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 2 || !fs.existsSync(rest[0])) {
    throw new Error('usage: screenshots.mjs SITE_DIR OUT_DIR [--widths 360,1280] [--pages a,b] [--print]');
  }
  [o.site, o.out] = rest.map((p) => path.resolve(p));
  return o;
}

// The first page of a directory that is not its index or a print page.
function firstOf(site, dir) {
  const d = path.join(site, dir);
  if (!fs.existsSync(d)) return null;
  const f = fs.readdirSync(d).filter((n) => n.endsWith('.html') && n !== 'index.html' &&
                                            !n.startsWith('print')).sort()[0];
  return f ? path.join(dir, f) : null;
}

function pageTypes(site) {
  const out = [];
  for (const lang of ['nl', 'en']) {
    for (const p of ['index.html', 'werkgever.html', 'tabellen.html', 'verantwoording.html',
                     'hoofdlijnen.html', 'ict/index.html']) {
      out.push(`${lang}/${p}`);
    }
    for (const dir of ['ministeries', 'ict']) {
      const f = firstOf(site, `${lang}/${dir}`);
      if (f) out.push(f);
    }
  }
  return out.filter((p) => fs.existsSync(path.join(site, p)));
}

const o = (() => {
  try { return parseArgs(process.argv.slice(2)); } catch (e) { console.error(e.message); process.exit(2); }
})();
fs.mkdirSync(o.out, { recursive: true });
const browser = await chromium.launch({ executablePath: o.chromium, args: ['--no-sandbox'] });
let failed = 0;
try {
  for (const width of o.widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const p of o.pages ?? pageTypes(o.site)) {
      const name = `${p.replace(/\.html$/, '').replace(/\//g, '-')}-${width}.png`;
      try {
        await page.goto(pathToFileURL(path.join(o.site, p)).href, { waitUntil: 'load' });
        await page.screenshot({ path: path.join(o.out, name), fullPage: true });
        console.log(`${name}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${p} at ${width}px: ${e.message}`);
      }
    }
    await context.close();
  }
  if (o.print) {
    const page = await browser.newPage();
    for (const lang of ['nl', 'en']) {
      const file = path.join(o.site, lang, 'hoofdlijnen.html');
      if (!fs.existsSync(file)) continue;
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // As the print page is: no site header, navigation or footer (src/publish/core/page.cc).
      await page.evaluate(() => {
        for (const e of document.querySelectorAll('header.site, body > nav, footer.site, .skip')) e.remove();
        document.body.classList.add('print');
      });
      await page.pdf({ path: path.join(o.out, `${lang}-hoofdlijnen-print.pdf`), preferCSSPageSize: true,
                       printBackground: true });
      console.log(`${lang}-hoofdlijnen-print.pdf`);
    }
  }
} finally {
  await browser.close();
}
if (o.pdfs) {
  const dir = path.join(o.site, 'pdf');
  const pdfs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.pdf')).sort() : [];
  if (pdfs.length === 0) { failed++; console.log(`FAIL no PDFs in ${dir} (publish without --no-pdf)`); }
  for (const f of pdfs) {
    const prefix = path.join(o.out, `pdf-${f.replace(/\.pdf$/, '')}`);
    const r = spawnSync('pdftoppm', ['-r', String(o.dpi), '-png', path.join(dir, f), prefix], { stdio: 'inherit' });
    if (r.status !== 0) { failed++; console.log(`FAIL pdftoppm ${f}: ${r.error?.message ?? `exit ${r.status}`}`); }
    else console.log(`${path.basename(prefix)}-*.png`);
  }
}
process.exit(failed ? 1 : 0);
