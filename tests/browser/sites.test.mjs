// The static-site recipes of docs/embedding.md that these machines can run:
// a tiny Hugo site (code-block render hook) and a tiny MkDocs site
// (SuperFences custom fence), each built with the tool and opened in
// Chromium. The tools come from scripts/setup-sites.sh (Hugo from Debian,
// MkDocs and pymdown-extensions in target/sites-venv), which this file runs
// first and nothing else needs.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync, rmSync, copyFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { launch, serve, openPage, root } from "./harness.mjs";

const minimal = readFileSync(join(root, "examples/minimal.json"), "utf8");
const mermaid = "journey\n  title Morning\n  section Wake\n    Make tea: 5: Me\n";
const sites = join(root, "target", "sites");

/** Writes `files` (path → text) under `dir`, which is emptied first. */
function site(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Copies the two scripts into a site's static folder. */
function scripts(dir) {
  mkdirSync(dir, { recursive: true });
  for (const file of ["journeymap.js", "journeymap-mermaid.js"]) copyFileSync(join(root, "dist", file), join(dir, file));
}

const markdown = `# Journeys\n\n\`\`\`journeymap\n${minimal.trim()}\n\`\`\`\n\nText between.\n\n\`\`\`journeymap\n${mermaid}\`\`\`\n`;

/** Opens a built page and checks its two blocks became maps, cleanly. */
async function checkPage(url) {
  const page = await openPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("journey-map .jm-view svg").length === 2, null, { timeout: 20000 });
  const titles = await page.$$eval("journey-map svg > title", (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(titles, [JSON.parse(minimal).title, "Morning"]);
  assert.equal(await page.locator("pre, div.journeymap").count(), 0, "every block became a map");
  page.assertClean();
  await page.done();
}

let browser;
let server;
before(async () => {
  execFileSync(join(root, "scripts/setup-sites.sh"), { stdio: "inherit" });
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("Hugo: a code-block render hook", async () => {
  const dir = join(sites, "hugo");
  site(dir, {
    "hugo.toml": 'title = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
    "layouts/_default/_markup/render-codeblock-journeymap.html": '<pre class="journeymap">{{ .Inner }}</pre>\n',
    "layouts/_default/single.html":
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>' +
      '<script src="{{ "journeymap.js" | relURL }}"></script></head><body>{{ .Content }}</body></html>\n',
    "layouts/index.html": "<!doctype html><title>home</title>\n",
    "content/journeys.md": `---\ntitle: Journeys\n---\n${markdown}`,
  });
  scripts(join(dir, "static"));
  const base = server.url("target/sites/hugo/public/");
  execFileSync("hugo", ["--quiet", "--source", dir, "--baseURL", base], { stdio: "inherit" });
  await checkPage(`${base}journeys/index.html`); // the test server serves files only
});

test("MkDocs: a SuperFences custom fence", async () => {
  const dir = join(sites, "mkdocs");
  site(dir, {
    "mkdocs.yml":
      "site_name: t\nuse_directory_urls: false\ntheme:\n  name: mkdocs\n  custom_dir: overrides\n  highlightjs: false\n" +
      "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: journeymap\n" +
      "          class: journeymap\n          format: !!python/name:pymdownx.superfences.fence_div_format\n",
    "overrides/main.html":
      "{% extends \"base.html\" %}\n{% block extrahead %}<script src=\"{{ 'journeymap.js' | url }}\"></script>{% endblock %}\n",
    "docs/index.md": markdown,
  });
  scripts(join(dir, "docs"));
  execFileSync(join(root, "target/sites-venv/bin/mkdocs"), ["build", "--quiet", "--config-file", join(dir, "mkdocs.yml")], {
    stdio: "inherit",
  });
  await checkPage(server.url("target/sites/mkdocs/site/index.html"));
});
