/**
 * What a field accepts, its link brings back (issue 9), and a link at its limits is a URL servers
 * accept. Every text field declares its own limits (`fields.text(default, { maxLength, maxWord,
 * ascii })`): its model reports a value past them beside the field, with the same check its link
 * uses, so the two limits are one. Checked here, not assumed:
 * - every `fields.text` in the widgets' source states its limits;
 * - each field takes a value at its limits, refuses one past them with a short message, and the
 *   link round-trips the value at the limit;
 * - each typed field's model says so beside the field for a value past the limit (and a huge value
 *   widens nothing: the message is one short line);
 * - the longest link each chapter page can hold, with every field of every widget on it at its
 *   worst once URL-encoded, stays well below the 8 KB request line servers accept.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { statePrefix } from "../../../../src/widgets/primitives/linkKeys";
import { compileScoreFormula } from "../../../../lib/formula/score";
import { FORMULA_LIMITS } from "../../../../lib/formula/limits";
import {
  type Field,
  type StateSpec,
  type TextField,
  defaults,
  fields,
  limited,
  readState,
  writeState,
} from "../../../../src/widgets/primitives/urlState";
import {
  FORMULA_MAX_LENGTH,
  computeScores,
  parseScoreInput,
  scoreSpec,
} from "../../../../src/widgets/score-functions/scoreModel";
import { recallSpec } from "../../../../src/widgets/hopfield-networks/recallModel";
import { computePool, poolSpec } from "../../../../src/widgets/stacking-attention/poolingModel";
import { computeHan, hanSpec } from "../../../../src/widgets/stacking-attention/hierarchicalModel";
import { datesSpec, readDateInput } from "../../../../src/widgets/seq2seq-attention/datesModel";
import {
  computeSelfAttention,
  selfAttentionSpec,
} from "../../../../src/widgets/self-attention/selfAttentionModel";
import { computeMultiHead, multiHeadSpec } from "../../../../src/widgets/multi-head-attention/multiHeadModel";
import { computeEncoder, encoderSpec } from "../../../../src/widgets/transformer-encoder/encoderModel";
import { parseOrder, xlnetSpec } from "../../../../src/widgets/beyond-the-transformer/xlnetModel";
import { karateSpec, parseLabelled } from "../../../../src/widgets/graph-attention/trainKarateModel";
import { answerWithinLimits, memSpec } from "../../../../src/widgets/memory-networks/memoryModel";
import { addressingSpec, computeAddressing } from "../../../../src/widgets/neural-turing-machines/ntmModel";
import { computeCopy, copySpec } from "../../../../src/widgets/neural-turing-machines/copyModel";
import { computePointer, pointerSpec } from "../../../../src/widgets/pointer-networks/pointerModel";
import { computeQkv, qkvSpec } from "../../../../src/widgets/queries-keys-values/qkvModel";
import { computeShl, shlSpec } from "../../../../src/widgets/soft-hard-local/softHardLocalModel";

const root = resolve(import.meta.dirname, "../../../..");
const widgets = join(root, "src/widgets");

/**
 * The longest whole URL a chapter page may have: well below the 8,192-character request line that
 * common servers accept (nginx's and Apache's defaults), and below half of Node's 16 KB header
 * limit, so the page's own requests, which repeat the URL as their Referer, are accepted too.
 */
const MAX_URL = 5_000;
/** An origin such as `https://attention-atlas.example.org` and more. */
const ORIGIN = 60;

const parseSource = (path: string) =>
  ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The URL-encoded length of one value, as `URLSearchParams` (and so `writeState`) writes it. */
const encoded = (v: string) => new URLSearchParams({ v }).toString().length - 2;

/** The longest value a text field takes: words of `maxWord` characters, `c` repeated. */
function atLimit(f: TextField, c = "a"): string {
  const { maxLength, maxWord } = f.limits;
  const word = c.repeat(maxWord ?? maxLength);
  let s = "";
  while (s.length < maxLength) s += (s ? " " : "") + word;
  return s.slice(0, maxLength);
}

