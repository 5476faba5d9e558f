// The identity and address forms against the simulator: fields the requirement asks for,
// what is sent (dates, digits, Unicode, postal codes) and editing a created identity.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { API_KEY, startStack, waitFor, withPage } from "./harness.mjs";
import {
  CLEAN_DID,
  createRecord,
  expectStep,
  fillFields,
  saveSettings,
  selectDids,
  validate,
} from "./wizard.mjs";

/** A US Local number in New York: personal identities need a birth date and contact email. */
const US_NEW_YORK_DID = "87f83594-7853-4753-a615-427bba1b3505";
/** A Germany Local number: businesses only, with a company registration and VAT number. */
const DE_LOCAL_DID = "893d2866-73af-4cc7-90e5-9aa6a439649d";

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

/** A record as the simulator stores it, read with the API key as any client would. */
async function stored(kind, id) {
  const response = await fetch(`${stack.apiBaseUrl}/${kind}/${id}`, {
    headers: { "Api-Key": API_KEY, Accept: "application/vnd.api+json" },
  });
  assert.equal(response.status, 200, `GET /${kind}/${id}`);
  return (await response.json()).data.attributes;
}

/** Opens the app, picks the DIDs and goes on to the identity step. */
async function toIdentityStep(page, didIds) {
  await page.goto("/dids");
  await expectStep(page, "dids");
  await saveSettings(page, stack);
  await selectDids(page, didIds);
  await page.getByTestId("requirement-details").waitFor();
  await page.getByTestId("requirement-continue").click();
  await expectStep(page, "identity");
}

test("a personal identity on a requirement that needs birth date and contact email reaches a passing validation", { timeout: 120_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    // Far east of UTC, where a date taken through a clock would move to another day.
    const session = await page.context().newCDPSession(page);
    await session.send("Emulation.setTimezoneOverride", { timezoneId: "Pacific/Kiritimati" });
    await toIdentityStep(page, [US_NEW_YORK_DID]);

    await page.getByTestId("identity-new").click();
    await page.getByTestId("identity-type-personal").check();
    for (const name of ["birth_date", "contact_email"]) {
      assert.equal(await page.getByTestId(`field-${name}`).getAttribute("required"), "", `${name} is required`);
    }
    // A date typed wrong is an error, not an empty field, and stays as typed.
    await fillFields(page, { birth_date: "1990-02-30" });
    await page.getByTestId("identity-create").click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    assert.match(await summary.innerText(), /that day is not in the calendar/);
    assert.equal(await page.getByTestId("field-birth_date").inputValue(), "1990-02-30");
    await page.getByTestId("identity-cancel").click();

    const identityId = await createRecord(page, "identity", {
      before: () => page.getByTestId("identity-type-personal").check(),
      values: {
        first_name: "Zoë",
        last_name: "Nguyễn Straße",
        phone_number: "+1 (212) 555-0100",
        contact_email: "zoe@example.com",
        birth_date: "1990-1-31",
      },
    });
    const identity = await stored("identities", identityId);
    assert.equal(identity.birth_date, "1990-01-31", "the birth date is the day typed");
    assert.equal(identity.phone_number, "12125550100", "digits only");
    assert.equal(identity.first_name, "Zoë");
    assert.equal(identity.last_name, "Nguyễn Straße");
    await page.getByTestId("identity-continue").click();

    // The address starts in the numbers' city and keeps the postal code as typed.
    await expectStep(page, "address");
    await page.getByTestId("address-new").click();
    await waitFor(async () => (await page.getByTestId("field-city_name").inputValue()) === "New York", {
      message: "the numbers' city to be filled in",
    });
    await waitFor(async () => (await page.getByTestId("field-area").inputValue()) !== "", {
      message: "the numbers' state to be chosen",
    });
    const addressId = await createRecordInOpenForm(page, {
      address: "350 Fifth Avenue, Floor 2",
      postal_code: "01001",
    });
    const address = await stored("addresses", addressId);
    assert.equal(address.postal_code, "01001", "leading zero kept");
    await page.getByTestId("address-continue").click();
    await validate(page);
  });
});

