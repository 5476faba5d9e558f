// Accessibility checks for the end-to-end tests: axe-core run inside the page, in the light
// and the dark colour scheme, and the keyboard moves of a person who uses no mouse.
//
// The page runs under the strict Content-Security-Policy that nginx sends. An inline
// <script> (what `page.addScriptTag({ content })` adds) is blocked by it, and the browser
// logs a CSP violation that `withPage` turns into a failure; Playwright's `bypassCSP` would
// let it through but would also switch off the policy that every other check relies on.
// Handing axe's source to `page.evaluate` runs it through the DevTools protocol instead,
// which the page's CSP does not govern, so the policy stays in force while axe runs.

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";

import { waitFor } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * What axe checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices
 * (landmarks, one main heading, headings in order). No rule is switched off.
 */
const AXE_OPTIONS = {
  runOnly: {
    type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"],
  },
  resultTypes: ["violations"],
};

/** The colour schemes the stylesheet has; both must pass. */
export const COLOR_SCHEMES = ["light", "dark"];

/**
 * Runs axe on the whole page in each colour scheme and fails with a readable list of what it
 * found. `label` names the state of the page in the failure message. Leaves the page in the
 * light scheme.
 */
export async function expectNoAxeViolations(page, label) {
  const found = [];
  for (const scheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // Buttons and fields fade their colours for 120 ms; contrast is measured once they settle.
    await page.waitForTimeout(200);
    const violations = await axeViolations(page);
    found.push(...violations.map((violation) => describeViolation(scheme, violation)));
  }
  await page.emulateMedia({ colorScheme: "light" });
  assert.deepEqual(found, [], `axe found problems on ${label}:\n${found.join("\n")}`);
}

/** axe's violations for the page as it is now (axe is injected when missing). */
export async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe?.run === "function");
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(" "),
        summary: node.failureSummary,
      })),
    }));
  }, AXE_OPTIONS);
}

function describeViolation(scheme, violation) {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target}: ${node.summary.replace(/\s+/g, " ")}`)
    .join("\n");
  return `[${scheme}] ${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`;
}

/** A short description of the element that has focus, for assertions and messages. */
export async function focusedElement(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: "body" };
    return {
      tag: element.tagName.toLowerCase(),
      testId: element.dataset?.testid ?? null,
      id: element.id || null,
      type: element.getAttribute("type"),
      text: (element.innerText ?? "").trim().slice(0, 80),
      checked: "checked" in element ? element.checked : null,
      value: "value" in element ? element.value : null,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab with `backwards`) until the element with `data-testid` `testId`
 * has focus, and fails when it is not reached within `limit` presses: what a keyboard user
 * can reach, the test reaches the same way.
 */
export async function tabTo(page, testId, { backwards = false, limit = 60 } = {}) {
  const key = backwards ? "Shift+Tab" : "Tab";
  const passed = [];
  for (let presses = 0; presses < limit; presses += 1) {
    const focused = await focusedElement(page);
    if (focused.testId === testId) return focused;
    passed.push(focused.testId ?? focused.id ?? focused.tag);
    await page.keyboard.press(key);
  }
  throw new Error(
    `${key} did not reach ${testId} in ${limit} presses; passed ${passed.join(", ")}`,
  );
}

/** Waits until the focused element has `data-testid` `testId`. */
export async function expectFocusOn(page, testId, message = `focus on ${testId}`) {
  return waitFor(async () => (await focusedElement(page)).testId === testId, { message });
}

/** Waits until the heading of the step `step` (its `<h1>`) has focus. */
export async function expectStepHeadingFocused(page, step) {
  await waitFor(
    () =>
      page.evaluate((step) => {
        const heading = document.querySelector(`[data-testid="step-${step}"] h1`);
        return heading !== null && document.activeElement === heading;
      }, step),
    { message: `the heading of step-${step} to have focus` },
  );
}

/** The messages the shared live region holds now, oldest first. */
export async function liveRegionMessages(page) {
  return page
    .getByTestId("live-region")
    .locator("p")
    .evaluateAll((paragraphs) => paragraphs.map((paragraph) => paragraph.textContent.trim()));
}

/** Waits until one of the shared live region's recent messages matches `pattern`. */
export async function expectAnnouncement(page, pattern) {
  let heard = [];
  try {
    await waitFor(async () => {
      heard = await liveRegionMessages(page);
      return heard.some((message) => pattern.test(message));
    }, { message: `the live region to announce ${pattern}` });
  } catch (error) {
    error.message += ` (last heard: ${JSON.stringify(heard)})`;
    throw error;
  }
}
