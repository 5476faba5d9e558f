// <didww-emergency>: the registration wizard as a custom element a partner's page embeds.
//
//   <script type="module" src="https://your.host/tools/emergency/widget.js"></script>
//   <didww-emergency id="emergency" api-base-url="https://proxy.example/v3"
//                    send-api-key="false"></didww-emergency>
//
// This file sits next to index.html in the bundle. It reads the hashed file names of the
// bundle from that index.html, loads the WebAssembly app once per page, and mounts one
// independent instance into each element's shadow root (styles in, page styles out; the
// --dwe-* custom properties set on the element still theme it). Nothing here is inline, so a
// page under "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" can use it.
//
// The element's attributes are the configuration (see the README); changing one remounts the
// instance. Events arrive on the element: didww:ready, didww:step-change, didww:submitted,
// didww:status-change, didww:error and didww:exit, all bubbling and composed.

const bundleBase = new URL("./", import.meta.url);

// Attributes that configure an instance; a change remounts it with the new values.
const CONFIG_ATTRIBUTES = [
  "api-base-url",
  "send-api-version-header",
  "send-api-key",
  "callback-url",
  "callback-method",
  "reference-prefix",
  "locale",
  "demo",
  "demo-account",
];

let bundle;

/** Loads the app once: its glue module, started, and the address of its stylesheet. */
function loadBundle() {
  bundle ??= (async () => {
    const response = await fetch(new URL("index.html", bundleBase));
    if (!response.ok) {
      throw new Error(`the app's index.html answered status ${response.status}`);
    }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const meta = (name) => page.querySelector(`meta[name="${name}"]`)?.getAttribute("content");
    const jsPath = meta("didww-app-js");
    const wasmPath = meta("didww-app-wasm");
    const cssPath = page.querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    if (!jsPath || !wasmPath || !cssPath) {
      throw new Error("the app's index.html does not name its script, module and stylesheet");
    }
    const glue = await import(new URL(jsPath, bundleBase).href);
    await glue.default({ module_or_path: new URL(wasmPath, bundleBase) });
    return { glue, stylesheet: new URL(cssPath, bundleBase).href };
  })();
  return bundle;
}

class DidwwEmergencyElement extends HTMLElement {
  static observedAttributes = CONFIG_ATTRIBUTES;

  #instance;
  #generation = 0;

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#unmount();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.#instance) {
      this.#mount();
    }
  }

  async #mount() {
    // A newer mount or a disconnection while the bundle loads wins over this one.
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    try {
      const { glue, stylesheet } = await loadBundle();
      if (generation !== this.#generation || !this.isConnected) return;
      this.#unmount();
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = stylesheet;
      const container = document.createElement("div");
      container.className = "dwe-widget";
      root.replaceChildren(link, container);
      this.#instance = glue.mount_widget(this, container, bundleBase.href);
    } catch (error) {
      if (generation !== this.#generation) return;
      const message = document.createElement("p");
      message.setAttribute("role", "alert");
      message.textContent = `The emergency calling registration could not start: ${error.message}`;
      root.replaceChildren(message);
      this.dispatchEvent(new CustomEvent("didww:error", {
        bubbles: true,
        composed: true,
        detail: { kind: "load", message: error.message },
      }));
    }
  }

  #unmount() {
    if (!this.#instance) return;
    this.#instance.unmount();
    this.#instance.free();
    this.#instance = undefined;
  }
}

if (!customElements.get("didww-emergency")) {
  customElements.define("didww-emergency", DidwwEmergencyElement);
}
