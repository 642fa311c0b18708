// The upload workflow with the keyboard only (issue 15: "keyboard only: every workflow can be done
// without a mouse, and a test proves it for upload"): log in, choose dataset and year, choose the
// file, submit, read the findings, log out, pressing only Tab, Shift+Tab, Enter, Space, arrow keys
// and typing. The operating system's file dialog is the one thing a browser test cannot drive:
// Space on the focused file input opens it, and playwright answers the dialog (setFiles).
// At every stop the focused element must show its focus (:focus-visible with an outline of at
// least 2 px, or a box shadow): WCAG 2.4.7.
import { check, defectivePersonnel, env, finish, launch, newContext, synthFile } from './lib.mjs';

const t0 = Date.now();
const ERRORS = 3;

// What has the focus: a short description, and whether its focus is visible.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: 'body', visible: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`,
      visible: el.matches(':focus-visible') && (outline || shadow),
      id: el.id, tag: el.tagName.toLowerCase(), type: el.getAttribute('type') || '', text: (el.textContent || '').trim(),
    };
  });
}

// Presses Tab until `want(focused)` holds (at most 40 times); every element passed on the way must
// show its focus.
async function tabTo(page, want, what) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    check(f.visible, `focus not visible on ${f.what} (on the way to ${what})`);
    if (want(f)) return f;
  }
  check(false, `Tab never reached ${what}`);
  throw new Error(`Tab never reached ${what}`);
}

const byId = (id) => (f) => f.id === id;
const browser = await launch();
const ctx = await newContext(browser, 'en');
const page = await ctx.newPage();
const file = defectivePersonnel(synthFile('personnel', 'BZK', 2020), ERRORS, 'keyboard-3-errors.csv');

// Log in: from the home page, the "Log in" link, then the form.
await page.goto(`${env.base}/`);
await tabTo(page, (f) => f.tag === 'a' && f.text === 'Log in', 'the Log in link');
await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
check(new URL(page.url()).pathname === '/login', `Enter on Log in went to ${page.url()}`);
await tabTo(page, byId('name'), 'the user name');
await page.keyboard.type('anna');
await tabTo(page, byId('password'), 'the password');
await page.keyboard.type(env.password);
await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
check(await page.textContent('form.account') .then((t) => t.includes('anna')), 'not logged in as anna');

// To the upload form through the navigation.
await tabTo(page, (f) => f.tag === 'a' && f.text === 'Upload', 'the Upload link');
await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
check(new URL(page.url()).pathname === '/upload', `Enter on Upload went to ${page.url()}`);

// Dataset: the select takes the typed name (type-ahead); year: typed; file: Space opens the dialog.
await tabTo(page, byId('dataset'), 'the dataset');
await page.keyboard.type('personnel');
check(await page.inputValue('#dataset') === 'personnel', `dataset chosen: ${await page.inputValue('#dataset')}`);
await tabTo(page, byId('year'), 'the year');
await page.keyboard.type('2020');  // the story (check_story.mjs) works on 2021
await tabTo(page, byId('file'), 'the file input');
const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press('Space')]);
await chooser.setFiles(file);
check(await page.evaluate(() => document.querySelector('#file').files.length) === 1, 'no file chosen');
await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit' && f.text === 'Upload and check', 'the submit button');
await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

// The report: its outcome, then every finding, which the keyboard reaches (the table's scroll
// region takes the focus, so a table wider than the screen can be scrolled with the arrow keys).
check(/^\/reports\/[A-Za-z0-9_-]+$/.test(new URL(page.url()).pathname), `after the upload: ${page.url()}`);
const outcome = await page.textContent('main .message');
check(outcome.includes(`Rejected: keyboard-3-errors.csv has ${ERRORS} errors`), `the outcome: ${outcome}`);
const rows = await page.$$eval('main table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
const hours = rows.filter((r) => r[1] === 'weekly_hours' && r[2] === '44');
check(hours.length === ERRORS, `findings of weekly_hours 44: ${hours.length}, expected ${ERRORS}: ${JSON.stringify(rows)}`);
// Data rows 1..3 are lines 2..4 of the file (line 1 is the header).
check(JSON.stringify(hours.map((r) => r[0]).sort()) === JSON.stringify(['2', '3', '4']),
  `rows of the findings: ${hours.map((r) => r[0])}`);
await tabTo(page, (f) => f.tag === 'a' && f.text === 'Download the findings as CSV', 'the CSV link');

// Log out: back to the header's button with Shift+Tab, then Space.
let out = null;
for (let i = 0; i < 60 && !out; i++) {
  await page.keyboard.press('Shift+Tab');
  const f = await focused(page);
  check(f.visible, `focus not visible on ${f.what} (on the way back to Log out)`);
  if (f.tag === 'button' && f.text === 'Log out') out = f;
}
check(out !== null, 'Shift+Tab never reached Log out');
await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')]);
check(new URL(page.url()).pathname === '/login', `after logging out: ${page.url()}`);
const again = await page.goto(`${env.base}/upload`);
check(again.status() === 401, `the upload page after logging out: ${again.status()}`);
await browser.close();
finish('keyboard', t0);
