/**
 * A formula as readable text, for the search index: KaTeX's MathML (`<math>`) read in order,
 * with fractions as `a/b`, roots as `√(x)`, sub- and superscripts as Unicode where they exist
 * (`xᵢ`, `x²`) and as `x_(t,i)` / `x^(n)` where they do not, and no TeX commands.
 *
 * @example
 * mathText(parseHTML("<math><mfrac><mi>a</mi><msqrt><msub><mi>d</mi><mi>k</mi></msub></msqrt></mfrac></math>")
 *   .document.querySelector("math"))
 * // returns "a/√dₖ"
 */

const SUB = {
  0: "₀",
  1: "₁",
  2: "₂",
  3: "₃",
  4: "₄",
  5: "₅",
  6: "₆",
  7: "₇",
  8: "₈",
  9: "₉",
  "+": "₊",
  "-": "₋",
  "−": "₋",
  "=": "₌",
  "(": "₍",
  ")": "₎",
  a: "ₐ",
  e: "ₑ",
  h: "ₕ",
  i: "ᵢ",
  j: "ⱼ",
  k: "ₖ",
  l: "ₗ",
  m: "ₘ",
  n: "ₙ",
  o: "ₒ",
  p: "ₚ",
  r: "ᵣ",
  s: "ₛ",
  t: "ₜ",
  u: "ᵤ",
  v: "ᵥ",
  x: "ₓ",
};
const SUP = {
  0: "⁰",
  1: "¹",
  2: "²",
  3: "³",
  4: "⁴",
  5: "⁵",
  6: "⁶",
  7: "⁷",
  8: "⁸",
  9: "⁹",
  "+": "⁺",
  "-": "⁻",
  "−": "⁻",
  "=": "⁼",
  "(": "⁽",
  ")": "⁾",
  i: "ⁱ",
  n: "ⁿ",
  T: "ᵀ",
  "⊤": "ᵀ",
  "′": "′",
  "∗": "*",
  "*": "*",
};
/** Accents drawn over a base (`\hat x`, `\tilde x`, `\bar x`, `\vec x`, `\dot x`) as combining marks. */
const ACCENT = {
  "^": "\u0302",
  ˆ: "\u0302",
  "~": "\u0303",
  "˜": "\u0303",
  "‾": "\u0304",
  "¯": "\u0304",
  ˉ: "\u0304",
  "→": "\u20d7",
  "˙": "\u0307",
};
/** Operators written with a space on each side. */
const SPACED = new Set([
  "=",
  "≈",
  "≠",
  "≤",
  "≥",
  "<",
  ">",
  "∈",
  "∉",
  "⊂",
  "⊆",
  "→",
  "←",
  "↦",
  "⇒",
  "⟹",
  "≡",
  "∝",
  "+",
  "−",
  "×",
  "·",
  "⋅",
  "∼",
  "~",
  ":=",
  "≜",
]);

const kids = (el) => [...el.children];

/** Parentheses around a group of more than one term. */
function group(text) {
  const t = text.trim();
  return /[\s+\-−=×·,/<>≤≥∈]/.test(t) && !/^\(.*\)$/.test(t) ? `(${t})` : t;
}

function script(base, text, table, mark) {
  const t = text.trim();
  if (t === "") return base;
  const chars = [...t.replace(/\s+/g, "")];
  if (chars.every((c) => table[c] !== undefined)) return base + chars.map((c) => table[c]).join("");
  return `${base}${mark}${group(t)}`;
}

function read(el) {
  const name = el.localName;
  const c = kids(el);
  switch (name) {
    case "annotation":
    case "annotation-xml":
    case "mphantom":
      return "";
    case "semantics":
      return c.length ? read(c[0]) : "";
    case "mtext": {
      const t = el.textContent ?? "";
      // KaTeX writes a negative space (`\!`) as a space and an invisible separator.
      return t.includes("\u2063") && t.trim().replace(/\u2063/g, "") === "" ? "" : t.replace(/\s+/g, " ");
    }
    case "mi":
    case "mn":
    case "ms":
      return (el.textContent ?? "").replace(/\s+/g, " ");
    case "mo": {
      const t = (el.textContent ?? "").trim();
      if (el.getAttribute("separator") === "true" || t === ",") return ", ";
      if (t === "\u2061" || t === "\u2062" || t === "\u2063") return ""; // invisible function application and times
      return SPACED.has(t) ? ` ${t} ` : t;
    }
    case "mspace":
      // Negative space (`\!`) pulls glyphs together; only positive space separates.
      return (el.getAttribute("width") ?? "").startsWith("-") ? "" : " ";
    case "mfrac":
      return `${group(read(c[0]))}/${group(read(c[1]))}`;
    case "msqrt":
      return `√${group(c.map(read).join(""))}`;
    case "mroot":
      return `root${script("", read(c[1]), {}, "_")}${group(read(c[0]))}`;
    case "msub":
      return script(read(c[0]), read(c[1]), SUB, "_");
    case "msup":
      return script(read(c[0]), read(c[1]), SUP, "^");
    case "msubsup":
      return script(script(read(c[0]), read(c[1]), SUB, "_"), read(c[2]), SUP, "^");
    case "munder":
      return script(read(c[0]), read(c[1]), SUB, "_");
    case "mover": {
      const over = read(c[1]).trim();
      if (ACCENT[over] !== undefined) return read(c[0]) + ACCENT[over];
      return script(read(c[0]), over, SUP, "^");
    }
    case "munderover":
      return script(script(read(c[0]), read(c[1]), SUB, "_"), read(c[2]), SUP, "^");
    case "mtable":
      return c.map(read).join("; ");
    case "mtr":
    case "mlabeledtr":
      return c.map(read).join(", ");
    default:
      return c.length ? c.map(read).join("") : (el.textContent ?? "");
  }
}

/** The readable text of a `<math>` element (KaTeX's MathML), spaces tidied. */
export function mathText(math) {
  return read(math)
    .replace(/[\u2061-\u2064]/g, "")
    .replace(/\s+/g, " ")
    .replace(/\s+([,;.)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .trim();
}
