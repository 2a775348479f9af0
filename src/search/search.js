// nashra's search page: reads the reader's query as the index was built
// (src/search/mod.rs), asks Pagefind, and lists the results.
//
// The index holds each word normalised (arabic::normalize) and each of its
// readings without proclitics (arabic::proclitic_readings). The query is
// normalised the same way here; a word that carries proclitics is also
// tried without them, and the results of every reading are merged, the
// reading typed ranked first.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var bundle = root.getAttribute("data-bundle");
  var form = root.querySelector("form");
  var input = root.querySelector("input[name=q]");
  var topicSelect = root.querySelector("select[name=topic]");
  var sortSelect = root.querySelector("select[name=sort]");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");

  // Mirrors arabic::normalize (crates/arabic/src/normalize.rs).
  var IGNORABLE = /[\u0610-\u061A\u061C\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
  var FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۀ": "ه", "ە": "ه", "ۃ": "ه",
    "ؤ": "و", "ک": "ك", "گ": "ك", "ڤ": "ف"
  };
  function normalize(text) {
    var out = "";
    text = text.replace(IGNORABLE, "").toLowerCase();
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      var code = c.charCodeAt(0);
      if (code >= 0x660 && code <= 0x669) c = String(code - 0x660);
      else if (code >= 0x6f0 && code <= 0x6f9) c = String(code - 0x6f0);
      out += FOLD[c] || c;
    }
    return out;
  }
  function words(text) {
    return normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  // Mirrors arabic::proclitic_readings (crates/arabic/src/tokens.rs).
  var CONJUNCTIONS = "وف";
  var PREPOSITIONS = "بلك";
  function readings(word) {
    var out = [word];
    function push(s) {
      if (Array.from(s).length >= 3 && out.indexOf(s) < 0) out.push(s);
    }
    var rest = word;
    var stages = [word];
    if (CONJUNCTIONS.indexOf(rest[0]) >= 0) {
      rest = rest.slice(1);
      stages.push(rest);
    }
    if (rest && PREPOSITIONS.indexOf(rest[0]) >= 0) {
      var after = rest.slice(1);
      if (rest[0] === "ل" && after[0] === "ل") {
        push("ا" + after);
        push(after.slice(1));
      }
      stages.push(after);
    }
    stages.forEach(function (s) {
      push(s);
      if (s.indexOf("ال") === 0) push(s.slice(2));
    });
    return out;
  }
  // The typed query first, then each word read without its proclitics.
  function queries(text) {
    var ws = words(text);
    if (!ws.length) return [];
    var out = [ws.join(" ")];
    var stripped = ws.map(function (w) {
      var r = readings(w);
      return r[r.length - 1];
    }).join(" ");
    if (out.indexOf(stripped) < 0) out.push(stripped);
    return out;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  // Marks the words of `text` any of whose readings starts with a term.
  function highlight(text, terms) {
    return text.split(/([\p{L}\p{M}\p{N}\u0640]+)/u).map(function (part, i) {
      if (i % 2 === 0) return escapeHtml(part);
      var hit = readings(normalize(part)).some(function (r) {
        return terms.some(function (t) { return r.indexOf(t) === 0; });
      });
      return hit ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("");
  }

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: "/" }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function fillTopics(pf) {
    return pf.filters().then(function (filters) {
      var topics = Object.keys((filters && filters.topic) || {}).sort();
      var chosen = new URLSearchParams(location.search).get("topic") || "";
      topics.forEach(function (t) {
        var option = document.createElement("option");
        option.value = t;
        option.textContent = t;
        if (t === chosen) option.selected = true;
        topicSelect.appendChild(option);
      });
    });
  }

  var latest = 0;
  function run() {
    var text = input.value.trim();
    var ticket = ++latest;
    var params = new URLSearchParams();
    if (text) params.set("q", text);
    if (topicSelect.value) params.set("topic", topicSelect.value);
    if (sortSelect.value) params.set("sort", sortSelect.value);
    history.replaceState(null, "", "?" + params.toString());
    var qs = queries(text);
    if (!qs.length) {
      list.innerHTML = "";
      status.textContent = "";
      return;
    }
    status.textContent = "جارٍ البحث…";
    var options = {};
    if (topicSelect.value) options.filters = { topic: topicSelect.value };
    if (sortSelect.value === "date") options.sort = { date: "desc" };
    load().then(function (pf) {
      return Promise.all(qs.map(function (q) { return pf.search(q, options); }));
    }).then(function (searches) {
      // Merge: each page once, at the rank of the first reading finding it.
      var seen = {};
      var merged = [];
      searches.forEach(function (s) {
        (s ? s.results : []).forEach(function (r) {
          if (!seen[r.id]) {
            seen[r.id] = true;
            merged.push(r);
          }
        });
      });
      return Promise.all(merged.slice(0, 20).map(function (r) { return r.data(); }))
        .then(function (pages) { return { total: merged.length, pages: pages }; });
    }).then(function (found) {
      if (ticket !== latest) return;
      if (!found.total) {
        status.textContent = "لا نتائج لـ«" + text + "». جرّب كلمة أخرى أو تهجئة مختلفة.";
        list.innerHTML = "";
        return;
      }
      status.textContent = "النتائج: " + found.total.toLocaleString("ar") +
        (found.total > found.pages.length ? " (تُعرض أول " + found.pages.length.toLocaleString("ar") + ")" : "");
      var terms = [];
      qs.forEach(function (q) { q.split(" ").forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); }); });
      list.innerHTML = found.pages.map(function (p) {
        var m = p.meta || {};
        var details = [m.kind, m.outlet, m.date].filter(Boolean).map(escapeHtml).join(" · ");
        return "<li class=\"search-result\"><h2><a href=\"" + escapeHtml(p.url) + "\">" +
          highlight(m.title || p.url, terms) + "</a></h2>" +
          (details ? "<p class=\"meta\">" + details + "</p>" : "") +
          (m.excerpt ? "<p class=\"excerpt\">" + highlight(m.excerpt, terms) + "</p>" : "") +
          "</li>";
      }).join("");
    }).catch(function (error) {
      if (ticket !== latest) return;
      status.textContent = "تعذّر البحث: " + error;
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  topicSelect.addEventListener("change", run);
  sortSelect.addEventListener("change", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (params.get("sort")) sortSelect.value = params.get("sort");
  load().then(fillTopics).then(function () {
    if (input.value) run();
  }).catch(function (error) {
    status.textContent = "تعذّر تحميل فهرس البحث: " + error;
  });
})();
