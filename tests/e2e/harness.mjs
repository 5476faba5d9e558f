// The end-to-end harness: starts the DIDWW simulator, serves a copy of the release bundle with
// nginx, drives headless Chromium through playwright-core, and tears it all down again.
//
// Everything listens on 127.0.0.1 on ports picked at run time. The environment variables that
// change what it starts are listed in tests/README.md.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR)
  : path.join(repoRoot, "target");

/** Where screenshots, page HTML and logs of failed tests go. */
export const artifactsDir = path.join(here, "artifacts");

/** The API key the simulator is started with; the tests type it into the settings panel. */
export const API_KEY = process.env.E2E_SIM_API_KEY ?? "e2e-secret-key";

// The flags that keep Chromium from reaching out to the network (this machine has none) and
// from needing a GPU, a sandbox or a big /dev/shm. Playwright adds --headless itself and gives
// every launch a fresh user-data dir.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

// Children still running when the process exits are killed, whatever way the tests ended.
const liveChildren = new Set();
process.on("exit", () => {
  for (const child of liveChildren) child.kill("SIGKILL");
});

/**
 * Starts what one test file needs and returns a handle to it.
 *
 * options.sim: start (or use) the simulator and write a config.json that points at it.
 * When false, the app is served without config.json and runs in demo mode.
 * options.proxy: put the reference proxy (scripts/proxy/) between the app and the simulator;
 * config.json then points at the proxy and tells the app to send no API key.
 * options.basePath: serve the bundle under this path instead of "/" (e.g. "/tools/emergency/").
 * options.config: members to add to (or, as null, remove from) the config.json written.
 */
