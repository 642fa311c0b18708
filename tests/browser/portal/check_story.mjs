// The story of issue 15 in Debian's Chromium against a real `jbr serve` (run.sh):
//   1. a steward of BZK logs in, uploads a defective file and sees its findings, then uploads a
//      good one and sees it accepted (the SHA-256 the portal shows is the file's own);
//   2. a coordinator sees the matrix change for BZK's personnel of 2021; then the coordinator's
//      review of an anomaly, compute and release as jobs (coordinatorReviewsComputesReleases);
//   3. an anonymous visitor sees the new release's figures (BZK's headcount counted here from the
//      uploaded file), and cannot see FIN's unpublished ones: a delivery FIN's steward uploaded
//      after the release, computed but not released, is 401 or 404 to everyone but FIN and the
//      coordinator, and its headcount and file name appear nowhere in the public pages or API.
// Expected values come from the files (lib.mjs headcount(), SHA-256 by node:crypto), not from jbr.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
  check, cookieHeader, defectivePersonnel, env, fetchText, finish, headcount, launch, login,
  logout, newContext, shortened, synthFile, today, upload,
} from './lib.mjs';

const t0 = Date.now();
const YEAR = 2021;
const ERRORS = 5;
const browser = await launch();
const jbr = (...args) => execFileSync(env.jbr, ['-w', env.ws, ...args], { encoding: 'utf8' });

// The coordinator's matrix cell of `ministry` x `dataset` for YEAR, as text.
async function matrixCell(page, ministry, dataset) {
  await page.goto(`${env.base}/matrix?year=${YEAR}`);
  return page.evaluate(([m, d]) => {
    const table = document.querySelector('main table');
    const col = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent === d);
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.children[0].textContent === m);
    return col < 0 || !row ? null : row.children[col].textContent;
  }, [ministry, dataset]);
}

// The released headcount (all unit types) of `ministry` in the open data API, or undefined.
async function apiHeadcount(ministry) {
  const r = await fetchText(`/api/v1/indicators?indicator=personnel.headcount&ministry=${ministry}&year=${YEAR}`);
  check(r.status === 200, `API headcount of ${ministry}: ${r.status}`);
  const cell = JSON.parse(r.body).cells.find((c) => c.unit_type === '' && c.category === '');
  return cell ? { value: cell.value, release: cell.release } : undefined;
}

// ---- 1. the steward ---------------------------------------------------------------------------
const bzkSource = synthFile('personnel', 'BZK', YEAR);
const defective = defectivePersonnel(bzkSource, ERRORS, 'bzk-personnel-defective.csv');
const good = shortened(bzkSource, 30, 'bzk-personnel-2021.csv');
const bzkNew = headcount(fs.readFileSync(good, 'utf8'), YEAR);
check(bzkNew !== headcount(fs.readFileSync(bzkSource, 'utf8'), YEAR), 'the good file does not change the headcount');

const coordCtx = await newContext(browser, 'en');
const coord = await coordCtx.newPage();
await login(coord, 'carl');
const cellBefore = await matrixCell(coord, 'BZK', 'personnel');
check(cellBefore !== null && cellBefore.startsWith('accepted') && !cellBefore.includes('anna'),
  `the matrix before the uploads: ${cellBefore}`);

const stewardCtx = await newContext(browser, 'en');
const steward = await stewardCtx.newPage();
await login(steward, 'anna');
const rejected = await upload(steward, 'personnel', YEAR, defective);
check((await steward.textContent('main .message.error') || '').includes(`Rejected: bzk-personnel-defective.csv has ${ERRORS} errors`),
  `the defective upload: ${await steward.textContent('main')}`);
