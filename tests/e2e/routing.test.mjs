// Deep links and the static server: every route must load the app, as it would from a CDN.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startStack, waitFor, withPage } from "./harness.mjs";

let stack;

before(async () => {
  stack = await startStack({ sim: true });
});

after(async () => {
  await stack?.stop();
});

test("a deep link to /status/<id> loads the status step instead of a 404", async (t) => {
  await withPage(t, stack, async (page) => {
    const response = await page.goto("/status/0b3c7a52-5d7e-4f31-9a8e-2f4a1e6c9d10");
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"], /^text\/html/);
    await page.getByTestId("step-status").waitFor();
  });
});

test("deep links with a trailing slash, and unknown deeper paths, never give a blank page", async (t) => {
  await withPage(t, stack, async (page) => {
    // A status link as mail programs and CMSs pass it on, with a slash at the end.
    await page.goto("/status/0b3c7a52-5d7e-4f31-9a8e-2f4a1e6c9d10/");
    await page.getByTestId("step-status").waitFor();

    await page.goto("/registrations/");
    await page.getByTestId("registrations").waitFor();

    // Two folders down, the page's relative assets must still load (no blank page).
    await page.goto("/nope/deeper/page");
    await waitFor(
      async () =>
        (await page.getByTestId("not-found").isVisible()) ||
        (await page.getByTestId("step-dids").isVisible()),
      { message: "the app to render (page not found or the first step)" },
    );
  });
});

test("a deep link to /requirement loads the app instead of a blank page", async (t) => {
  await withPage(t, stack, async (page) => {
    const response = await page.goto("/requirement");
    assert.equal(response.status(), 200);
    // With no DID chosen yet the app may send the user back to the first step.
    await waitFor(
      async () =>
        (await page.getByTestId("step-requirement").isVisible()) ||
        (await page.getByTestId("step-dids").isVisible()),
      { message: "step-requirement or step-dids to show" },
    );
  });
});

test("the bundle is served as a static host would: wasm type, 404s, config.json and a strict CSP", async () => {
  const index = await fetch(`${stack.appUrl}/`);
  assert.equal(index.status, 200);
  const csp = index.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);

  // The page itself has nothing inline that such a policy would block.
  const html = await index.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, "no inline <script>");
  assert.doesNotMatch(html, /<style[\s>]/i, "no inline <style>");
  assert.doesNotMatch(html, /\sstyle=/i, "no style attributes");

  // Minified HTML may reorder attributes and drop quotes.
  const wasmMeta = html.match(/<meta[^>]*\bname="?didww-app-wasm"?[\s>][^>]*>?/)?.[0] ?? "";
  const wasmPath = wasmMeta.match(/\bcontent="?([^"\s>]+)/)?.[1];
  assert.ok(wasmPath, "index.html names the wasm bundle");
  const wasm = await fetch(new URL(wasmPath, stack.appUrl));
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");

  if (stack.configuredByFile) {
    const config = await fetch(`${stack.appUrl}/config.json`);
    assert.equal(config.status, 200);
    assert.equal((await config.json()).api_base_url, stack.apiBaseUrl);
  }

  const missing = await fetch(`${stack.appUrl}/no-such-file.js`);
  assert.equal(missing.status, 404, "a missing asset is a 404, not the app");
});
