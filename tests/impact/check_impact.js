// Reads an IMPACT OSS import file the way IMPACT's client does (papaparse, the version its
// package-lock pins, with the client's config: header, skipEmptyLines, ',' delimiter) and checks
// it against what the client and server accept and against uprx's JSON of the same reviews.
//
// Usage: node check_impact.js PAPAPARSE_DIR IMPACT.csv REVIEWS.json [SEEDED_STATES.txt]
// Exit 0 when every check passes; each failure is printed, exit 1.
'use strict';
const fs = require('fs');
const path = require('path');

const [papaDir, csvPath, jsonPath, statesPath] = process.argv.slice(2);
const Papa = require(path.resolve(papaDir, 'node_modules', 'papaparse'));

// impactoss-client app/themes/config.js, ENTITY_FIELDS.recommendations: the ATTRIBUTES an import
// keeps (those without skipImport) and the RELATIONSHIPS_IMPORT keys.
const ATTRIBUTES = ['framework_id', 'reference', 'title', 'description', 'response',
  'support_level'];
const RELATIONSHIPS = ['action-id', 'action-reference', 'indicator-id', 'indicator-reference',
  'category-id', 'category-short-title', 'category-reference'];
// The server's recommendation model: support_level is empty or one of these.
const SUPPORT_LEVELS = ['', '0', '1', '2'];
const WANT_LEVEL = { supported: '2', supported_in_part: '1', noted: '0' };

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures += 1;
    if (failures <= 20) console.log(`FAIL: ${message}`);
  }
  return ok;
}

const text = fs.readFileSync(csvPath, 'utf8');
const parsed = Papa.parse(text, { header: true, skipEmptyLines: true, delimiter: ',' });
// The client shows the errors and imports nothing when there is one.
check(parsed.errors.length === 0,
  `papaparse reports ${parsed.errors.length} errors, e.g. ${JSON.stringify(parsed.errors[0])}`);

// A column counts by the text inside its brackets only.
const columns = parsed.meta.fields || [];
const attributeOf = {};
const relations = [];
for (const title of columns) {
  const db = title.split('[database:');
  if (db.length > 1) {
    const attribute = db[1].replace(']', '');
    check(ATTRIBUTES.includes(attribute), `column "${title}": ${attribute} is not importable`);
    attributeOf[attribute] = title;
  } else if (title.includes('[rel:')) {
    const inside = title.substring(title.indexOf('[') + 1, title.indexOf(']'));
    const field = inside.split('rel:')[1].split('|')[0];
    check(RELATIONSHIPS.includes(field), `column "${title}": ${field} is not a relationship`);
    relations.push(title);
  } else {
    check(false, `column "${title}" has neither [database:...] nor [rel:...]`);
  }
}
for (const required of ['reference', 'title', 'framework_id', 'support_level']) {
  check(required in attributeOf, `no ${required} column`);
}

const reviews = JSON.parse(fs.readFileSync(jsonPath, 'utf8')).reviews;
const recs = reviews.flatMap((r) => r.recommendations);
const rows = parsed.data;
check(rows.length === recs.length, `${rows.length} rows, the JSON has ${recs.length}`);

const seeded = statesPath
  ? new Set(fs.readFileSync(statesPath, 'utf8').split('\n').filter((l) => !l.startsWith('#'))
    .join(' ').split(/\s+/).filter((s) => s))
  : null;
const stateColumn = relations.find((t) => t.startsWith('Recommending State'));
check(stateColumn, 'no Recommending State link column');
const references = new Set();
const counts = { linked: 0, levels: {} };
rows.forEach((row, i) => {
  const rec = recs[i] || { recommending_states: [], position: {} };
  const at = `row ${i + 1} (${rec.id})`;
  check(Object.keys(row).length === columns.length, `${at}: ${Object.keys(row).length} fields`);
  const reference = row[attributeOf.reference];
  check(reference && reference.trim() !== '', `${at}: empty reference`);
  check(!references.has(reference), `${at}: reference ${reference} is not unique`);
  references.add(reference);
  // An id the extraction gave twice gets " (2)" on its second row.
  check(reference === rec.id || reference.startsWith(`${rec.id} (`), `${at}: reference ${reference}`);
  check(row[attributeOf.title] === rec.text, `${at}: title differs from the JSON text`);
  check(/^[1-9][0-9]*$/.test(row[attributeOf.framework_id]), `${at}: framework_id`);
  const level = row[attributeOf.support_level];
  check(SUPPORT_LEVELS.includes(level), `${at}: support_level "${level}"`);
  check(level === (WANT_LEVEL[rec.position.value] || ''),
    `${at}: support_level "${level}" for position ${rec.position.value}`);
  counts.levels[level] = (counts.levels[level] || 0) + 1;
  for (const column of relations) {
    const cell = row[column];
    if (!cell || cell.trim() === '') continue;
    for (const value of cell.trim().split(',')) {
      check(value.trim() !== '' && !value.includes('|'), `${at}: ${column} value "${value}"`);
    }
  }
  // Every resolved recommending State is linked: the first one as the link, the others named.
  const iso3s = rec.recommending_states.map((s) => s.iso3).filter((s) => s);
  const linked = stateColumn ? (row[stateColumn] || '') : '';
  if (iso3s.length > 0) {
    counts.linked += 1;
    check(linked.split(',').length === 1, `${at}: several States linked ("${linked}")`);
    check(!seeded || seeded.has(linked), `${at}: State "${linked}" is not a seeded category`);
    const others = [...new Set(iso3s)].filter((s) => s !== iso3s[0]);
    for (const other of others) {
      check(row[attributeOf.description].includes(`not linked: `) &&
        row[attributeOf.description].includes(other), `${at}: ${other} neither linked nor named`);
    }
  } else {
    check(linked === '', `${at}: a State linked where the JSON has none`);
  }
});
console.log(`${csvPath}: ${rows.length} rows, ${references.size} unique references, ` +
  `support_level ${JSON.stringify(counts.levels)}, ${counts.linked} rows with a State linked`);
if (failures > 0) {
  console.log(`${failures} failures`);
  process.exit(1);
}