const findings = await steward.$$eval('main table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
const hours = findings.filter((r) => r[1] === 'weekly_hours' && r[2] === '44');
check(JSON.stringify(hours.map((r) => r[0])) === JSON.stringify(['2', '3', '4', '5', '6']),
  `the findings of weekly_hours 44 at rows 2-6: ${JSON.stringify(findings)}`);
check(hours.every((r) => r[3].length > 10 && r[4].length > 5), `every finding has a message and a hint: ${JSON.stringify(hours)}`);

await upload(steward, 'personnel', YEAR, good);
const sha = crypto.createHash('sha256').update(fs.readFileSync(good)).digest('hex');
const accepted = await steward.textContent('main .message');
check(/^Accepted: bzk-personnel-2021\.csv is delivery \d+ of personnel BZK 2021/.test(accepted) && accepted.includes(sha),
  `the good upload: ${accepted} (SHA-256 ${sha})`);
const bzkDelivery = Number((accepted.match(/delivery (\d+)/) || [])[1]);
await steward.goto(`${env.base}/deliveries`);
check((await steward.textContent('main')).includes(sha), 'the steward\'s history does not show the SHA-256');
await logout(steward);

// ---- 2. the coordinator -----------------------------------------------------------------------
const cellAfter = await matrixCell(coord, 'BZK', 'personnel');
const day = today();
check(cellAfter === `accepted ${day} by anna (1 superseded); rejected ${day} by anna`,
  `the matrix after the uploads: "${cellAfter}" (before: "${cellBefore}")`);

// The coordinator's workflow in the portal: a review note on an anomaly of YEAR (the first one the
// page lists), then compute and release as background jobs, each followed on its job page until
// it is done. Returns the new release's name, read from the release job's page.
async function waitForJob(page) {
  const url = page.url().replace(/\?.*$/, '');
  check(/\/jobs\/\d+$/.test(url), `a job started: ${url}`);
  for (let i = 0; i < 600; ++i) {
    await page.goto(`${url}?refresh=0`);
    const msg = (await page.textContent('main .message')) || '';
    if (msg.startsWith('Done.') || msg.startsWith('Failed')) return msg;
    await page.waitForTimeout(500);
  }
  return `still running after 5 minutes: ${url}`;
}
async function runJob(kind) {
  await coord.goto(`${env.base}/jobs`);
  await coord.selectOption('#kind', kind);
  await coord.fill('#year', String(YEAR));
  await Promise.all([coord.waitForURL(/\/jobs\/\d+/), coord.click('main form[action="/jobs"] button[type=submit]')]);
  const msg = await waitForJob(coord);
  check(msg.startsWith('Done.'), `the ${kind} job of ${YEAR}: ${msg}`);
  return coord.textContent('main');
}
async function coordinatorReviewsComputesReleases() {
  await coord.goto(`${env.base}/anomalies?year=${YEAR}`);
  const form = coord.locator('main form[method=post][action="/anomalies"]').first();
  check(await form.count() === 1, `no anomaly of ${YEAR} to review: ${await coord.textContent('main')}`);
  const ministry = await form.locator('input[name=ministry]').getAttribute('value');
  const indicator = await form.locator('input[name=indicator]').getAttribute('value');
  const note = `explained by reorganisation (${ministry}, ${indicator})`;
  await form.locator('input[name=note]').fill(note);
  await Promise.all([coord.waitForURL(/\/anomalies/), form.locator('button[type=submit]').click()]);
  await coord.goto(`${env.base}/anomalies?year=${YEAR}`);
  const notes = await coord.$$eval('main ul.notes li', (lis) => lis.map((li) => li.textContent));
  check(notes.some((t) => t.includes(note) && t.includes('carl')), `the review note is not shown with who wrote it: ${JSON.stringify(notes)}`);
  await runJob('compute');
  const released = await runJob('release');
  return (released.match(/release (\d{4}-\d+)/) || [])[1];
}
// The API before the new release: the first release's figure (and now in the portal's API cache,
// which the new release must not be answered from).
const bzkBefore = await apiHeadcount('BZK');
check(bzkBefore?.value === headcount(fs.readFileSync(bzkSource, 'utf8'), YEAR) && bzkBefore?.release === `${YEAR}-1`,
  `BZK's headcount in the API before the new release: ${JSON.stringify(bzkBefore)}`);
const release = await coordinatorReviewsComputesReleases();
check(release === `${YEAR}-2`, `the new release: ${release}`);
await coordCtx.close();

// FIN's steward delivers after the release: accepted, stored and computed, never released.
const fredCtx = await newContext(browser, 'en');
const fred = await fredCtx.newPage();
await login(fred, 'fred');
const finSource = synthFile('personnel', 'FIN', YEAR);
const finFile = shortened(finSource, 40, 'fin-unpublished-2021.csv');
const finReport = await upload(fred, 'personnel', YEAR, finFile);
const finAccepted = await fred.textContent('main .message');
check(finAccepted.startsWith('Accepted: fin-unpublished-2021.csv'), `FIN's upload: ${finAccepted}`);
const finDelivery = Number((finAccepted.match(/delivery (\d+)/) || [])[1]);
const finReleased = headcount(fs.readFileSync(finSource, 'utf8'), YEAR);
const finUnpublished = headcount(fs.readFileSync(finFile, 'utf8'), YEAR);
check(finUnpublished !== finReleased, 'the FIN file does not change the headcount');
// The newest compute run holds FIN's unpublished figures (else the checks below prove nothing).
const computed = jbr('compute', '--year', String(YEAR), '--format', 'csv');
check(computed.includes(`\npersonnel.headcount,FIN,,${YEAR},,${finUnpublished},`),
  `the unreleased compute run does not hold FIN's new headcount ${finUnpublished}`);
await fredCtx.close();

// ---- 3. the anonymous visitor -----------------------------------------------------------------
const anonCtx = await newContext(browser, 'nl');
const anon = await anonCtx.newPage();
await anon.goto(`${env.base}/releases`);
check(await anon.locator(`a[href="/releases/${release}/nl/index.html"]`).count() === 1, `/releases does not list ${release}`);
const bzkApi = await apiHeadcount('BZK');
check(bzkApi?.value === bzkNew && bzkApi?.release === release,
  `BZK's headcount in the API: ${JSON.stringify(bzkApi)}, expected ${bzkNew} of release ${release} (counted from the uploaded file)`);
const finApi = await apiHeadcount('FIN');
check(finApi?.value === finReleased && finApi?.release === release,
  `FIN's headcount in the API: ${JSON.stringify(finApi)}, expected the released ${finReleased}, never the unpublished ${finUnpublished}`);
const nl = (n) => n.toLocaleString('nl-NL');
const pageOf = async (m) => {
  const r = await anon.goto(`${env.base}/releases/${release}/nl/ministeries/${m}.html`);
  check(r.status() === 200, `the released page of ${m}: ${r.status()}`);
  return anon.textContent('main');
};
check((await pageOf('BZK')).includes(nl(bzkNew)), `BZK's released page does not show the new headcount ${nl(bzkNew)}`);
const finPage = await pageOf('FIN');
check(finPage.includes(nl(finReleased)) && !finPage.includes(nl(finUnpublished)),
  `FIN's released page: the released ${nl(finReleased)} must show, the unpublished ${nl(finUnpublished)} must not`);

// FIN's delivery, report and original are not the visitor's, nor BZK's steward's, to know of.
for (const path of [finReport, `${finReport}/findings.csv`, `/deliveries/${finDelivery}/original`, '/deliveries', '/reports']) {
  const r = await fetchText(path);
  check(r.status === 401 && !r.body.includes('fin-unpublished'), `anonymous ${path}: ${r.status}`);
}
const annaCtx = await newContext(browser, 'en');
const annaPage = await annaCtx.newPage();
await login(annaPage, 'anna');
const annaCookies = await cookieHeader(annaCtx);
for (const path of [finReport, `${finReport}/findings.csv`, `/deliveries/${finDelivery}/original`]) {
  const r = await fetchText(path, annaCookies);
  check(r.status === 404 && !r.body.includes('fin-unpublished'), `BZK's steward ${path}: ${r.status}`);
}
for (const path of ['/deliveries', '/reports', '/deliveries?ministry=FIN', '/reports?ministry=FIN']) {
  const r = await fetchText(path, annaCookies);
  check(!r.body.includes('fin-unpublished'), `BZK's steward sees FIN's file at ${path}`);
}
await annaCtx.close();

// Nothing public holds FIN's unpublished headcount or its file name: every page of the release,
// the portal's public pages, and the whole API in JSON and CSV.
const manifest = JSON.parse((await fetchText(`/releases/${release}/manifest.json`)).body);
const publicPaths = ['/', '/login', '/releases', '/api/v1/releases', '/api/v1/definitions', '/api/v1/openapi.json',
  `/api/v1/indicators?ministry=FIN`, `/api/v1/indicators?ministry=FIN&format=csv`, '/api/v1/indicators?format=csv',
  ...manifest.files.map((f) => `/releases/${release}/${f.path}`).filter((p) => /\.(html|json|csv)$/.test(p))];
let scanned = 0;
for (const path of publicPaths) {
  const r = await fetchText(path);
  check(r.status === 200, `public ${path}: ${r.status}`);
  check(!r.body.includes('fin-unpublished'), `public ${path} names FIN's unpublished file`);
  scanned++;
}
const all = JSON.parse((await fetchText(`/api/v1/indicators?ministry=FIN&indicator=personnel.headcount`)).body).cells;
check(all.length > 0 && all.every((c) => c.value !== finUnpublished), `the API serves FIN's unpublished headcount ${finUnpublished}`);
console.log(`story: release ${release}; BZK headcount ${bzkNew} released; FIN ${finReleased} released, ${finUnpublished} unpublished; ${scanned} public paths scanned`);
await anonCtx.close();
await browser.close();
void rejected;
finish('story', t0);
