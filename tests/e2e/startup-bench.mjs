// A benchmark of the app's size and start-up against a minimal Leptos app, not a test: it
// measures and prints, and never fails on a slow or large figure. scripts/bench.sh builds both
// bundles and runs it; run alone:
//
//   node tests/e2e/startup-bench.mjs --app dist --baseline target/size-baseline/dist \
//     [--runs 7] [--json results.json]
//   node tests/e2e/startup-bench.mjs --sizes-only --app dist   # sizes alone, no browser
//
// It reports:
// - sizes: the WebAssembly module, the JavaScript (wasm-bindgen's glue, its snippets and the
//   loaders) and the stylesheet of each bundle, raw, gzip (level 9) and brotli (quality 11),
//   and the ratio of the app to the minimal app. The app's demo module (didww-demo.js and
//   didww-demo_bg.wasm, fetched only when demo mode sends its first request) is counted apart;
// - start-up, for each bundle, in a fresh browser context (empty cache) against the simulator
//   server, served by nginx as in the end-to-end tests: time to first render (the first element
//   the app puts into <body>) and time to an interactive step 1 (the first number that can be
//   ticked), both since navigation started, median of the runs with the range;
// - requests: the API requests of one full happy path of the app (a clean number, a new
//   business identity and address, validation, submission, the status page until the service is
//   active), per step, with the CORS preflights and the bundle's own files.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");

const options = parseArguments(process.argv.slice(2));
const releaseSim = path.join(repoRoot, "target", "release", "didww-sim");
if (!process.env.DIDWW_SIM_BIN && fs.existsSync(releaseSim)) {
  process.env.DIDWW_SIM_BIN = releaseSim;
}

// Imported after the environment is set: the harness reads it when it starts things.
const { API_KEY, startStack, waitFor } = await import("./harness.mjs");
const wizard = await import("./wizard.mjs");

const KEY_STORAGE_KEY = "didww-emergency.api-key";

// Demo mode's simulator: a module of its own that the app imports on the first demo request.
const DEMO_MODULE = /^didww-demo(\.js|_bg\.wasm)$/;

const bundles = [
  {
    name: "app",
    label: "app, loaded at start",
    dist: options.app,
    counts: (file) => !DEMO_MODULE.test(path.basename(file)),
  },
  {
    name: "demo",
    label: "app's demo module, fetched in demo mode only",
    dist: options.app,
    counts: (file) => DEMO_MODULE.test(path.basename(file)),
    sizesOnly: true,
  },
  { name: "baseline", label: "minimal Leptos app", dist: options.baseline, counts: () => true },
].filter((bundle) => bundle.dist);
const startupBundles = bundles.filter((bundle) => !bundle.sizesOnly);

const report = { machine: machine(), runs: options.runs, sizes: {}, startup: {} };
for (const bundle of bundles) report.sizes[bundle.name] = bundleSizes(bundle);
if (options.sizesOnly) {
  console.log(formatSizes(report, bundles).join("\n"));
  process.exit(0);
}
for (const bundle of startupBundles) {
  process.stderr.write(`start-up of the ${bundle.label}: ${options.runs} runs…\n`);
  report.startup[bundle.name] = await measureStartup(bundle.dist, options.runs);
}
process.stderr.write("one full happy path of the app…\n");
report.happyPath = await measureHappyPath(options.app);

console.log(formatReport(report, bundles));
if (options.json) fs.writeFileSync(options.json, JSON.stringify(report, null, 2));

/**
 * Raw, gzip and brotli bytes of the wasm, js and css files of a built bundle that it counts,
 * in its folder and below (wasm-bindgen's snippets sit in `snippets/`). The example host page
 * is left out: it is a page for partners to read, not part of the app.
 */
function bundleSizes({ dist, counts, sizesOnly }) {
  const files = fs.readdirSync(dist, { recursive: true })
    .filter((file) => !file.startsWith(`example${path.sep}`) && counts(file));
  const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/ };
  const sizes = {};
  for (const [kind, pattern] of Object.entries(kinds)) {
    const matching = files.filter((file) => pattern.test(file));
    // The demo module has no stylesheet; an app bundle without any of the three is unbuilt.
    if (matching.length === 0 && !sizesOnly) {
      throw new Error(`${dist} holds no ${kind} file: build it first`);
    }
    sizes[kind] = { files: matching, raw: 0, gzip: 0, brotli: 0 };
    for (const file of matching) {
      const bytes = fs.readFileSync(path.join(dist, file));
      sizes[kind].raw += bytes.length;
      sizes[kind].gzip += zlib.gzipSync(bytes, { level: 9 }).length;
      sizes[kind].brotli += zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length;
    }
  }
  sizes.total = ["raw", "gzip", "brotli"].reduce((total, measure) => {
    total[measure] = Object.keys(kinds).reduce((sum, kind) => sum + sizes[kind][measure], 0);
    return total;
  }, {});
  return sizes;
}

