import { describe, expect, it } from "vitest";
import { defaults, fields, readState, writeState } from "../../../../src/widgets/primitives/urlState";

const spec = {
  Q: fields.text("1 0\n0 1", { maxLength: 20 }),
  tau: fields.number(1, 0.05, 20),
  row: fields.int(0, 0, 7),
  mode: fields.choice("soft", ["soft", "hard"] as const),
  mask: fields.bool(false),
};

describe("fields", () => {
  it("parse valid values and format them back", () => {
    expect(spec.tau.parse("0.5")).toBe(0.5);
    expect(spec.tau.format(0.5)).toBe("0.5");
    expect(spec.row.parse("3")).toBe(3);
    expect(spec.mode.parse("hard")).toBe("hard");
    expect(spec.mask.parse("1")).toBe(true);
    expect(spec.mask.format(false)).toBe("0");
    expect(spec.Q.parse("2 2")).toBe("2 2");
  });

  it("reject bad values with a reader-facing message", () => {
    expect(() => spec.tau.parse("abc")).toThrow('"abc" is not a number');
    expect(() => spec.tau.parse("")).toThrow("is not a number");
    expect(() => spec.tau.parse("Infinity")).toThrow("is not a number");
    expect(() => spec.tau.parse("0")).toThrow("0 is outside [0.05, 20]");
    expect(() => spec.row.parse("1.5")).toThrow("1.5 is not a whole number");
    expect(() => spec.row.parse("8")).toThrow("outside [0, 7]");
    expect(() => spec.mode.parse("medium")).toThrow('"medium" is not one of soft, hard');
    expect(() => spec.mask.parse("yes")).toThrow('"yes" is not 0 or 1');
    expect(() => spec.Q.parse("x".repeat(21))).toThrow("longer than 20 characters");
  });
});

describe("readState", () => {
  it("gives the defaults when the URL has nothing for the widget", () => {
    const r = readState("qkv", spec, "?other.tau=3&x=1");
    expect(r).toEqual({ state: defaults(spec), errors: [], found: false });
  });

  it("reads only its own prefixed keys", () => {
    const r = readState("qkv", spec, "?qkv.tau=2.5&qkv.row=1&qkv.mode=hard&qkv.mask=1&qkv.Q=3%204&tau=9");
    expect(r.found).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.state).toEqual({ Q: "3 4", tau: 2.5, row: 1, mode: "hard", mask: true });
  });

  it("falls back to the default for a corrupted value and says which field", () => {
    const r = readState("qkv", spec, "?qkv.tau=abc&qkv.row=2");
    expect(r.state.tau).toBe(1);
    expect(r.state.row).toBe(2);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('"tau"');
    expect(r.errors[0]).toContain('"abc" is not a number');
    expect(r.errors[0]).toContain("using the default");
  });
});

describe("writeState", () => {
  it("leaves defaults out of the URL", () => {
    expect(writeState("qkv", spec, defaults(spec), "")).toBe("");
  });

  it("keeps other parameters and replaces stale ones", () => {
    const s = { ...defaults(spec), tau: 0.5 };
    const search = writeState("qkv", spec, s, "?keep=1&qkv.row=3");
    const p = new URLSearchParams(search);
    expect(p.get("keep")).toBe("1");
    expect(p.get("qkv.tau")).toBe("0.5");
    expect(p.has("qkv.row")).toBe(false);
  });

  it("reads an old prefix's keys when the new ones are absent, and replaces them when writing", () => {
    const old = "?qkv.tau=0.5&qkv.row=2&qkv-explorer.row=3&keep=1";
    const { state, errors } = readState("qkv-explorer", spec, old, "qkv");
    expect(errors).toEqual([]);
    expect(state).toEqual({ ...defaults(spec), tau: 0.5, row: 3 });
    expect(readState("qkv-explorer", spec, "?qkv.tau=abc", "qkv").errors).toEqual([
      'The link\'s value for "tau" "abc" is not a number; using the default instead.',
    ]);
    const p = new URLSearchParams(writeState("qkv-explorer", spec, state, old, "qkv"));
    expect([...p.keys()].sort()).toEqual(["keep", "qkv-explorer.row", "qkv-explorer.tau"]);
  });

  it("round-trips through readState, newlines and all", () => {
    const s = { Q: "1 2\n3 4", tau: 0.05, row: 7, mode: "hard" as const, mask: true };
    const search = writeState("qkv", spec, s, "");
    expect(search.startsWith("?")).toBe(true);
    expect(readState("qkv", spec, search)).toEqual({ state: s, errors: [], found: true });
  });
});
