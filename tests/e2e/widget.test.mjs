// The <didww-emergency> widget in a partner's page under the strict Content-Security-Policy:
// the example host page (public/example/) themes it and logs its events, and it registers a
// number through the reference proxy; two widgets on one page keep to themselves.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { startStack, waitFor, withPage } from "./harness.mjs";
import {
  CLEAN_DID,
  createRecord,
  expectStep,
  selectDids,
  validate,
  waitForBadges,
} from "./wizard.mjs";

let stack;

before(async () => {
  stack = await startStack({ sim: true, proxy: true, reviewDelayMs: 1500 });
  stack.writeBundleFile("two/index.html", TWO_WIDGETS_PAGE);
  stack.writeBundleFile("two/two.js", TWO_WIDGETS_SCRIPT);
});

after(async () => {
  await stack?.stop();
});

beforeEach(async () => {
  await stack?.resetSim();
});

/** The events the example page logged, as [name, detail] pairs. */
async function loggedEvents(page) {
  const lines = await page.locator("#event-log li").allTextContents();
  return lines.map((line) => {
    const space = line.indexOf(" ");
    return [line.slice(0, space), JSON.parse(line.slice(space + 1))];
  });
}

test("the example host page's widget is themed, registers a number through the proxy and reports each step in order", { timeout: 180_000 }, async (t) => {
  await withPage(t, stack, async (page) => {
    const response = await page.goto("/example/");
    const csp = response.headers()["content-security-policy"];
    assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);

    const widget = page.locator("didww-emergency#emergency");
    await expectStep(widget, "dids");
    assert.equal(await widget.locator(".dwe-app").getAttribute("lang"), "en-GB");

    // The host page's theme reaches inside the shadow root; its own styles do not.
    await widget.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
    await widget.getByTestId(`did-select-${CLEAN_DID}`).check();
    // The button fades from its disabled colour, so its colour is read once it settled.
    const look = () =>
      widget.getByTestId("did-continue").evaluate((button) => {
        const style = getComputedStyle(button);
        return { background: style.backgroundColor, font: style.fontFamily };
      });
    let seen;
    await waitFor(async () => {
      seen = await look();
      return seen.background === "rgb(15, 107, 85)";
    }, { timeout: 3_000, message: "the theme's primary colour on the button" }).catch((error) => {
      error.message += ` (last seen ${seen?.background})`;
      throw error;
    });
    assert.match(seen.font, /Georgia/);
    const pageLink = await page.locator(".console-header__nav a").first().evaluate(
      (link) => getComputedStyle(link).color,
    );
    assert.equal(pageLink, "rgb(205, 233, 223)", "the widget's styles stay out of the page");

    await widget.getByTestId("did-continue").click();
    await expectStep(widget, "requirement");
    await widget.getByTestId("requirement-continue").click();
    await expectStep(widget, "identity");
    await createRecord(widget, "identity", {
      before: () => widget.getByTestId("identity-type-business").check(),
      values: {
        first_name: "Ona",
        last_name: "Petraitė",
        phone_number: "+370 5 203 2401",
        company_name: "Vilnius Test Works UAB",
        contact_email: "ona@example.com",
      },
    });
    await widget.getByTestId("identity-continue").click();
    await expectStep(widget, "address");
    await createRecord(widget, "address", {
      values: { address: "Gedimino pr. 1", city_name: "Vilnius", postal_code: "01100" },
    });
    await widget.getByTestId("address-continue").click();
    await validate(widget);
    await widget.getByTestId("validate-continue").click();
    await expectStep(widget, "submit");
    await widget.getByTestId("submit-verification").click();
    await expectStep(widget, "status", 20_000);
    await waitForBadges(widget, { verification: /Approved/, service: /Active/ });

    // The widget never touched the host page's address.
    assert.equal(new URL(page.url()).pathname, "/example/");

    const events = await waitFor(async () => {
      const logged = await loggedEvents(page);
      const statuses = logged.filter(([name]) => name === "didww:status-change");
      return statuses.at(-1)?.[1].verification_status === "approved" ? logged : undefined;
    }, { message: "a status-change to approved in the host page's log" });
    const names = events.map(([name, detail]) =>
      name === "didww:step-change" ? `${name}:${detail.step}` : name,
    );
    const milestones = names.filter((name) => name !== "didww:status-change");
    assert.deepEqual(milestones, [
      "didww:ready",
      "didww:step-change:dids",
      "didww:step-change:requirement",
      "didww:step-change:identity",
      "didww:step-change:address",
      "didww:step-change:validate",
      "didww:step-change:submit",
      "didww:submitted",
      "didww:step-change:status",
    ]);
    assert.equal(names.indexOf("didww:status-change") > names.indexOf("didww:submitted"), true);

    const [, ready] = events[0];
    assert.equal(ready.mode, "live");
    const [, submitted] = events.find(([name]) => name === "didww:submitted");
    assert.match(submitted.verification_id, /^[0-9a-f-]{36}$/);
    assert.match(submitted.external_reference, /^acme-/, "the prefix from the element's attribute");
    const statuses = events.filter(([name]) => name === "didww:status-change").map(([, d]) => d);
    assert.ok(statuses.every((detail) => detail.verification_id === submitted.verification_id));
    assert.equal(statuses.at(-1).service_status, "active");
    // Each status is reported once, when it changes.
    const distinct = new Set(statuses.map((detail) => JSON.stringify(detail)));
    assert.equal(distinct.size, statuses.length);

    // Leaving: the host page hears "exit" and hides the widget.
    await widget.getByTestId("widget-exit").click();
    await page.locator("#widget-closed").waitFor();
    assert.equal(await widget.isVisible(), false);
    assert.equal((await loggedEvents(page)).at(-1)[0], "didww:exit");
  });
});

