// The numbers step on a big account: the simulator's generated large account (10,000 numbers)
// with DIDWW's limit of 20 requests a second enforced, through the release bundle and nginx.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { API_KEY, startStack, waitFor, withPage } from "./harness.mjs";
import { CLEAN_DID, expectStep, saveSettings, selectedOptionText } from "./wizard.mjs";

let stack;

before(async () => {
  // The harness starts the simulator with this process's environment.
  process.env.DIDWW_SIM_ACCOUNT = "large";
  process.env.DIDWW_SIM_RATE_LIMIT = "20";
  stack = await startStack({ sim: true });
  const stats = await stack.simStats();
  assert.equal(stats.account, "large", "the simulator serves the large account");
});

after(async () => {
  await stack?.stop();
});

beforeEach(async () => {
  await stack?.resetSim();
});

/** Opens the numbers step with the API key entered; resolves once the first row shows. */
async function openNumbers(page) {
  await page.goto("/dids");
  await expectStep(page, "dids");
  await saveSettings(page, stack);
  await page.locator('[data-testid^="did-row-"]').first().waitFor();
}

/** The text of the "Loaded … of … numbers" line. */
async function loadProgress(page) {
  return (await page.getByTestId("did-load-progress").innerText()).trim();
}

/** Waits until every page of numbers arrived ("Loaded 10,016 of 10,016 numbers."). */
async function waitForFullLoad(page) {
  return waitFor(async () => {
    const text = await loadProgress(page);
    return /^Loaded [\d,]+ of [\d,]+ numbers\.$/.test(text) ? text : undefined;
  }, { timeout: 90_000, message: "every page of numbers to load" });
}

/** The last number of the account's listing, asked of the simulator directly. */
async function lastNumber() {
  const query = new URLSearchParams({
    "filter[did_group.features]": "emergency",
    "filter[emergency_enabled]": "false",
    sort: "-number",
    "page[size]": "1",
  });
  const response = await fetch(`${stack.simUrl}/v3/dids?${query}`, {
    headers: { "Api-Key": API_KEY, Accept: "application/vnd.api+json" },
  });
  assert.equal(response.status, 200, "GET /v3/dids for the last number");
  const document = await response.json();
  const [did] = document.data;
  return { id: did.id, number: did.attributes.number, total: document.meta.total_records };
}

const SLOW = { timeout: 120_000 };

test("the first page shows at once, selectable, and the rest loads within 20 requests a second",
  SLOW, async (t) => {
  await withPage(t, stack, async (page) => {
    await openNumbers(page);
    const early = await loadProgress(page);
    assert.match(early, /^Loaded [\d,]+ of [\d,]+ numbers…$/, "still loading when rows show");

    // Choosing works before the last page is in.
    const firstCheckbox = page.locator('[data-testid^="did-select-"]:not([disabled])').first();
    await firstCheckbox.check();
    assert.equal(
      (await page.getByTestId("did-selection-summary").innerText()).trim().split(" · ")[0],
      "1 number selected",
    );

    const done = await waitForFullLoad(page);
    const [, loaded, total] = done.match(/^Loaded ([\d,]+) of ([\d,]+)/);
    assert.equal(loaded, total, "every number arrived");
    assert.ok(await firstCheckbox.isChecked(), "the choice survived the load");
    await page.getByTestId("did-page-next").click();
    assert.match(
      (await page.getByTestId("did-page-status").innerText()).trim(),
      /^Numbers 51–100 of [\d,]+ · page 2 of [\d,]+$/,
    );

    const stats = await stack.simStats();
    const pages = Math.ceil(Number(total.replaceAll(",", "")) / 100);
    const busiest = stats.max_requests_per_second;
    t.diagnostic(`requests ${stats.requests}, pages ${pages}, busiest second ${busiest}`);
    assert.ok(stats.requests >= pages, "at least one request per page");
    // The first page may also have been asked for once without the key, before the settings.
    assert.ok(stats.requests <= pages + 2, `no more requests than pages (${stats.requests})`);
    assert.equal(stats.rate_limited, 0, "no request was refused with 429");
    assert.ok(busiest <= 20, `busiest second ${busiest}`);
  });
});

