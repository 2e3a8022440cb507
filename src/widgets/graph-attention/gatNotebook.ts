import { longMatrixCells, matrixCell, scalarCell, vectorCell } from "../primitives/notebookCells";
import { F_OUT, headWeights, nodeFeatures } from "./gatView";
import { adjacency, decodeGraph } from "./graphCodec";

/**
 * Notebook cells that recompute the graph-attention editor: the node features X, the adjacency
 * with self-loops A, every head's W and a, then the drawn head's scores and weights for the
 * selected node written out (e = LeakyReLU(a₁ᵀWhᵢ + a₂ᵀWhⱼ), slope 0.2, as 0.6z + 0.4|z|; α is the
 * softmax over the neighbours, the row of A masking the rest), and the layer's output with `gat`
 * (ELU of Σⱼ αᵢⱼ W hⱼ), every head's output concatenated as the widget does. `null` while the graph
 * in the link does not decode.
 */
export function gatCells(s: {
  g: string;
  seed: number;
  heads: number;
  head: number;
  node: number;
}): string[] | null {
  let graph;
  try {
    graph = decodeGraph(s.g);
  } catch {
    return null;
  }
  const n = graph.nodes.length;
  const heads = headWeights(s.seed, s.heads);
  const head = Math.min(s.head, s.heads);
  const node = Math.min(s.node, n - 1) + 1;
  const perHead = heads.flatMap((h, k) => [matrixCell(`W${k + 1}`, h.W), vectorCell(`a${k + 1}`, h.a)]);
  const outputs = heads.map((_, k) => `gat(X, A, W${k + 1}, a${k + 1})`);
  return [
    matrixCell("X", nodeFeatures(s.seed, n)),
    ...longMatrixCells("A", adjacency(graph, true)),
    ...perHead,
    `W = W${head}`,
    `a = a${head}`,
    scalarCell("i", node),
    "Wh = X * W",
    `z = (Wh * a[1:${F_OUT}])[i] + Wh * a[${F_OUT + 1}:${2 * F_OUT}]`,
    "e = 0.6 * z + 0.4 * abs(z)",
    "m = dotMultiply(map(e, exp), squeeze(A[i, :]))",
    "alpha = m / sum(m)",
    s.heads === 1 ? `H = ${outputs[0]}` : `H = concat(${outputs.join(", ")}, 2)`,
    "h_i = H[i, :]",
  ];
}
