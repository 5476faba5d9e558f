// Nothing lost: a reload at every step brings the draft back (typed values included), a
// discarded draft is gone, a corrupt stored draft is ignored, and the API key never reaches
// session storage. Against the simulator, and in demo mode, where the made-up account starts
// afresh with every page load.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { API_KEY, startStack, waitFor, withPage } from "./harness.mjs";
import {
  CLEAN_DID,
  createRecord,
  expectStep,
  fillFields,
  saveSettings,
  submitVerification,
  testIdsWithPrefix,
  throwOnErrorSummary,
  validate,
} from "./wizard.mjs";

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

/** Every session-storage entry of the page, as [key, value] pairs. */
async function sessionEntries(page) {
  return page.evaluate(() => Object.entries(sessionStorage));
}

/** Reloads the page and waits until `step` shows again. */
async function reloadAt(page, step) {
  await page.reload();
  await expectStep(page, step);
}

/** Enters the key and asks the app to remember it, so that reloads keep it. */
async function saveSettingsRemembered(page) {
  await page.getByTestId("settings-open").click();
  await page.getByTestId("settings-api-key").fill(API_KEY);
  await page.getByTestId("settings-remember-key").check();
  await page.getByTestId("settings-save").click();
}

/**
 * Completes the form of `kind` that the restored draft shows open, creates the record, and
 * returns its id once it is listed and chosen.
 */
async function createFromOpenForm(page, kind, values) {
  const prefix = `${kind}-option-`;
  assert.equal(await page.getByTestId(`${kind}-new`).count(), 0, `the ${kind} form is open`);
  await fillFields(page, values);
  const loading = page.getByTestId(`step-${kind}`).getByTestId("loading-state");
  await waitFor(async () => !(await loading.isVisible()), { message: `the ${kind} list to load` });
  const existing = new Set(await testIdsWithPrefix(page, prefix));
  await page.getByTestId(`${kind}-create`).click();
  const created = await waitFor(async () => {
    await throwOnErrorSummary(page);
    const ids = await testIdsWithPrefix(page, prefix);
    return ids.find((id) => !existing.has(id));
  }, { message: `a new ${prefix}* after ${kind}-create` });
  await expectChecked(page.getByTestId(created), `${created} to be chosen`);
  return created.slice(prefix.length);
}

async function expectChecked(locator, message) {
  await waitFor(() => locator.isChecked(), { message });
}

async function expectValue(page, field, value) {
  await waitFor(
    async () => (await page.getByTestId(`field-${field}`).inputValue()) === value,
    { message: `field-${field} to hold "${value}"` },
  );
}

test("a reload at every step brings back the draft, typed values included", { timeout: 180_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveSettingsRemembered(page);

    // Step 1: a ticked number.
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();
    await reloadAt(page, "dids");
    await expectChecked(page.getByTestId(`did-select-${CLEAN_DID}`), "the number to stay ticked");
    assert.match(await page.getByTestId("did-selection-summary").innerText(), /1 number selected/);
    await page.getByTestId("did-continue").click();

    // Step 2: the requirement of the chosen number.
    await expectStep(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();
    await reloadAt(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();
    await page.getByTestId("requirement-continue").click();

    // Step 3: a half-filled identity form, then the identity created from it.
    await expectStep(page, "identity");
    await page.getByTestId("identity-new").click();
    await page.getByTestId("identity-type-business").check();
    await fillFields(page, { first_name: "Ona", company_name: "Vilnius Test Works UAB" });
    await reloadAt(page, "identity");
    await expectChecked(page.getByTestId("identity-type-business"), "the business type to stay chosen");
    await expectValue(page, "first_name", "Ona");
    await expectValue(page, "company_name", "Vilnius Test Works UAB");
    const identityId = await createFromOpenForm(page, "identity", {
      last_name: "Petraitė",
      phone_number: "+370 5 203 2401",
      contact_email: "ona@example.com",
    });
    await reloadAt(page, "identity");
    await expectChecked(page.getByTestId(`identity-option-${identityId}`), "the identity to stay chosen");
    await page.getByTestId("identity-continue").click();

    // Step 4: a half-typed address, then the address created from it.
    await expectStep(page, "address");
    await page.getByTestId("address-new").click();
    await fillFields(page, { address: "Gedimino pr. 1" });
    await reloadAt(page, "address");
    await expectValue(page, "address", "Gedimino pr. 1");
    const addressId = await createFromOpenForm(page, "address", {
      city_name: "Vilnius",
      postal_code: "01100",
    });
    await reloadAt(page, "address");
    await expectChecked(page.getByTestId(`address-option-${addressId}`), "the address to stay chosen");
    await page.getByTestId("address-continue").click();

    // Step 5: the validation's verdict.
    await validate(page);
    await reloadAt(page, "validate");
    await waitFor(() => page.getByTestId("validate-continue").isEnabled(), {
      message: "the validation to stay passed",
    });
    await page.getByTestId("validate-continue").click();

    // Step 6: a typed callback.
    await expectStep(page, "submit");
    await fillFields(page, { callback_url: "https://example.com/didww-callback" });
    await reloadAt(page, "submit");
    await expectValue(page, "callback_url", "https://example.com/didww-callback");
    await page.getByTestId("submit-summary").waitFor();
    assert.match(await page.getByTestId("submit-summary").innerText(), /Vilnius Test Works UAB/);
    await page.getByTestId("field-callback_url").fill("");
    const verificationId = await submitVerification(page);

    // After the submission the draft is gone, and the status page still opens by its URL.
    await waitFor(async () => (await sessionEntries(page)).length === 0, {
      message: "the submitted draft to leave session storage",
    });
    await reloadAt(page, "status");
    assert.equal(new URL(page.url()).pathname, `/status/${verificationId}`);
    await page.getByTestId("status-badge-verification").waitFor();
    assert.equal(await page.getByTestId("draft-bar").count(), 0);
  });
});

