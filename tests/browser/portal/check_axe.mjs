// axe-core (WCAG 2.0 and 2.1, A and AA) on every page type of pages.mjs, as every role that opens
// it, in Dutch and in English: any violation fails; axe's "incomplete" results (what it could not
// decide, mostly contrast over backgrounds it cannot read) are printed for a person to review.
// Also: each page answers with the status pages.mjs expects, has <html lang> of the language asked
// for, and no Content-Security-Policy report (a blocked stylesheet would change what axe sees).
// Environment: see lib.mjs (run.sh sets it).
import {
  check, defectivePersonnel, env, fetchText, finish, launch, login, newContext,
  runAxe, shortened, synthFile, upload,
} from './lib.mjs';
import { PAGES, ROLES } from './pages.mjs';

const t0 = Date.now();
const USERS = { steward: 'anna', coordinator: 'carl', admin: 'adam' };

// The pages made during the run: a rejected upload with two pages of findings (60 errors, 50 a
// page) and an accepted one, both BZK's personnel of 2020 (the story works on 2021), and a job.
async function prepare(browser) {
  const ctx = await newContext(browser, 'en');
  const page = await ctx.newPage();
  await login(page, USERS.steward);
  const source = synthFile('personnel', 'BZK', 2020);
  const state = {
    release: '2021-1',
    rejectedReport: await upload(page, 'personnel', 2020, defectivePersonnel(source, 60, 'axe-60-errors.csv')),
    acceptedReport: await upload(page, 'personnel', 2020, shortened(source, 1, 'axe-accepted.csv')),
  };
  check(await page.locator('main .message.error').count() === 0, `the accepted upload: ${await page.textContent('main')}`);
  await ctx.close();
  // A job for the job page: the coordinator computes 2020 (the story works on 2021).
  const cctx = await newContext(browser, 'en');
  const coord = await cctx.newPage();
  await login(coord, USERS.coordinator);
  await coord.goto(`${env.base}/jobs`);
  await coord.selectOption('#kind', 'compute');
  await coord.fill('#year', '2020');
  await Promise.all([coord.waitForURL(/\/jobs\/\d+/), coord.click('main form[action="/jobs"] button[type=submit]')]);
  state.job = new URL(coord.url()).pathname;
  await cctx.close();
  return state;
}

const browser = await launch();
const state = await prepare(browser);
let pages = 0;
const incomplete = new Map();  // rule id -> pages
for (const lang of ['nl', 'en']) {
  for (const role of ROLES) {
    const ctx = await newContext(browser, lang);
    const page = await ctx.newPage();
    if (role !== 'anonymous') await login(page, USERS[role]);
    for (const p of PAGES.filter((x) => x.as.includes(role))) {
      const path = typeof p.path === 'function' ? p.path(state, lang) : p.path;
      const res = await page.goto(`${env.base}${path}`);
      const label = `${p.name} [${role}, ${lang}] ${path}`;
      check(res.status() === p.status, `${label}: status ${res.status()}, expected ${p.status}`);
      check(await page.getAttribute('html', 'lang') === lang, `${label}: <html lang> is not ${lang}`);
      const axe = await runAxe(page);
      pages++;
      for (const v of axe.violations) {
        check(false, `${label}: axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
      }
      for (const v of axe.incomplete) {
        if (!incomplete.has(v.id)) incomplete.set(v.id, { help: v.help, at: [] });
        incomplete.get(v.id).at.push(`${label}: ${v.nodes.join(', ')}`);
      }
      console.log(`${axe.violations.length ? 'FAIL' : 'ok  '} ${label}`);
    }
    for (const e of ctx.cspErrors) check(false, `CSP [${role}, ${lang}]: ${e}`);
    await ctx.close();
  }
}
for (const [id, v] of incomplete) {
  console.log(`review (axe incomplete) ${id}: ${v.help} on ${v.at.length} pages, e.g. ${v.at.slice(0, 3).join(' | ')}`);
}
// The logged-in pages really were the logged-in ones: the steward's upload form is not a 401.
const anon = await fetchText('/upload');
check(anon.status === 401, `anonymous /upload: ${anon.status}`);
await browser.close();
console.log(`axe on ${pages} pages (${PAGES.length} page types, ${ROLES.length} roles, 2 languages)`);
finish('axe', t0);
