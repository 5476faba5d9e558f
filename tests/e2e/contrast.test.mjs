// The colour tokens of style/main.css, light and dark, against WCAG 2.2 AA: 4.5:1 for text on
// the backgrounds it is used on, 3:1 for the focus outline and control borders (non-text
// contrast). axe measures the text it finds on the pages the tests open; this covers every
// pairing the stylesheet defines, including states no page happens to show.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const stylesheet = fs.readFileSync(path.resolve(here, "../../style/main.css"), "utf8");

/** Text colours and the backgrounds they are drawn on. */
const TEXT_PAIRS = [
  ["text", "surface"],
  ["text", "page"],
  ["text", "surface-muted"],
  ["text", "primary-soft"],
  ["text-muted", "surface"],
  ["text-muted", "page"],
  ["text-muted", "surface-muted"],
  ["text-muted", "neutral-soft"],
  ["link", "surface"],
  ["link", "page"],
  ["link", "info-soft"],
  ["link", "primary-soft"],
  ["on-primary", "primary"],
  ["on-primary", "primary-hover"],
  ["primary", "surface"],
  ["success-text", "success-soft"],
  ["success-text", "surface"],
  ["danger-text", "danger-soft"],
  ["danger-text", "surface"],
  ["warning-text", "warning-soft"],
  ["info-text", "info-soft"],
  ["info-text", "surface"],
  ["neutral-text", "neutral-soft"],
];

/** Outlines and borders that show where a control is or which one has focus. */
const NON_TEXT_PAIRS = [
  ["focus", "surface"],
  ["focus", "page"],
  ["border-strong", "surface"],
];

test("text meets 4.5:1 and focus and control outlines 3:1, light and dark", () => {
  const themes = colorTokens(stylesheet);
  const failures = [];
  for (const [theme, tokens] of Object.entries(themes)) {
    for (const [pairs, minimum] of [[TEXT_PAIRS, 4.5], [NON_TEXT_PAIRS, 3]]) {
      for (const [foreground, background] of pairs) {
        assert.ok(tokens[foreground], `${theme} defines --dwe-color-${foreground}`);
        assert.ok(tokens[background], `${theme} defines --dwe-color-${background}`);
        const ratio = contrast(tokens[foreground], tokens[background]);
        if (ratio < minimum) {
          failures.push(`${theme}: ${foreground} on ${background} is ${ratio.toFixed(2)}:1`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
});

test("the contrast measure agrees with WCAG's own examples", () => {
  assert.equal(contrast("#000000", "#ffffff").toFixed(2), "21.00");
  assert.equal(contrast("#777777", "#ffffff").toFixed(2), "4.48");
  assert.equal(contrast("#ffffff", "#ffffff").toFixed(2), "1.00");
});

/** The `--dwe-color-*` hex values of :root (light) and of the dark override on top of it. */
function colorTokens(css) {
  const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
  assert.ok(darkStart > 0, "the stylesheet has a dark colour scheme");
  const lightBlock = css.slice(css.indexOf(":root"), darkStart);
  const darkBlock = css.slice(darkStart, css.indexOf("}\n}", darkStart));
  const light = hexTokens(lightBlock);
  return { light, dark: { ...light, ...hexTokens(darkBlock) } };
}

function hexTokens(block) {
  const found = {};
  for (const match of block.matchAll(/--dwe-color-([a-z-]+):\s*(#[0-9a-fA-F]{6})\b/g)) {
    found[match[1]] = match[2];
  }
  return found;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(first, second) {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex) {
  const [red, green, blue] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