test("two widgets on one page keep their own step, choices, events and settings", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/two/");
    const north = page.locator("didww-emergency#north");
    const south = page.locator("didww-emergency#south");
    await expectStep(north, "dids");
    await expectStep(south, "dids");

    await selectDids(north, [CLEAN_DID]);
    await expectStep(north, "requirement");
    assert.equal(await south.getByTestId("step-dids").isVisible(), true);
    assert.equal(await south.getByTestId(`did-select-${CLEAN_DID}`).isChecked(), false);
    assert.equal(new URL(page.url()).pathname, "/two/");

    // A link in one widget moves that widget only.
    await north.getByTestId("stepper-dids").getByRole("link").click();
    await expectStep(north, "dids");
    await south.getByTestId(`did-select-${CLEAN_DID}`).check();
    await south.getByTestId("did-continue").click();
    await expectStep(south, "requirement");
    assert.equal(await north.getByTestId("step-dids").isVisible(), true);

    const heard = await page.evaluate(() => globalThis.heardByWidget);
    const steps = (id) =>
      heard[id].filter(([name]) => name === "didww:step-change").map(([, detail]) => detail.step);
    assert.deepEqual(steps("north"), ["dids", "requirement", "dids"]);
    assert.deepEqual(steps("south"), ["dids", "requirement"]);

    // Settings saved in one are stored under its own name and leave the other's alone.
    await north.getByTestId("settings-open").click();
    await north.getByTestId("settings-version-header").uncheck();
    await north.getByTestId("settings-save").click();
    const stored = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(stored, ["didww-emergency.settings.widget.north"]);
    await south.getByTestId("settings-open").click();
    assert.equal(await south.getByTestId("settings-version-header").isChecked(), true);
  });
});

test("focus moves within the widget the user works in, never the page or the other widget", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/two/");
    const north = page.locator("didww-emergency#north");
    const south = page.locator("didww-emergency#south");
    // Both reach the identity step, so each shadow root holds the same ids.
    for (const widget of [north, south]) {
      await expectStep(widget, "dids");
      await selectDids(widget, [CLEAN_DID]);
      await expectStep(widget, "requirement");
      await widget.getByTestId("requirement-continue").click();
      await expectStep(widget, "identity");
    }
    const focusedIn = (widget) =>
      widget.evaluate((host) => host.shadowRoot.activeElement?.id ?? null);
    const expectFocus = (widget, id, message) =>
      waitFor(async () => (await focusedIn(widget)) === id, { timeout: 5_000, message });

    // Opening the form from the keyboard lands on its heading, in that widget only.
    await south.getByTestId("identity-new").focus();
    await page.keyboard.press("Enter");
    await expectFocus(south, "identity-form-title", "focus on the south form's heading");
    assert.equal(await focusedIn(north), null);
    assert.equal(await north.locator("#identity-form-title").count(), 0);

    // Cancelling puts focus back on the button that opened it.
    await south.getByRole("button", { name: "Cancel" }).click();
    await expectFocus(south, "identity-new", "focus back on the south button");

    await north.getByTestId("identity-new").focus();
    await page.keyboard.press("Enter");
    await expectFocus(north, "identity-form-title", "focus on the north form's heading");
    assert.equal(await focusedIn(south), null);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "north");
  });
});

