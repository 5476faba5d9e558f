// A benchmark of the numbers step on a big account, not a test: it measures and prints, and
// never fails on a slow figure. It runs the release bundle behind nginx against the simulator
// server's generated large account (10,000 numbers, DIDWW's 20 requests a second enforced),
// in headless Chromium, through the same harness as the end-to-end tests.
//
//   trunk build --release
//   cargo build --release --bin didww-sim
//   node tests/e2e/bench.mjs [--runs 5] [--json results.json]
//
// Each run starts from a reset simulator in a fresh browser context (empty cache), with the
// API key already remembered on the device, and measures:
// - the first page: from opening /dids to the first row that can be ticked, from its API
//   request to that row, and the API requests sent until then;
// - the whole listing: time and requests until "Loaded N of N numbers.";
// - a search for the account's last number: from the API request to its row, and from the
//   last keystroke (the search waits 300 ms for typing to pause) to its row;
// - choosing every free number of the biggest country-and-type group: from the click to the
//   updated summary, measured inside the page;
// - the busiest second the simulator saw, and how many requests it refused with 429.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");

const options = parseArguments(process.argv.slice(2));
process.env.DIDWW_SIM_ACCOUNT = "large";
process.env.DIDWW_SIM_RATE_LIMIT = "20";
const releaseSim = path.join(repoRoot, "target", "release", "didww-sim");
if (!process.env.DIDWW_SIM_BIN && fs.existsSync(releaseSim)) {
  process.env.DIDWW_SIM_BIN = releaseSim;
}

// Imported after the environment is set: the harness reads it when it starts things.
const { API_KEY, startStack, waitFor } = await import("./harness.mjs");

const KEY_STORAGE_KEY = "didww-emergency.api-key";

const stack = await startStack({ sim: true });
try {
  const runs = [];
  for (let run = 1; run <= options.runs; run += 1) {
    process.stderr.write(`run ${run} of ${options.runs}…\n`);
    runs.push(await measureOnce());
  }
  const report = summarize(runs);
  console.log(formatReport(report));
  if (options.json) fs.writeFileSync(options.json, JSON.stringify({ ...report, runs }, null, 2));
} finally {
  await stack.stop();
}

