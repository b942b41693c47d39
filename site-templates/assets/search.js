// AnnotatedNorm site search: the header's box queries the Pagefind index built with the site (one index per
// language; Pagefind picks the one of the page's lang). Results come as the reader types, each linking to the
// section that matches best, with the matching sentence. From file:// browsers refuse to load the index's
// files, so the box says that the site must be served instead of failing without a word.
(function () {
  "use strict";
  var maxResults = 8;

  function ui(name, values) {
    var text = document.body.getAttribute("data-ui-" + name) || "";
    return text.replace(/\{(\w+)\}/g, function (all, key) { return values && key in values ? values[key] : all; });
  }

  // Pagefind's excerpt is text with <mark> around the matched words; only those two survive, the rest is text.
  function excerptNodes(excerpt) {
    var template = document.createElement("template");
    template.innerHTML = excerpt;
    var fragment = document.createDocumentFragment();
    (function copy(from, to) {
      for (var node = from.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3) to.appendChild(document.createTextNode(node.nodeValue));
        else if (node.nodeType === 1) {
          if (node.tagName === "MARK") {
            var mark = document.createElement("mark");
            mark.textContent = node.textContent;
            to.appendChild(mark);
          } else copy(node, to);
        }
      }
    })(template.content, fragment);
    return fragment;
  }

  // The sub-result with the most matches; its anchor may be a heading inside a section, and the link goes to the
  // section (#section-N) that holds it, where a code page has sections.
  function bestMatch(data) {
    var subs = data.sub_results || [];
    var best = null;
    for (var i = 0; i < subs.length; i++) {
      if (!best || (subs[i].locations || []).length > (best.locations || []).length) best = subs[i];
    }
    var page = data.url.split("#")[0];
    if (!best) return { url: data.url, excerpt: data.excerpt };
    var location = best.anchor ? best.anchor.location : -1;
    var section = null;
    var anchors = data.anchors || [];
    for (var j = 0; j < anchors.length; j++) {
      if (/^section-\d+$/.test(anchors[j].id) && anchors[j].location <= location
          && (!section || anchors[j].location >= section.location)) section = anchors[j];
    }
    return { url: section ? page + "#" + section.id : best.url, excerpt: best.excerpt || data.excerpt };
  }

  function setup() {
    var root = document.querySelector(".search");
    if (!root) return;
    var input = root.querySelector(".search-input");
    var status = root.querySelector(".search-status");
    var list = root.querySelector(".search-results");
    var served = location.protocol === "http:" || location.protocol === "https:";
    var engine = null;
    var generation = 0;

    function show(message) {
      status.textContent = message;
      root.classList.toggle("open", message !== "" || !list.hidden);
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      show("");
    }

    function load() {
      if (engine) return engine;
      var bundle = new URL(root.getAttribute("data-search-bundle"), location.href).href;
      var base = new URL(root.getAttribute("data-search-root"), location.href).pathname;
      engine = import(bundle).then(function (pagefind) {
        // A match in a page's title counts for much more than one in its text: nearly every page uses the word
        // "normalization", and the page titled with it (the chapter's overview) is the one to read first.
        return pagefind.options({ baseUrl: base, excerptLength: 24, ranking: { metaWeights: { title: 50 } } }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
      return engine;
    }

    function render(results) {
      list.textContent = "";
      results.forEach(function (data) {
        var match = bestMatch(data);
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = match.url;
        var title = document.createElement("span");
        title.className = "search-title";
        title.textContent = data.meta && data.meta.title ? data.meta.title : data.url;
        var excerpt = document.createElement("span");
        excerpt.className = "search-excerpt";
        excerpt.appendChild(excerptNodes(match.excerpt || ""));
        link.appendChild(title);
        link.appendChild(excerpt);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
    }

    function search() {
      var query = input.value.trim();
      var current = ++generation;
      if (query === "") { close(); return; }
      if (!served) { list.hidden = true; show(ui("search-needs-server")); return; }
      show(ui("search-loading"));
      load().then(function (pagefind) {
        return pagefind.debouncedSearch(query, {}, 120);
      }).then(function (found) {
        if (found === null || current !== generation) return null;
        return Promise.all(found.results.slice(0, maxResults).map(function (r) { return r.data(); })).then(function (data) {
          if (current !== generation) return;
          render(data);
          show(data.length === 0 ? ui("search-none", { query: query }) : ui("search-count", { count: found.results.length }));
        });
      }).catch(function () {
        if (current === generation) { list.hidden = true; show(ui("search-failed")); }
      });
    }

    function links() { return list.querySelectorAll("a"); }

    function move(from, step) {
      var all = Array.prototype.slice.call(links());
      var next = all.indexOf(from) + step;
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
    }

    input.addEventListener("input", search);
    input.addEventListener("focus", function () {
      if (!served) show(ui("search-needs-server"));
      else if (list.children.length > 0) { list.hidden = false; root.classList.add("open"); }
      else if (input.value.trim() !== "") search();
      else load();
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && links().length > 0) { e.preventDefault(); links()[0].focus(); }
      else if (e.key === "Enter" && links().length > 0) { e.preventDefault(); links()[0].click(); }
      else if (e.key === "Escape") {
        e.stopPropagation();
        if (input.value !== "") { input.value = ""; ++generation; close(); } else input.blur();
      }
    });
    list.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(document.activeElement, 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(document.activeElement, -1); }
      else if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); input.focus(); close(); }
    });
    // Following a result to another section of this page does not reload it: close the results.
    list.addEventListener("click", function (e) { if (e.target.closest("a")) close(); });
    // Leaving the box puts the results away; coming back to it shows them again.
    root.addEventListener("focusout", function (e) {
      if (e.relatedTarget && !root.contains(e.relatedTarget)) { list.hidden = true; show(""); }
    });
    document.addEventListener("click", function (e) {
      if (!root.contains(e.target)) { list.hidden = true; show(""); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var target = e.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
