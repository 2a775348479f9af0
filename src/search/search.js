// nashra's search page: reads the reader's query as the index was built
// (src/search/mod.rs), asks Pagefind, and lists the results.
//
// The index holds each word normalised (arabic::normalize) followed by its
// readings without proclitics (arabic::proclitic_readings). The query is
// read the same way, with the tables NASHRA_QUERY_RULES that the build
// writes above this code from the arabic crate: the typed words are
// searched as they are (which also finds the clitic forms the text wrote,
// since each was indexed under the bare word too), then without their
// proclitics, so that «لبوتين» finds every article about بوتين. Results of
// the readings are merged, each page once.

var nashraQuery = (function (rules) {
  "use strict";
  var fold = rules.fold;
  var separators = rules.separators;

  // arabic::normalize, character by character.
  function normalize(text) {
    var out = "";
    for (var c of text) {
      out += Object.prototype.hasOwnProperty.call(fold, c) ? fold[c] : c.toLowerCase();
    }
    return out;
  }

  var WORD = /[\p{L}\p{N}\p{M}]/u;
  // arabic::for_each_word: the normalised words of `text`.
  function words(text) {
    var out = [];
    var word = "";
    var open = false;
    for (var c of text) {
      var inWord = Object.prototype.hasOwnProperty.call(separators, c) ? false :
        Object.prototype.hasOwnProperty.call(fold, c) || WORD.test(c);
      if (inWord) {
        open = true;
        word += normalize(c);
      } else {
        if (open && word) out.push(word);
        word = "";
        open = false;
      }
    }
    if (open && word) out.push(word);
    return out;
  }

  function letters(s) {
    return Array.from(s).length;
  }

  // arabic::proclitic_readings: `word` (normalised) and its readings
  // without proclitics, the barest last.
  function readings(word) {
    var out = [word];
    function push(s) {
      if (letters(s) >= rules.min_reading && out.indexOf(s) < 0) out.push(s);
    }
    var rest = word;
    var stages = [word];
    var first = Array.from(rest)[0];
    if (first && rules.conjunctions.indexOf(first) >= 0) {
      rest = rest.slice(first.length);
      stages.push(rest);
    }
    first = Array.from(rest)[0];
    if (first && rules.prepositions.indexOf(first) >= 0) {
      var after = rest.slice(first.length);
      if (first === "ل" && after.indexOf("ل") === 0) {
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

  // What to ask Pagefind, best first: the words as typed, then each word
  // at its barest reading.
  function queries(text) {
    var ws = words(text);
    if (!ws.length) return [];
    var out = [ws.join(" ")];
    var bare = ws.map(function (w) {
      var r = readings(w);
      return r[r.length - 1];
    }).join(" ");
    if (out.indexOf(bare) < 0) out.push(bare);
    return out;
  }

  return { normalize: normalize, words: words, readings: readings, queries: queries };
})(NASHRA_QUERY_RULES);

(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var root = document.getElementById("search");
  if (!root) return;
  var PAGE = 20;
  var bundle = root.getAttribute("data-bundle");
  var form = root.querySelector("form");
  var input = form.querySelector("input[name=q]");
  var selects = Array.from(form.querySelectorAll("select"));
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  // Marks the words of `text` one of whose readings starts with a term
  // searched (Pagefind matches the beginnings of words).
  function highlight(text, terms) {
    var out = "";
    var word = "";
    function flush() {
      if (!word) return;
      var hit = nashraQuery.words(word).some(function (w) {
        return nashraQuery.readings(w).some(function (r) {
          return terms.some(function (t) { return r.indexOf(t) === 0; });
        });
      });
      out += hit ? "<mark>" + escapeHtml(word) + "</mark>" : escapeHtml(word);
      word = "";
    }
    for (var c of text) {
      if (/\s|[.,،؛:!?؟«»()"'\-–—]/.test(c)) {
        flush();
        out += escapeHtml(c);
      } else {
        word += c;
      }
    }
    flush();
    return out;
  }

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        // Record URLs already carry the site's base path.
        return pf.options({ baseUrl: "/" }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function chosen() {
    var filters = {};
    var sort = "";
    selects.forEach(function (s) {
      if (!s.value) return;
      if (s.name === "sort") sort = s.value;
      else filters[s.name] = s.value;
    });
    return { filters: filters, sort: sort };
  }

  // The results of the current query, merged across its readings, and
  // how far the list has been shown.
  var current = null;
  var latest = 0;

  function dateOf(data) {
    return (data.meta && data.meta.date_iso) || "";
  }

  // The next `n` results: by relevance, the typed reading's results first;
  // newest first, a merge of the readings' lists, each already sorted.
  function take(state, n) {
    var picked = [];
    function step() {
      if (picked.length >= n) return Promise.resolve(picked);
      var heads = state.lists.map(function (l, i) {
        while (state.at[i] < l.length && state.seen[l[state.at[i]].id]) state.at[i]++;
        return state.at[i] < l.length ? l[state.at[i]] : null;
      });
      var live = heads.filter(Boolean);
      if (!live.length) return Promise.resolve(picked);
      return Promise.all(live.map(function (r) { return state.data(r); })).then(function () {
        var best = -1;
        heads.forEach(function (r, i) {
          if (!r) return;
          if (best < 0) { best = i; return; }
          if (state.byDate && dateOf(state.cache[r.id]) > dateOf(state.cache[heads[best].id])) best = i;
        });
        var r = heads[best];
        state.seen[r.id] = true;
        state.at[best]++;
        picked.push(state.cache[r.id]);
        return step();
      });
    }
    return step();
  }

  function render(pages, append) {
    var terms = [];
    current.queries.forEach(function (q) {
      q.split(" ").forEach(function (t) { if (t && terms.indexOf(t) < 0) terms.push(t); });
    });
    var html = pages.map(function (p) {
      var m = p.meta || {};
      var details = [m.kind, m.outlet, m.date].filter(Boolean).map(escapeHtml).join(" · ");
      return "<li class=\"search-result\"><h2><a href=\"" + escapeHtml(p.url) + "\">" +
        highlight(m.title || p.url, terms) + "</a></h2>" +
        (details ? "<p class=\"meta\">" + details + "</p>" : "") +
        (m.excerpt ? "<p class=\"excerpt\">" + highlight(m.excerpt, terms) + "</p>" : "") +
        "</li>";
    }).join("");
    if (append) list.insertAdjacentHTML("beforeend", html);
    else list.innerHTML = html;
  }

  function showMore(state, ticket, append) {
    return take(state, PAGE).then(function (pages) {
      if (ticket !== latest) return;
      state.shown += pages.length;
      render(pages, append);
      status.textContent = state.total === 1 ? "نتيجة واحدة." :
        "النتائج: " + state.total + (state.shown < state.total ? "، تُعرض أول " + state.shown + "." : ".");
      more.hidden = state.shown >= state.total;
    });
  }

  function run() {
    var text = input.value.trim();
    var ticket = ++latest;
    var choice = chosen();
    var params = new URLSearchParams();
    if (text) params.set("q", text);
    Object.keys(choice.filters).forEach(function (k) { params.set(k, choice.filters[k]); });
    if (choice.sort) params.set("sort", choice.sort);
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
    var qs = nashraQuery.queries(text);
    more.hidden = true;
    if (!qs.length) {
      list.innerHTML = "";
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = "جارٍ البحث…";
    var options = { filters: choice.filters };
    if (choice.sort === "date") options.sort = { date: "desc" };
    return load().then(function (pf) {
      return Promise.all(qs.map(function (q) { return pf.search(q, options); }));
    }).then(function (searches) {
      if (ticket !== latest) return;
      var ids = {};
      var lists = searches.map(function (s) { return (s && s.results) || []; });
      lists.forEach(function (l) { l.forEach(function (r) { ids[r.id] = true; }); });
      var cache = {};
      current = {
        queries: qs,
        lists: lists,
        at: lists.map(function () { return 0; }),
        seen: {},
        byDate: choice.sort === "date",
        total: Object.keys(ids).length,
        shown: 0,
        cache: cache,
        data: function (r) {
          if (cache[r.id]) return Promise.resolve(cache[r.id]);
          return r.data().then(function (d) { cache[r.id] = d; return d; });
        }
      };
      if (!current.total) {
        list.innerHTML = "";
        status.textContent = "لا نتائج لـ«" + text + "». جرّب كلمة أخرى أو تهجئة مختلفة، أو أزل أحد المرشّحات.";
        return;
      }
      return showMore(current, ticket, false);
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
  selects.forEach(function (s) { s.addEventListener("change", run); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener("click", function () {
    if (current) showMore(current, latest, true);
  });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  selects.forEach(function (s) {
    var value = params.get(s.name);
    if (value && Array.from(s.options).some(function (o) { return o.value === value; })) s.value = value;
  });
  if (input.value) run();
  else load().catch(function (error) {
    status.textContent = "تعذّر تحميل فهرس البحث: " + error;
  });
})();
