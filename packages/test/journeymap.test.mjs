// The npm package `journeymap` as a user gets it: `npm pack`, installed
// offline from the tarball into an empty project, imported from plain Node
// (no DOM, no browser): renderToString, check, fromMermaid, the render
// options, and the synchronous entry journeymap/sync.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoBrowser } from "./support.mjs";

const packageDir = fileURLToPath(new URL("../journeymap/", import.meta.url));
const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));

test("no browser on the PATH", { skip: process.env.JOURNEYMAP_NO_BROWSER !== "1" }, () => {
  assert.ok(assertNoBrowser());
});

test("the package's version is the crate's", () => {
  const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  assert.equal(pkg.version, /^version = "(.*)"$/m.exec(cargo)[1]);
  assert.equal(pkg.dependencies, undefined, "zero runtime dependencies");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.engines.node, ">=18");
  assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "browser", "node", "default"]);
});

test("npm pack gives a tarball that installs offline and works in plain Node", { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "journeymap-pack-"));
  try {
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: packageDir, encoding: "utf8" }).trim();
    const project = join(work, "site");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "site", private: true, type: "module" }));
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", join(work, tarball)], { cwd: project });
    writeFileSync(
      join(project, "build.mjs"),
      `import JourneyMap from "journeymap";
import { renderToString as renderNow } from "journeymap/sync";
const map = { title: "Checkout", stages: [{ name: "Cart", cells: { actions: ["Add item", { text: "Docs", url: "https://example.com" }] } }] };
const svg = await JourneyMap.renderToString(map, { theme: "dark", idPrefix: "site-map", links: [] });
const problems = await JourneyMap.check('{"title": 3, "stages": []}');
const fromMermaid = await JourneyMap.fromMermaid("journey\\n  title Tea\\n  section Go\\n    Make tea: 9: Me\\n", { clamp: true });
let error = null;
try { await JourneyMap.renderToString("{"); } catch (e) { error = { name: e.name, diagnostics: e.diagnostics, isClass: e instanceof JourneyMap.JourneyMapError }; }
console.log(JSON.stringify({
  svg: svg.slice(0, 200), hasLink: svg.includes("<a "), problems, fromMermaid, warnings: fromMermaid.warnings, error,
  sync: renderNow(map, { idPrefix: "s" }).slice(0, 60),
  hasDocument: typeof document !== "undefined",
}));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ["build.mjs"], { cwd: project, encoding: "utf8" }));
    assert.equal(out.hasDocument, false);
    assert.ok(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" id="site-map" class="jm jm-theme-dark"'), out.svg);
    assert.equal(out.hasLink, false, "links: [] turns links into text");
    assert.deepEqual(out.problems.map((d) => [d.path, d.line, d.column]), [["title", 1, 2], ["stages", 1, 14]]);
    assert.equal(out.fromMermaid.title, "Tea");
    assert.equal(out.warnings.length, 1);
    assert.match(out.warnings[0].message, /clamped|becomes 5/);
    assert.equal(out.error.name, "JourneyMapError");
    assert.equal(out.error.isClass, true);
    assert.deepEqual(out.error.diagnostics.map((d) => [d.path, d.line, d.column]), [["$", 1, 1]]);
    assert.ok(out.sync.startsWith('<svg xmlns="http://www.w3.org/2000/svg" id="s"'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
