// Steps of the wizard as the tests drive them, written against the app's data-testid hooks
// (the full list is in tests/README.md).

import assert from "node:assert/strict";

import { API_KEY, fatal, waitFor } from "./harness.mjs";

// Seeded simulator data: the DIDs and identity of DIDWW's guide account.
/** 37052032401, Lithuania Local, free to register. */
export const CLEAN_DID = "3d2bb4b1-7c8d-4ec0-9d5d-c2a0d8b8a901";
/** Locked to LOCKED_IDENTITY. */
export const LOCKED_DID = "9f81f2ef-ad6c-402b-97af-06fff514454e";
export const LOCKED_IDENTITY = "1193bf05-f01c-467f-b688-d0526ab50414";
/** Being ported in, with a porting identity. */
export const PORTING_DID = "cc4c423f-68b5-4e1a-878c-2328eb24f3fa";

/** Waits for the root element of a wizard step, e.g. `step-dids`. */
export async function expectStep(page, step, timeout = 15_000) {
  await waitFor(async () => {
    await throwOnErrorSummary(page);
    return page.getByTestId(`step-${step}`).isVisible();
  }, { timeout, message: `step-${step} to show` });
}

/** Fails at once, with its text, when the app shows its error summary. */
export async function throwOnErrorSummary(page) {
  const summary = page.getByTestId("error-summary");
  if (await summary.isVisible()) {
    throw fatal(`the app shows an error: ${(await summary.innerText()).trim()}`);
  }
}

/**
 * Enters the API key in the settings panel. When no config.json points the app at the
 * simulator (E2E_APP_URL), the API base URL is entered too.
 */
export async function saveSettings(page, stack) {
  await page.getByTestId("settings-open").click();
  if (!stack.configuredByFile) {
    await page.getByTestId("settings-api-base").fill(stack.apiBaseUrl);
    await page.getByTestId("settings-version-header").check();
  }
  await page.getByTestId("settings-api-key").fill(API_KEY);
  await page.getByTestId("settings-save").click();
}

/** Ticks the given DIDs on the DIDs step and continues to the requirement step. */
export async function selectDids(page, didIds) {
  for (const id of didIds) {
    await page.getByTestId(`did-row-${id}`).waitFor();
    await page.getByTestId(`did-select-${id}`).check();
  }
  await page.getByTestId("did-continue").click();
  await expectStep(page, "requirement");
}

/** The text of the selected option of a <select>. */
export async function selectedOptionText(locator) {
  return locator.evaluate((select) => select.selectedOptions?.[0]?.textContent?.trim() ?? "");
}

/** The data-testid values of the elements whose data-testid starts with `prefix`. */
export async function testIdsWithPrefix(page, prefix) {
  return page
    .locator(`[data-testid^="${prefix}"]`)
    .evaluateAll((elements) => elements.map((element) => element.dataset.testid));
}

/**
 * Fills `field-<name>` inputs. Values are typed as a person would, so that input and blur
 * handlers run.
 */
export async function fillFields(page, values) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.getByTestId(`field-${name}`);
    await field.fill(value);
    await field.blur();
  }
}

/**
 * Opens the "new" form of the identity or address step, fills it, submits it, and waits until
 * the created record shows up as a new, selected option. Returns the new record's id.
 */
export async function createRecord(page, kind, { before, values }) {
  const prefix = `${kind}-option-`;
  await page.getByTestId(`${kind}-new`).click();
  if (before) await before();
  await fillFields(page, values);
  // The existing records are read only now: the list may still have been loading when the
  // step appeared, and a record that shows up late must not pass for the created one.
  const loading = page.getByTestId(`step-${kind}`).getByTestId("loading-state");
  await waitFor(async () => !(await loading.isVisible()), { message: `the ${kind} list to load` });
  const existing = new Set(await testIdsWithPrefix(page, prefix));
  await page.getByTestId(`${kind}-create`).click();

  const created = await waitFor(async () => {
    await throwOnErrorSummary(page);
    const ids = await testIdsWithPrefix(page, prefix);
    return ids.find((id) => !existing.has(id));
  }, { message: `a new ${prefix}* after ${kind}-create` });
  await waitFor(() => page.getByTestId(created).isChecked(), {
    message: `${created} to be selected after it was created`,
  });
  return created.slice(prefix.length);
}

/**
 * Runs the validation and waits until it passed: `validate-continue` becomes enabled while
 * `validate-result` shows an outcome. DIDWW's objections or an error fail at once.
 * Returns the result text.
 */
export async function validate(page) {
  await expectStep(page, "validate");
  await page.getByTestId("validate-run").click();
  const result = page.getByTestId("validate-result");
  return waitFor(async () => {
    await throwOnErrorSummary(page);
    for (const failure of ["validate-problems", "error-state"]) {
      const shown = result.getByTestId(failure);
      if (await shown.isVisible()) {
        throw fatal(`validation failed: ${(await shown.innerText()).trim()}`);
      }
    }
    const text = (await result.innerText()).trim();
    return text && (await page.getByTestId("validate-continue").isEnabled()) ? text : undefined;
  }, { timeout: 20_000, message: "the validation to pass (validate-continue enabled)" });
}

/** Submits the verification and waits for the status page. Returns the verification id. */
export async function submitVerification(page) {
  await expectStep(page, "submit");
  await page.getByTestId("submit-verification").click();
  const id = await waitFor(async () => {
    await throwOnErrorSummary(page);
    return new URL(page.url()).pathname.match(/^\/status\/([^/]+)$/)?.[1];
  }, { timeout: 20_000, message: "the /status/<id> route after submitting" });
  await expectStep(page, "status");
  return id;
}

/** Polls the status page until both badges match, as a person watching it would. */
export async function waitForBadges(page, { verification, service }, timeout = 45_000) {
  const badge = (name) => page.getByTestId(`status-badge-${name}`);
  let seen = "";
  try {
    await waitFor(async () => {
      const verificationText = (await badge("verification").innerText({ timeout: 1_000 })).trim();
      const serviceText = (await badge("service").innerText({ timeout: 1_000 })).trim();
      seen = `verification "${verificationText}", service "${serviceText}"`;
      return verification.test(verificationText) && service.test(serviceText);
    }, { timeout, interval: 250, message: `badges ${verification} and ${service}` });
  } catch (error) {
    error.message += ` (last seen: ${seen || "no badges"})`;
    throw error;
  }
}