/** Loads a bundle `runs` times in fresh contexts; times are taken inside the page. */
async function measureStartup(dist, runs) {
  process.env.E2E_DIST = dist;
  const stack = await startStack({ sim: true });
  const samples = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      await stack.resetSim();
      const context = await stack.browser.newContext({ baseURL: stack.appUrl });
      try {
        await context.addInitScript(
          ([name, key]) => window.localStorage.setItem(name, key),
          [KEY_STORAGE_KEY, API_KEY],
        );
        await context.addInitScript(observeStartup);
        const page = await context.newPage();
        await page.goto("/dids");
        const timings = await waitFor(
          () => page.evaluate(() => {
            const { firstRender, interactive } = window.startup;
            return interactive === undefined ? undefined : { firstRender, interactive };
          }),
          { timeout: 30_000, interval: 50, message: "a number that can be ticked" },
        );
        samples.push(timings);
      } finally {
        await context.close();
      }
    }
  } finally {
    await stack.stop();
  }
  return {
    firstRenderMs: figure(samples.map((sample) => sample.firstRender)),
    interactiveMs: figure(samples.map((sample) => sample.interactive)),
  };
}

// Runs in the page before any of its scripts: notes when the app first puts an element into
// <body>, and when the first number can be ticked, in milliseconds since navigation started.
function observeStartup() {
  window.startup = {};
  const notice = () => {
    const body = document.body;
    if (window.startup.firstRender === undefined && body) {
      const rendered = [...body.children].some(
        (element) => !["SCRIPT", "NOSCRIPT", "LINK", "STYLE"].includes(element.tagName),
      );
      if (rendered) window.startup.firstRender = performance.now();
    }
    const usable = document.querySelector('[data-testid^="did-select-"]:not([disabled])');
    if (usable && window.startup.interactive === undefined) {
      window.startup.interactive = performance.now();
    }
  };
  new MutationObserver(notice).observe(document, { childList: true, subtree: true });
}

/** The requests of one full happy path, counted by the simulator and the browser. */
async function measureHappyPath(dist) {
  process.env.E2E_DIST = dist;
  const stack = await startStack({ sim: true, reviewDelayMs: 1500 });
  const simulator = stack.processes.find((child) => child.name === "didww-sim");
  const context = await stack.browser.newContext({ baseURL: stack.appUrl });
  context.setDefaultTimeout(30_000);
  const steps = [];
  try {
    await stack.resetSim();
    const logStart = simulator.buffer.length;
    const page = await context.newPage();
    let counted = 0;
    let logRead = logStart;
    // The simulator prints one line per request ("GET /v3/dids 200"); a step's lines say where
    // its requests went.
    const step = async (name) => {
      const { requests } = await stack.simStats();
      const lines = simulator.buffer.slice(logRead).split("\n");
      logRead = simulator.buffer.length;
      const calls = lines.filter((line) => /^(GET|POST|PATCH|DELETE) \/v3/.test(line));
      steps.push({ name, requests: requests - counted, calls });
      counted = requests;
    };

    await page.goto("/dids");
    await wizard.expectStep(page, "dids");
    await wizard.saveSettings(page, stack);
    await page.getByTestId(`did-row-${wizard.CLEAN_DID}`).waitFor();
    await step("numbers: settings saved, first page shown");
    await wizard.selectDids(page, [wizard.CLEAN_DID]);
    await page.getByTestId("requirement-details").waitFor();
    await step("requirement");
    await page.getByTestId("requirement-continue").click();
    await wizard.expectStep(page, "identity");
    await wizard.createRecord(page, "identity", {
      before: () => page.getByTestId("identity-type-business").check(),
      values: {
        first_name: "Ona",
        last_name: "Petraitė",
        phone_number: "+370 5 203 2401",
        company_name: "Vilnius Test Works UAB",
        contact_email: "ona@example.com",
      },
    });
    await page.getByTestId("identity-continue").click();
    await step("identity: list, new business identity");
    await wizard.expectStep(page, "address");
    await wizard.createRecord(page, "address", {
      values: { address: "Gedimino pr. 1", city_name: "Vilnius", postal_code: "01100" },
    });
    await page.getByTestId("address-continue").click();
    await step("address: list, new address");
    await wizard.validate(page);
    await page.getByTestId("validate-continue").click();
    await step("validate");
    await wizard.submitVerification(page);
    await step("submit, to the status page");
    const submitted = Date.now();
    await wizard.waitForBadges(page, { verification: /Approved/, service: /Active/ });
    const watched = Date.now() - submitted;
    await step("status page until Approved / Active");

    const log = simulator.buffer.slice(logStart);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((entry) => entry.name),
    );
    return {
      steps,
      apiRequests: steps.reduce((sum, entry) => sum + entry.requests, 0),
      preflights: (log.match(/^OPTIONS /gm) ?? []).length,
      bundleFiles: resources.filter((name) => name.startsWith(stack.appUrl)).length + 1,
      statusWatchMs: watched,
    };
  } finally {
    await context.close();
    await stack.stop();
  }
}

