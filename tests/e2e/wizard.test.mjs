// The whole wizard against the simulator, from picking a DID to an approved verification.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { startStack, waitFor, withPage } from "./harness.mjs";
import {
  CLEAN_DID,
  LOCKED_DID,
  LOCKED_IDENTITY,
  createRecord,
  expectStep,
  saveSettings,
  selectDids,
  selectedOptionText,
  submitVerification,
  testIdsWithPrefix,
  validate,
  waitForBadges,
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

test("a business identity and a new address take a clean DID to an approved, active service", { timeout: 180_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    // Talking to an API, the app never downloads the demo's simulator module.
    const demoFiles = [];
    page.on("request", (request) => {
      if (/\/didww-demo[^/]*$/.test(new URL(request.url()).pathname)) {
        demoFiles.push(request.url());
      }
    });

    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveSettings(page, stack);
    await selectDids(page, [CLEAN_DID]);

    // The requirement follows from the DID's country and number type.
    await waitFor(async () => {
      const country = await selectedOptionText(page.getByTestId("requirement-country"));
      const type = await selectedOptionText(page.getByTestId("requirement-type"));
      return /Lithuania/.test(country) && /Local/.test(type);
    }, { message: "Lithuania / Local to be preselected" });
    await page.getByTestId("requirement-details").waitFor();
    for (const detail of ["restriction", "setup-price", "monthly-price", "setup-time", "identity-type"]) {
      const text = (await page.getByTestId(`requirement-${detail}`).innerText()).trim();
      assert.notEqual(text, "", `requirement-${detail} should not be empty`);
    }
    await page.getByTestId("requirement-continue").click();

    await expectStep(page, "identity");
    await createRecord(page, "identity", {
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

    await expectStep(page, "address");
    await createRecord(page, "address", {
      values: { address: "Gedimino pr. 1", city_name: "Vilnius", postal_code: "01100" },
    });
    await page.getByTestId("address-continue").click();

    await validate(page);
    await page.getByTestId("validate-continue").click();

    // No callback: the fields stay empty.
    await expectStep(page, "submit");
    assert.equal(await page.getByTestId("field-callback_url").inputValue(), "");
    await submitVerification(page);
    await waitForBadges(page, { verification: /Approved/, service: /Active/ });

    const stats = await stack.simStats();
    assert.equal(stats.verifications, 1, "exactly one verification is created");
    assert.equal(stats.last_api_key_seen, true, "the API key from the settings panel is sent");
    assert.deepEqual(demoFiles, [], "the demo module is not fetched in live mode");
  });
});

test("a DID locked to an identity offers only that identity and still reaches the status page", { timeout: 180_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await saveSettings(page, stack);
    await page.getByTestId(`did-case-${LOCKED_DID}`).waitFor();
    assert.match(await page.getByTestId(`did-case-${LOCKED_DID}`).innerText(), /Locked to identity/);
    await selectDids(page, [LOCKED_DID]);
    await page.getByTestId("requirement-continue").click();

    await expectStep(page, "identity");
    await page.getByTestId("identity-locked-notice").waitFor();
    const locked = page.getByTestId(`identity-option-${LOCKED_IDENTITY}`);
    assert.equal(await locked.isEnabled(), true, "the locked identity is selectable");
    for (const testId of await testIdsWithPrefix(page, "identity-option-")) {
      if (testId === `identity-option-${LOCKED_IDENTITY}`) continue;
      assert.equal(await page.getByTestId(testId).isDisabled(), true, `${testId} should be disabled`);
    }
    const newIdentity = page.getByTestId("identity-new");
    if ((await newIdentity.count()) > 0) {
      assert.equal(await newIdentity.isDisabled(), true, "identity-new should be absent or disabled");
    }
    await locked.check();
    await page.getByTestId("identity-continue").click();

    // The locked identity's own address.
    await expectStep(page, "address");
    const addressIds = await waitFor(async () => {
      const ids = await testIdsWithPrefix(page, "address-option-");
      return ids.length > 0 ? ids : undefined;
    }, { message: "an existing address-option-*" });
    await page.getByTestId(addressIds[0]).check();
    await page.getByTestId("address-continue").click();

    await validate(page);
    await page.getByTestId("validate-continue").click();
    await submitVerification(page);
    await page.getByTestId("status-badge-verification").waitFor();
  });
});