test("a number from the end of the list is found with one request before the load reaches it",
  SLOW, async (t) => {
  await withPage(t, stack, async (page) => {
    const last = await lastNumber();
    const searches = [];
    page.on("request", (request) => {
      if (request.method() === "GET" && request.url().includes("filter%5Bnumber%5D")) {
        searches.push(request.url());
      }
    });
    await openNumbers(page);

    await page.getByTestId("did-search").fill(last.number);
    await page.getByTestId("did-search-results").getByTestId(`did-row-${last.id}`).waitFor();
    assert.match(await loadProgress(page), /…$/, "found before the background load finished");
    assert.equal(searches.length, 1, `one search request: ${searches.join(", ")}`);

    // Once the load is over, the simulator's own count shows one request per search too.
    await waitForFullLoad(page);
    const before = (await stack.simStats()).requests;
    const shorter = last.number.slice(0, -1);
    await page.getByTestId("did-search").fill(shorter);
    await page
      .getByTestId("did-search-summary")
      .filter({ hasText: new RegExp(` ${shorter}[.;]`) })
      .waitFor();
    assert.equal((await stack.simStats()).requests - before, 1, "one request for one search");

    await page.getByTestId("did-search").fill(last.number);
    await page.getByTestId(`did-select-${last.id}`).check();
    assert.match(
      (await page.getByTestId("did-selection-summary").innerText()).trim(),
      /^1 number selected/,
    );
  });
});

test("every free number of a country and type is selected in one action", SLOW, async (t) => {
  await withPage(t, stack, async (page) => {
    await openNumbers(page);
    await waitForFullLoad(page);

    await chooseOptionStartingWith(page.getByTestId("did-filter-country"), "Germany");
    await chooseOptionStartingWith(page.getByTestId("did-filter-type"), "Local");
    const action = page.getByTestId("did-choose-group");
    assert.equal((await action.innerText()).trim(), "Select all free numbers of Germany (Local)");
    const before = (await stack.simStats()).requests;
    await action.click();

    const summary = (await page.getByTestId("did-selection-summary").innerText()).trim();
    const match = summary.match(/^([\d,]+) numbers selected · Germany · Local$/);
    assert.ok(match, summary);
    const notice = (await page.getByTestId("did-notice").innerText()).trim();
    assert.ok(notice.includes(`Selected ${match[1]} numbers of Germany (Local).`), notice);
    assert.equal((await stack.simStats()).requests - before, 0, "chosen from the loaded numbers");

    // The requirement of the group is asked for with both filters, in one request.
    const atRequirement = (await stack.simStats()).requests;
    await page.getByTestId("did-continue").click();
    await expectStep(page, "requirement");
    await page.getByTestId("requirement-details").waitFor();
    assert.match(await selectedOptionText(page.getByTestId("requirement-country")), /Germany/);
    assert.match(await selectedOptionText(page.getByTestId("requirement-type")), /Local/);
    assert.equal((await stack.simStats()).requests - atRequirement, 1, "one requirement request");
  });
});

/** Picks the option of `select` whose text starts with `text`, as a user would. */
async function chooseOptionStartingWith(select, text) {
  const value = await select.evaluate(
    (element, wanted) =>
      [...element.options].find((option) => option.textContent.trim().startsWith(wanted))?.value,
    text,
  );
  assert.ok(value, `an option starting with ${text}`);
  await select.selectOption(value);
}

test("the demo switches to the large account from the settings and loads it afresh",
  SLOW, async (t) => {
  const demo = await startStack({ sim: false });
  try {
    await withPage(t, demo, async (page) => {
      await page.goto("/dids");
      await page.getByTestId("demo-banner").waitFor();
      await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();
      await page.getByTestId(`did-select-${CLEAN_DID}`).check();

      await page.getByTestId("settings-open").click();
      await page.getByTestId("settings-demo-account").selectOption("large");
      await page.getByTestId("settings-save").click();

      const done = await waitForFullLoad(page);
      const total = Number(done.match(/of ([\d,]+)/)[1].replaceAll(",", ""));
      assert.ok(total > 1_000, done);
      assert.equal(
        (await page.getByTestId("did-selection-summary").innerText()).trim(),
        "No numbers selected",
        "numbers of the other account are not kept",
      );
    });
  } finally {
    await demo.stop();
  }
});
