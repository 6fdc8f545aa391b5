// The reader's service worker: keeps the app and every page already read,
// so a reader can reopen them without a network.
//
// - The app's files (its hashed script, wasm and stylesheet, index.html,
//   view.js) are cached when the worker installs.
// - Pages, catalogue.json and the search index: the network first, always
//   (a replaced catalogue is seen at once); a copy is kept, and used only
//   when the network fails. An address never visited falls back to the
//   app's page, which then reads the kept catalogue.
// - `cargo xtask build` writes VERSION and APP_FILES below; a new
//   deployment is a new VERSION, whose worker deletes every older cache
//   when it takes over.
"use strict";

const VERSION = "dev";
const APP_FILES = [];
const CACHE = "abstract-reader-" + VERSION;
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(APP_FILES.map((f) => new URL(f, SCOPE).href)))
      .then(() => self.skipWaiting())
  );
});

// The page that registered the worker, and its catalogue, were fetched
// before there was a worker: keep them now, so that first page reopens
// offline too. So was the part a split catalogue's article page preloads.
async function keepOpenPages() {
  const cache = await caches.open(CACHE);
  const windows = await self.clients.matchAll({ type: "window" });
  const keep = async (url) => {
    const key = new URL(url);
    key.search = "";
    try {
      // From the HTTP cache when it has them: the page just loaded both,
      // and a large catalogue should not be downloaded twice.
      const response = await fetch(key.href, { cache: "force-cache" });
      if (response.ok) await cache.put(key.href, response.clone());
      return response;
    } catch (offline) { return null; /* kept next time */ }
  };
  await keep(new URL("catalogue.json", SCOPE).href);
  await Promise.all(windows.map(async (w) => {
    const page = await keep(w.url);
    if (!page) return;
    const html = await page.text();
    const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)];
    await Promise.all(preloads.map((m) => keep(new URL(m[1], w.url).href)));
  }));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((n) => n.startsWith("abstract-reader-") && n !== CACHE).map((n) => caches.delete(n))
      ))
      .then(() => self.clients.claim())
      .then(keepOpenPages)
  );
});

// The app's hashed files never change under their names: the cache first.
function isAppFile(url) {
  return APP_FILES.some((f) => new URL(f, SCOPE).href === url.href);
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // Keyed without the query: `?lang=zh` is the same page.
      const key = new URL(request.url);
      key.search = "";
      cache.put(key.href, response.clone());
    }
    return response;
  } catch (offline) {
    const key = new URL(request.url);
    key.search = "";
    const kept = await cache.match(key.href);
    if (kept) return kept;
    if (request.mode === "navigate") {
      const app = await cache.match(new URL("index.html", SCOPE).href);
      if (app) return app;
    }
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) {
    return;
  }
  if (isAppFile(url)) {
    event.respondWith(caches.match(url.href).then((kept) => kept || fetch(request)));
    return;
  }
  event.respondWith(networkFirst(request));
});
