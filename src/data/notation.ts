/**
 * The one notation table for the whole site. Rows are tokens: n vectors of size d form an n×d
 * matrix. `uses` lists the symbols (as `mathSymbols` spells them) whose appearance in a chapter's
 * formulas puts that chapter in the row's "Used in" column; by default, the row's own symbols.
 */
export interface NotationRow {
  symbol: string; // TeX
  shape: string; // TeX
  meaning: string; // text, with $…$ for math
  uses?: string[];
  /** Instead of `uses`: a pattern the chapter's formulas (TeX) must match, for symbols with a superscript. */
  tex?: RegExp;
}

export const notation: readonly NotationRow[] = [
  {
    symbol: "n,\\ m",
    shape: "",
    meaning: "Sequence lengths: $n$ queries (or tokens), $m$ keys and values.",
  },
  {
    symbol: "i,\\ j",
    shape: "",
    meaning:
      "Positions, counted from 1: $i$ is the query (or the node, or the output step), $j$ the key it looks at. The neural Turing machine's memory slots count from 0, as in its paper.",
  },
  { symbol: "t", shape: "", meaning: "A time step of a decoder or of a recurrent network, counted from 1." },
  {
    symbol: "d,\\ d_k,\\ d_v",
    shape: "",
    meaning: "Vector sizes: model width, key and query size, value size.",
    uses: ["d", "d_k", "d_v"],
  },
  { symbol: "X", shape: "n \\times d", meaning: "Input sequence; row $i$ is token $i$." },
  { symbol: "x_i", shape: "1 \\times d", meaning: "Token $i$, a row vector (row $i$ of $X$)." },
  {
    symbol: "Q",
    shape: "n \\times d_k",
    meaning: "Queries, one row per query. In self-attention $Q = XW_q$.",
  },
  { symbol: "K", shape: "m \\times d_k", meaning: "Keys, one row per key. In self-attention $K = XW_k$." },
  { symbol: "V", shape: "m \\times d_v", meaning: "Values, one row per key. In self-attention $V = XW_v$." },
  {
    symbol: "q,\\ k,\\ v",
    shape: "1 \\times d_k",
    meaning: "A single query, key and value (rows of $Q$, $K$ and $V$).",
    uses: ["q", "k", "k_j"],
  },
  {
    symbol: "W_q,\\ W_k,\\ W_v",
    shape: "d \\times d_k,\\ d \\times d_k,\\ d \\times d_v",
    meaning: "Projection matrices, applied on the right: $XW$.",
  },
  {
    symbol: "W^O",
    shape: "h d_v \\times d",
    meaning: "Output projection of multi-head attention.",
    tex: /W\^\{?O\b/,
  },
  { symbol: "h", shape: "", meaning: "Number of heads in multi-head attention.", uses: ["h"] },
  {
    symbol: "s(q, k)",
    shape: "\\text{scalar}",
    meaning: "A score function: how well query $q$ matches key $k$.",
    uses: ["s"],
  },
  {
    symbol: "QK^{\\top}",
    shape: "n \\times m",
    meaning: "The matrix of dot-product scores; row $i$ holds query $i$'s scores over all keys.",
    tex: /QK\^\{?\\top/,
  },
  {
    symbol: "e_{t,i},\\ e_{ij}",
    shape: "\\text{scalar}",
    meaning:
      "A score before the softmax: of source position $i$ at decoder step $t$, or of neighbour $j$ for node $i$.",
    uses: ["e_t,i", "e_ij", "e_s"],
  },
  {
    symbol: "\\alpha_{ij},\\ \\alpha_{t,i}",
    shape: "\\text{scalar}",
    meaning:
      "An attention weight (after the softmax): what query $i$, or step $t$, puts on key or position $j$.",
    uses: ["\\alpha"],
  },
  {
    symbol: "c_t",
    shape: "1 \\times d",
    meaning: "Context vector at decoder step $t$, the weighted average of the encoder states.",
    uses: ["c_t"],
  },
  {
    symbol: "h_i,\\ s_t",
    shape: "1 \\times d",
    meaning: "Encoder hidden state $i$; decoder state at step $t$.",
    uses: ["h_i", "s_t", "s_t-1"],
  },
  {
    symbol: "\\tau",
    shape: "\\text{scalar}",
    meaning: "Softmax temperature: weights are $\\operatorname{softmax}(s/\\tau)$.",
  },
  {
    symbol: "\\beta",
    shape: "\\text{scalar}",
    meaning:
      "Inverse temperature, a factor on the scores: key strength in NTMs, $\\beta$ in modern Hopfield networks, sharpness of the hand-built heads and pointers.",
  },
  {
    symbol: "\\gamma",
    shape: "\\text{scalar}",
    meaning: "Sharpening exponent of an NTM head ($w^\\gamma$, renormalised).",
  },
  {
    symbol: "M",
    shape: "N \\times D",
    meaning: "External memory: $N$ slots of size $D$ (neural Turing machines).",
  },
  {
    symbol: "P,\\ N",
    shape: "",
    meaning: "Hopfield networks: $P$ stored patterns in $N$ neurons; the load is $P/N$.",
    uses: ["P"],
  },
  { symbol: "\\xi", shape: "1 \\times d", meaning: "The state (query) of a modern Hopfield network." },
  { symbol: "\\mathcal{N}(i)", shape: "", meaning: "Neighbours of node $i$ in a graph.", uses: ["N"] },
  {
    symbol: "p_t,\\ D",
    shape: "\\text{scalar}",
    meaning: "Local attention: the aligned source position at step $t$ and the window's half-width.",
    uses: ["p_t"],
  },
  {
    symbol: "\\sigma",
    shape: "\\text{scalar}",
    meaning:
      "A standard deviation: the Gaussian around $p_t$ in local attention, the spread in layer normalisation. The logistic function is written $\\operatorname{sigmoid}$, a generic non-linearity $\\phi$.",
  },
  {
    symbol: "\\lVert\\cdot\\rVert",
    shape: "",
    meaning: "Euclidean norm, $\\lVert x \\rVert$. Concatenation is written with a semicolon, $[a; b]$.",
    uses: [],
  },
];
