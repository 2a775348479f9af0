// Drives nashra's search page in Debian's Chromium, as a reader would, and
// reports what the page showed: crates/bench/tests/search_browser.rs runs
// it and checks the results against what nashra understood of the corpus.
//
// Reads a JSON plan on stdin:
//   { "chromium": PATH,
//     "sites": [{ "dir": BUILT_SITE, "base": "/briefing/" }, …],
//     "cases": [{ "site": I, "query": "…", "select": { "topic": "…" } }, …],
//     "parity": { "script": SEARCH_JS, "texts": ["…", …] },
//     "screenshot": { "site": I, "query": "…", "path": PNG } }
// and prints { "cases": [{ "status", "urls", "titles", "marked", "fetched" }, …],
// "parity": [{ "words", "readings" }, …] } on stdout.
//
// Each site is served from 127.0.0.1 under its base path by a small file
// server here. Each query is typed into the header box of the home page in
// a fresh browser context; Enter takes the reader to the search page.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
};

function serve(site) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, "http://127.0.0.1");
      let rel = decodeURIComponent(url.pathname);
      if (!rel.startsWith(site.base)) {
        res.writeHead(404).end();
        return;
      }
      rel = rel.slice(site.base.length);
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.join(site.dir, rel);
      if (!file.startsWith(site.dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      const type = TYPES[path.extname(file)] || "application/octet-stream";
      res.writeHead(200, { "Content-Type": type });
      fs.createReadStream(file).pipe(res);
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// Waits until the search page has answered the query in its box.
async function settled(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector(".search-status");
    return status && status.textContent && !status.textContent.startsWith("جارٍ");
  }, null, { timeout: 30000 });
}

async function ask(browser, origin, site, query, select) {
  const context = await browser.newContext({ locale: "ar" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(origin + site.base);
  // What the query costs the reader: every byte fetched from the search
  // page on, and the part of it that is the index.
  const fetched = { all: 0, index: 0 };
  page.on("response", async (response) => {
    try {
      const length = (await response.body()).length;
      fetched.all += length;
      if (new URL(response.url()).pathname.startsWith(site.base + "search/index/")) fetched.index += length;
    } catch {}
  });
  await page.fill("#header-search-query", query);
  await Promise.all([page.waitForURL(/\/search\/\?/), page.press("#header-search-query", "Enter")]);
  await settled(page);
  for (const [name, value] of Object.entries(select || {})) {
    const before = await page.textContent(".search-status");
    await page.selectOption(`select[name=${name}]`, value);
    await page.waitForFunction((b) => {
      const s = document.querySelector(".search-status").textContent;
      return s !== b && !s.startsWith("جارٍ");
    }, before, { timeout: 30000 }).catch(() => {});
  }
  const shown = await page.evaluate(() => ({
    status: document.querySelector(".search-status").textContent,
    urls: Array.from(document.querySelectorAll(".search-result h2 a")).map((a) => a.getAttribute("href")),
    titles: Array.from(document.querySelectorAll(".search-result h2 a")).map((a) => a.textContent),
    marked: document.querySelectorAll(".search-result mark").length,
    location: location.pathname + location.search,
  }));
  await context.close();
  return { ...shown, errors, fetched };
}

function parity(plan) {
  const context = {};
  vm.runInNewContext(fs.readFileSync(plan.script, "utf8"), context);
  const q = context.nashraQuery;
  return plan.texts.map((text) => {
    const words = q.words(text);
    return { words, readings: words.map((w) => q.readings(w)) };
  });
}

const plan = JSON.parse(fs.readFileSync(0, "utf8"));
const out = { cases: [], parity: plan.parity ? parity(plan.parity) : [] };
const servers = await Promise.all(plan.sites.map(serve));
const origins = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
const browser = await chromium.launch({ executablePath: plan.chromium, args: ["--no-sandbox"] });
try {
  for (const c of plan.cases || []) {
    out.cases.push(await ask(browser, origins[c.site], plan.sites[c.site], c.query, c.select));
  }
  if (plan.screenshot) {
    const s = plan.screenshot;
    const context = await browser.newContext({
      locale: "ar",
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${origins[s.site]}${plan.sites[s.site].base}search/?q=${encodeURIComponent(s.query)}`);
    await settled(page);
    await page.screenshot({ path: s.path, fullPage: false });
    await context.close();
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.close());
}
process.stdout.write(JSON.stringify(out));