test("the draft is kept per account, without the API key, and the root opens its step", { timeout: 90_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    // The key is kept in memory only here: a reload forgets it, the draft does not.
    await saveSettings(page, stack);
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();
    await page.getByTestId("did-continue").click();
    await expectStep(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();

    const entries = await sessionEntries(page);
    assert.ok(entries.length > 0, "the draft is in session storage");
    for (const [key, value] of entries) {
      assert.ok(key.includes(stack.apiBaseUrl), `${key} names the API base`);
      assert.ok(!key.includes(API_KEY) && !value.includes(API_KEY), `the key leaked into ${key}`);
    }
    assert.equal(await page.evaluate(() => localStorage.getItem("didww-emergency.api-key")), null);

    // A fresh start at the root opens the step the draft was left on.
    await page.goto("/");
    await expectStep(page, "requirement");
    assert.equal(new URL(page.url()).pathname, "/requirement");
  });
});

test("a discarded draft is gone after a reload", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveSettingsRemembered(page);
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();

    // Focus follows the question and the answer, never falling to the page.
    await page.getByTestId("draft-discard").click();
    await waitForFocus(page, "draft-discard-confirm");
    await page.getByTestId("draft-discard-cancel").click();
    await waitForFocus(page, "draft-discard");
    await page.getByTestId("draft-discard").click();
    await page.getByTestId("draft-discard-confirm").click();
    await waitForFocus(page, "step-heading");

    await waitFor(async () => !(await page.getByTestId(`did-select-${CLEAN_DID}`).isChecked()), {
      message: "the number to be unticked",
    });
    assert.match(await page.getByTestId("draft-announcement").innerText(), /discarded/);
    assert.deepEqual(await sessionEntries(page), []);
    await reloadAt(page, "dids");
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    assert.equal(await page.getByTestId(`did-select-${CLEAN_DID}`).isChecked(), false);
    assert.equal(await page.getByTestId("draft-bar").count(), 0);
  });
});

test("corrupt and old-format stored drafts are ignored without breaking the page", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    const base = `didww-emergency.draft/app/live:${stack.apiBaseUrl}`;
    const garbage = [
      [base, "{not json"],
      [`${base}#numbers`, JSON.stringify({ format: 0, selected: [{ id: CLEAN_DID }] })],
    ];
    await page.addInitScript((entries) => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      for (const [key, value] of entries) sessionStorage.setItem(key, value);
    }, garbage);

    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveSettingsRemembered(page);
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    assert.equal(await page.getByTestId(`did-select-${CLEAN_DID}`).isChecked(), false);
    assert.equal(await page.getByTestId("draft-bar").count(), 0);

    // The app goes on as usual and its own draft replaces the bad one.
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();
    await reloadAt(page, "dids");
    await expectChecked(page.getByTestId(`did-select-${CLEAN_DID}`), "the new draft to be restored");
  });
});

test("a browser that refuses to store the draft gets a plain warning, and the flow goes on", { timeout: 60_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (this === window.sessionStorage) {
          throw new DOMException("the quota was exceeded", "QuotaExceededError");
        }
        return setItem.call(this, key, value);
      };
    });
    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveSettingsRemembered(page);
    await page.getByTestId(`did-select-${CLEAN_DID}`).check();

    const notice = page.getByTestId("draft-notice");
    await notice.waitFor();
    assert.match(await notice.innerText(), /did not let the app keep your draft/);
    await page.getByTestId("did-continue").click();
    await expectStep(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();
  });
});

test("in demo mode, a restored draft says that records made before the reload are gone", { timeout: 120_000 }, async (t) => {
  const demo = await startStack({ sim: false });
  try {
    await withPage(t, demo, async (page) => {
      await page.goto("/dids");
      await expectStep(page, "dids");
      await page.getByTestId("demo-banner").waitFor();
      await page.getByTestId(`did-select-${CLEAN_DID}`).check();
      await page.getByTestId("did-continue").click();
      await expectStep(page, "requirement");
      await page.getByTestId("requirement-details").waitFor();
      await page.getByTestId("requirement-continue").click();
      await expectStep(page, "identity");
      const identityId = await createRecord(page, "identity", {
        before: () => page.getByTestId("identity-type-business").check(),
        values: {
          first_name: "Ona",
          last_name: "Petraitė",
          phone_number: "+370 5 203 2401",
          company_name: "Demo Works UAB",
          contact_email: "ona@example.com",
        },
      });

      await reloadAt(page, "identity");
      const notice = page.getByTestId("draft-notice");
      await notice.waitFor();
      const text = await notice.innerText();
      assert.match(text, /Demo Works UAB/);
      assert.match(text, /starts afresh/);
      assert.equal(await page.getByTestId(`identity-option-${identityId}`).count(), 0);
      // The form is open again with what was typed, one click from creating it anew.
      await expectValue(page, "company_name", "Demo Works UAB");
      await expectValue(page, "first_name", "Ona");
      assert.equal(await page.getByTestId("identity-continue").isEnabled(), false);
      await page.getByTestId("draft-notice-dismiss").click();
      await waitFor(async () => (await notice.count()) === 0, { message: "the notice to close" });
      await waitForFocus(page, "step-heading");
    });
  } finally {
    await demo.stop();
  }
});

/** Waits until the element with `id` has focus. */
async function waitForFocus(page, id) {
  await waitFor(async () => (await page.evaluate(() => document.activeElement?.id)) === id, {
    message: `focus on #${id}`,
  });
}
