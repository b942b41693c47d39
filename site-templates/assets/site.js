// AnnotatedNorm site behaviour: theme toggle, symbol highlighting, keyboard paths through code, scroll regions and
// the language switcher. Works from file:// and any sub-path; interface texts come from data-ui-* attributes of <body>.
(function () {
  "use strict";
  var storageKey = "annotatednorm-theme";

  function ui(name, values) {
    var text = document.body.getAttribute("data-ui-" + name) || "";
    return text.replace(/\{(\w+)\}/g, function (all, key) { return values && key in values ? values[key] : all; });
  }

  function storedTheme() {
    try { return localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  function currentTheme() {
    var explicit = document.documentElement.getAttribute("data-theme");
    if (explicit === "light" || explicit === "dark") return explicit;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  // The button's name stays "Dark theme" and aria-pressed says whether it is on: a toggle whose label flips
  // between states tells a screen reader neither the state nor the action.
  function applyTheme(theme) {
    document.documentElement.setAttribute("data-theme", theme);
    var button = document.querySelector(".theme-toggle");
    if (button) button.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
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

  // A click on an identifier marks every use of its symbol where it stands, in the code and in the commentary's
  // <code>; it does not scroll. Going to the declaration is the bar's own link. A second click on the same
  // symbol, Escape, a click anywhere else or a change of address clears the marks.
  function setupSymbols() {
    var active = null;
    var origin = null;
    var keepOnNextHashChange = false;
    var bar = document.createElement("div");
    bar.className = "sym-bar";
    bar.hidden = true;
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    var declaration = document.createElement("a");
    declaration.className = "sym-declaration";
    declaration.textContent = ui("sym-declaration");
    var clearButton = document.createElement("button");
    clearButton.type = "button";
    clearButton.className = "sym-clear";
    clearButton.textContent = ui("sym-clear");
    bar.appendChild(status);
    bar.appendChild(declaration);
    bar.appendChild(clearButton);

    // Commentary <code> that is exactly a name the page declares counts as a use of that declaration.
    var declared = {};
    var decls = document.querySelectorAll(".code .decl[data-sym]");
    for (var d = 0; d < decls.length; d++) {
      var name = decls[d].textContent;
      declared[name] = declared[name] === undefined || declared[name] === decls[d].getAttribute("data-sym") ? decls[d].getAttribute("data-sym") : "";
    }
    var prose = document.querySelectorAll(".docs code, .page-body code");
    for (var p = 0; p < prose.length; p++) {
      var id = declared[prose[p].textContent.trim()];
      if (id && !prose[p].closest("pre")) prose[p].setAttribute("data-sym-prose", id);
    }

    function clear() {
      if (active === null) return;
      var marked = document.querySelectorAll(".sym-active");
      for (var i = 0; i < marked.length; i++) marked[i].classList.remove("sym-active");
      var pressed = document.querySelectorAll("[data-sym][aria-pressed]");
      for (var j = 0; j < pressed.length; j++) pressed[j].removeAttribute("aria-pressed");
      active = null;
      bar.hidden = true;
      status.textContent = "";
    }

    function show(target) {
      clear();
      var id = target.getAttribute("data-sym");
      var quoted = id.replace(/["\\]/g, "\\$&");
      var uses = document.querySelectorAll('[data-sym="' + quoted + '"], [data-sym-prose="' + quoted + '"]');
      for (var i = 0; i < uses.length; i++) uses[i].classList.add("sym-active");
      if (target.tagName === "A") target.setAttribute("aria-pressed", "true");
      active = id;
      origin = target;
      var decl = document.querySelector('.code .decl[data-sym="' + quoted + '"]');
      var section = decl ? decl.closest(".section") : null;
      var href = section ? "#" + section.id : target.getAttribute("href");
      if (href) declaration.setAttribute("href", href); else declaration.removeAttribute("href");
      declaration.hidden = !href;
      status.textContent = ui("sym-uses", { count: uses.length, name: target.textContent });
      // Next in the tab order after the code block, so a keyboard reader finds the bar where the symbol is.
      var after = target.closest("pre") || target;
      after.parentNode.insertBefore(bar, after.nextSibling);
      bar.hidden = false;
    }

    document.addEventListener("click", function (event) {
      var element = event.target instanceof Element ? event.target : null;
      if (element && element.closest(".sym-bar")) {
        if (element.closest(".sym-clear")) { var back = origin; clear(); if (back) back.focus(); }
        else if (element.closest(".sym-declaration")) keepOnNextHashChange = declaration.getAttribute("href") !== location.hash;
        return;
      }
      var target = element ? element.closest(".code [data-sym]") : null;
      if (!target) { clear(); return; }
      event.preventDefault();
      if (active === target.getAttribute("data-sym")) clear(); else show(target);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && active !== null) {
        var back = origin;
        clear();
        if (back && bar.contains(document.activeElement)) back.focus();
      }
    });
    window.addEventListener("hashchange", function () {
      if (keepOnNextHashChange) keepOnNextHashChange = false; else clear();
    });
    // A page restored from the back/forward cache comes back as it was left: start it clean.
    window.addEventListener("pageshow", function (event) { if (event.persisted) clear(); });
  }

  // A code block is one tab stop: its symbols are reached with the arrow keys, Home and End.
  function setupCodeKeyboard() {
    var blocks = document.querySelectorAll(".code pre");
    for (var b = 0; b < blocks.length; b++) {
      var block = blocks[b];
      var links = block.querySelectorAll("a[data-sym]");
      for (var i = 0; i < links.length; i++) links[i].tabIndex = -1;
      var lines = block.querySelectorAll(".line[data-line]");
      if (lines.length > 0) {
        block.setAttribute("role", "group");
        block.setAttribute("aria-label", ui(links.length > 0 ? "code-symbols" : "code", {
          first: lines[0].getAttribute("data-line"), last: lines[lines.length - 1].getAttribute("data-line"),
        }));
      }
      if (links.length > 0) block.tabIndex = 0;
      block.addEventListener("keydown", moveBetweenSymbols);
    }
  }

  function moveBetweenSymbols(event) {
    var block = event.currentTarget;
    var links = Array.prototype.slice.call(block.querySelectorAll("a[data-sym]"));
    if (links.length === 0) return;
    var index = links.indexOf(document.activeElement);
    var next;
    switch (event.key) {
      case "ArrowRight": case "ArrowDown": next = index < 0 ? 0 : Math.min(index + 1, links.length - 1); break;
      case "ArrowLeft": case "ArrowUp": next = index < 0 ? 0 : Math.max(index - 1, 0); break;
      case "Home": next = 0; break;
      case "End": next = links.length - 1; break;
      default: return;
    }
    event.preventDefault();
    links[next].focus();
  }

  // Anything that scrolls sideways (a code block, a wide table, a long formula) takes focus, so the keyboard can scroll it.
  function setupScrollRegions() {
    var tables = document.querySelectorAll(".docs table, .page-body table");
    for (var t = 0; t < tables.length; t++) {
      if (tables[t].parentNode.classList.contains("table-scroll")) continue;
      var wrapper = document.createElement("div");
      wrapper.className = "table-scroll";
      tables[t].parentNode.insertBefore(wrapper, tables[t]);
      wrapper.appendChild(tables[t]);
    }
    function update() {
      var regions = document.querySelectorAll(".code pre, .table-scroll, .katex-display");
      for (var i = 0; i < regions.length; i++) {
        var region = regions[i];
        var scrolls = region.scrollWidth > region.clientWidth + 1;
        if (region.tagName === "PRE") {
          if (!region.querySelector("a[data-sym]")) {
            if (scrolls) region.tabIndex = 0; else region.removeAttribute("tabindex");
          }
          continue;
        }
        if (scrolls) {
          region.tabIndex = 0;
          region.setAttribute("role", "group");
          region.setAttribute("aria-label", ui(region.tagName === "DIV" && region.classList.contains("table-scroll") ? "table" : "formula"));
        } else {
          region.removeAttribute("tabindex");
          region.removeAttribute("role");
          region.removeAttribute("aria-label");
        }
        region.classList.toggle("scrolls", scrolls);
      }
    }
    update();
    // Web fonts (KaTeX's, the code font) widen text after the first layout, and so can make a region scroll.
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(update);
    window.addEventListener("load", update);
    var pending = 0;
    window.addEventListener("resize", function () {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(update);
    });
  }

  // The other language's page opens at the section being read: sections are numbered alike in every language.
  function setupLanguageSwitcher() {
    var links = document.querySelectorAll(".language-switcher a[hreflang]");
    if (links.length === 0) return;
    for (var i = 0; i < links.length; i++) links[i].setAttribute("data-href", links[i].getAttribute("href"));
    function update() {
      var hash = /^#section-\d+$/.test(location.hash) ? location.hash : "";
      for (var j = 0; j < links.length; j++) links[j].setAttribute("href", links[j].getAttribute("data-href") + hash);
    }
    update();
    window.addEventListener("hashchange", update);
  }

  function start() {
    setupThemeToggle();
    setupSymbols();
    setupCodeKeyboard();
    setupScrollRegions();
    setupLanguageSwitcher();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  window.annotatedNormTheme = { key: storageKey, stored: storedTheme };
})();