async function measureOnce() {
  await stack.resetSim();
  const context = await stack.browser.newContext({ baseURL: stack.appUrl });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(
    ([name, key]) => window.localStorage.setItem(name, key),
    [KEY_STORAGE_KEY, API_KEY],
  );
  // Times are taken inside the page (milliseconds since navigation started): polling from
  // here would add playwright's own retry intervals to every figure.
  await context.addInitScript(() => {
    window.benchmark = {};
    new MutationObserver(() => {
      const usable = document.querySelector('[data-testid^="did-select-"]:not([disabled])');
      if (usable && window.benchmark.firstRow === undefined) {
        window.benchmark.firstRow = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();

  try {
    await page.goto("/dids");
    await page.locator('[data-testid^="did-select-"]:not([disabled])').first().waitFor();
    const firstPage = await page.evaluate((simUrl) => {
      const firstRow = window.benchmark.firstRow;
      const api = performance
        .getEntriesByType("resource")
        .filter((entry) => entry.name.startsWith(simUrl));
      const before = api.filter((entry) => entry.startTime < firstRow);
      return {
        ms: firstRow,
        requests: before.length,
        firstRequestToRowMs: firstRow - (before[0]?.startTime ?? 0),
      };
    }, stack.simUrl);

    await waitFor(async () => {
      const text = (await page.getByTestId("did-load-progress").innerText()).trim();
      return /^Loaded ([\d,]+) of \1 numbers\.$/.test(text);
    }, { timeout: 180_000, interval: 20, message: "every page to load" });
    const fullLoadMs = await page.evaluate(() => performance.now());
    const statsAfterLoad = await stack.simStats();
    const total = await page.getByTestId("did-load-progress").innerText();

    const search = await measureSearch(page);
    const group = await measureGroupChoice(page);
    const stats = await stack.simStats();
    return {
      firstPageMs: firstPage.ms,
      firstPageRequests: firstPage.requests,
      firstRequestToRowMs: firstPage.firstRequestToRowMs,
      fullLoadMs,
      fullLoadRequests: statsAfterLoad.requests,
      numbers: Number(total.match(/of ([\d,]+)/)[1].replaceAll(",", "")),
      searchRequestToRowsMs: search.requestToRowsMs,
      searchKeystrokeToRowsMs: search.keystrokeToRowsMs,
      searchRequests: search.requests,
      groupChoiceMs: group.ms,
      groupChosen: group.chosen,
      groupName: group.name,
      maxRequestsPerSecond: stats.max_requests_per_second,
      rateLimited: stats.rate_limited,
    };
  } finally {
    await context.close();
  }
}

/** Searches the account's last number the way a person types it, timed inside the page. */
async function measureSearch(page) {
  const last = await lastNumber();
  const timing = await page.evaluate(async ({ number, id }) => {
    const input = document.querySelector('[data-testid="did-search"]');
    const row = `[data-testid="did-search-results"] [data-testid="did-row-${id}"]`;
    const known = performance.getEntriesByType("resource").length;
    input.value = number;
    const typed = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    while (!document.querySelector(row)) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const shown = performance.now();
    const searches = performance
      .getEntriesByType("resource")
      .slice(known)
      .filter((entry) => entry.name.includes("filter%5Bnumber%5D"));
    return { typed, shown, searches: searches.map((entry) => entry.startTime) };
  }, last);
  await page.getByTestId("did-search").fill("");
  await page.getByTestId("did-table").waitFor();
  return {
    requestToRowsMs: timing.shown - (timing.searches[0] ?? timing.typed),
    keystrokeToRowsMs: timing.shown - timing.typed,
    requests: timing.searches.length,
  };
}

/** Chooses every free number of the biggest group; the time is taken inside the page. */
async function measureGroupChoice(page) {
  const country = await biggestOption(page.getByTestId("did-filter-country"));
  await page.getByTestId("did-filter-country").selectOption(country.value);
  const type = await biggestOption(page.getByTestId("did-filter-type"));
  await page.getByTestId("did-filter-type").selectOption(type.value);
  const ms = await page.evaluate(async () => {
    const summary = document.querySelector('[data-testid="did-selection-summary"]');
    const button = document.querySelector('[data-testid="did-choose-group"]');
    const before = summary.textContent;
    const started = performance.now();
    button.click();
    while (summary.textContent === before) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    // One more frame, so the ticked rows are painted too.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - started;
  });
  const summary = (await page.getByTestId("did-selection-summary").innerText()).trim();
  const chosen = Number((summary.match(/^([\d,]+) number/)?.[1] ?? "0").replaceAll(",", ""));
  const name = (option) => option.text.replace(/ \(.*/, "");
  return { ms, chosen, name: `${name(country)} ${name(type)}` };
}

/** The option with the biggest count in its text, such as "United States (3,120)". */
async function biggestOption(select) {
  return select.evaluate((element) =>
    [...element.options]
      .filter((option) => option.value)
      .map((option) => ({
        value: option.value,
        text: option.textContent.trim(),
        count: Number((option.textContent.match(/\(([\d,]+)\)/)?.[1] ?? "0").replaceAll(",", "")),
      }))
      .sort((a, b) => b.count - a.count)[0],
  );
}

/** The last number of the listing, asked of the simulator directly (not counted by the app). */
async function lastNumber() {
  const query = new URLSearchParams({
    "filter[did_group.features]": "emergency",
    "filter[emergency_enabled]": "false",
    sort: "-number",
    "page[size]": "1",
  });
  const response = await fetch(`${stack.simUrl}/v3/dids?${query}`, {
    headers: { "Api-Key": API_KEY, Accept: "application/vnd.api+json" },
  });
  const document = await response.json();
  return { id: document.data[0].id, number: document.data[0].attributes.number };
}

function summarize(runs) {
  const figure = (name) => {
    const values = runs.map((run) => run[name]).sort((a, b) => a - b);
    return { median: values[Math.floor(values.length / 2)], min: values[0], max: values.at(-1) };
  };
  return {
    machine: machine(),
    runs: runs.length,
    numbers: runs[0].numbers,
    group: runs[0].groupName,
    groupChosen: runs[0].groupChosen,
    firstPageMs: figure("firstPageMs"),
    firstPageRequests: figure("firstPageRequests"),
    firstRequestToRowMs: figure("firstRequestToRowMs"),
    fullLoadMs: figure("fullLoadMs"),
    fullLoadRequests: figure("fullLoadRequests"),
    searchRequestToRowsMs: figure("searchRequestToRowsMs"),
    searchKeystrokeToRowsMs: figure("searchKeystrokeToRowsMs"),
    searchRequests: figure("searchRequests"),
    groupChoiceMs: figure("groupChoiceMs"),
    maxRequestsPerSecond: figure("maxRequestsPerSecond"),
    rateLimited: figure("rateLimited"),
  };
}

function formatReport(report) {
  const row = (label, value, unit = "") => {
    const { median, min, max } = value;
    const show = (number) => `${Math.round(number)}${unit}`;
    return `| ${label} | ${show(median)} | ${show(min)} – ${show(max)} |`;
  };
  return [
    `Machine: ${report.machine}`,
    `Account: ${count(report.numbers)} numbers listed; ${report.runs} runs`,
    "",
    "| measure | median | range |",
    "|---|---|---|",
    row("first page: opening /dids to a usable row", report.firstPageMs, " ms"),
    row("first page: its API request to a usable row", report.firstRequestToRowMs, " ms"),
    row("first page: API requests", report.firstPageRequests),
    row("all pages loaded: time from opening /dids", report.fullLoadMs, " ms"),
    row("all pages loaded: API requests", report.fullLoadRequests),
    row("search the last number: request to rows shown", report.searchRequestToRowsMs, " ms"),
    row("search the last number: last keystroke to rows shown", report.searchKeystrokeToRowsMs,
      " ms"),
    row("search the last number: API requests", report.searchRequests),
    row(`select all of ${report.group} (${count(report.groupChosen)} numbers): click to summary`,
      report.groupChoiceMs, " ms"),
    row("busiest second seen by the simulator (requests)", report.maxRequestsPerSecond),
    row("requests refused with 429", report.rateLimited),
  ].join("\n");
}

function count(number) {
  return number.toLocaleString("en-US");
}

function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  const memory = Math.round(os.totalmem() / 2 ** 30);
  const system = `${os.type()} ${os.release()}`;
  return `${os.cpus().length} cores (${cpu}), ${memory} GiB, ${system}, node ${process.version}`;
}

function parseArguments(args) {
  const parsed = { runs: 5, json: undefined };
  for (let index = 0; index < args.length; index += 1) {
    if (args[index] === "--runs") parsed.runs = Math.max(1, Number(args[++index]) || 5);
    else if (args[index] === "--json") parsed.json = args[++index];
    else throw new Error(`unknown argument ${args[index]}; use --runs N and --json FILE`);
  }
  return parsed;
}
