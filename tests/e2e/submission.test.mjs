// Submitting exactly once and following the registration afterwards, against the simulator:
// double clicks, Enter with a click, answers lost after the server created the verification,
// a rejection fixed and resubmitted, and the registrations page.

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";

import { startStack, waitFor, withPage } from "./harness.mjs";
import {
  expectStep,
  saveSettings,
  selectDids,
  submitVerification,
  validate,
  waitForBadges,
} from "./wizard.mjs";

// Seeded United States records of the simulator's guide account.
/** A free US Local number in New York City. */
const US_NEW_YORK_DID = "87f83594-7853-4753-a615-427bba1b3505";
/** A person in New York with an address in the city: the review approves them. */
const US_PERSONAL_IDENTITY = "d69b7f19-40ca-4bc3-b3d2-68dac7688ef7";
const US_PERSONAL_ADDRESS = "0455a65f-ff1a-4ce0-9a8f-afc56603af12";
/** A person whose document expired, with an address elsewhere: the review rejects them. */
const EXPIRED_IDENTITY = "7262a578-6280-47a3-b5c8-064c36ae19fe";
const EXPIRED_IDENTITY_ADDRESS = "e4c5b4f9-6a11-4942-8fa2-2a155bd9fc10";

const VERIFICATIONS = "/v3/emergency_verifications";

/** Arms one fault rule in the simulator (see tests/README.md). */
async function injectFault(stack, rule) {
  const response = await fetch(`${stack.simUrl}/__sim/faults`, {
    method: "POST",
    body: JSON.stringify(rule),
  });
  assert.equal(response.status, 200, `POST /__sim/faults ${JSON.stringify(rule)}`);
}

/** Picks an existing identity and address on their steps, once their lists have loaded. */
async function chooseIdentityAndAddress(page, identityId, addressId) {
  await expectStep(page, "identity");
  await page.getByTestId(`identity-option-${identityId}`).check();
  await page.getByTestId("identity-continue").click();
  await expectStep(page, "address");
  await page.getByTestId(`address-option-${addressId}`).check();
  await page.getByTestId("address-continue").click();
  await validate(page);
  await page.getByTestId("validate-continue").click();
  await expectStep(page, "submit");
}

/** Walks from the DIDs step to the submit step with the New York number. */
async function reachSubmit(
  page,
  stack,
  { identity = US_PERSONAL_IDENTITY, address = US_PERSONAL_ADDRESS } = {},
) {
  await page.goto("/dids");
  await expectStep(page, "dids");
  await saveSettings(page, stack);
  await selectDids(page, [US_NEW_YORK_DID]);
  await page.getByTestId("requirement-continue").click();
  await chooseIdentityAndAddress(page, identity, address);
}

/** Waits for the status page of a verification and returns its id. */
async function statusPageId(page, timeout = 30_000) {
  const id = await waitFor(
    async () => new URL(page.url()).pathname.match(/^\/status\/([^/]+)$/)?.[1],
    { timeout, message: "the /status/<id> route" },
  );
  await expectStep(page, "status");
  return id;
}

