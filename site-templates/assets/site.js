// AnnotatedNorm site behaviour: theme toggle and symbol highlighting. Works from file:// and any sub-path.
(function () {
  "use strict";
  var storageKey = "annotatednorm-theme";

  function storedTheme() {
    try { return localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function currentTheme() {
    var explicit = document.documentElement.getAttribute("data-theme");
    if (explicit === "light" || explicit === "dark") return explicit;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function applyTheme(theme) {
    document.documentElement.setAttribute("data-theme", theme);
    var button = document.querySelector(".theme-toggle");
    if (button) {
      button.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
      var label = button.getAttribute(theme === "dark" ? "data-label-light" : "data-label-dark");
      if (label) button.textContent = label;
    }
  }

  function setupThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    applyTheme(currentTheme());
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      try { localStorage.setItem(storageKey, next); } catch (e) { /* private mode: the choice lasts for this page only */ }
      applyTheme(next);
    });
  }

  // A click on an identifier marks every use of the same symbol; a use is also a link to its declaring section.
  function setupSymbols() {
    var active = null;
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target.closest("[data-sym]") : null;
      if (!target) return;
      var id = target.getAttribute("data-sym");
      var previous = document.querySelectorAll(".sym-active");
      for (var i = 0; i < previous.length; i++) previous[i].classList.remove("sym-active");
      if (active === id && target.tagName !== "A") { active = null; return; }
      active = id;
      var uses = document.querySelectorAll('[data-sym="' + id.replace(/["\\]/g, "\\$&") + '"]');
      for (var j = 0; j < uses.length; j++) uses[j].classList.add("sym-active");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setupThemeToggle(); setupSymbols(); });
  } else {
    setupThemeToggle();
    setupSymbols();
  }
  window.annotatedNormTheme = { key: storageKey, stored: storedTheme };
})();
