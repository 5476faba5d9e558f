// Without config.json the app runs on its built-in demo backend, as scripts/serve.sh serves it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startStack, withPage } from "./harness.mjs";
import { CLEAN_DID, expectStep } from "./wizard.mjs";

let stack;

before(async () => {
  stack = await startStack({ sim: false });
});

after(async () => {
  await stack?.stop();
});

test("without config.json the app says it is a demo and lists the demo DIDs", async (t) => {
  await withPage(t, stack, async (page) => {
    const config = await fetch(`${stack.appUrl}/config.json`);
    assert.equal(config.status, 404, "no config.json is served");

    await page.goto("/dids");
    await expectStep(page, "dids");
    await page.getByTestId("demo-banner").waitFor();
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
  });
});
