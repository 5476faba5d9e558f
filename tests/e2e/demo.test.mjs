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

// The demo's simulator is a module of its own: fetched once, on the first demo request.
const DEMO_MODULE = /\/didww-demo(\.js|_bg\.wasm)$/;

/** The URLs of the demo module's files that `page` asks for from now on. */
function recordDemoModuleFetches(page) {
  const fetched = [];
  page.on("request", (request) => {
    if (DEMO_MODULE.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  return fetched;
}

test("demo mode fetches the simulator module once, however many requests it answers", async (t) => {
  await withPage(t, stack, async (page) => {
    const fetched = recordDemoModuleFetches(page);

    await page.goto("/dids");
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();
    await page.getByTestId("did-continue").click();
    await expectStep(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();

    const names = fetched.map((url) => new URL(url).pathname.split("/").pop()).sort();
    assert.deepEqual(names, ["didww-demo.js", "didww-demo_bg.wasm"]);
  });
});

test("when the simulator module cannot be fetched, the page says so and a retry recovers", async (t) => {
  await withPage(t, stack, async (page) => {
    let refusing = true;
    await page.route(DEMO_MODULE, (route) =>
      refusing ? route.fulfill({ status: 404, body: "not here" }) : route.continue(),
    );

    await page.goto("/dids");
    const error = page.getByTestId("error-state");
    await error.waitFor();
    assert.match(await error.innerText(), /The built-in demo could not be loaded\./);
    assert.match(await error.innerText(), /Try again\. If it keeps failing/);

    refusing = false;
    await page.getByTestId("retry").click();
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    // The Retry button is gone: focus went on from the step's heading, not to the page.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "step-heading");
  });
});

test("two demo widgets on one page share one simulator module and each lists the numbers", async (t) => {
  stack.writeBundleFile("two-demo/index.html", `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Two demo widgets</title>
    <link rel="icon" href="data:," />
    <script type="module" src="../widget.js"></script>
  </head>
  <body>
    <didww-emergency id="east"></didww-emergency>
    <didww-emergency id="west"></didww-emergency>
  </body>
</html>
`);
  await withPage(t, stack, async (page) => {
    const fetched = recordDemoModuleFetches(page);

    await page.goto("/two-demo/");
    for (const id of ["east", "west"]) {
      const widget = page.locator(`didww-emergency#${id}`);
      await widget.getByTestId("demo-banner").waitFor();
      await widget.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    }
    assert.equal(fetched.length, 2, `one .js and one .wasm: ${fetched.join(", ")}`);
  });
});

test("a config.json the host fails to serve turns no page into the demo", async (t) => {
  await withPage(t, stack, async (page) => {
    const fetched = recordDemoModuleFetches(page);
    await page.route(/\/config\.json$/, (route) =>
      route.fulfill({ status: 503, body: "upstream unavailable" }),
    );

    await page.goto("/dids");
    const problems = page.getByTestId("config-problems");
    await problems.waitFor();
    assert.match(await problems.innerText(), /config\.json could not be read/);
    assert.match(await problems.innerText(), /status 503/);
    await page.getByText(/proxy URL in Settings/).first().waitFor();
    assert.equal(await page.getByTestId("demo-banner").count(), 0);
    assert.deepEqual(fetched, [], "the demo module is not fetched");
  });
});

test("typing a search and moving on before it starts leaves nothing running behind", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();

    // The search waits for a pause in typing; the step is left before it would start.
    await page.getByTestId("did-search").fill("5203");
    await page.getByTestId("did-continue").click();
    await expectStep(page, "requirement");
    await page.waitForTimeout(800);
    await page.getByTestId("requirement-details").waitFor();
    // withPage fails the test on any uncaught error in the page, such as a panic.
  });
});
