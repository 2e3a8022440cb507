import type { VNode } from "preact";
import { describe, expect, it, vi } from "vitest";
import { NumberSelect } from "../../../../src/widgets/primitives/NumberSelect";
import { SelectField, optionsOf } from "../../../../src/widgets/primitives/SelectField";

type Props = Record<string, unknown> & { children?: unknown };
const kids = (n: VNode): unknown[] => [(n.props as Props).children].flat(Infinity);
const isNode = (x: unknown): x is VNode => typeof x === "object" && x !== null && "type" in x;

/** The `<select>` vnode of a rendered field (the field itself, or the one its label wraps). */
function selectOf(n: VNode): VNode {
  if (n.type === "select") return n;
  const inner = kids(n).find((c) => isNode(c) && c.type === "select");
  if (!inner) throw new Error("no select");
  return inner as VNode;
}
/** Each `<option>` as [value attribute, text]. */
const optionsShown = (sel: VNode) =>
  kids(sel)
    .filter((c): c is VNode => isNode(c) && c.type === "option")
    .map((o) => [(o.props as Props).value, kids(o).join("")]);
/** Fire the select's change as the browser does after the reader picks option `index`. */
function pick(sel: VNode, index: number) {
  const target = { selectedIndex: index, value: String(optionsShown(sel)[index][0]) };
  ((sel.props as Props).onChange as (e: unknown) => void)({ currentTarget: target, target });
  return target;
}

describe("SelectField", () => {
  const options = [
    { value: "sgd", label: "SGD, momentum 0.9, lr 0.05" },
    { value: "adam", label: "Adam, lr 0.01" },
  ] as const;

  it("wraps the select in its visible label and shows the state's value", () => {
    const field = SelectField({ label: "Optimiser", value: "adam", options, onValue: () => {} }) as VNode;
    expect(field.type).toBe("label");
    expect(kids(field)[0]).toBe("Optimiser ");
    const sel = selectOf(field);
    expect((sel.props as Props).value).toBe("adam");
    expect(optionsShown(sel)).toEqual([
      ["sgd", "SGD, momentum 0.9, lr 0.05"],
      ["adam", "Adam, lr 0.01"],
    ]);
  });

  it("hands back the picked option's typed value", () => {
    const onValue = vi.fn();
    const sel = selectOf(SelectField({ label: "Optimiser", value: "sgd", options, onValue }) as VNode);
    pick(sel, 1);
    expect(onValue).toHaveBeenCalledWith("adam");
  });

  it("keeps numbers numbers (NumberSelect is a SelectField of numbers)", () => {
    const onValue = vi.fn();
    const field = NumberSelect({ label: "Hops K", value: 2, options: [1, 2, 3], onValue }) as VNode;
    const sel = selectOf((field.type as (p: unknown) => VNode)(field.props));
    expect((sel.props as Props).value).toBe("2");
    expect(optionsShown(sel)).toEqual([
      ["1", "1"],
      ["2", "2"],
      ["3", "3"],
    ]);
    pick(sel, 2);
    expect(onValue).toHaveBeenCalledWith(3);
  });

  it("as a menu, shows its placeholder, hands back the pick and returns to the placeholder", () => {
    const onValue = vi.fn();
    const menu = {
      label: "Preset",
      placeholder: "Load a preset…",
      options: optionsOf(["paris", "tokyo"]),
      onValue,
    };
    const sel = selectOf(SelectField(menu) as VNode);
    expect((sel.props as Props).value).toBe("");
    expect(optionsShown(sel)).toEqual([
      ["", "Load a preset…"],
      ["paris", "paris"],
      ["tokyo", "tokyo"],
    ]);
    const target = pick(sel, 2);
    expect(onValue).toHaveBeenCalledWith("tokyo");
    expect(target.value).toBe("");
    onValue.mockClear();
    pick(sel, 0); // the placeholder itself is no choice
    expect(onValue).not.toHaveBeenCalled();
  });

  it("with hideLabel, names the select by aria-label instead of a visible label", () => {
    const field = SelectField({
      label: "Load an example formula",
      hideLabel: true,
      placeholder: "Examples…",
      options: optionsOf(["dot(q, k)"]),
      onValue: () => {},
    }) as VNode;
    expect(field.type).toBe("select");
    expect((field.props as Props)["aria-label"]).toBe("Load an example formula");
  });

  it("with labelApart, puts <label for> beside the select, so the label's text is the label alone", () => {
    const field = SelectField({
      id: "karate-member",
      label: "Member",
      labelApart: true,
      value: 1,
      options: optionsOf([1, 2]),
      onValue: () => {},
    }) as VNode;
    const [label, sel] = kids(field) as VNode[];
    expect(label.type).toBe("label");
    expect((label.props as Props).for).toBe("karate-member");
    expect(kids(label)).toEqual(["Member"]);
    expect(sel.type).toBe("select");
    expect((sel.props as Props).id).toBe("karate-member");
  });
});
