// The whole flow with the keyboard alone: Tab, Shift+Tab, Space, Enter and the arrow keys, and
// typing into the field that has focus. No click, no `.fill()`, no `.check()`: whatever the
// test uses, it first reaches with Tab. Along the way it checks that focus lands on each new
// step's heading, on the error summary of a refused form, and on what replaces a control that
// goes away, and that status changes are read out by the one live region.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import {
  expectAnnouncement,
  expectFocusOn,
  expectStepHeadingFocused,
  focusedElement,
  tabTo,
} from "./a11y.mjs";
import { API_KEY, startStack, waitFor, withPage } from "./harness.mjs";
import { CLEAN_DID, expectStep, waitForBadges } from "./wizard.mjs";

let stack;
let demo;

before(async () => {
  stack = await startStack({ sim: true, reviewDelayMs: 1500 });
  demo = await startStack({ sim: false });
});

after(async () => {
  await stack?.stop();
  await demo?.stop();
});

beforeEach(async () => {
  await stack?.resetSim();
});

const FLOW = { timeout: 240_000 };

test("a keyboard alone takes a clean number to an active emergency service", FLOW, async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await expectStepHeadingFocused(page, "dids");

    // Settings: the button is above the heading, so it is reached backwards. Escape closes
    // the panel and gives focus back; Enter opens it again.
    await tabTo(page, "settings-open", { backwards: true });
    await page.keyboard.press("Enter");
    await waitFor(async () => (await focusedElement(page)).id === "settings-title", {
      message: "focus on the settings panel's heading",
    });
    await page.keyboard.press("Escape");
    await expectFocusOn(page, "settings-open", "focus back on Settings after Escape");
    assert.equal(await page.getByTestId("settings-panel").count(), 0, "Escape closes the panel");
    await page.keyboard.press("Enter");
    await waitFor(async () => (await focusedElement(page)).id === "settings-title", {
      message: "focus on the settings panel's heading again",
    });
    await tabTo(page, "settings-api-key");
    await page.keyboard.type(API_KEY);
    await tabTo(page, "settings-save");
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "settings-open", "focus back on the Settings button");
    await expectAnnouncement(page, /^Settings saved\.$/);

    // Numbers: tick one with Space, continue with Enter.
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    await tabTo(page, `did-select-${CLEAN_DID}`);
    await page.keyboard.press("Space");
    assert.equal((await focusedElement(page)).checked, true, "Space ticks the number");
    await expectAnnouncement(page, /^1 number selected/);
    await tabTo(page, "did-continue");
    await page.keyboard.press("Enter");

    await expectStep(page, "requirement");
    await expectStepHeadingFocused(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();
    await expectAnnouncement(page, /What DIDWW needs for Local numbers in Lithuania/);
    await tabTo(page, "requirement-continue");
    await page.keyboard.press("Enter");

    // Identity: open the form, send it empty, follow the summary to the field, fill it in.
    await expectStep(page, "identity");
    await expectStepHeadingFocused(page, "identity");
    await expectAnnouncement(page, /identit(y|ies) listed/);
    await tabTo(page, "identity-new");
    await page.keyboard.press("Enter");
    await waitFor(async () => (await focusedElement(page)).id === "identity-form-title", {
      message: "focus on the new identity form's heading",
    });
    await chooseRadioWithArrows(page, "identity_type", "identity-type-business");
    await tabTo(page, "identity-create");
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "error-summary", "focus on the error summary");
    await followFirstSummaryLink(page);
    await typeIntoFields(page, {
      first_name: "Ona",
      last_name: "Petraitė",
      phone_number: "+370 5 203 2401",
      company_name: "Vilnius Test Works UAB",
      contact_email: "ona@example.com",
    });
    await tabTo(page, "identity-create");
    await page.keyboard.press("Enter");
    await expectAnnouncement(page, /was created and selected/);
    const identity = await waitFor(async () => {
      const focused = await focusedElement(page);
      return focused.testId?.startsWith("identity-option-") && focused.checked ? focused : null;
    }, { message: "focus on the new, selected identity" });
    assert.equal(identity.type, "radio");
    await tabTo(page, "identity-continue");
    await page.keyboard.press("Enter");

    // Address: the same with its own form.
    await expectStep(page, "address");
    await expectStepHeadingFocused(page, "address");
    await tabTo(page, "address-new");
    await page.keyboard.press("Enter");
    await waitFor(async () => (await focusedElement(page)).id === "address-form-title", {
      message: "focus on the new address form's heading",
    });
    await typeIntoFields(page, {
      address: "Gedimino pr. 1",
      city_name: "Vilnius",
      postal_code: "01100",
    });
    await tabTo(page, "address-create");
    await page.keyboard.press("Enter");
    await expectAnnouncement(page, /^Gedimino pr\. 1.* was created and selected\.$/);
    await waitFor(async () => {
      const focused = await focusedElement(page);
      return focused.testId?.startsWith("address-option-") && focused.checked;
    }, { message: "focus on the new, selected address" });
    await tabTo(page, "address-continue");
    await page.keyboard.press("Enter");

    // Validate: the button keeps focus while DIDWW checks; the outcome is read out.
    await expectStep(page, "validate");
    await expectStepHeadingFocused(page, "validate");
    await tabTo(page, "validate-run");
    await page.keyboard.press("Enter");
    await expectAnnouncement(page, /meet the requirement/);
    assert.equal((await focusedElement(page)).testId, "validate-run", "focus stays on the button");
    await tabTo(page, "validate-continue");
    await page.keyboard.press("Enter");

    await expectStep(page, "submit");
    await expectStepHeadingFocused(page, "submit");
    await tabTo(page, "submit-verification");
    await page.keyboard.press("Enter");

    // Status: the heading takes focus and each change of status is read out.
    await expectStep(page, "status", 20_000);
    await expectStepHeadingFocused(page, "status");
    await expectAnnouncement(page, /^Review: (Pending|Approved)/);
    await waitForBadges(page, { verification: /Approved/, service: /Active/ });
    await expectAnnouncement(page, /^Review: Approved\. Emergency calling service: Active\.$/);
    assert.equal((await stack.simStats()).verifications, 1, "exactly one verification");
  });
});

