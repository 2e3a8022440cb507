/** The one notation table for the whole site. Rows are tokens: n vectors of size d form an n×d matrix. */
export interface NotationRow {
  symbol: string; // TeX
  shape: string; // TeX
  meaning: string;
}

export const notation: readonly NotationRow[] = [
  { symbol: "n,\\ m", shape: "", meaning: "Sequence lengths: n queries (or tokens), m keys and values." },
  { symbol: "d,\\ d_k,\\ d_v", shape: "", meaning: "Vector sizes: model width, key/query size, value size." },
  { symbol: "X", shape: "n \\times d", meaning: "Input sequence; row i is token i." },
  { symbol: "x_i", shape: "1 \\times d", meaning: "Token i, a row vector (row i of X)." },
  {
    symbol: "Q",
    shape: "n \\times d_k",
    meaning: "Queries, one row per query. In self-attention $Q = XW_q$.",
  },
  { symbol: "K", shape: "m \\times d_k", meaning: "Keys, one row per key. In self-attention $K = XW_k$." },
  { symbol: "V", shape: "m \\times d_v", meaning: "Values, one row per key. In self-attention $V = XW_v$." },
  { symbol: "q,\\ k", shape: "1 \\times d_k", meaning: "A single query and a single key (rows of Q and K)." },
  {
    symbol: "W_q,\\ W_k,\\ W_v",
    shape: "d \\times d_k,\\ d \\times d_k,\\ d \\times d_v",
    meaning: "Projection matrices, applied on the right: XW.",
  },
  { symbol: "W^O", shape: "h d_v \\times d", meaning: "Output projection of multi-head attention." },
  {
    symbol: "s(q, k)",
    shape: "\\text{scalar}",
    meaning: "A score function: how well query q matches key k.",
  },
  {
    symbol: "S = QK^{\\top}",
    shape: "n \\times m",
    meaning: "Score matrix; row i holds query i's scores over all keys.",
  },
  {
    symbol: "e_{t,i}",
    shape: "\\text{scalar}",
    meaning: "Score of source position i at decoder step t (sequence-to-sequence chapters).",
  },
  {
    symbol: "A = \\operatorname{softmax}(S)",
    shape: "n \\times m",
    meaning: "Attention weights; softmax is taken over each row (over keys), so rows sum to 1.",
  },
  { symbol: "\\alpha_{ij}", shape: "\\text{scalar}", meaning: "Weight query i puts on key j (entry of A)." },
  {
    symbol: "H = AV",
    shape: "n \\times d_v",
    meaning: "Attention output; row i is a weighted average of the rows of V.",
  },
  { symbol: "c_t", shape: "1 \\times d", meaning: "Context vector at decoder step t." },
  { symbol: "h_i,\\ s_t", shape: "1 \\times d", meaning: "Encoder hidden state i; decoder state at step t." },
  {
    symbol: "\\tau,\\ T",
    shape: "\\text{scalar}",
    meaning: "Softmax temperature: weights are softmax(S/τ).",
  },
  {
    symbol: "M",
    shape: "N \\times D",
    meaning: "External memory: N slots of size D (NTM), or stored patterns (Hopfield).",
  },
  {
    symbol: "\\beta",
    shape: "\\text{scalar}",
    meaning: "Inverse temperature (key strength in NTMs; β in modern Hopfield networks).",
  },
  { symbol: "\\mathcal{N}(i)", shape: "", meaning: "Neighbours of node i in a graph." },
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
  },
];
