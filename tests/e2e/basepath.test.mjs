// The same bundle served from a sub-path, as from a CDN folder: no rebuild, relative asset
// URLs, the router's base found at run time, deep links, and a broken config.json.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startStack, waitFor, withPage } from "./harness.mjs";
import { CLEAN_DID, expectStep, saveSettings } from "./wizard.mjs";

const BASE = "/tools/emergency/";

let stack;
let badConfigStack;

before(async () => {
  stack = await startStack({ sim: true, basePath: BASE });
  badConfigStack = await startStack({
    sim: true,
    basePath: BASE,
    config: { api_base_url: "http://proxy.example.com/v3" },
  });
});

after(async () => {
  await stack?.stop();
  await badConfigStack?.stop();
});

test("the start page under a sub-path leads to its first step and reads its config.json", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto(BASE);
    await expectStep(page, "dids");
    assert.equal(new URL(page.url()).pathname, `${BASE}dids`);
    await saveSettings(page, stack);
    // The numbers come from the simulator named in the sub-path's config.json, not the demo.
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    assert.equal(await page.getByTestId("demo-banner").count(), 0);
  });
});

test("moving on, the back button and a reload all stay under the sub-path", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto(`${BASE}dids`);
    await saveSettings(page, stack);
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();
    await page.getByTestId("did-continue").click();
    await expectStep(page, "requirement");
    assert.equal(new URL(page.url()).pathname, `${BASE}requirement`);

    await page.goBack();
    await expectStep(page, "dids");
    assert.equal(new URL(page.url()).pathname, `${BASE}dids`);

    // The key lives in memory only, so a reload asks for it again; the step is still there.
    await page.reload();
    await expectStep(page, "dids");
    assert.equal(new URL(page.url()).pathname, `${BASE}dids`);
  });
});

test("a deep link to a status under the sub-path loads the app with its assets", async (t) => {
  await withPage(t, stack, async (page) => {
    const failed = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(`${BASE}status/0b3c7a52-5d7e-4f31-9a8e-2f4a1e6c9d10`);
    assert.equal(response.status(), 200);
    await expectStep(page, "status");
    // The simulator knows no such verification: only that API answer may be a 4xx.
    const assetFailures = failed.filter((line) => !line.includes("/v3/"));
    assert.deepEqual(assetFailures, [], "every asset of the deep-linked page loads");
  });
});

test("a config.json with a bad URL shows what is wrong instead of a blank page", async (t) => {
  await withPage(t, badConfigStack, async (page) => {
    await page.goto(BASE);
    const problems = page.getByTestId("config-problems");
    await problems.waitFor();
    const text = await problems.innerText();
    assert.match(text, /api_base_url/);
    assert.match(text, /https:\/\//);
    // The operator meant a real proxy: the app does not fall back to its made-up demo
    // account, and asks for a base instead of showing numbers that go nowhere.
    await expectStep(page, "dids");
    await page.getByText(/proxy URL in Settings/).first().waitFor();
    assert.equal(await page.getByTestId("demo-banner").count(), 0);
    assert.equal(await page.locator('[data-testid^="did-select-"]').count(), 0);
  });
});
