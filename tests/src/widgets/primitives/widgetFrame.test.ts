/**
 * The island skeleton's frame (issue 9): a corrupted link's message is shown by the widget frame,
 * so no widget can forget it. `useWidget` renders it into the `[data-link-errors]` box of
 * `Widget.astro` and throws when an island's root is not inside a frame; these checks read the
 * source so that stays true: every island (a file calling `useWidget` or `useTrainingWidget`) is
 * mounted inside a `<Widget>` frame, and nothing but the skeleton renders `LinkErrors`.
 *
 * Link prefixes are derived from the frame's widget id (`statePrefix`), and the widgets of every
 * page (each chapter and site page, read from the widgets it imports) have distinct prefixes, old
 * ones (`OLD_PREFIXES`, still read) included.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { OLD_PREFIXES, statePrefix } from "../../../../src/widgets/primitives/linkKeys";

const root = resolve(import.meta.dirname, "../../../..");
const src = join(root, "src");
const files = readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(tsx?|astro)$/.test(e.name))
  .map((e) => join(e.parentPath, e.name));
const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
const rel = (f: string) => relative(root, f);

/** Files that define the skeleton; every other file calling its hooks is an island. */
const SKELETON = ["src/widgets/primitives/useWidget.ts", "src/training/TrainerFrame.tsx"];
const islands = files.filter(
  (f) =>
    f.endsWith(".tsx") &&
    !SKELETON.includes(rel(f)) &&
    /^\s*(const|let) [^=]+ = use(Training)?Widget\b/m.test(text.get(f)!),
);

describe("the widget frame shows link errors, so no island can forget them", () => {
  it("finds the islands", () => {
    expect(islands.length).toBeGreaterThan(30);
  });

  it("only the skeleton renders LinkErrors", () => {
    const users = files.filter(
      (f) => /\bLinkErrors\b/.test(text.get(f)!) && !rel(f).endsWith("primitives/LinkErrors.tsx"),
    );
    expect(users.map(rel)).toEqual(["src/widgets/primitives/useWidget.ts"]);
  });

  it("the frame has the box the skeleton renders into, before the island", () => {
    const frame = text.get(join(src, "widgets/primitives/Widget.astro"))!;
    const box = frame.indexOf("data-link-errors");
    expect(box).toBeGreaterThan(-1);
    expect(box).toBeLessThan(frame.indexOf("<slot />"));
  });

  it.each(islands.map((f) => [rel(f), f]))("%s is mounted inside a <Widget> frame", (_, island) => {
    const name = basename(island).replace(/\.tsx?$/, "");
    const mounts = files.filter(
      (f) => f.endsWith(".astro") && new RegExp(`from "\\./${name}"`).test(text.get(f)!),
    );
    expect(mounts.length, `no .astro file mounts ${name}`).toBeGreaterThan(0);
    for (const m of mounts) {
      const t = text.get(m)!;
      const at = t.indexOf(`<${name}`);
      expect(at, `${rel(m)} imports ${name} but does not render it`).toBeGreaterThan(-1);
      const open = t.lastIndexOf("<Widget", at);
      const close = t.indexOf("</Widget>", at);
      expect(
        open > -1 && close > -1 && t.lastIndexOf("</Widget>", at) < open,
        `${rel(m)}: <${name}> outside <Widget>`,
      ).toBe(true);
    }
  });
});

/** The widget id each widget component of the barrel (`src/widgets/index.ts`) renders. */
const barrel = text.get(join(src, "widgets/index.ts"))!;
const idOf = new Map<string, string>();
for (const [, name, path] of barrel.matchAll(/export \{ default as (\w+) \} from "\.\/(.+\.astro)"/g)) {
  const id = /<Widget\s[^>]*?\bid="([^"]+)"/.exec(text.get(join(src, "widgets", path))!)?.[1];
  if (id) idOf.set(name, id);
}
const allIds = [...idOf.values()];

/** Every page that can show widgets, with the ids of the widgets it renders. */
const pageDirs = [join(root, "content"), join(src, "pages")];
const pages = pageDirs
  .flatMap((d) =>
    readdirSync(d, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)),
  )
  .filter((f) => /\.(mdx|astro)$/.test(f))
  .map((f) => {
    const t = readFileSync(f, "utf8");
    const used = [...idOf].filter(([name]) => new RegExp(`<${name}[\\s/>]`).test(t)).map(([, id]) => id);
    const direct = [...t.matchAll(/<Widget\s[^>]*?\bid="([^"]+)"/g)].map((m) => m[1]);
    return { page: rel(f), ids: [...used, ...direct] };
  });

describe("link prefixes are derived from the widget id and unique on a page", () => {
  it("finds every widget and the pages that show them", () => {
    expect(allIds.length).toBe(islands.length);
    const shown = new Set(pages.flatMap((p) => p.ids));
    expect(allIds.filter((id) => !shown.has(id))).toEqual([]);
  });

  it("derives the prefix from the id's name part", () => {
    expect(statePrefix("hopfield-networks/capacity")).toBe("capacity");
    expect(() => statePrefix("capacity")).toThrow(/must look like/);
  });

  it("old prefixes belong to real widgets", () => {
    expect(Object.keys(OLD_PREFIXES).filter((id) => !allIds.includes(id))).toEqual([]);
  });

  it.each(pages.filter((p) => p.ids.length > 0).map((p) => [p.page, p.ids]))(
    "%s: its widgets' prefixes (and old prefixes) are distinct",
    (_, ids) => {
      const owner = new Map<string, string>();
      for (const id of new Set(ids))
        for (const prefix of [statePrefix(id), OLD_PREFIXES[id]]) {
          if (prefix === undefined) continue;
          const other = owner.get(prefix);
          expect(other === undefined || other === id, `${id} and ${other} share the prefix "${prefix}"`).toBe(
            true,
          );
          owner.set(prefix, id);
        }
    },
  );
});
