// Where a WebAssembly module's bytes go, by the crate named first in each item's name. A
// measurement for BENCHMARKS.md, not a test. Input: the CSV of `twiggy top -n 1000000
// --format csv` run on a module that keeps its function names (BENCHMARKS.md shows how to
// build one):
//
//   node tests/e2e/size-breakdown.mjs names.csv
//
// A generic function counts for the crate that defines it, so the Leptos line holds Leptos code
// instantiated for the app's views. Names and wasm-bindgen's custom section are left out.

import fs from "node:fs";

const GROUPS = [
  ["data: strings and tables", (name) => name.startsWith("data segment")],
  ["drop glue (`drop_in_place`), mostly of view types", (name) => name.includes("drop_in_place")],
  ["sorting (`core::slice::sort`)", (name) => name.includes("core::slice::sort")],
  ["Leptos (tachys, reactive_graph, leptos, any_spawner and their helpers)", (name, crate) =>
    ["tachys", "reactive_graph", "leptos", "leptos_dom", "leptos_router", "any_spawner",
      "either_of", "or_poisoned", "throw_error", "slotmap", "send_wrapper"].includes(crate) ||
    /^<T as (tachys|reactive_graph)::/.test(name)],
  ["serde, serde_json", (name, crate) => ["serde", "serde_core", "serde_json"].includes(crate)],
  ["wasm-bindgen, js-sys, web-sys, gloo-net and the console helpers", (name, crate) =>
    ["wasm_bindgen", "wasm_bindgen_futures", "js_sys", "web_sys", "gloo_net", "console_log",
      "console_error_panic_hook"].includes(crate) || /^(import|export) /.test(name)],
  ["the app's own code (`didww_emergency`)", (name, crate) =>
    crate === "didww_emergency" || name.startsWith("mount_widget")],
  ["Rust runtime and everything else (core, alloc, std, allocator, collections, futures)",
    () => true],
];

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node tests/e2e/size-breakdown.mjs names.csv");
  process.exit(2);
}

const totals = new Map(GROUPS.map(([label]) => [label, 0]));
let total = 0;
for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
  const match = /^("(?:[^"]|"")*"|[^,]*),(\d+),/.exec(line);
  if (!match) continue;
  const name = match[1].replace(/^"|"$/g, "").replace(/""/g, '"');
  if (name.includes("function names") || name.startsWith("custom section")) continue;
  const bytes = Number(match[2]);
  const crate = /^<?&?(?:mut )?(?:dyn )?([a-z_][a-z0-9_]*)/.exec(name)?.[1] ?? "";
  const [label] = GROUPS.find(([, belongs]) => belongs(name, crate));
  totals.set(label, totals.get(label) + bytes);
  total += bytes;
}

console.log(`| part | bytes | share |\n|---|---|---|`);
for (const [label, bytes] of [...totals].sort((a, b) => b[1] - a[1])) {
  const share = ((100 * bytes) / total).toFixed(1);
  console.log(`| ${label} | ${bytes.toLocaleString("en-US")} | ${share}% |`);
}
console.log(`| **total** | **${total.toLocaleString("en-US")}** | |`);