describe("with the default request timeout", () => {
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

  test(
    "a double click on submit creates exactly one verification, which becomes active",
    { timeout: 120_000 },
    async (t) => {
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack);

        await page.getByTestId("submit-verification").dblclick();

        await statusPageId(page);
        await waitForBadges(page, { verification: /Approved/, service: /Active/ });
        const reference = (await page.getByTestId("status-reference").innerText()).trim();
        assert.notEqual(reference, "", "the reference is shown");
        assert.match(await page.getByTestId("status-submitted").innerText(), /UTC/);
        assert.match(await page.getByTestId("status-setup-time").innerText(), /business days/);
        assert.equal((await stack.simStats()).verifications, 1);
      });
    },
  );

  test(
    "Enter and a click in the same moment create exactly one verification",
    { timeout: 120_000 },
    async (t) => {
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack);

        // What the keyboard's Enter does (the form's implicit submission) and two clicks, all
        // in one task, before the page can render anything in between.
        await page.getByTestId("submit-verification").evaluate((button) => {
          button.form.requestSubmit();
          button.click();
          button.click();
        });
        await statusPageId(page);

        assert.equal((await stack.simStats()).verifications, 1);
      });
    },
  );

  test(
    "Enter in the callback field followed by a click creates exactly one verification",
    { timeout: 120_000 },
    async (t) => {
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack);
        await page.getByTestId("field-callback_url").fill("https://example.com/emergency-callback");
        await page.getByTestId("field-callback_method").selectOption("post");

        await page.getByTestId("field-callback_url").press("Enter");
        // The button is disabled by then; a forced click must still not send a second request.
        await page
          .getByTestId("submit-verification")
          .click({ force: true, noWaitAfter: true, timeout: 2_000 })
          .catch(() => {});
        await statusPageId(page);

        assert.equal((await stack.simStats()).verifications, 1);
      });
    },
  );

  for (const rule of [
    { kind: "drop" },
    { kind: "truncated" },
    { kind: "bad_gateway", handle: true },
  ]) {
    test(
      `a ${rule.kind} answer after the server created the verification creates no second one`,
      { timeout: 120_000 },
      async (t) => {
        await withPage(t, stack, async (page) => {
          await reachSubmit(page, stack);
          await injectFault(stack, { ...rule, method: "POST", path: VERIFICATIONS });

          await page.getByTestId("submit-verification").click();
          await statusPageId(page);

          const stats = await stack.simStats();
          assert.equal(stats.faults_injected, 1, "the fault was injected");
          assert.equal(stats.verifications, 1, "the verification was found, not posted again");
        });
      },
    );
  }

  test(
    "a 429 on submit says to wait, keeps the form, and the retry creates one verification",
    { timeout: 120_000 },
    async (t) => {
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack);
        await injectFault(stack, {
          kind: "rate_limit",
          method: "POST",
          path: VERIFICATIONS,
          retry_after_seconds: 2,
        });

        await page.getByTestId("submit-verification").click();
        const summary = page.getByTestId("error-summary");
        await summary.waitFor();
        assert.match(await summary.innerText(), /wait 2 seconds/i);
        assert.equal((await stack.simStats()).verifications, 0);

        await page.getByTestId("submit-verification").click();
        await statusPageId(page);
        assert.equal((await stack.simStats()).verifications, 1);
      });
    },
  );

  test(
    "a rejection shows every reason and the comment; fix and resubmit from another browser " +
      "reaches an active service",
    { timeout: 240_000 },
    async (t) => {
      let rejectedId;
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack, {
          identity: EXPIRED_IDENTITY,
          address: EXPIRED_IDENTITY_ADDRESS,
        });
        await submitVerification(page);
        rejectedId = await statusPageId(page);

        await waitForBadges(page, { verification: /Rejected/, service: /Changes required/ });
        const reasons = page.getByTestId("status-reject-reasons");
        const text = await reasons.innerText();
        assert.match(text, /address does not match the DID area/);
        assert.match(text, /Identity document has expired/);
        assert.match(text, /Reviewer's comment/);
      });

      // A fresh browser context knows nothing of that submission: only its link.
      await withPage(t, stack, async (page) => {
        await page.goto(`/status/${rejectedId}`);
        await saveSettings(page, stack);
        await expectStep(page, "status");
        await waitForBadges(page, { verification: /Rejected/, service: /Changes required/ });

        await page.getByTestId("status-resubmit").click();
        await expectStep(page, "identity");
        assert.equal(
          await page.getByTestId(`identity-option-${EXPIRED_IDENTITY}`).isChecked(),
          true,
          "the rejected identity is chosen again, ready to be changed",
        );
        await chooseIdentityAndAddress(page, US_PERSONAL_IDENTITY, US_PERSONAL_ADDRESS);
        await submitVerification(page);

        await waitForBadges(page, { verification: /Approved/, service: /Active/ });
        assert.equal((await stack.simStats()).verifications, 2, "the rejected one and its fix");
      });
    },
  );

  test(
    "the registrations page lists, filters and opens registrations, also after a reload",
    { timeout: 120_000 },
    async (t) => {
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack);
        await page.getByTestId("submit-verification").click();
        const id = await statusPageId(page);
        await waitForBadges(page, { verification: /Approved/, service: /Active/ });

        await page.getByTestId("nav-registrations").click();
        await page.getByTestId("registrations-table").waitFor();
        const row = page.getByTestId(`registrations-row-${id}`);
        assert.match(await row.innerText(), /Approved/);
        assert.match(await row.innerText(), /12125550100/, "the row names its number");
        // Newest first: the submission just made heads the list.
        const firstRow = page.locator('[data-testid^="registrations-row-"]').first();
        assert.equal(await firstRow.getAttribute("data-testid"), `registrations-row-${id}`);

        await page.getByTestId("registrations-status").selectOption("rejected");
        await waitFor(async () => /status=rejected/.test(page.url()), {
          message: "the filter in the URL",
        });
        await waitFor(async () => !(await row.isVisible()), {
          message: "the approved row to be filtered out",
        });

        await page.getByTestId("registrations-tab-services").click();
        await page.getByTestId("registrations-table").waitFor();
        const serviceRows = page.locator('[data-testid^="registrations-row-"]');
        const openLinks = page.locator('[data-testid^="registrations-open-"]');
        await waitFor(async () => (await serviceRows.count()) > 0, { message: "service rows" });
        assert.equal(
          await openLinks.count(),
          await serviceRows.count(),
          "every calling service opens its verification",
        );
        await page.getByTestId("registrations-status").selectOption("active");
        await waitFor(async () => /kind=services&status=active/.test(page.url()), {
          message: "the view in the URL",
        });
        // The key lives in memory only, so a reload asks for it again; the view stays.
        await page.reload();
        await saveSettings(page, stack);
        await page.getByTestId("registrations-table").waitFor();
        assert.equal(await page.getByTestId("registrations-status").inputValue(), "active");
        const statuses = await page
          .locator('[data-testid^="registrations-status-"]')
          .evaluateAll((badges) => badges.map((badge) => badge.textContent.trim()));
        assert.ok(statuses.length >= 2, `active services listed: ${statuses}`);
        assert.ok(statuses.every((status) => /Active/.test(status)), `${statuses}`);

        await page.getByTestId("registrations-tab-verifications").click();
        await page.getByTestId(`registrations-open-${id}`).click();
        assert.equal(await statusPageId(page), id);
        await page.reload();
        await saveSettings(page, stack);
        await expectStep(page, "status");
        await waitForBadges(page, { verification: /Approved/, service: /Active/ });
        assert.match(
          await page.getByTestId("step-status").innerText(),
          /12125550100/,
          "opened by link, the status page names the number",
        );

        // A page past the end says so and links to the last one.
        await page.goto("/registrations?page=999");
        await saveSettings(page, stack);
        const lastPage = page.getByTestId("registrations-last-page");
        await lastPage.waitFor();
        assert.match(await page.getByTestId("empty-state").innerText(), /past the end/);
        await lastPage.click();
        await page.getByTestId("registrations-table").waitFor();
      });
    },
  );
});

describe("with a 3-second request timeout", () => {
  let stack;

  before(async () => {
    stack = await startStack({
      sim: true,
      reviewDelayMs: 1500,
      config: { request_timeout_ms: 3000 },
    });
  });

  after(async () => {
    await stack?.stop();
  });

  test(
    "a hang past the timeout after the server created the verification creates no second one",
    { timeout: 120_000 },
    async (t) => {
      await withPage(t, stack, async (page) => {
        await reachSubmit(page, stack);
        await injectFault(stack, {
          kind: "hang",
          method: "POST",
          path: VERIFICATIONS,
          hang_ms: 10_000,
        });

        await page.getByTestId("submit-verification").click();
        await statusPageId(page, 20_000);

        const stats = await stack.simStats();
        assert.equal(stats.faults_injected, 1);
        assert.equal(stats.verifications, 1);
      });
    },
  );
});
