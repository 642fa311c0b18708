// Shared pieces of the portal's browser checks (run.sh starts `jbr serve` and these scripts):
// Debian's Chromium through playwright-core, login and logout as a person does them, axe-core with
// the WCAG 2.0/2.1 A and AA rules, and a plain HTTP fetch for status codes.
// Environment (set by run.sh): PORTAL (base URL, no trailing slash), JBR (the binary), WS (the
// workspace), WORK (a scratch folder), PASSWORD (every account's), CHROMIUM.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const env = {
  base: need('PORTAL'),
  jbr: process.env.JBR || '',
  ws: process.env.WS || '',
  work: process.env.WORK || '',
  password: need('PASSWORD'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
};

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run the checks through tests/browser/portal/run.sh)`);
  return v;
}

// Failures are collected, printed, and make the script exit 1 at the end (finish()).
const failures = [];
export function check(ok, what) {
  if (!ok) {
    failures.push(what);
    console.log(`FAIL: ${what}`);
  }
  return ok;
}
export function finish(name, t0) {
  console.log(`${name}: ${failures.length} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(failures.length ? 1 : 0);
}

export async function launch() {
  return chromium.launch({ executablePath: env.chromium, args: ['--no-sandbox'] });
}

// A new browser context (its own cookies) in `lang` ('nl' or 'en', sent as Accept-Language).
// Every Content-Security-Policy report of its pages is kept in ctx.cspErrors: a blocked style or
// script means the page looks different to a visitor than the check assumes.
export async function newContext(browser, lang = 'nl') {
  const ctx = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'nl-NL' });
  ctx.cspErrors = [];
  ctx.on('page', (p) => watchConsole(ctx, p));
  return ctx;
}
function watchConsole(ctx, page) {
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
      ctx.cspErrors.push(`${page.url()}: ${m.text()}`);
    }
  });
}

// Logs in through the form, by mouse-free fill and submit; returns the page after the redirect.
export async function login(page, name) {
  await page.goto(`${env.base}/login`);
  await page.fill('#name', name);
  await page.fill('#password', env.password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  return page;
}

export async function logout(page) {
  await Promise.all([page.waitForNavigation(), page.click('form.account button[type=submit]')]);
}

// axe-core on the page as it is; returns { violations, incomplete } with the first 5 nodes each.
// It is run through the DevTools protocol, which the page's CSP does not govern.
export async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const brief = (list) => list.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`) }));
    return { violations: brief(r.violations), incomplete: brief(r.incomplete) };
  }, AXE_TAGS);
}

// A plain request without a browser: { status, body, headers }. `cookies` is a Cookie header.
export async function fetchText(path, cookies = '') {
  const res = await fetch(`${env.base}${path}`, { redirect: 'manual', headers: cookies ? { Cookie: cookies } : {} });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

// The Cookie header of a browser context, for fetchText as that user.
export async function cookieHeader(ctx) {
  return (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

// Headcount as jbr's indicator defines it (personnel.headcount), computed here from the CSV:
// distinct persons with an employment whose start_date is on or before 31 December of `year` and
// whose end_date is empty or on or after it.
export function headcount(csvText, year) {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length);
  const head = lines[0].split(',');
  const [p, s, e] = ['person_id', 'start_date', 'end_date'].map((n) => head.indexOf(n));
  const dec31 = `${year}-12-31`;
  const persons = new Set();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (f[s] <= dec31 && (f[e] === '' || f[e] >= dec31)) persons.add(f[p]);
  }
  return persons.size;
}

// Today's date (UTC) as the portal writes it, YYYY-MM-DD.
export function today() {
  return new Date().toISOString().slice(0, 10);
}

// The synthetic delivery file of `dataset`, `ministry` and `year` that run.sh loaded (SYNTH).
export function synthFile(dataset, ministry, year) {
  const dir = process.env.SYNTH;
  const lines = fs.readFileSync(`${dir}/manifest.csv`, 'utf8').split('\n').slice(1);
  for (const l of lines) {
    const f = l.split(',');
    if (f[1] === dataset && f[2] === ministry && f[3] === String(year)) return `${dir}/${f[0]}`;
  }
  throw new Error(`no synthetic ${dataset} file of ${ministry} ${year} in ${dir}`);
}

// A copy of a personnel file whose first `n` employments work 44 hours a week: `n` errors (the
// most is 40, the dataset's definition), each at its own row. Written to WORK/name.
export function defectivePersonnel(source, n, name) {
  const lines = fs.readFileSync(source, 'utf8').split('\n');
  const col = lines[0].replace(/^\uFEFF/, '').split(',').indexOf('weekly_hours');
  if (col < 0) throw new Error(`${source} has no weekly_hours column`);
  for (let i = 1; i <= n; i++) {
    const f = lines[i].split(',');
    f[col] = '44';
    lines[i] = f.join(',');
  }
  const out = `${env.work}/${name}`;
  fs.writeFileSync(out, lines.join('\n'));
  return out;
}

// A copy of a delivery file without its last `n` data rows: still valid, but a new delivery.
export function shortened(source, n, name) {
  const lines = fs.readFileSync(source, 'utf8').replace(/\n$/, '').split('\n');
  const out = `${env.work}/${name}`;
  fs.writeFileSync(out, `${lines.slice(0, lines.length - n).join('\n')}\n`);
  return out;
}

// Uploads `file` as dataset/year on the upload page (already logged in as a steward); returns the
// path of the report page the portal answers with.
export async function upload(page, dataset, year, file) {
  await page.goto(`${env.base}/upload`);
  await page.selectOption('#dataset', dataset);
  await page.fill('#year', String(year));
  await page.setInputFiles('#file', file);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  return new URL(page.url()).pathname;
}
