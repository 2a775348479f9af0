// Reads built sites as readers' browsers do: the Nu HTML checker over every
// page, and axe-core in Chromium over one page of each type, in the light
// and the dark colour scheme. Exits non-zero on any Nu error or any serious
// or critical axe violation, after printing each.
//
//   node tests/browser/check.mjs [--screenshots DIR] SITE_DIR...
//
// Each SITE_DIR is a built site (nashra's output folder). Pages are served
// from 127.0.0.1 so that links and the stylesheet resolve as on a host; the
// site's base_url path is read from its sitemap.

import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let shots = null;
const sites = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--screenshots") shots = resolve(args[++i]);
  else sites.push(resolve(args[i]));
}
if (sites.length === 0) {
  console.error("usage: check.mjs [--screenshots DIR] SITE_DIR...");
  process.exit(2);
}

const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const vnuJar = join(here, "node_modules/vnu-jar/build/dist/vnu.jar");
const axeSource = readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8");

/** Every `index.html` under `dir`, as paths relative to it, sorted. */
function pages(dir, prefix = "") {
  const out = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...pages(dir, rel));
    else if (name.endsWith(".html")) out.push(rel);
  }
  return out;
}

/** The path part of the site's base URL, from its sitemap's first entry. */
function basePath(dir) {
  const sitemap = readFileSync(join(dir, "sitemap.xml"), "utf8");
  const loc = /<loc>([^<]+)<\/loc>/.exec(sitemap);
  return loc ? new URL(loc[1]).pathname.replace(/[^/]*$/, "") : "/";
}

/** One page of each type: the first of its folder in name order. */
function samples(all) {
  const pick = (pattern) => all.find((p) => pattern.test(p));
  const types = {
    home: /^index\.html$/,
    article: /^articles\/[^/]+\/index\.html$/,
    story: /^stories\/[^/]+\/index\.html$/,
    day: /^days\/[^/]+\/index\.html$/,
    week: /^weeks\/[^/]+\/index\.html$/,
    weeks: /^weeks\/index\.html$/,
    topic: /^topics\/[^/]+\/index\.html$/,
    topics: /^topics\/index\.html$/,
    entity: /^entities\/[^/]+\/index\.html$/,
    entities: /^entities\/index\.html$/,
    source: /^sources\/[^/]+\/index\.html$/,
    sources: /^sources\/index\.html$/,
    paged: /\/page\/2\/index\.html$/,
    undated: /^undated\/index\.html$/,
    archive: /^archive\/index\.html$/,
    year: /^archive\/\d+\/index\.html$/,
    notfound: /^404\.html$/,
    page: /^(?!articles|stories|days|weeks|topics|entities|sources|undated|archive)[^/]+\/index\.html$/,
  };
  const out = [];
  for (const [type, pattern] of Object.entries(types)) {
    const p = pick(pattern);
    if (p) out.push([type, p]);
  }
  return out;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".png": "image/png" };

/** Serves `dir` under `base` on a free loopback port. */
function serve(dir, base) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(base)) { res.writeHead(404); return res.end(); }
    path = join(dir, path.slice(base.length));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream" });
    res.end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

let failures = 0;

for (const site of sites) {
  const all = pages(site);
  console.log(`== ${site}: ${all.length} HTML pages`);

  // The Nu checker, over every page at once.
  const nu = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", site], { encoding: "utf8", maxBuffer: 1 << 28 });
  const messages = JSON.parse(nu.stderr || "{\"messages\":[]}").messages.filter((m) => m.type === "error" || m.subType === "fatal");
  for (const m of messages.slice(0, 40)) {
    console.log(`nu: ${m.url.replace(/^file:/, "")}:${m.lastLine ?? "?"}: ${m.message}`);
  }
  console.log(`nu: ${messages.length} errors`);
  failures += messages.length;

  // axe-core on one page of each type, light and dark.
  const base = basePath(site);
  const server = await serve(site, base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  let serious = 0;
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const [type, rel] of samples(all)) {
      const url = origin + base + rel.replace(/index\.html$/, "");
      await page.goto(url);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        await axe.run(document, { resultTypes: ["violations"] }));
      for (const v of result.violations) {
        if (v.impact !== "serious" && v.impact !== "critical") continue;
        serious += 1;
        console.log(`axe ${scheme} ${type} /${rel}: ${v.impact} ${v.id} (${v.nodes.length} nodes): ${v.help}`);
        for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1, 2).join(" ")}`);
      }
    }
    await context.close();
  }
  console.log(`axe: ${serious} serious or critical violations`);
  failures += serious;

  if (shots) {
    mkdirSync(shots, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const name = site.split("/").filter(Boolean).slice(-2).join("-");
    for (const [type, rel] of samples(all)) {
      if (!["home", "story", "article", "entity", "day", "week"].includes(type)) continue;
      await page.goto(origin + base + rel.replace(/index\.html$/, ""));
      await page.screenshot({ path: join(shots, `${name}-${type}.png`), fullPage: false });
    }
    await context.close();
  }
  await browser.close();
  server.close();
}

console.log(failures === 0 ? "browser checks: all clean" : `browser checks: ${failures} problems`);
process.exit(failures === 0 ? 0 : 1);
