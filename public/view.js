// Runs before the first paint of a prerendered article page: picks the view
// the app will show (the same order as src/prefs.rs: ?lang=, the remembered
// choice, the browser's languages, English) and marks <html> with it, so the
// stylesheet shows only that view's column until the app takes over.
(function () {
  function pick(value) {
    var tag = String(value || "").toLowerCase();
    if (tag === "both") return "both";
    var primary = tag.split(/[-_]/)[0];
    return primary === "en" || primary === "zh" ? primary : null;
  }
  var view = null;
  try { view = pick(new URLSearchParams(location.search).get("lang")); } catch (e) { /* old browser */ }
  if (!view) {
    try { view = pick(localStorage.getItem("abstract-reader.view")); } catch (e) { /* storage off */ }
  }
  var languages = navigator.languages || [navigator.language];
  for (var i = 0; !view && i < languages.length; i++) {
    var lang = pick(languages[i]);
    if (lang !== "both") view = lang;
  }
  view = view || "en";
  document.documentElement.setAttribute("data-view", view);
  document.documentElement.setAttribute("lang", view === "zh" ? "zh" : "en");
})();

// Once the page has loaded, the service worker (sw.js) keeps the app and
// the pages read for reading offline. Browsers offer it only over HTTPS and
// on localhost.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js").catch(function () { /* offline reading is a bonus */ });
  });
}