test("the settings panel sets the callback, reference prefix and locale over the element's attributes", async (t) => {
  await withPage(t, stack, async (page) => {
    await page.goto("/example/");
    const widget = page.locator("didww-emergency#emergency");
    await expectStep(widget, "dids");
    await widget.getByTestId("settings-open").click();

    // The panel starts from what the element's attributes set.
    const prefix = widget.getByTestId("field-settings_reference_prefix");
    const locale = widget.getByTestId("field-settings_locale");
    const callback = widget.getByTestId("field-settings_callback_url");
    assert.equal(await prefix.inputValue(), "acme");
    assert.equal(await locale.inputValue(), "en-GB");
    assert.equal(await callback.inputValue(), "");

    // Bad values are refused one at a time, next to their field, and nothing typed is lost.
    await callback.fill("http://hooks.example/emergency");
    await prefix.fill("acme corp");
    await locale.fill("english");
    await widget.getByTestId("settings-save").click();
    const focusedIn = () => widget.evaluate((host) => host.shadowRoot.activeElement?.id);
    await waitFor(async () => (await focusedIn()) === "field-settings_callback_url", {
      message: "focus on the refused callback URL",
    });
    const errorOf = (name) => widget.locator(`#field-settings_${name}-error`);
    assert.match(await errorOf("callback_url").textContent(), /must start with https:\/\//);
    assert.equal(await callback.getAttribute("aria-invalid"), "true");

    await callback.fill("https://hooks.example/emergency");
    await widget.getByTestId("settings-save").click();
    await errorOf("reference_prefix").waitFor();
    assert.match(await errorOf("reference_prefix").textContent(), /only letters, digits/);
    assert.equal(await errorOf("callback_url").count(), 0);
    assert.equal(await locale.inputValue(), "english", "the other values stay as typed");

    await prefix.fill("partner-7");
    await widget.getByTestId("settings-save").click();
    await errorOf("locale").waitFor();
    assert.match(await errorOf("locale").textContent(), /language tag such as en, en-GB/);

    await locale.fill("de_de");
    await widget.getByTestId("field-settings_callback_method").selectOption("get");
    await widget.getByTestId("settings-save").click();
    await widget.getByTestId("settings-panel").waitFor({ state: "detached" });
    assert.equal(await widget.locator(".dwe-app").getAttribute("lang"), "de-DE");

    // Saved under the element's name, never with a key, and still in force after a reload.
    const stored = await page.evaluate(() =>
      localStorage.getItem("didww-emergency.settings.widget.emergency"),
    );
    const saved = JSON.parse(stored);
    assert.equal(saved.reference_prefix, "partner-7");
    assert.equal(saved.callback_url, "https://hooks.example/emergency");
    assert.equal(saved.callback_method, "get");
    assert.equal(saved.locale, "de-DE");
    assert.doesNotMatch(stored, /key/i);

    await page.reload();
    await expectStep(widget, "dids");
    assert.equal(await widget.locator(".dwe-app").getAttribute("lang"), "de-DE");
    await widget.getByTestId("settings-open").click();
    assert.equal(await prefix.inputValue(), "partner-7");
    assert.equal(
      await widget.getByTestId("field-settings_callback_method").inputValue(),
      "get",
    );
  });
});

const TWO_WIDGETS_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Two widgets</title>
    <link rel="icon" href="data:," />
    <script type="module" src="../widget.js"></script>
    <script type="module" src="two.js"></script>
  </head>
  <body>
    <didww-emergency id="north"></didww-emergency>
    <didww-emergency id="south"></didww-emergency>
  </body>
</html>
`;

const TWO_WIDGETS_SCRIPT = `
globalThis.heardByWidget = { north: [], south: [] };
for (const id of ["north", "south"]) {
  const element = document.getElementById(id);
  for (const name of ["didww:ready", "didww:step-change", "didww:error"]) {
    element.addEventListener(name, (event) => {
      globalThis.heardByWidget[id].push([name, event.detail]);
    });
  }
}
`;
