// Starts the app. Trunk writes the hashed bundle names into two <meta> tags (pattern_script in
// Trunk.toml) instead of an inline loader, so the page runs under a CSP without 'unsafe-inline'.
const metaContent = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

const jsUrl = metaContent("didww-app-js");
const wasmUrl = metaContent("didww-app-wasm");
if (!jsUrl || !wasmUrl) {
  throw new Error("boot.js: the didww-app-js and didww-app-wasm meta tags are missing");
}

// The wasm-bindgen glue's default export fetches, compiles and starts the WebAssembly module.
const glue = await import(jsUrl);
await glue.default({ module_or_path: wasmUrl });