describe("every text field states its limits", () => {
  const calls: string[] = [];
  for (const path of sourceFiles(widgets)) {
    const src = parseSource(path);
    walk(src, (n) => {
      if (ts.isCallExpression(n) && n.expression.getText(src) === "fields.text")
        calls.push(`${relative(root, path)}:${n.arguments.length}`);
    });
  }

  it("finds the widgets' text fields", () => {
    expect(calls.length).toBeGreaterThan(25);
  });

  it.each(calls)("%s (source:arguments)", (call) => {
    expect(call.endsWith(":2"), `${call}: fields.text without its limits`).toBe(true);
  });
});

/** Every spec a widget in `src/widgets/<chapter>/` passes to `useWidget` or `useTrainingWidget`. */
interface WidgetUse {
  file: string;
  /** The URL prefix, or null when it is not a string literal in the call. */
  prefix: string | null;
  spec: StateSpec;
}

/** The prefix `useWidget` derives for an island: `statePrefix` of the id its `.astro` wrapper gives it. */
function derivedPrefix(island: string): string | null {
  const name = island.replace(/^.*\//, "").replace(/\.tsx?$/, "");
  for (const f of readdirSync(dirname(island)).filter((x) => x.endsWith(".astro"))) {
    const t = readFileSync(join(dirname(island), f), "utf8");
    const id = /<Widget\s[^>]*?\bid="([^"]+)"/.exec(t)?.[1];
    if (id && t.includes(`from "./${name}"`)) return statePrefix(id);
  }
  return null;
}

async function widgetUses(chapter: string): Promise<WidgetUse[]> {
  const out: WidgetUse[] = [];
  for (const path of sourceFiles(join(widgets, chapter))) {
    const src = parseSource(path);
    const calls: { prefix: string | null; spec: string }[] = [];
    walk(src, (n) => {
      if (!ts.isCallExpression(n) || !/^use(Training)?Widget$/.test(n.expression.getText(src))) return;
      const spec = n.arguments.find((a) => ts.isIdentifier(a) && /spec$/i.test(a.text));
      const prefix = n.arguments.find(ts.isStringLiteral);
      calls.push({ prefix: prefix?.text ?? derivedPrefix(path), spec: spec!.getText(src) });
    });
    for (const c of calls) {
      // The module that declares the spec: an import of this file, or the file itself.
      let from = path;
      for (const st of src.statements) {
        if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings) continue;
        const b = st.importClause.namedBindings;
        if (ts.isNamedImports(b) && b.elements.some((e) => e.name.text === c.spec))
          from = resolve(dirname(path), (st.moduleSpecifier as ts.StringLiteral).text);
      }
      const mod = (await import(/* @vite-ignore */ from)) as Record<string, StateSpec>;
      expect(mod[c.spec], `${relative(root, path)}: ${c.spec} is not exported by ${from}`).toBeDefined();
      out.push({ file: relative(root, path), prefix: c.prefix, spec: mod[c.spec] });
    }
  }
  return out;
}

