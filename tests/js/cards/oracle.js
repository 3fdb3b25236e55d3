// Reference oracle for the card tests. Reads a JSON job from the file named by argv[2] and prints a
// JSON report on stdout:
//   { "pairs": [{ "template", "data", "actual" }], "cards": ["file.json"] }
// For every pair it expands template+data with npm adaptivecards-templating and compares
// JSON.stringify of that expansion with the C# output file `actual` (when given); for every
// expanded card (npm's and the listed cards) it parses with npm adaptivecards and reports parse
// and validation events.
"use strict";
const fs = require("fs");
const ACData = require("adaptivecards-templating");
const AC = require("adaptivecards/dist/adaptivecards.js");

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function expand(templateFile, dataFile) {
  const template = new ACData.Template(readJson(templateFile));
  const expanded = template.expand({ $root: readJson(dataFile) });
  return { expanded, warnings: template.templateExpansionWarnings.slice() };
}

function parseEvents(card) {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push({ phase: "parse", event: AC.ValidationEvent[e.event], message: e.message });
  }
  for (const e of parsed.validateProperties().validationEvents) {
    events.push({ phase: "validate", event: AC.ValidationEvent[e.event], message: e.message });
  }
  return events;
}

const job = readJson(process.argv[2]);
const report = { pairs: [], cards: [] };
for (const pair of job.pairs || []) {
  const result = { template: pair.template, data: pair.data };
  try {
    const { expanded, warnings } = expand(pair.template, pair.data);
    result.expected = JSON.stringify(expanded);
    result.warnings = warnings;
    result.events = parseEvents(expanded);
    if (pair.actual) {
      result.actual = JSON.stringify(readJson(pair.actual));
      result.identical = result.actual === result.expected;
    }
  } catch (err) {
    result.error = String(err && err.message ? err.message : err);
  }
  report.pairs.push(result);
}
for (const file of job.cards || []) {
  try {
    report.cards.push({ file, events: parseEvents(readJson(file)) });
  } catch (err) {
    report.cards.push({ file, error: String(err && err.message ? err.message : err) });
  }
}
process.stdout.write(JSON.stringify(report, null, 1));