export async function startStack({
  sim = true,
  reviewDelayMs = 1500,
  proxy = false,
  basePath = "/",
  config = {},
} = {}) {
  const stack = new Stack();
  stack.basePath = basePath;
  try {
    if (sim) await stack.startSim(reviewDelayMs);
    if (proxy) stack.proxyPort = await freePort();
    await stack.startApp(config);
    if (proxy) await stack.startProxy();
    await stack.startBrowser();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

class Stack {
  constructor() {
    /** Base URL of the app, e.g. http://127.0.0.1:41234 */
    this.appUrl = undefined;
    /** Base URL of the simulator (no /v3), or undefined in demo mode. */
    this.simUrl = undefined;
    /** True when config.json already points the app at the simulator. */
    this.configuredByFile = false;
    /** The path the bundle is served under, ending in "/". */
    this.basePath = "/";
    /** The port of the reference proxy, when one runs. */
    this.proxyPort = undefined;
    /** The config.json written, if any. */
    this.config = undefined;
    this.browser = undefined;
    this.processes = [];
    this.tempDirs = [];
  }

  /** The API base URL that the app should use: the proxy when one runs. */
  get apiBaseUrl() {
    return this.proxyPort ? `${this.proxyUrl}/v3` : `${this.simUrl}/v3`;
  }

  /** The reference proxy's origin, when one runs. */
  get proxyUrl() {
    return this.proxyPort ? `http://127.0.0.1:${this.proxyPort}` : undefined;
  }

  /** The address of the bundle's index page (the app's start). */
  get startUrl() {
    return `${this.appUrl}${this.basePath}`;
  }

  async startSim(reviewDelayMs) {
    if (process.env.E2E_SIM_URL) {
      this.simUrl = process.env.E2E_SIM_URL.replace(/\/+$/, "");
      return;
    }
    const binary = process.env.DIDWW_SIM_BIN ?? newestExisting([
      path.join(targetDir, "debug", "didww-sim"),
      path.join(targetDir, "release", "didww-sim"),
    ]);
    if (!binary || !fs.existsSync(binary)) {
      throw new Error(
        `no simulator binary (${binary ?? "target/{debug,release}/didww-sim"}): ` +
          "run `cargo build --bin didww-sim` or set DIDWW_SIM_BIN",
      );
    }
    const port = await freePort();
    const child = this.spawn("didww-sim", binary, [
      "--listen", `127.0.0.1:${port}`,
      "--api-key", API_KEY,
      "--review-delay-ms", String(reviewDelayMs),
    ]);
    const match = await child.waitForOutput(/didww-sim listening on (http:\/\/\S+)/, 20_000);
    this.simUrl = match[1].replace(/\/+$/, "");
  }

  async startApp(extraConfig = {}) {
    if (process.env.E2E_APP_URL) {
      this.appUrl = process.env.E2E_APP_URL.replace(/\/+$/, "");
      return;
    }
    const dist = path.resolve(process.env.E2E_DIST ?? path.join(repoRoot, "dist"));
    if (!fs.existsSync(path.join(dist, "index.html"))) {
      throw new Error(`${dist}/index.html is missing: run \`trunk build --release\` first`);
    }

    const work = fs.mkdtempSync(path.join(os.tmpdir(), "didww-e2e-"));
    this.tempDirs.push(work);
    // nginx's workers run as "nobody" when the tests run as root: they must be able to read.
    fs.chmodSync(work, 0o755);
    const site = path.join(work, "site");
    const bundleDir = path.join(site, ...this.basePath.split("/").filter(Boolean));
    this.bundleDir = bundleDir;
    fs.mkdirSync(path.dirname(bundleDir), { recursive: true });
    fs.cpSync(dist, bundleDir, { recursive: true });
    if (this.simUrl) {
      const config = { api_base_url: this.apiBaseUrl, send_api_version_header: true };
      if (this.proxyPort) config.send_api_key = false;
      for (const [name, value] of Object.entries(extraConfig)) {
        if (value === null) delete config[name];
        else config[name] = value;
      }
      this.config = config;
      fs.writeFileSync(path.join(bundleDir, "config.json"), JSON.stringify(config, null, 2));
      this.configuredByFile = true;
    }
    makeWorldReadable(site);

    const port = await freePort();
    const connectSrc = [
      "'self'",
      this.simUrl ? new URL(this.simUrl).origin : null,
      this.proxyUrl ?? null,
    ]
      .filter(Boolean)
      .join(" ");
    const template = fs.readFileSync(path.join(repoRoot, "scripts", "nginx.conf.template"), "utf8");
    const conf = template
      .replaceAll("@PREFIX@", work)
      .replaceAll("@LISTEN@", `127.0.0.1:${port}`)
      .replaceAll("@ROOT@", site)
      .replaceAll("@BASE@", this.basePath)
      .replaceAll("@CONNECT_SRC@", connectSrc);
    fs.writeFileSync(path.join(work, "nginx.conf"), conf);

    const errorLog = path.join(work, "error.log");
    const nginx = this.spawn("nginx", findNginx(), [
      "-p", work, "-e", errorLog, "-c", path.join(work, "nginx.conf"),
    ]);
    nginx.logFile = errorLog;
    this.appUrl = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      if (nginx.exited) {
        throw new Error(`nginx exited: ${nginx.output()}\n${readIfExists(errorLog)}`);
      }
      const response = await fetch(`${this.startUrl}index.html`).catch(() => undefined);
      return response?.ok;
    }, { timeout: 10_000, message: "nginx to answer" });
  }

  /**
   * Starts the reference proxy (scripts/proxy/didww-proxy.conf.template) in front of the
   * simulator, allowing the app's origin only and holding the simulator's API key itself.
   */
  async startProxy() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "didww-proxy-"));
    this.tempDirs.push(work);
    fs.chmodSync(work, 0o755);
    const keyFile = path.join(work, "didww-api-key.conf");
    fs.writeFileSync(keyFile, `set $didww_api_key "${API_KEY}";\n`);
    fs.chmodSync(keyFile, 0o644);
    const template = fs.readFileSync(
      path.join(repoRoot, "scripts", "proxy", "didww-proxy.conf.template"),
      "utf8",
    );
    const conf = template
      .replaceAll("@PREFIX@", work)
      .replaceAll("@LISTEN@", `127.0.0.1:${this.proxyPort}`)
      .replaceAll("@UPSTREAM@", this.simUrl)
      .replaceAll("@ALLOWED_ORIGINS@", `"${this.appUrl}" $http_origin;`)
      .replaceAll("@API_KEY_FILE@", keyFile);
    fs.writeFileSync(path.join(work, "proxy.conf"), conf);
    const errorLog = path.join(work, "proxy-error.log");
    const proxy = this.spawn("proxy", findNginx(), [
      "-p", work, "-e", errorLog, "-c", path.join(work, "proxy.conf"),
    ]);
    proxy.logFile = errorLog;
    await waitFor(async () => {
      if (proxy.exited) {
        throw fatal(`the proxy exited: ${proxy.output()}\n${readIfExists(errorLog)}`);
      }
      const response = await fetch(`${this.proxyUrl}/`).catch(() => undefined);
      return response?.status === 403;
    }, { timeout: 10_000, message: "the proxy to answer" });
  }

  async startBrowser() {
    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }

  /** Adds a file to the served bundle folder, e.g. a host page for the widget. */
  writeBundleFile(relativePath, text) {
    const file = path.join(this.bundleDir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, text, { mode: 0o644 });
  }

  /** GET /__sim/stats: {requests, verifications, last_api_key_seen}. */
  async simStats() {
    const response = await fetch(`${this.simUrl}/__sim/stats`);
    assert.equal(response.status, 200, "GET /__sim/stats");
    return response.json();
  }

  /** POST /__sim/reset: back to the seeded data, counters at zero. */
  async resetSim() {
    if (!this.simUrl) return;
    const response = await fetch(`${this.simUrl}/__sim/reset`, { method: "POST" });
    assert.ok(response.ok, `POST /__sim/reset answered ${response.status}`);
  }

  /** The last lines that the started processes printed, for failure reports. */
  diagnostics() {
    return this.processes
      .map((child) => {
        const log = child.logFile ? readIfExists(child.logFile) : "";
        return `--- ${child.name} (${child.exited ? "exited" : "running"})\n${child.output()}${log}`;
      })
      .join("\n");
  }

  async stop() {
    await this.browser?.close().catch(() => {});
    await Promise.all(this.processes.map((child) => child.stop()));
    for (const dir of this.tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  }

  spawn(name, command, args) {
    const child = new ChildProcess(name, command, args);
    this.processes.push(child);
    return child;
  }
}