function figure(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

function formatReport(report, bundles) {
  const lines = [`Machine: ${report.machine}`, "", ...formatSizes(report, bundles)];

  lines.push("", `Start-up, median of ${report.runs} runs (range), since navigation started:`, "");
  lines.push("| bundle | first render | interactive step 1 |", "|---|---|---|");
  for (const bundle of startupBundles) {
    const { firstRenderMs, interactiveMs } = report.startup[bundle.name];
    const show = ({ median, min, max }) =>
      `${Math.round(median)} ms (${Math.round(min)} – ${Math.round(max)})`;
    lines.push(`| ${bundle.label} | ${show(firstRenderMs)} | ${show(interactiveMs)} |`);
  }

  const happy = report.happyPath;
  lines.push("", "API requests on one full happy path of the app:", "");
  lines.push("| step | API requests | method, path, status |", "|---|---|---|");
  for (const entry of happy.steps) {
    lines.push(`| ${entry.name} | ${entry.requests} | ${entry.calls.join("; ")} |`);
  }
  lines.push(`| total | ${happy.apiRequests} | |`);
  lines.push("", `CORS preflights: ${happy.preflights}; bundle files fetched (page included): ` +
    `${happy.bundleFiles}; the status page was watched for ` +
    `${(happy.statusWatchMs / 1000).toFixed(1)} s.`);
  return lines.join("\n");
}

/** The size tables, and the ratio tables when the minimal app was measured too. */
function formatSizes(report, bundles) {
  const lines = [];
  const app = report.sizes.app;
  const baseline = report.sizes.baseline;
  const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const ratio = (bytes, floor) => (floor ? `${(bytes / floor).toFixed(2)}×` : "–");

  lines.push("Sizes (gzip level 9, brotli quality 11):", "");
  lines.push("| bundle | file | raw | gzip | brotli |", "|---|---|---|---|---|");
  for (const bundle of bundles) {
    for (const kind of ["wasm", "js", "css", "total"]) {
      const size = report.sizes[bundle.name][kind];
      lines.push(`| ${bundle.label} | ${kind} | ${count(size.raw)} | ${count(size.gzip)} | ` +
        `${count(size.brotli)} |`);
    }
  }
  if (app && baseline) {
    lines.push("", "Ratio to the minimal Leptos app:", "");
    lines.push("| bundle | file | raw | gzip | brotli |", "|---|---|---|---|---|");
    for (const bundle of bundles.filter((entry) => entry.name === "app")) {
      for (const kind of ["wasm", "js", "css", "total"]) {
        const size = report.sizes[bundle.name][kind];
        const floor = baseline[kind];
        lines.push(`| ${bundle.label} | ${kind} | ${ratio(size.raw, floor.raw)} | ` +
          `${ratio(size.gzip, floor.gzip)} | ${ratio(size.brotli, floor.brotli)} |`);
      }
    }
    lines.push("", `App loaded at start, brotli: ${kilobytes(app.total.brotli)} against ` +
      `${kilobytes(baseline.total.brotli)}.`);
    const demo = report.sizes.demo;
    if (demo) {
      lines.push(`With the demo module (demo mode): ` +
        `${kilobytes(app.total.brotli + demo.total.brotli)}, ` +
        `${ratio(app.total.brotli + demo.total.brotli, baseline.total.brotli)}.`);
    }
  }
  return lines;
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
  const parsed = {
    runs: 7, json: undefined, app: undefined, baseline: undefined,
    sizesOnly: false,
  };
  for (let index = 0; index < args.length; index += 1) {
    const name = args[index];
    if (name === "--sizes-only") {
      parsed.sizesOnly = true;
      continue;
    }
    const value = args[++index];
    if (name === "--runs") parsed.runs = Math.max(1, Number(value) || 7);
    else if (["--json", "--app", "--baseline"].includes(name)) {
      parsed[name.slice(2)] = path.resolve(value ?? "");
    } else {
      throw new Error(`unknown argument ${name}; use --app DIR --baseline DIR ` +
        "[--runs N] [--json FILE] [--sizes-only]");
    }
  }
  if (!parsed.app) throw new Error("--app DIR is needed");
  if (!parsed.baseline && !parsed.sizesOnly) throw new Error("--baseline DIR is needed");
  return parsed;
}