test("on a large account the keyboard searches, filters, picks a group, pages", FLOW, async (t) => {
  await withPage(t, demo, async (page) => {
    await page.goto("/dids");
    await expectStep(page, "dids");
    await page.getByTestId("demo-banner").waitFor();

    // The demo's large account, picked in the settings with the arrow keys.
    await tabTo(page, "settings-open", { backwards: true });
    await page.keyboard.press("Enter");
    await tabTo(page, "settings-demo-account");
    await page.keyboard.press("ArrowDown");
    assert.equal((await focusedElement(page)).value, "large", "ArrowDown picks the large account");
    await tabTo(page, "settings-save");
    await page.keyboard.press("Enter");
    await expectFocusOn(page, "settings-open");
    await expectAnnouncement(page, /^All \d{1,3}(,\d{3})+ numbers loaded\.$/);

    // A search by number, typed, and cleared again.
    await tabTo(page, "did-search");
    await page.keyboard.type("0000");
    await page.getByTestId("did-search-summary").waitFor();
    await expectAnnouncement(page, /contains? 0000\.$/);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.getByTestId("did-table").waitFor();

    // The first country and its first type, chosen with the arrow keys.
    await tabTo(page, "did-filter-country");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "did-filter-type");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "did-choose-group");
    await page.keyboard.press("Enter");
    await expectAnnouncement(page, /^Selected [\d,]+ numbers? of /);

    // Pages: Next until the last one, where focus moves to Previous, and back again.
    const status = page.getByTestId("did-page-status");
    const pages = Number((await status.innerText()).match(/of ([\d,]+)$/)[1].replaceAll(",", ""));
    assert.ok(pages > 1, `the group fills more than one page (${pages})`);
    await tabTo(page, "did-page-next");
    for (let turn = 1; turn < pages; turn += 1) {
      await page.keyboard.press("Enter");
      await expectAnnouncement(page, new RegExp(`page ${turn + 1} of ${pages}$`));
    }
    await expectFocusOn(page, "did-page-previous", "focus on Previous on the last page");
    for (let turn = pages - 1; turn > 0; turn -= 1) {
      await page.keyboard.press("Enter");
      await expectAnnouncement(page, new RegExp(`page ${turn} of ${pages}$`));
    }
    await expectFocusOn(page, "did-page-next", "focus on Next on the first page");

    await tabTo(page, "did-continue");
    await page.keyboard.press("Enter");
    await expectStep(page, "requirement");
    await expectStepHeadingFocused(page, "requirement");
  });
});

/**
 * Tabs into the radio group `name` and moves through it with the arrow keys until the radio
 * `testId` is checked.
 */
async function chooseRadioWithArrows(page, name, testId) {
  await waitFor(async () => {
    await page.keyboard.press("Tab");
    return page.evaluate((name) => document.activeElement?.name === name, name);
  }, { message: `Tab to reach the radio group ${name}`, interval: 0 });
  for (let presses = 0; presses < 5; presses += 1) {
    const focused = await focusedElement(page);
    if (focused.testId === testId && focused.checked) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`the arrow keys did not reach ${testId}`);
}

/** From the focused error summary, Tab to its first link and follow it with Enter. */
async function followFirstSummaryLink(page) {
  await page.keyboard.press("Tab");
  const link = await page.evaluate(() => {
    const element = document.activeElement;
    return element?.matches(".dwe-error-summary a") ? element.getAttribute("href") : null;
  });
  assert.ok(link, "the first Tab from the summary reaches its first link");
  await page.keyboard.press("Enter");
  const focused = await focusedElement(page);
  assert.equal(`#${focused.id}`, link, "the link moves focus to its field");
}

/**
 * Types each value into the field `field-<name>`, reaching the fields with Tab in the order
 * they have on the page (which may differ from the order of `values`).
 */
async function typeIntoFields(page, values) {
  const order = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="field-"]')].map((field) => field.dataset.testid),
  );
  const wanted = order.filter((testId) => testId.slice("field-".length) in values);
  const onPage = `fields on the page: ${order.join(", ")}`;
  assert.equal(wanted.length, Object.keys(values).length, onPage);
  // Start at the first field, so every other one lies ahead.
  await tabTo(page, wanted[0]).catch(() => tabTo(page, wanted[0], { backwards: true }));
  for (const testId of wanted) {
    await tabTo(page, testId);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(values[testId.slice("field-".length)]);
  }
}
