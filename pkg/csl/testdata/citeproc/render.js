// render.js renders bibliographies and citations with citeproc-js for
// pkg/csl's differential test (citeproc_test.go).
//
// Usage: node render.js JOB.json OUT.json
//
// JOB: {"style": "<CSL XML>", "locales": "dir of locales-xx-XX.xml",
//       "runs": [{"name": ..., "items": [CSL-JSON], "citations":
//                 [{"noteIndex": n, "cites": [{"id", "locator", "label"}]}]}]}
// OUT: {"runs": [{"name", "ids": [...], "entries": [...], "citations": [...],
//                 "error": "..."}]}
// Every item of a run is registered (updateItems) before the bibliography
// is made, as a reference manager does; citations are rendered by a second
// engine with only the cited items, in document order.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [jobPath, outPath] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(jobPath, "utf8"));

// stringNumbers gives citeproc-js numeric values as strings: it crashes on
// a JSON number in a variable it sorts by ("num.match is not a function"
// in CSL.Util.padding, e.g. apa with "volume": 12), although CSL-JSON allows
// numbers there. pkg/csl reads both forms alike.
function stringNumbers(item) {
  for (const [k, v] of Object.entries(item)) {
    if (typeof v === "number") item[k] = String(v);
  }
  return item;
}

function sys(items) {
  const byID = new Map(items.map((it) => [String(it.id), stringNumbers(it)]));
  return {
    retrieveItem: (id) => byID.get(String(id)),
    retrieveLocale: (lang) => {
      const f = path.join(job.locales, "locales-" + lang + ".xml");
      return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : false;
    },
  };
}

// entryText strips citeproc-js's <div class="csl-entry"> wrapper.
function entryText(s) {
  return s.replace(/^\s*<div class="csl-entry">/, "").replace(/<\/div>\s*$/, "");
}

// rendered records the item of each bibliography entry citeproc-js writes:
// its entry_ids also list items that print nothing, which have no entry.
let rendered = [];
const htmlEntry = CSL.Output.Formats.html["@bibliography/entry"];
CSL.Output.Formats.html["@bibliography/entry"] = function (state, str) {
  rendered.push(String(this.system_id));
  return htmlEntry.call(this, state, str);
};

function bibliography(run, out) {
  const engine = new CSL.Engine(sys(run.items), job.style);
  engine.updateItems(run.items.map((it) => String(it.id)));
  rendered = [];
  const bib = engine.makeBibliography();
  if (!bib) return;
  if (rendered.length !== bib[1].length) {
    throw new Error(rendered.length + " entries recorded, " + bib[1].length + " written");
  }
  out.ids = rendered;
  out.entries = bib[1].map(entryText);
}

function citations(run, out) {
  if (!run.citations || run.citations.length === 0) return;
  const engine = new CSL.Engine(sys(run.items), job.style);
  const cits = run.citations.map((c, i) => ({
    citationID: "c" + i,
    citationItems: c.cites.map((x) => {
      const ci = { id: x.id };
      if (x.locator) {
        ci.locator = x.locator;
        ci.label = x.label || "page";
      }
      return ci;
    }),
    properties: { noteIndex: c.noteIndex },
  }));
  const res = engine.rebuildProcessorState(cits, "html", []);
  const byID = new Map(res.map((r) => [r[0], r[2]]));
  out.citations = cits.map((c) => byID.get(c.citationID) || "");
}

const result = { runs: [] };
for (const run of job.runs) {
  const out = { name: run.name };
  try {
    bibliography(run, out);
    citations(run, out);
  } catch (e) {
    out.error = String(e && e.stack ? e.stack : e);
  }
  result.runs.push(out);
}
fs.writeFileSync(outPath, JSON.stringify(result));
