// axe-core on every step of the wizard and on the status page, in the light and the dark
// colour scheme, including the states a step can be in: forms with errors, refusals, search
// results, a passed validation, a pending, approved and rejected registration.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { expectNoAxeViolations } from "./a11y.mjs";
import { startStack, waitFor, withPage } from "./harness.mjs";
import {
  CLEAN_DID,
  createRecord,
  expectStep,
  saveSettings,
  selectDids,
  testIdsWithPrefix,
  validate,
  waitForBadges,
} from "./wizard.mjs";

/** The seeded rejected verification of the simulator's guide account. */
const REJECTED_VERIFICATION = "9f307673-5794-47ef-8aab-a459d9110d12";

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

const FLOW = { timeout: 240_000 };

test("axe finds nothing on any step of the flow, light or dark", FLOW, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await page.getByTestId("settings-open").click();
    await page.getByTestId("settings-panel").waitFor();
    await expectNoAxeViolations(page, "the settings panel");
    await page.getByTestId("settings-close").click();
    await saveSettings(page, stack);
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    await expectNoAxeViolations(page, "the numbers step");

    // A refused number: the inline reason and the notice that offers batches.
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();
    const other = await firstFreeNumberOutsideLithuania(page);
    await page.getByTestId(`did-select-${other}`).click();
    await page.getByTestId(`did-refusal-${other}`).waitFor();
    await page.getByTestId("did-notice").waitFor();
    await expectNoAxeViolations(page, "the numbers step with a refused number");

    await page.getByTestId("did-search").fill("5203");
    await page.getByTestId("did-search-summary").waitFor();
    await expectNoAxeViolations(page, "the numbers step's search results");

    // Letters are not searched, and the box says so (linked to it) instead of ignoring them.
    const search = page.getByTestId("did-search");
    await search.fill("ext 5203");
    const hint = page.getByTestId("did-search-hint");
    assert.equal(
      (await hint.innerText()).trim(),
      "Only digits are searched: looking for 5203.",
    );
    assert.equal(await search.getAttribute("aria-describedby"), "did-search-hint");
    await search.fill("vilnius");
    assert.match(await hint.innerText(), /searched by their digits only/);
    await expectNoAxeViolations(page, "the numbers step's search hint");
    await search.fill("");
    assert.equal(await hint.count(), 0);
    assert.equal(await search.getAttribute("aria-describedby"), null);
    await page.getByTestId("did-table").waitFor();
    await page.getByTestId(`did-select-${CLEAN_DID}`).uncheck();
    await selectDids(page, [CLEAN_DID]);

    await page.getByTestId("requirement-details").waitFor();
    await expectNoAxeViolations(page, "the requirement step");
    await page.getByTestId("requirement-continue").click();

    await expectStep(page, "identity");
    await page.getByTestId("identity-options").waitFor();
    await expectNoAxeViolations(page, "the identity list");
    await page.getByTestId("identity-new").click();
    await page.getByTestId("identity-create").click();
    await page.getByTestId("error-summary").waitFor();
    await expectNoAxeViolations(page, "the identity form with errors");
    await page.getByTestId("identity-form").getByRole("button", { name: "Cancel" }).click();
    await createRecord(page, "identity", {
      values: {
        first_name: "Ona",
        last_name: "Petraitė",
        phone_number: "+370 5 203 2401",
        contact_email: "ona@example.com",
      },
    });
    await expectNoAxeViolations(page, "the identity step after creating one");
    await page.getByTestId("identity-continue").click();

    await expectStep(page, "address");
    await page.getByTestId("address-new").click();
    await page.getByTestId("address-create").click();
    await page.getByTestId("error-summary").waitFor();
    await expectNoAxeViolations(page, "the address form with errors");
    await page.getByTestId("address-form").getByRole("button", { name: "Cancel" }).click();
    await createRecord(page, "address", {
      values: { address: "Gedimino pr. 1", city_name: "Vilnius", postal_code: "01100" },
    });
    await expectNoAxeViolations(page, "the address step after creating one");
    await page.getByTestId("address-continue").click();

    await expectStep(page, "validate");
    await expectNoAxeViolations(page, "the validate step");
    await validate(page);
    await expectNoAxeViolations(page, "the validate step after a passed check");
    await page.getByTestId("validate-continue").click();

    await expectStep(page, "submit");
    await expectNoAxeViolations(page, "the submit step");
    await page.getByTestId("field-callback_url").fill("http://not-secure.example");
    await page.getByTestId("submit-verification").click();
    await page.getByTestId("error-summary").waitFor();
    await expectNoAxeViolations(page, "the submit step with a refused callback");
    await page.getByTestId("field-callback_url").fill("");
    await page.getByTestId("submit-verification").click();
    await page.waitForURL(/\/status\/[^/]+$/, { timeout: 20_000 });
    await expectStep(page, "status");

    await page.getByTestId("status-badge-verification").waitFor();
    await expectNoAxeViolations(page, "the status page while the review is pending");
    await waitForBadges(page, { verification: /Approved/, service: /Active/ });
    await expectNoAxeViolations(page, "the status page once approved and active");
  });
});

test("axe finds nothing on a rejected registration, a blocked step, an unknown page", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto(`/status/${REJECTED_VERIFICATION}`);
    await expectStep(page, "status");
    await saveSettings(page, stack);
    await page.getByTestId("status-reject-reasons").waitFor();
    await expectNoAxeViolations(page, "the status page of a rejected registration");

    await page.goto("/validate");
    await page.getByTestId("step-blocked").waitFor();
    await expectNoAxeViolations(page, "a step that needs an earlier one");

    await page.goto("/no-such-page");
    await page.getByTestId("not-found").waitFor();
    await expectNoAxeViolations(page, "the page-not-found page");
  });
});

// The check above is only worth something if it can fail: a button without a name and grey
// text on white are put into the page, and axe must name both.
test("the axe check reports a nameless button and low-contrast text", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/no-such-page");
    await page.getByTestId("not-found").waitFor();
    await page.evaluate(() => {
      const card = document.querySelector('[data-testid="not-found"]');
      card.append(document.createElement("button"));
      const faint = document.createElement("p");
      faint.textContent = "Hard to read";
      faint.style.color = "#c8c8c8";
      faint.style.background = "#ffffff";
      card.append(faint);
    });
    await assert.rejects(expectNoAxeViolations(page, "a page with planted problems"), (error) => {
      assert.match(error.message, /\[light\] button-name/);
      assert.match(error.message, /\[light\] color-contrast/);
      assert.match(error.message, /\[dark\] button-name/);
      return true;
    });
  });
});

/** The first free number of the guide account outside Lithuania, read from the table. */
async function firstFreeNumberOutsideLithuania(page) {
  return waitFor(async () => {
    for (const testId of await testIdsWithPrefix(page, "did-row-")) {
      const text = await page.getByTestId(testId).innerText();
      if (!text.includes("Lithuania") && text.includes("Free")) {
        return testId.slice("did-row-".length);
      }
    }
    return undefined;
  }, { message: "a free number outside Lithuania" });
}
