// Deterministic journeys for the benchmark, written twice with the same
// content: as Mermaid `journey` source, and as a map of format v1 shaped
// exactly as `journeymap import-mermaid` converts that source (sections →
// stages, tasks → items of an `actions` lane with `score` and `personas`,
// actors → personas, lanes `actions` and `emotion`). bench.mjs checks the
// second against the project's converter when target/release/journeymap is
// there.
//
//   import { journey } from "./generate.mjs";
//   const { mermaid, map, sections } = journey(1000);   // map: a plain object

/** mulberry32: a small seeded PRNG, the same numbers on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = [
  "Compares", "Opens", "Reads", "Checks", "Enters", "Waits for", "Asks about", "Searches",
  "Chooses", "Cancels", "Confirms", "Uploads", "Downloads", "Shares", "Rates", "Calls",
  "Books", "Pays for", "Returns", "Tracks", "Updates", "Signs", "Reviews", "Saves",
];
const WORDS = [
  "the", "delivery", "options", "on", "product", "page", "order", "status", "in", "app",
  "confirmation", "email", "support", "chat", "card", "details", "again", "after", "timeout",
  "tracking", "link", "reviews", "comparison", "site", "invoice", "account", "settings",
  "password", "reset", "form", "basket", "discount", "code", "store", "opening", "hours",
  "parcel", "locker", "receipt", "refund", "request", "with", "a", "new", "mobile", "number",
  "loyalty", "points", "gift", "wrapping", "return", "label", "printer", "survey", "feedback",
];
const SECTION_WORDS = [
  "Discover", "Research", "Compare", "Decide", "Buy", "Pay", "Wait", "Receive", "Use",
  "Get help", "Return", "Renew", "Recommend", "Onboard", "Set up", "Upgrade",
];
/** The actors' pool: 1–3 of them per task. */
export const ACTORS = ["Shopper", "Support agent", "Courier", "Store manager", "Partner", "Guest", "Accountant", "Developer"];

/** The id the format derives from a name (src/validate/rules.rs,
 * `id_from_name`): ASCII alphanumeric words, lower case, joined by `-`, at
 * most 64 characters. The names here always leave one. */
export function idFromName(name) {
  let id = "";
  for (const word of name.split(/[^A-Za-z0-9]+/).filter(Boolean)) {
    if (id.length + (id ? 1 : 0) + word.length > 64) break;
    id += (id ? "-" : "") + word.toLowerCase();
  }
  return id;
}

/** The most stages the format allows (src/validate/mod.rs, limits). */
export const MAX_STAGES = 200;

/** How many tasks a section holds: 5–12 while that keeps the journey under
 * the format's 200 stages; beyond ~1,400 tasks, sections grow so that there
 * are about 160 of them (5,000 tasks: 18–44 per section). */
export function sectionSizes(tasks) {
  if (tasks <= 1400) return [5, 12];
  const mean = tasks / 160;
  return [Math.floor(mean * 0.6), Math.ceil(mean * 1.4)];
}

/** A journey of `tasks` tasks; the same `tasks` and `seed` give the same
 * text on every run. */
export function journey(tasks, seed = 20261124) {
  const random = prng(seed ^ tasks);
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const [lo, hi] = sectionSizes(tasks);

  const sections = [];
  let made = 0;
  while (made < tasks) {
    const size = Math.min(int(lo, hi), tasks - made);
    const name = `${pick(SECTION_WORDS)} ${sections.length + 1}`;
    const list = [];
    for (let t = 0; t < size; t++) {
      const words = [pick(VERBS)];
      const count = int(3, 8) - words[0].split(" ").length;
      for (let w = 0; w < count; w++) words.push(pick(WORDS));
      // The word count is 3–8 with a two-word verb counted as two.
      const actors = [];
      const wanted = int(1, 3);
      while (actors.length < wanted) {
        const actor = pick(ACTORS);
        if (!actors.includes(actor)) actors.push(actor);
      }
      list.push({ text: words.join(" "), score: int(1, 5), actors });
    }
    sections.push({ name, tasks: list });
    made += size;
  }
  if (sections.length > MAX_STAGES) throw new Error(`${tasks} tasks made ${sections.length} sections`);

  const title = `Generated journey, ${tasks} tasks`;
  const lines = ["journey", `  title ${title}`];
  for (const section of sections) {
    lines.push(`  section ${section.name}`);
    for (const task of section.tasks) lines.push(`    ${task.text}: ${task.score}: ${task.actors.join(", ")}`);
  }
  const mermaid = lines.join("\n") + "\n";

  // Personas in order of first appearance, as the converter lists them.
  const personas = [];
  for (const section of sections)
    for (const task of section.tasks)
      for (const actor of task.actors)
        if (!personas.some((p) => p.name === actor)) personas.push({ id: idFromName(actor), name: actor });
  const personaId = (name) => personas.find((p) => p.name === name).id;
  const map = {
    title,
    personas,
    lanes: [{ id: "actions" }, { id: "emotion" }],
    stages: sections.map((section) => ({
      id: idFromName(section.name),
      name: section.name,
      cells: {
        actions: section.tasks.map((task) => ({
          text: task.text,
          score: task.score,
          personas: task.actors.map(personaId),
        })),
      },
    })),
  };
  return { mermaid, map, sections: sections.length, tasks };
}
