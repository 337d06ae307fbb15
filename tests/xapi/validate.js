// validate.js FILE... - every xAPI statement in FILE (a JSON array of statements, as
// `verbeeld debrief --format xapi` writes, or one statement) checked by Learning Locker's
// maintained xAPI 1.0.3 validator (@learninglocker/xapi-validation, pinned in package.json).
// Prints each warning with the file, the statement's place and id; exit 1 if there is any.
// `--self-test` first shows that a statement without an actor is refused, so that a validator
// that accepted anything would fail the check instead of passing it.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

function warningsOf(statement) {
  return validate(statement).map((w) => {
    const path = (w.path || []).join('.');
    return `${path || '(statement)'}: ${w.constructor && w.constructor.name} ${JSON.stringify(w.data === undefined ? null : w.data).slice(0, 80)}`;
  });
}

let bad = 0;
const args = process.argv.slice(2);
if (args[0] === '--self-test') {
  args.shift();
  const sample = { actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
                   object: { id: 'urn:verbeeld:test' } };
  if (warningsOf(sample).length !== 0) { console.log('xapi: the validator refuses a valid statement'); bad++; }
  delete sample.actor;
  if (warningsOf(sample).length === 0) { console.log('xapi: the validator accepts a statement without an actor'); bad++; }
}
for (const file of args) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    bad++;
    continue;
  }
  const statements = Array.isArray(data) ? data : [data];
  if (statements.length === 0) { console.log(`${file}: no statements`); bad++; }
  statements.forEach((s, i) => {
    for (const w of warningsOf(s)) {
      console.log(`${file}: statement ${i + 1} (${s && s.id}): ${w}`);
      bad++;
    }
  });
}
process.exit(bad ? 1 : 0);