test("a business identity that needs a company registration number is checked before it is sent", { timeout: 120_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await toIdentityStep(page, [DE_LOCAL_DID]);
    await page.getByTestId("identity-new").click();
    assert.equal(await page.getByTestId("identity-type-personal").count(), 0, "businesses only");

    await fillFields(page, {
      first_name: "Jörg",
      last_name: "Weiß",
      company_name: "Straßenbau München GmbH",
      phone_number: "+49 89 1234567",
      vat_id: "DE123456789",
    });
    const statsBefore = await stack.simStats();
    await page.getByTestId("identity-create").click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    assert.match(await summary.innerText(), /Enter the company registration number/);
    const field = page.getByTestId("field-company_reg_number");
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.equal((await stack.simStats()).requests, statsBefore.requests, "nothing was sent");
    // The summary's link takes the user to the field.
    await summary.locator("a[href='#field-company_reg_number']").click();
    assert.equal(await field.evaluate((element) => element === document.activeElement), true);

    await field.fill("HRB 123456");
    const existing = await page.locator('[data-testid^="identity-option-"]').count();
    await page.getByTestId("identity-create").click();
    const created = await waitFor(async () => {
      const ids = await page
        .locator('[data-testid^="identity-option-"]')
        .evaluateAll((elements) => elements.filter((e) => e.checked).map((e) => e.dataset.testid));
      return ids.length === 1 && (await page.locator('[data-testid^="identity-option-"]').count()) > existing
        ? ids[0].slice("identity-option-".length)
        : undefined;
    }, { message: "the new business identity to be chosen" });
    const identity = await stored("identities", created);
    assert.equal(identity.company_reg_number, "HRB 123456");
    assert.equal(identity.company_name, "Straßenbau München GmbH");
    assert.equal(await page.getByTestId("field-last_name").count(), 0, "the form closed");
  });
});

test("a created identity can be completed later, sending only what changed", { timeout: 120_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    await toIdentityStep(page, [CLEAN_DID]);
    const identityId = await createRecord(page, "identity", {
      before: () => page.getByTestId("identity-type-personal").check(),
      values: {
        first_name: "Ona",
        last_name: "Petraitė",
        phone_number: "+370 5 203 2401",
        description: "Vilnius desk",
      },
    });

    const patches = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patches.push(JSON.parse(request.postData() ?? "{}"));
    });
    await page.getByTestId(`identity-edit-${identityId}`).click();
    await page.getByTestId("identity-edit-form").waitFor();
    assert.equal(await page.getByTestId("field-last_name").inputValue(), "Petraitė");
    await fillFields(page, {
      contact_email: "ona@example.lt",
      description: "Kaunas desk · Ł ü ß é 北京 e\u0301",
    });
    await page.getByTestId("identity-save").click();
    await waitFor(async () => /were saved/.test(await page.getByTestId("identity-created").innerText()), {
      message: "the changes to be saved",
    });

    assert.equal(patches.length, 1, "one PATCH");
    assert.deepEqual(Object.keys(patches[0].data.attributes).sort(), ["contact_email", "description"]);
    assert.equal(patches[0].data.relationships, undefined, "the country did not change");
    const identity = await stored("identities", identityId);
    assert.equal(identity.contact_email, "ona@example.lt");
    assert.equal(identity.description, "Kaunas desk · Ł ü ß é 北京 e\u0301", "Unicode exactly as typed");
    assert.equal(identity.last_name, "Petraitė");
    assert.equal(identity.phone_number, "37052032401");
    assert.equal(await page.getByTestId(`identity-option-${identityId}`).isChecked(), true, "still chosen");
  });
});

/** Fills the open address form (the city and state already set) and creates the address. */
async function createRecordInOpenForm(page, values) {
  await fillFields(page, values);
  const existing = new Set(
    await page.locator('[data-testid^="address-option-"]').evaluateAll((elements) => elements.map((e) => e.dataset.testid)),
  );
  await page.getByTestId("address-create").click();
  const created = await waitFor(async () => {
    const ids = await page
      .locator('[data-testid^="address-option-"]')
      .evaluateAll((elements) => elements.map((e) => e.dataset.testid));
    return ids.find((id) => !existing.has(id));
  }, { message: "the new address to be listed" });
  return created.slice("address-option-".length);
}
