// The reference proxy for real: Chromium → the bundle → nginx (scripts/proxy/) on 127.0.0.1 →
// the simulator. The browser holds no key; the proxy adds it, refuses what the flow does not
// use, and grants CORS to the app's origin only.

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { API_KEY, startStack, withPage } from "./harness.mjs";
import { CLEAN_DID, expectStep } from "./wizard.mjs";

const FOREIGN_ORIGIN = "http://127.0.0.2:9";

let stack;

before(async () => {
  // The simulator enforces DIDWW's 20 requests a second per key, answering 429 beyond it.
  process.env.DIDWW_SIM_RATE_LIMIT = "20";
  try {
    stack = await startStack({ sim: true, proxy: true });
  } finally {
    delete process.env.DIDWW_SIM_RATE_LIMIT;
  }
});

after(async () => {
  await stack?.stop();
});

beforeEach(async () => {
  await stack?.resetSim();
});

test("the app reaches DIDWW through the proxy, which adds the key the browser never sends", async (t) => {
  await withPage(t, stack, async (page) => {
    const apiRequests = [];
    page.on("request", (request) => {
      if (request.url().startsWith(stack.proxyUrl)) apiRequests.push(request);
    });
    await page.goto("/dids");
    await expectStep(page, "dids");
    await page.getByTestId(`did-row-${CLEAN_DID}`).waitFor();

    // No key field either: the configuration says the proxy holds it.
    await page.getByTestId("settings-open").click();
    await page.getByTestId("settings-api-base").waitFor();
    assert.equal(await page.getByTestId("settings-api-key").count(), 0);

    assert.ok(apiRequests.length > 0, "the app called the proxy");
    for (const request of apiRequests) {
      const headers = await request.allHeaders();
      assert.equal(headers["api-key"], undefined, `no key on ${request.url()}`);
    }
    const versioned = await Promise.all(
      apiRequests
        .filter((request) => request.method() === "GET")
        .map(async (request) => (await request.allHeaders())["x-didww-api-version"]),
    );
    assert.ok(versioned.every((version) => version === "2026-04-16"), `${versioned}`);

    const stats = await stack.simStats();
    assert.equal(stats.last_api_key_seen, true, "the key arrived upstream");
    assert.ok(stats.requests > 0);
  });
});

test("methods and endpoints the flow does not use are refused with 403", async () => {
  const origin = stack.appUrl;
  const before = (await stack.simStats()).requests;
  const refused = [
    ["DELETE", "/v3/identities/1193bf05-f01c-467f-b688-d0526ab50414"],
    ["PATCH", "/v3/dids/3d2bb4b1-7c8d-4ec0-9d5d-c2a0d8b8a901"],
    ["GET", "/v3/balance"],
    ["GET", "/v3/orders"],
    ["POST", "/v3/dids"],
    ["GET", "/__sim/stats"],
    ["GET", "/v3/identities/../balance"],
  ];
  for (const [method, path] of refused) {
    const response = await fetch(`${stack.proxyUrl}${path}`, { method, headers: { Origin: origin } });
    assert.equal(response.status, 403, `${method} ${path}`);
  }
  // A preflight for a refused method is refused too.
  const preflight = await fetch(`${stack.proxyUrl}/v3/identities/x`, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "DELETE" },
  });
  assert.equal(preflight.status, 403);
  assert.equal((await stack.simStats()).requests, before, "nothing refused reached upstream");

  const allowed = await fetch(`${stack.proxyUrl}/v3/countries`, { headers: { Origin: origin } });
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers.get("access-control-allow-origin"), origin);
});

test("only the configured origin gets a CORS grant", async () => {
  const ask = (origin) =>
    fetch(`${stack.proxyUrl}/v3/emergency_verifications`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-didww-api-version",
      },
    });

  const granted = await ask(stack.appUrl);
  assert.equal(granted.status, 204);
  assert.equal(granted.headers.get("access-control-allow-origin"), stack.appUrl);
  assert.match(granted.headers.get("access-control-allow-methods"), /POST/);
  assert.match(granted.headers.get("access-control-allow-headers"), /X-DIDWW-API-Version/i);

  const foreign = await ask(FOREIGN_ORIGIN);
  assert.equal(foreign.status, 403);
  assert.equal(foreign.headers.get("access-control-allow-origin"), null);

  const before = (await stack.simStats()).requests;
  const foreignGet = await fetch(`${stack.proxyUrl}/v3/dids`, { headers: { Origin: FOREIGN_ORIGIN } });
  assert.equal(foreignGet.status, 403);
  assert.equal(foreignGet.headers.get("access-control-allow-origin"), null);
  assert.equal((await stack.simStats()).requests, before, "a foreign page reaches nothing");
});

test("a burst that DIDWW would refuse in part passes the proxy whole, held below 20 a second", async () => {
  const burst = (url, headers) =>
    Promise.all(Array.from({ length: 40 }, () => fetch(url, { headers }).then((r) => r.status)));

  // Straight at the simulator, 40 requests at once meet its limit.
  const direct = await burst(`${stack.simUrl}/v3/countries`, { "Api-Key": API_KEY });
  assert.ok(direct.includes(429), `the simulator refuses part of a direct burst: ${direct}`);
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  // Through the proxy the same burst is queued and paced, so DIDWW refuses none of it.
  const proxied = await burst(`${stack.proxyUrl}/v3/countries`, { Origin: stack.appUrl });
  assert.deepEqual([...new Set(proxied)], [200], `statuses through the proxy: ${proxied}`);
});
