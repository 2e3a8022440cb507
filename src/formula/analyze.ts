/**
 * What a notebook cell is, read from its mathjs syntax tree: the name it defines, its parameters
 * and the free symbols it reads (the cells it depends on).
 */
import type { MathNode } from "mathjs";
import type { Analysis } from "./protocol";

type Node = MathNode & {
  name?: string;
  params?: string[];
  expr?: MathNode;
  object?: MathNode;
  index?: MathNode;
  value?: MathNode;
  fn?: MathNode;
};

/** Classify a parsed cell and list its free symbols (in order of first use, without duplicates). */
export function analyzeNode(root: MathNode, tex: string): Analysis {
  let node = root as Node;
  while (node.type === "ParenthesisNode") node = (node as unknown as { content: Node }).content;
  if (node.type === "BlockNode") {
    throw new SyntaxError(
      "A cell holds one formula; put each statement after a semicolon or a line break in a cell of its own.",
    );
  }
  let kind: Analysis["kind"] = "expression";
  let name: string | null = null;
  let params: string[] = [];
  if (node.type === "FunctionAssignmentNode") {
    kind = "function";
    name = node.name ?? null;
    params = node.params ?? [];
  } else if (node.type === "AssignmentNode" && node.object?.type === "SymbolNode" && !node.index) {
    kind = "assignment";
    name = (node.object as Node).name ?? null;
  }
  // A function's own name is bound in its body; `x = x + 1` reads x, which the notebook reports
  // as a cycle.
  return { kind, name, params, inputs: freeSymbols(node), tex };
}

/** Symbols read but not bound inside the node (function parameters and inner definitions are bound). */
export function freeSymbols(root: MathNode): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: Node, bound: Set<string>) => {
    if (n.type === "SymbolNode" && n.name !== undefined) {
      if (!bound.has(n.name) && !seen.has(n.name)) {
        seen.add(n.name);
        out.push(n.name);
      }
      return;
    }
    if (n.type === "FunctionAssignmentNode") {
      const inner = new Set([...bound, ...(n.params ?? []), n.name ?? ""]);
      visit(n.expr as Node, inner);
      return;
    }
    if (n.type === "AssignmentNode" && n.object?.type === "SymbolNode" && !n.index) {
      // `x = …` reads its right-hand side; the name itself is written, not read.
      visit(n.value as Node, bound);
      return;
    }
    n.forEach((child) => visit(child as Node, bound));
  };
  // `end` inside an index (`q[end]`) is the last position, not a symbol.
  visit(root as Node, new Set(["end"]));
  return out;
}