/** A started program whose output is kept (the last 64 KiB) for matching and diagnostics. */
class ChildProcess {
  constructor(name, command, args) {
    this.name = name;
    this.exited = false;
    this.buffer = "";
    this.process = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    liveChildren.add(this.process);
    const keep = (chunk) => {
      this.buffer = (this.buffer + chunk.toString()).slice(-65_536);
    };
    this.process.stdout.on("data", keep);
    this.process.stderr.on("data", keep);
    this.exitPromise = new Promise((resolve) => {
      this.process.on("exit", (code, signal) => {
        this.exited = true;
        this.exitStatus = signal ?? code;
        liveChildren.delete(this.process);
        resolve();
      });
      this.process.on("error", (error) => {
        this.exited = true;
        this.buffer += `\n${error.message}`;
        liveChildren.delete(this.process);
        resolve();
      });
    });
  }

  output() {
    return this.buffer.split("\n").slice(-40).join("\n");
  }

  async waitForOutput(pattern, timeout) {
    return waitFor(() => {
      const match = this.buffer.match(pattern);
      if (!match && this.exited) {
        throw new Error(`${this.name} exited (${this.exitStatus}) before printing ${pattern}:\n${this.output()}`);
      }
      return match;
    }, { timeout, message: `${this.name} to print ${pattern}`, interval: 50 });
  }

  async stop() {
    if (this.exited) return;
    this.process.kill("SIGTERM");
    const timeout = sleep(5_000, false, { ref: false });
    const killed = await Promise.race([this.exitPromise.then(() => true), timeout]);
    if (!killed) {
      this.process.kill("SIGKILL");
      await this.exitPromise;
    }
  }
}

/**
 * Opens a fresh browser context and page, runs `body(page)`, and fails the test on any uncaught
 * page error or Content-Security-Policy violation. On failure it saves a screenshot, the page's
 * HTML and the logs into tests/e2e/artifacts/.
 */
export async function withPage(t, stack, body) {
  const context = await stack.browser.newContext({ baseURL: stack.appUrl });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });

  try {
    await body(page);
    assert.deepEqual(pageErrors.map(String), [], "uncaught errors in the page");
    const cspViolations = consoleErrors.filter((text) => /Content Security Policy/i.test(text));
    assert.deepEqual(cspViolations, [], "Content-Security-Policy violations");
  } catch (error) {
    const saved = await saveArtifacts(t.name, page, stack, { pageErrors, consoleErrors });
    t.diagnostic(`artifacts: ${saved}`);
    throw error;
  } finally {
    await context.close();
  }
}

async function saveArtifacts(testName, page, stack, { pageErrors, consoleErrors }) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const base = path.join(artifactsDir, testName.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 80));
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
  const html = await page.content().catch((error) => `could not read the page: ${error}`);
  fs.writeFileSync(`${base}.html`, html);
  const log = [
    `url: ${page.url()}`,
    "page errors:", ...pageErrors.map((error) => `  ${error.stack ?? error}`),
    "console errors:", ...consoleErrors.map((text) => `  ${text}`),
    stack.diagnostics(),
  ].join("\n");
  fs.writeFileSync(`${base}.log`, log);
  return `${base}.{png,html,log}`;
}

/**
 * Polls `check` until it returns a truthy value, and returns that value. An exception from
 * `check` counts as "not yet" unless it has `fatal` set; the last one is reported on timeout.
 */
export async function waitFor(check, { timeout = 15_000, interval = 100, message = "a condition" } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      if (error.fatal) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? `: ${lastError.message}` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${cause}`);
    }
    await sleep(interval);
  }
}

/** An error that stops `waitFor` at once instead of being retried. */
export function fatal(message) {
  const error = new Error(message);
  error.fatal = true;
  return error;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function newestExisting(candidates) {
  const existing = candidates.filter((file) => fs.existsSync(file));
  existing.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return existing[0] ?? candidates[0];
}

function findNginx() {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"];
  for (const dir of dirs) {
    const candidate = path.join(dir, "nginx");
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error("nginx not found: install it (scripts/setup.sh does) or set NGINX_BIN");
}

function makeWorldReadable(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(full, 0o755);
      makeWorldReadable(full);
    } else {
      fs.chmodSync(full, 0o644);
    }
  }
  fs.chmodSync(dir, 0o755);
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-40).join("\n");
  } catch {
    return "";
  }
}
