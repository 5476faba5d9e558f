// A proxy or API that misbehaves: an HTML 502 page, an empty 200, a cut-off JSON body and a
// 429 with Retry-After each get a plain-words message with the status and a way on, and
// nothing the user typed is lost. The faults come from the simulator's POST /__sim/faults.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { API_KEY, startStack, waitFor, withPage } from "./harness.mjs";
import { CLEAN_DID, expectStep, fillFields, selectDids } from "./wizard.mjs";

let stack;

before(async () => {
  stack = await startStack({ sim: true, reviewDelayMs: 1500 });
});

after(async () => {
  await stack?.stop();
});

beforeEach(async () => {
  await stack?.resetSim();
});

/** Arms one fault rule on the simulator (see tests/README.md). */
async function injectFault(rule) {
  const response = await fetch(`${stack.simUrl}/__sim/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(rule),
  });
  assert.ok(response.ok, `POST /__sim/faults answered ${response.status}: ${await response.text()}`);
}

/** The rules still armed (`pending`) and how many faults were injected (`injected`). */
async function faultState() {
  const response = await fetch(`${stack.simUrl}/__sim/faults`);
  assert.equal(response.status, 200, "GET /__sim/faults");
  return response.json();
}

/** The rules still armed. */
async function armedFaults() {
  return (await faultState()).pending;
}

/** Enters the key and asks the app to remember it, so that a reload keeps it. */
async function saveKey(page) {
  await page.getByTestId("settings-open").click();
  await page.getByTestId("settings-api-key").fill(API_KEY);
  await page.getByTestId("settings-remember-key").check();
  await page.getByTestId("settings-save").click();
}

/** From the numbers to the identity step with the clean Lithuanian number. */
async function openIdentityStep(page) {
  await page.goto("/dids");
  await expectStep(page, "dids");
  await saveKey(page);
  await selectDids(page, [CLEAN_DID]);
  await page.getByTestId("requirement-details").waitFor();
  await page.getByTestId("requirement-continue").click();
  await expectStep(page, "identity");
}

/** The error state inside `scope`, once shown: its title and its advice. */
async function errorShown(scope) {
  const state = scope.getByTestId("error-state");
  await state.waitFor({ timeout: 20_000 });
  return {
    title: (await state.locator(".dwe-state__title").innerText()).trim(),
    advice: (await state.locator(".dwe-state__message").first().innerText()).trim(),
    retry: state.getByTestId("retry"),
  };
}

/** The number of identity options listed, once the list is there. */
async function identityOptionsShown(page) {
  await page.getByTestId("identity-options").waitFor();
  return page.locator('[data-testid^="identity-option-"]').count();
}

test("a proxy's HTML 502 page on a read says so with the status, and Retry recovers", { timeout: 90_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    // Every try of the read gets the proxy's page: the first and the two automatic retries.
    await injectFault({ kind: "bad_gateway", method: "GET", path: "/v3/identities", count: 3 });
    await openIdentityStep(page);

    const step = page.getByTestId("step-identity");
    const shown = await errorShown(step);
    assert.equal(
      shown.title,
      "The proxy or API answered something unexpected (status 502): an HTML page arrived instead of JSON.",
    );
    assert.match(shown.advice, /What you typed is kept: try again/);
    assert.deepEqual(await armedFaults(), [], "the read was tried three times");
    assert.equal((await faultState()).injected, 3);
    // The proxy's markup is never shown as markup.
    assert.equal(await step.locator("center, h1:has-text('502')").count(), 0);

    await shown.retry.click();
    assert.ok((await identityOptionsShown(page)) > 0);
    assert.equal(await step.getByTestId("error-state").count(), 0);
  });
});

test("a single 502 on a read is retried without troubling the user", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await injectFault({ kind: "bad_gateway", method: "GET", path: "/v3/identities", count: 1 });
    await openIdentityStep(page);
    assert.ok((await identityOptionsShown(page)) > 0);
    assert.equal(await page.getByTestId("error-state").count(), 0);
    assert.deepEqual(await armedFaults(), []);
  });
});

test("an empty 200 says the answer was unexpected and empty, and Retry recovers", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveKey(page);
    await injectFault({ kind: "empty", method: "GET", path: "/v3/emergency_requirements" });
    await selectDids(page, [CLEAN_DID]);

    const shown = await errorShown(page.getByTestId("step-requirement"));
    assert.equal(
      shown.title,
      "The proxy or API answered something unexpected (status 200): the body was empty.",
    );
    assert.match(shown.advice, /Try again/);
    await shown.retry.click();
    await page.getByTestId("requirement-details").waitFor();
    await page.getByTestId("requirement-continue").click();
    await expectStep(page, "identity");
  });
});

test("a cut-off JSON body says the document was cut short, and loading goes on from there", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    // The key is remembered, so the numbers' very first read, after the reload, is the one
    // that is cut.
    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveKey(page);
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    await injectFault({ kind: "truncated", method: "GET", path: "/v3/dids" });
    await page.reload();
    await expectStep(page, "dids");

    const shown = await errorShown(page.getByTestId("did-load-status"));
    assert.equal(
      shown.title,
      "The proxy or API answered something unexpected (status 200): the JSON document was cut short.",
    );
    await shown.retry.click();
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    await waitFor(async () => /\.$/.test(await page.getByTestId("did-load-progress").innerText()), {
      message: "the numbers to finish loading",
    });
  });
});

test("a 429 with Retry-After is waited out on reads, then explained with the wait when it persists", { timeout: 90_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    // Once: the read waits the second it was asked to and goes on by itself.
    await injectFault({ kind: "rate_limit", method: "GET", path: "/v3/identities", retry_after_seconds: 1 });
    await openIdentityStep(page);
    assert.ok((await identityOptionsShown(page)) > 0);
    assert.equal(await page.getByTestId("error-state").count(), 0);
    assert.deepEqual(await armedFaults(), []);

    // Every try: the wait is named, and Retry works once the limit is lifted.
    await injectFault({
      kind: "rate_limit", method: "GET", path: "/v3/identities", count: 3, retry_after_seconds: 2,
    });
    await page.reload();
    await expectStep(page, "identity");
    const shown = await errorShown(page.getByTestId("step-identity"));
    assert.equal(shown.title, "Too many requests. Please wait 2 seconds.");
    assert.equal(shown.advice, "Wait, then try again.");
    await shown.retry.click();
    assert.ok((await identityOptionsShown(page)) > 0);
  });
});

test("a proxy's 502 on a write keeps what was typed, and sending again creates the record once", { timeout: 90_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await openIdentityStep(page);
    await page.getByTestId("identity-new").click();
    await page.getByTestId("identity-type-business").check();
    const typed = {
      first_name: "Ona",
      last_name: "Petraitė",
      phone_number: "+370 5 203 2401",
      company_name: "Gateway Test UAB",
      contact_email: "ona@example.com",
    };
    await fillFields(page, typed);
    await injectFault({ kind: "bad_gateway", method: "POST", path: "/v3/identities" });
    await page.getByTestId("identity-create").click();

    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    assert.match(
      await summary.innerText(),
      /The proxy or API answered something unexpected \(status 502\): an HTML page arrived instead of JSON/,
    );
    for (const [name, value] of Object.entries(typed)) {
      assert.equal(await page.getByTestId(`field-${name}`).inputValue(), value, `field-${name}`);
    }
    assert.equal((await faultState()).injected, 1, "the POST was sent once, not retried");

    await page.getByTestId("identity-create").click();
    await page.getByTestId("identity-created").filter({ hasText: "Gateway Test UAB" }).waitFor();
    const response = await fetch(`${stack.apiBaseUrl}/identities?page[size]=100`, {
      headers: { "Api-Key": API_KEY, Accept: "application/vnd.api+json" },
    });
    const listed = (await response.json()).data;
    const named = listed.filter((identity) => identity.attributes.company_name === "Gateway Test UAB");
    assert.equal(named.length, 1, "exactly one identity was created");
  });
});

test("leaving a step cancels its read in flight, and no late answer reaches the next step", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    // The identities read gets no answer for 20 s, far longer than the test waits.
    await injectFault({ kind: "hang", method: "GET", path: "/v3/identities", hang_ms: 20_000 });
    const started = new Promise((resolve) => {
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.startsWith("/v3/identities")) resolve(request);
      });
    });
    const failed = new Promise((resolve) => {
      page.on("requestfailed", (request) => {
        if (new URL(request.url()).pathname.startsWith("/v3/identities")) {
          resolve(request.failure()?.errorText ?? "");
        }
      });
    });
    await openIdentityStep(page);
    await started;

    await page.getByTestId("stepper-requirement").click();
    await expectStep(page, "requirement");
    const reason = await Promise.race([
      failed,
      new Promise((resolve) => setTimeout(() => resolve("still pending after 5 s"), 5_000)),
    ]);
    assert.match(reason, /ABORTED/i, "the read was cancelled when the step was left");
    await page.getByTestId("requirement-details").waitFor();
    assert.equal(await page.getByTestId("error-state").count(), 0);
  });
});
