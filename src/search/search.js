// nashra's search page: reads the reader's query as the index was built
// (src/search/mod.rs), looks its words up in the index's files
// (src/search/index.rs describes them), and lists the results.
//
// The index holds each word normalised (arabic::normalize) followed by its
// readings without proclitics (arabic::proclitic_readings). The query is
// read the same way, with the tables NASHRA_QUERY_RULES that the build
// writes above this code from the arabic crate. A page matches a query
// word when it holds the word as typed or one of its readings (so «لبوتين»
// finds every article about بوتين); the last word, still being typed,
// also matches longer words starting with it or with its barest reading. A page must match every word; it ranks by how rare each word is
// in the index and where the page holds it (title, names, text).

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

  return { normalize: normalize, words: words, readings: readings, letters: letters };
})(NASHRA_QUERY_RULES);

var nashraIndex = (function (rules, query) {
  "use strict";
  // Weight of a match on the word as typed, on another of its readings,
  // and on a longer word starting with it.
  var TYPED = 1, READING = 0.9, PREFIX = 0.6;
  // Chunks read for the longer forms of a word, its own included, at most.
  var PREFIX_CHUNKS = 2;

  function varint(bytes, at) {
    var value = 0, scale = 1, byte;
    do {
      if (at.i >= bytes.length) throw new Error("cut index file");
      byte = bytes[at.i++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  }

  var utf8 = null;

  // A term chunk: term -> where its postings are, in the index's order.
  function parseChunk(bytes) {
    utf8 = utf8 || new TextDecoder();
    var terms = new Map();
    var at = { i: 0 };
    while (at.i < bytes.length) {
      var length = varint(bytes, at);
      var term = utf8.decode(bytes.subarray(at.i, at.i + length));
      at.i += length;
      var records = varint(bytes, at);
      var size = varint(bytes, at);
      terms.set(term, { records: records, bytes: bytes, from: at.i, to: at.i + size });
      at.i += size;
    }
    return terms;
  }

  // Calls back (id, class) for each record holding a term.
  function eachPosting(entry, call) {
    var at = { i: entry.from };
    var id = 0;
    while (at.i < entry.to) {
      var value = varint(entry.bytes, at);
      id += Math.floor(value / 4);
      call(id, value % 4);
    }
  }

  function open(base) {
    var meta = fetch(base + "meta.json", { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("meta.json: " + r.status);
      return r.json();
    });
    var files = {};
    function file(m, name, read) {
      if (!files[name]) {
        files[name] = fetch(base + name + "?v=" + m.stamp).then(function (r) {
          if (!r.ok) throw new Error(name + ": " + r.status);
          return read(r);
        });
      }
      return files[name];
    }
    function bytes(r) {
      return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    }
    function chunk(m, n) {
      return file(m, "t" + n + ".bin", function (r) { return bytes(r).then(parseChunk); });
    }
    // The chunk whose terms would hold `term`: the last starting at or
    // before it.
    function chunkOf(m, term) {
      var lo = 0, hi = m.chunks.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (m.chunks[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      return found;
    }
    // Chunks to read for `term` and, when `prefix`, the longer terms
    // starting with it.
    function chunksFor(m, term, prefix) {
      var first = chunkOf(m, term);
      var out = first >= 0 ? [first] : [];
      if (prefix) {
        for (var n = first + 1; n < m.chunks.length && out.length < PREFIX_CHUNKS &&
             m.chunks[n].indexOf(term) === 0; n++) out.push(n);
      }
      return out;
    }

    // id -> best score of one query word, or null when the word tells no
    // page from another (all pages hold it). Only the `last` word of the
    // query, the one still being typed, also matches longer words.
    function wordScores(m, word, last) {
      var readings = query.readings(word);
      var common = readings.some(function (r) { return m.common.indexOf(r) >= 0; });
      if (common) return Promise.resolve(null);
      var barest = readings[readings.length - 1];
      var wanted = [];
      readings.forEach(function (r, k) { wanted.push({ term: r, exact: true, weight: k ? READING : TYPED }); });
      if (last && query.letters(word) >= 2) wanted.push({ term: word, exact: false, weight: PREFIX });
      if (last && barest !== word) wanted.push({ term: barest, exact: false, weight: PREFIX });
      return Promise.all(wanted.map(function (w) {
        return Promise.all(chunksFor(m, w.term, !w.exact).map(function (n) { return chunk(m, n); }));
      })).then(function (loaded) {
        var scores = new Map();
        function add(entry, weight) {
          var idf = Math.log(1 + m.records / entry.records);
          eachPosting(entry, function (id, cls) {
            var s = weight * rules.weights[cls] * idf;
            var before = scores.get(id);
            if (before === undefined || s > before) scores.set(id, s);
          });
        }
        wanted.forEach(function (w, i) {
          loaded[i].forEach(function (terms) {
            if (w.exact) {
              var entry = terms.get(w.term);
              if (entry) add(entry, w.weight);
              return;
            }
            terms.forEach(function (entry, term) {
              if (term !== w.term && term.indexOf(w.term) === 0) add(entry, w.weight);
            });
          });
        });
        return scores;
      });
    }

    function filterIds(m, facet, value) {
      var n = m.filters[facet] && m.filters[facet][value];
      if (n === undefined) return Promise.resolve(new Set());
      return file(m, "f" + n + ".bin", bytes).then(function (b) {
        var ids = new Set();
        var at = { i: 0 };
        var id = 0;
        while (at.i < b.length) { id += varint(b, at); ids.add(id); }
        return ids;
      });
    }

    return {
      ready: meta,
      // The ids of the pages matching `text` and the chosen filters, best
      // first (or newest first when `byDate`).
      search: function (text, filters, byDate) {
        var words = query.words(text);
        return meta.then(function (m) {
          var facets = Object.keys(filters);
          return Promise.all([
            Promise.all(words.map(function (w, i) { return wordScores(m, w, i === words.length - 1); })),
            Promise.all(facets.map(function (f) { return filterIds(m, f, filters[f]); }))
          ]);
        }).then(function (found) {
          var perWord = found[0].filter(Boolean);
          if (!perWord.length) return [];
          perWord.sort(function (a, b) { return a.size - b.size; });
          var total = new Map();
          perWord[0].forEach(function (s, id) {
            var sum = s;
            for (var i = 1; i < perWord.length; i++) {
              var t = perWord[i].get(id);
              if (t === undefined) return;
              sum += t;
            }
            if (found[1].every(function (ids) { return ids.has(id); })) total.set(id, sum);
          });
          var ids = Array.from(total.keys());
          ids.sort(byDate ? function (a, b) { return a - b; } : function (a, b) {
            return total.get(b) - total.get(a) || a - b;
          });
          return ids;
        });
      },
      // What the result `id` shows: url, title, kind, outlet, date, excerpt.
      result: function (id) {
        return meta.then(function (m) {
          var n = Math.floor(id / m.results_per_file);
          return file(m, "r" + n + ".json", function (r) { return r.json(); }).then(function (list) {
            return list[id % m.results_per_file];
          });
        });
      }
    };
  }

  return { open: open };
})(NASHRA_QUERY_RULES, nashraQuery);

(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var root = document.getElementById("search");
  if (!root) return;
  var PAGE = 10;
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
  // searched (the index matches the beginnings of words too).
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

  var index = null;
  function load() {
    if (!index) index = nashraIndex.open(bundle);
    return index;
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

  // The results of the current query and how far the list has been shown.
  var current = null;
  var latest = 0;

  function render(pages, append) {
    var html = pages.map(function (p) {
      var details = [p.kind, p.outlet, p.date].filter(Boolean).map(escapeHtml).join(" · ");
      return "<li class=\"search-result\"><h2><a href=\"" + escapeHtml(p.url) + "\">" +
        highlight(p.title || p.url, current.terms) + "</a></h2>" +
        (details ? "<p class=\"meta\">" + details + "</p>" : "") +
        (p.excerpt ? "<p class=\"excerpt\">" + highlight(p.excerpt, current.terms) + "</p>" : "") +
        "</li>";
    }).join("");
    if (append) list.insertAdjacentHTML("beforeend", html);
    else list.innerHTML = html;
  }

  function showMore(state, ticket, append) {
    var next = state.ids.slice(state.shown, state.shown + PAGE);
    return Promise.all(next.map(function (id) { return load().result(id); })).then(function (pages) {
      if (ticket !== latest) return;
      state.shown += pages.length;
      render(pages, append);
      var total = state.ids.length;
      status.textContent = total === 1 ? "نتيجة واحدة." :
        "النتائج: " + total + (state.shown < total ? "، تُعرض أول " + state.shown + "." : ".");
      more.hidden = state.shown >= total;
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
    var words = nashraQuery.words(text);
    more.hidden = true;
    if (!words.length) {
      list.innerHTML = "";
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = "جارٍ البحث…";
    return load().search(text, choice.filters, choice.sort === "date").then(function (ids) {
      if (ticket !== latest) return;
      var terms = [];
      words.forEach(function (w) {
        nashraQuery.readings(w).forEach(function (r) { if (terms.indexOf(r) < 0) terms.push(r); });
      });
      current = { ids: ids, terms: terms, shown: 0 };
      if (!ids.length) {
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
  else load().ready.catch(function (error) {
    status.textContent = "تعذّر تحميل فهرس البحث: " + error;
  });
})();
