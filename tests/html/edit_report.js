// The report's edit mode in a real browser (headless Chromium driven by puppeteer-core): a
// committee corrects two recommendations of Cambodia 2014, the page keeps the corrections across a
// reload, exports them as the overrides CSV, and a second `uprx run --overrides` carries both
// decisions into the JSON and the report.
//
// Usage: node edit_report.js UPRX CAMBODIA_2014_PDF WORK_DIR ARTIFACT_DIR
// Environment: CHROMIUM (default /usr/bin/chromium). Prints one line per check; exit 1 on failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const puppeteer = require('puppeteer-core');

const [uprx, pdf, work, artifacts] = process.argv.slice(2);
if (!artifacts) {
  console.error('usage: node edit_report.js UPRX CAMBODIA_2014_PDF WORK_DIR ARTIFACT_DIR');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const LEAD_98 = 'ECCC';  // the Khmer Rouge tribunal leads 118.98 (its national budget share)
const SUPPORT_98 = ['MEF'];  // Economy and Finance pays that share; Justice is not needed
const NOTE_98 = 'National share of the tribunal\'s budget, paid through Economy and Finance';
const DROP_104 = 'MOE';  // "favourable environment" in 118.104 is not the Ministry of Environment
let failures = 0;

function check(ok, message) {
  console.log((ok ? 'ok   ' : 'FAIL ') + message);
  if (!ok) ++failures;
  return ok;
}

function run(args) {
  execFileSync(uprx, args.concat(['--quiet']), { stdio: ['ignore', 'ignore', 'pipe'] });
}

const row = (id) => `tr[id="KHM-c2-${id}"]`;

// The ids of a row's supporting institutions as its editor shows them.
async function supportingShown(page, id) {
  return page.$$eval(`${row(id)} .inst-edit .chip`, (chips) => chips.map((c) => c.dataset.id));
}

async function waitForDownload(dir) {
  for (let i = 0; i < 100; ++i) {
    const done = fs.readdirSync(dir).filter((f) => f.endsWith('.csv'));
    if (done.length) return path.join(dir, done[0]);
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

async function edit(page) {
  await page.click('#edit-toggle');
  // 118.98: lead the tribunal, supported by Economy and Finance only, with a note.
  const before98 = await supportingShown(page, '118.98');
  await page.select(`${row('118.98')} select.ed-lead`, LEAD_98);
  for (const id of await supportingShown(page, '118.98')) {
    if (!SUPPORT_98.includes(id)) await page.click(`${row('118.98')} .chip[data-id="${id}"] button`);
  }
  for (const id of SUPPORT_98) {
    if (!(await supportingShown(page, '118.98')).includes(id)) {
      await page.select(`${row('118.98')} select.ed-add`, id);
    }
  }
  await page.type(`${row('118.98')} textarea.ed-note`, NOTE_98);
  await page.keyboard.press('Tab');  // the note is taken when the field is left
  console.log(`     118.98 supporting before: ${before98.join(', ') || 'none'}`);
  // 118.104: Environment dropped.
  const before104 = await supportingShown(page, '118.104');
  if (!check(before104.includes(DROP_104),
             `118.104 offers ${DROP_104} to drop (supporting: ${before104.join(', ')})`)) {
    return;
  }
  await page.click(`${row('118.104')} .chip[data-id="${DROP_104}"] button`);
  check(!(await supportingShown(page, '118.104')).includes(DROP_104), '118.104 without MOE');
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const html = path.join(work, 'KHM-c2.html');
  run(['run', pdf, '--profile', 'KHM', '--format', 'html', '-o', html]);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uprx-chromium-'));
  const downloads = path.join(work, 'downloads');
  fs.mkdirSync(downloads, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--disable-dev-shm-usage', `--user-data-dir=${profileDir}`],
    defaultViewport: { width: 1400, height: 1000 },
  });
  try {
    const page = await browser.newPage();
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.goto('file://' + html, { waitUntil: 'load' });
    const state = () => page.evaluate(() => ({
      ready: document.documentElement.dataset.uprxReady,
      errors: document.documentElement.dataset.uprxErrors,
      messages: document.documentElement.dataset.uprxErrorMessages || '',
      edits: document.documentElement.dataset.uprxEdits,
    }));
    let s = await state();
    check(s.ready === '1' && s.errors === '0', `the report runs cleanly (${s.errors} errors ${s.messages})`);
    // Point 1 of the issue: the first screen says whose positions these are.
    const banner = await page.$eval('p.banner', (p) => ({ text: p.textContent,
                                                          top: p.getBoundingClientRect().top }));
    check(/Working Group report A\/HRC\/26\/16/.test(banner.text) && banner.top < 1000,
          `the first screen says the positions are the Working Group's: "${banner.text}"`);
    check(s.edits === '0', 'no corrections held at first');

    await edit(page);
    s = await state();
    check(s.edits === '2', `two recommendations corrected (page holds ${s.edits})`);
    await page.$eval(row('118.98'), (tr) => tr.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -260));  // the edit bar stays in the picture
    const shot = path.join(artifacts, 'report-edit-KHM-c2.png');
    await page.screenshot({ path: shot });
    console.log(`     screenshot ${shot}`);

    // The corrections survive closing the page (localStorage of this browser profile).
    await page.reload({ waitUntil: 'load' });
    s = await state();
    check(s.edits === '2' && s.errors === '0', `after a reload the page still holds ${s.edits} corrections`);
    await page.click('#edit-toggle');
    await page.click('#edit-export');
    const csvPath = await waitForDownload(downloads);
    if (!check(csvPath !== null, 'the export downloads a CSV file')) return;
    const csv = fs.readFileSync(csvPath, 'utf8');
    const shown = await page.$eval('#edit-csv', (t) => t.value);
    // A textarea keeps line ends as \n.
    check(csv.replace(/\r\n/g, '\n') === shown.replace(/\r\n/g, '\n'), 'the file is what the page shows');
    const rows = csv.split(/\r\n/).filter((l) => l && !l.startsWith('#'));
    check(rows[0] === 'id,lead,supporting,note' && rows.length === 3,
          `header and two rows in ${path.basename(csvPath)}:\n${csv}`);
    fs.copyFileSync(csvPath, path.join(artifacts, 'report-edit-KHM-c2-overrides.csv'));

    // The next run carries both decisions.
    const json = path.join(work, 'KHM-c2.json');
    run(['run', pdf, '--profile', 'KHM', '--overrides', csvPath, '--format', 'json', '-o', json]);
    const recs = JSON.parse(fs.readFileSync(json, 'utf8')).reviews[0].recommendations;
    const rec = (n) => recs.find((r) => r.number === n);
    const m98 = rec('118.98').labels.ministries;
    const lead98 = m98.find((m) => m.role === 'lead');
    check(lead98.id === LEAD_98 && lead98.method === 'manual',
          `118.98 led by ${lead98.id} (${lead98.method})`);
    const support98 = m98.filter((m) => m.role === 'supporting').map((m) => m.id);
    check(JSON.stringify(support98) === JSON.stringify(SUPPORT_98),
          `118.98 supported by ${support98.join(', ')}`);
    check(lead98.evidence.includes(NOTE_98), '118.98 carries the note in its evidence');
    const m104 = rec('118.104').labels.ministries;
    check(!m104.some((m) => m.id === DROP_104) && m104.every((m) => m.method === 'manual'),
          `118.104 without ${DROP_104}: ${m104.map((m) => m.id + '/' + m.role).join(', ')}`);

    // And the next report shows them as the committee's.
    const again = path.join(work, 'KHM-c2-again.html');
    run(['run', pdf, '--profile', 'KHM', '--overrides', csvPath, '--format', 'html', '-o', again]);
    const text = fs.readFileSync(again, 'utf8');
    const cell = text.slice(text.indexOf('<tr id="KHM-c2-118.98"'));
    check(/decided by the committee/.test(cell.slice(0, cell.indexOf('</tr>'))),
          'the next report marks 118.98 as decided by the committee');
    // Its export, with no new correction, still holds both decisions: it replaces the first file.
    fs.rmSync(csvPath);
    await page.goto('file://' + again, { waitUntil: 'load' });
    await page.click('#edit-toggle');
    await page.click('#edit-export');
    const second = await waitForDownload(downloads);
    const rows2 = second ? fs.readFileSync(second, 'utf8').split(/\r\n/).filter((l) => l && !l.startsWith('#')) : [];
    check(rows2.length === 3 && rows2[1].startsWith('KHM-c2-118.98,ECCC,MEF,') &&
          rows2[2] === 'KHM-c2-118.104,MOI,-,',
          `the next report exports the earlier decisions again: ${rows2.slice(1).join(' | ')}`);
  } finally {
    await browser.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

main().then(() => {
  console.log(failures ? `${failures} check(s) failed` : 'edit mode: every check passed');
  process.exit(failures ? 1 : 0);
}, (e) => {
  console.log('FAIL ' + (e && e.stack || e));
  process.exit(1);
});