/** The chapter pages and the widget components each one uses (from the widgets' barrel). */
function pages(): { slug: string; components: string[] }[] {
  const barrel = readFileSync(join(widgets, "index.ts"), "utf8");
  const where = new Map(
    [...barrel.matchAll(/export \{ default as (\w+) \} from "\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const dir = join(root, "content/chapters");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => {
      const mdx = readFileSync(join(dir, f), "utf8");
      const names = [...new Set([...mdx.matchAll(/^<([A-Z]\w+)/gm)].map((m) => m[1]))];
      return { slug: f.replace(/\.mdx$/, ""), components: names.map((n) => where.get(n) ?? `?${n}`) };
    });
}

describe("the longest link of each chapter page", () => {
  const all = pages();

  it("finds the chapter pages", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((p) => [p.slug, p] as const))("%s", async (slug, page) => {
    // Each page's widgets come from its own chapter folder, so that folder's widgets bound its link.
    for (const c of page.components) {
      expect(c.startsWith(`${slug}/`) || /^(primitives\/Widget|Callout|Exercise)\.astro$/.test(c), c).toBe(
        true,
      );
    }
    const uses = await widgetUses(slug);
    let bound = ORIGIN + `/chapters/${slug}/`.length + 1; // "?"
    let real = `/chapters/${slug}/`;
    const search: string[] = [];
    for (const u of uses) {
      // A prefix derived elsewhere is counted as 24 characters.
      const prefix = u.prefix ?? "p".repeat(24);
      for (const [key, field] of Object.entries(u.spec) as [string, Field<unknown>][]) {
        expect(field.maxLink, `${u.file} ${key}: no maxLink`).toBeGreaterThan(0);
        bound += prefix.length + 1 + key.length + 1 + field.maxLink + 1; // "p.key=value&"
      }
      // The real link with every text field at its longest, in the costliest characters it takes.
      const worst = { ...defaults(u.spec) } as Record<string, unknown>;
      for (const [key, field] of Object.entries(u.spec)) {
        const t = field as TextField;
        if (t.limits) worst[key] = atLimit(t, t.limits.ascii ? "," : "\uffff");
      }
      const w = writeState(prefix, u.spec, worst as never, "");
      for (const [key, field] of Object.entries(u.spec))
        if ((field as TextField).limits) expect(w, `${u.file} ${key}`).toContain(`${prefix}.${key}=`);
      search.push(w.slice(1));
    }
    real += `?${search.filter(Boolean).join("&")}`;
    expect(real.length + ORIGIN).toBeLessThanOrEqual(bound);
    expect(bound, `${slug}: the longest link`).toBeLessThanOrEqual(MAX_URL);
  });
});

/** Text fields a reader types, and what their model says for a value (undefined: no limit message). */
const TYPED: [string, TextField, (v: string) => string | undefined][] = [
  ["pooling sentence", poolSpec.text, (v) => errorOf(computePool({ ...defaults(poolSpec), text: v }))],
  ["hierarchical document", hanSpec.doc, (v) => errorOf(computeHan({ ...defaults(hanSpec), doc: v }))],
  ["date", datesSpec.text, (v) => errorOf(readDateInput(v))],
  [
    "self-attention sentence",
    selfAttentionSpec.text,
    (v) => errorOf(computeSelfAttention({ ...defaults(selfAttentionSpec), text: v })),
  ],
  [
    "multi-head sentence",
    multiHeadSpec.text,
    (v) => errorOf(computeMultiHead({ ...defaults(multiHeadSpec), text: v })),
  ],
  ["encoder sentence", encoderSpec.text, (v) => errorOf(computeEncoder({ text: v, seed: 1 }))],
  ["XLNet order", xlnetSpec.order, (v) => errorOf(parseOrder(v))],
  ["karate members", karateSpec.labelled, (v) => thrown(() => parseLabelled(v))],
  ["story", memSpec.story, (v) => errorOf(answerWithinLimits(v, "Where is Mary?", 1))],
  ["question", memSpec.question, (v) => errorOf(answerWithinLimits("Mary went to the kitchen.", v, 1))],
  [
    "NTM memory",
    addressingSpec.memory,
    (v) => fieldError(computeAddressing({ ...defaults(addressingSpec), memory: v }), "memory"),
  ],
  [
    "NTM key",
    addressingSpec.key,
    (v) => fieldError(computeAddressing({ ...defaults(addressingSpec), key: v }), "key"),
  ],
  [
    "NTM custom shift",
    addressingSpec.custom,
    (v) =>
      fieldError(computeAddressing({ ...defaults(addressingSpec), shift: "custom", custom: v }), "custom"),
  ],
  [
    "NTM erase",
    addressingSpec.erase,
    (v) => fieldError(computeAddressing({ ...defaults(addressingSpec), erase: v }), "erase"),
  ],
  [
    "NTM add",
    addressingSpec.add,
    (v) => fieldError(computeAddressing({ ...defaults(addressingSpec), add: v }), "add"),
  ],
  ["copy sequence", copySpec.seq, (v) => errorOf(computeCopy({ ...defaults(copySpec), seq: v }))],
  ["pointer list", pointerSpec.xs, (v) => errorOf(computePointer({ ...defaults(pointerSpec), xs: v }))],
  ["QKV Q", qkvSpec.Q, (v) => fieldError(computeQkv({ ...defaults(qkvSpec), Q: v }), "Q")],
  ["QKV K", qkvSpec.K, (v) => fieldError(computeQkv({ ...defaults(qkvSpec), K: v }), "K")],
  ["QKV V", qkvSpec.V, (v) => fieldError(computeQkv({ ...defaults(qkvSpec), V: v }), "V")],
  ["score q", scoreSpec.q, (v) => fieldError(parseScoreInput({ ...defaults(scoreSpec), q: v }), "q")],
  ["score K", scoreSpec.K, (v) => fieldError(parseScoreInput({ ...defaults(scoreSpec), K: v }), "K")],
  ["soft/hard/local scores", shlSpec.scores, (v) => errorOf(computeShl({ ...defaults(shlSpec), scores: v }))],
];

function errorOf(o: { ok: boolean; error?: string }): string | undefined {
  return o.ok ? undefined : o.error;
}
function fieldError(o: { ok: boolean; fieldErrors?: Record<string, string | undefined> }, key: string) {
  return o.ok ? undefined : o.fieldErrors?.[key];
}
function thrown(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("each typed field's model reports its limits beside the field", () => {
  it.each(TYPED)("%s", (_, field, run) => {
    const { maxLength, maxWord, ascii } = field.limits;
    const at = atLimit(field, "1");
    // At the limit: no limit message (the model may still find the value wrong), and the link takes it.
    expect(run(at) ?? "").not.toMatch(/longer than|has a word of|plain ASCII/);
    expect(field.parse(at)).toBe(at);
    // Past it: the same message beside the field and from the link, one short line.
    for (const past of ["1".repeat(maxLength + 1), "1 ".repeat(50_000)]) {
      const said = run(past);
      expect(said).toContain(`longer than ${new Intl.NumberFormat("en").format(maxLength)} characters`);
      expect(said!.length).toBeLessThan(120);
      expect(() => field.parse(past)).toThrow("longer than");
    }
    if (maxWord !== undefined) {
      const word = "w".repeat(maxWord + 1);
      expect(run(word)).toContain(`keep each word to at most ${maxWord}`);
      expect(() => field.parse(word)).toThrow(`at most ${maxWord}`);
    }
    if (ascii) {
      expect(run("1 é")).toContain("“é” (U+00E9)");
      expect(() => field.parse("1\u00a02")).toThrow("U+00A0");
    }
  });

  it("covers every text field a reader types in a hand-written widget", () => {
    expect(TYPED).toHaveLength(23);
  });

  it("the over-long values of the review get a message, not a page 500,000 px wide", () => {
    const long = `${"a".repeat(12_000)} was ${"b".repeat(12_000)}`;
    expect(errorOf(computePool({ ...defaults(poolSpec), text: long }))).toBe(
      "The sentence is longer than 150 characters (it has 24,005).",
    );
    expect(errorOf(computeHan({ ...defaults(hanSpec), doc: long }))).toBe(
      "The document is longer than 350 characters (it has 24,005).",
    );
    const word = "x".repeat(21);
    expect(errorOf(computePool({ ...defaults(poolSpec), text: `the ${word} was good` }))).toBe(
      "The sentence has a word of 21 characters; keep each word to at most 20.",
    );
    expect(errorOf(readDateInput("3".repeat(41)))).toBe("The date is longer than 40 characters (it has 41).");
  });
});

describe("links hold exactly what their fields take", () => {
  it("a value at each text field's limit survives its link; one past it is refused", () => {
    const specs = {
      poolSpec,
      hanSpec,
      datesSpec,
      selfAttentionSpec,
      qkvSpec,
      scoreSpec,
      recallSpec,
      memSpec,
    };
    for (const [name, spec] of Object.entries(specs) as [string, StateSpec][]) {
      for (const [key, field] of Object.entries(spec)) {
        const t = field as TextField;
        if (!t.limits) continue;
        const value = atLimit(t, t.limits.ascii ? "7" : "é");
        const search = writeState("w", spec, { ...defaults(spec), [key]: value } as never, "");
        expect(readState("w", spec, search), `${name}.${key}`).toMatchObject({ errors: [] });
        expect(readState("w", spec, search).state[key]).toBe(value);
        // Past the limit the link keeps its last good value and never grows.
        const past = writeState("w", spec, { ...defaults(spec), [key]: `${value}7` } as never, search);
        expect(past).toBe(search);
      }
    }
  });

  it("a valid 616-character score formula survives its link", () => {
    const term = "q[1] * k[1] + ";
    const formula = `${term.repeat(Math.ceil(616 / term.length))}d`.slice(-616).replace(/^[^q]*/, "");
    const padded = formula.padStart(616, " ");
    expect(padded).toHaveLength(616);
    expect(compileScoreFormula(padded).evaluate([1, 2], [3, 4])).toBeTypeOf("number");
    const search = writeState(
      "sf",
      scoreSpec,
      { ...readState("sf", scoreSpec, "").state, formula: padded },
      "",
    );
    const back = readState("sf", scoreSpec, search);
    expect(back.errors).toEqual([]);
    expect(back.state.formula).toBe(padded);
  });

  it("the formula field takes what the formula engine takes, up to its own limit", () => {
    expect(FORMULA_MAX_LENGTH).toBeLessThanOrEqual(FORMULA_LIMITS.maxLength);
    const longest = "1".padStart(FORMULA_MAX_LENGTH, " ");
    expect(compileScoreFormula(longest).evaluate([1], [1])).toBe(1);
    expect(scoreSpec.formula.parse(longest)).toBe(longest);
    expect(() => scoreSpec.formula.parse(`${longest} `)).toThrow(/longer than/);
    // Past the field's limit the widget says so and never sends the formula to the engine.
    const o = computeScores(
      { ...defaults(scoreSpec), kind: "formula" },
      null,
      scoreSpec.formula.message(`${longest} `, "The formula"),
    );
    expect(o.ok ? "" : o.fieldErrors.formula).toBe(
      `The formula is longer than ${FORMULA_MAX_LENGTH} characters (it has ${FORMULA_MAX_LENGTH + 1}).`,
    );
  });

  it("limited() gives a trained widget's query the field's message before its parser runs", () => {
    const f = fields.text("1 2", { maxLength: 10, ascii: true });
    let parsed = 0;
    const parse = limited(f, "The sequence", (t) => (parsed++, t.split(" ").map(Number)));
    expect(parse("1 2 3")).toEqual([1, 2, 3]);
    expect(() => parse("1 ".repeat(100_000))).toThrow(
      "The sequence is longer than 10 characters (it has 200,000).",
    );
    expect(parsed).toBe(1);
  });

  it("a drawn Hopfield state at its largest fits its link", () => {
    const patterns = Array.from({ length: 8 }, () => "f".repeat(25)).join(",");
    expect(recallSpec.patterns.parse(patterns)).toBe(patterns);
  });

  it("maxLink bounds what each kind of field writes", () => {
    expect(encoded("\uffff".repeat(7))).toBe(fields.text("", { maxLength: 7 }).maxLink);
    expect(encoded("😀".repeat(3))).toBeLessThanOrEqual(fields.text("", { maxLength: 6 }).maxLink);
    expect(encoded(",".repeat(7))).toBe(fields.text("", { maxLength: 7, ascii: true }).maxLink);
    expect(encoded(String(-1.2345678901234567e300))).toBeLessThanOrEqual(
      fields.number(0, -1e308, 1e308).maxLink,
    );
    expect(fields.int(0, -5, 99999).maxLink).toBe(5);
    expect(fields.choice("a b", ["a b", "ä"]).maxLink).toBe(encoded("ä"));
  });
});
