/**
 * The glossary: every term defined once, in the site's words. `forms` are the spellings the
 * chapters use (matched as whole words, any case); the first one in a chapter's prose links here.
 * Definitions may use `$…$` for math.
 *
 * @type {readonly import("./glossary.d.mts").GlossaryTerm[]}
 */
export const glossary = [
  {
    id: "query",
    term: "Query",
    forms: ["query", "queries"],
    definition:
      "The vector that asks: it is compared with every key to decide where to look. In a decoder it comes from the decoder state; in self-attention each token has its own.",
  },
  {
    id: "key",
    term: "Key",
    forms: ["key", "keys"],
    definition:
      "The vector a position offers for matching. The score of a query against a key decides how much of that position's value is read.",
  },
  {
    id: "value",
    term: "Value",
    forms: ["value vector", "value vectors", "values"],
    definition:
      "The vector a position offers for reading. The output of attention is a weighted average of the values.",
  },
  {
    id: "score-function",
    term: "Score function",
    forms: ["score function", "score functions"],
    definition:
      "The function $s(q, k)$ that measures how well a query matches a key: dot product, scaled dot product, general (bilinear), additive or cosine.",
  },
  {
    id: "attention-weights",
    term: "Attention weights",
    forms: ["attention weights", "attention weight"],
    definition:
      "The softmax of the scores over the positions: non-negative numbers that sum to 1, one per key.",
  },
  {
    id: "softmax",
    term: "Softmax",
    forms: ["softmax"],
    definition:
      "$\\operatorname{softmax}(s)_j = e^{s_j} / \\sum_i e^{s_i}$: turns any list of scores into a probability distribution, keeping their order and depending only on their differences.",
  },
  {
    id: "context-vector",
    term: "Context vector",
    forms: ["context vector", "context vectors"],
    definition:
      "The output of one attention read in an encoder-decoder: $c_t = \\sum_i \\alpha_{t,i} h_i$, the encoder states averaged with the weights of decoder step $t$.",
  },
  {
    id: "encoder-decoder",
    term: "Encoder-decoder",
    forms: ["encoder-decoder", "seq2seq", "sequence-to-sequence"],
    definition:
      "A model that reads an input sequence with an encoder and writes an output sequence with a decoder; without attention, everything passes through one fixed-size vector.",
  },
  {
    id: "bottleneck",
    term: "Bottleneck",
    forms: ["bottleneck"],
    definition:
      "The single fixed-size vector through which a plain encoder-decoder must pass its whole input, whatever its length.",
  },
  {
    id: "scaled-dot-product",
    term: "Scaled dot-product attention",
    forms: ["scaled dot-product attention", "scaled dot product"],
    definition:
      "$\\operatorname{softmax}(QK^\\top/\\sqrt{d_k})\\,V$: dot-product scores divided by $\\sqrt{d_k}$ so their spread does not grow with the key size.",
  },
  {
    id: "temperature",
    term: "Temperature",
    forms: ["temperature"],
    definition:
      "A number $\\tau$ that divides the scores before the softmax: small $\\tau$ sharpens the weights toward one-hot, large $\\tau$ flattens them toward uniform.",
  },
  {
    id: "soft-attention",
    term: "Soft attention",
    forms: ["soft attention"],
    definition:
      "Attention that reads a weighted average of every value: smooth in the scores, so it trains with backpropagation.",
  },
  {
    id: "hard-attention",
    term: "Hard attention",
    forms: ["hard attention"],
    definition:
      "Attention that reads one position, chosen by argmax or by sampling from the weights; cheaper to read but not differentiable, so it is trained with REINFORCE or a relaxation.",
  },
  {
    id: "local-attention",
    term: "Local attention",
    forms: ["local attention"],
    definition:
      "Luong's compromise: soft attention inside a window $[p_t - D, p_t + D]$ around a predicted position $p_t$, with a Gaussian factor that favours the centre.",
  },
  {
    id: "alignment",
    term: "Alignment",
    forms: ["alignment", "alignments"],
    definition:
      "Which source positions an output step attends to; in translation, which words correspond. The attention weights form a soft alignment.",
  },
  {
    id: "attention-pooling",
    term: "Attention pooling",
    forms: ["attention pooling"],
    definition:
      "Summarising a sequence of states into one vector with a learned context vector as the query: $\\sum_t \\alpha_t h_t$ with $\\alpha = \\operatorname{softmax}(u_t^\\top u)$.",
  },
  {
    id: "pointer-network",
    term: "Pointer network",
    forms: ["pointer network", "pointer networks"],
    definition:
      "A decoder whose output at each step is the attention distribution itself: a pointer to one input position, so the output vocabulary grows with the input.",
  },
  {
    id: "self-attention",
    term: "Self-attention",
    forms: ["self-attention"],
    definition:
      "Attention of a sequence to itself: every token's query is scored against every token's key, so any two positions are one step apart.",
  },
  {
    id: "causal-mask",
    term: "Causal mask",
    forms: ["causal mask", "causal masking"],
    definition:
      "A mask that lets position $i$ attend only to positions $j \\le i$, so a model cannot read the future it must predict.",
  },
  {
    id: "mask",
    term: "Mask",
    forms: ["mask", "masks"],
    definition:
      "A pattern of allowed (true) and forbidden (false) query-key pairs; forbidden scores are set to $-\\infty$ before the softmax, so their weights are exactly zero.",
  },
  {
    id: "permutation-equivariance",
    term: "Permutation equivariance",
    forms: ["permutation-equivariant", "equivariance", "equivariant"],
    definition:
      "Reordering the input reorders the output in the same way: $f(PX) = P f(X)$. Self-attention without positions has it, so it cannot tell word order by itself.",
  },
  {
    id: "head",
    term: "Head",
    forms: ["head", "heads"],
    definition:
      "One attention computation with its own query, key and value projections. Multi-head attention runs several side by side on smaller projections and joins their outputs.",
  },
  {
    id: "multi-head-attention",
    term: "Multi-head attention",
    forms: ["multi-head attention"],
    definition:
      "$h$ heads of size $d_{\\text{model}}/h$ in parallel, concatenated and mixed by an output projection $W^O$; the same number of parameters as one full-width head.",
  },
  {
    id: "positional-encoding",
    term: "Positional encoding",
    forms: ["positional encoding", "positional encodings"],
    definition:
      "A vector added to each token's embedding that says where it is, such as the Transformer's sines and cosines of geometrically spaced frequencies.",
  },
  {
    id: "residual-connection",
    term: "Residual connection",
    forms: ["residual connection", "residual connections"],
    definition:
      "Adding a sublayer's input to its output, $x + f(x)$, so signals and gradients can pass straight through a deep stack.",
  },
  {
    id: "layer-normalisation",
    term: "Layer normalisation",
    forms: ["layer normalisation", "layer norm"],
    definition:
      "Rescaling each token's vector to mean 0 and variance 1 over its features (then a learned scale and shift).",
  },
  {
    id: "feed-forward",
    term: "Feed-forward network",
    forms: ["feed-forward network", "feed-forward"],
    definition:
      "The per-token two-layer network of a Transformer layer, $\\max(0, xW_1 + b_1)W_2 + b_2$, with a hidden size of usually four times $d_{\\text{model}}$.",
  },
  {
    id: "context-fragmentation",
    term: "Context fragmentation",
    forms: ["context fragmentation"],
    definition:
      "What happens when text is cut into fixed segments processed apart: a token near the start of a segment cannot see what came just before it.",
  },
  {
    id: "factorisation-order",
    term: "Factorisation order",
    forms: ["factorisation order", "factorisation orders"],
    definition:
      "The order in which XLNet predicts the positions of a sequence; the text is not moved, only the attention masks change.",
  },
  {
    id: "two-stream",
    term: "Two-stream attention",
    forms: ["two-stream attention", "two attention streams", "query stream", "content stream"],
    definition:
      "XLNet's pair of streams: the content stream sees a position's own token, the query stream knows the position but not the token it must predict.",
  },
  {
    id: "gcn",
    term: "Graph convolutional network (GCN)",
    forms: ["GCN"],
    definition:
      "A graph network that averages neighbours with fixed weights $1/\\sqrt{\\tilde d_i \\tilde d_j}$ from the degrees (self-loops included), the same for every feature.",
  },
  {
    id: "gat",
    term: "Graph attention network (GAT)",
    forms: ["graph attention network", "graph attention networks", "GAT"],
    definition:
      "A graph network that learns how much each neighbour matters: a softmax over the neighbourhood of LeakyReLU scores $a^\\top[Wh_i \\| Wh_j]$.",
  },
  {
    id: "self-loop",
    term: "Self-loop",
    forms: ["self-loop", "self-loops"],
    definition: "An edge from a node to itself, added so that a node's own features take part in its update.",
  },
  {
    id: "neighbourhood",
    term: "Neighbourhood",
    forms: ["neighbourhood", "neighbourhoods"],
    definition:
      "The nodes joined to a node by an edge (and, with a self-loop, the node itself): the positions a graph attention head may attend to.",
  },
  {
    id: "leaky-relu",
    term: "LeakyReLU",
    forms: ["LeakyReLU"],
    definition:
      "$x$ for $x \\ge 0$ and $0.2\\,x$ (in GAT) for $x < 0$: a ReLU that lets a little of the negative side through.",
  },
  {
    id: "memory-network",
    term: "Memory network",
    forms: ["memory network", "memory networks"],
    definition:
      "A model that stores facts as memory vectors and answers a question by attending over them, possibly in several hops.",
  },
  {
    id: "hop",
    term: "Hop",
    forms: ["hop", "hops"],
    definition:
      "One attention read of a memory network: score the memories against the state, read their weighted average, add it to the state.",
  },
  {
    id: "ntm",
    term: "Neural Turing Machine",
    forms: ["Neural Turing Machine", "Neural Turing Machines", "NTM"],
    definition:
      "A controller network with a memory matrix that it reads and writes through attention-based heads.",
  },
  {
    id: "addressing",
    term: "Addressing",
    forms: ["addressing"],
    definition:
      "How an NTM head decides where to read or write: content, interpolation, shift and sharpening, producing a weighting over memory slots.",
  },
  {
    id: "content-addressing",
    term: "Content addressing",
    forms: ["content addressing", "content-based addressing"],
    definition:
      "Attention by similarity: a softmax of the key strength $\\beta$ times the cosine between the key and each memory slot.",
  },
  {
    id: "interpolation-gate",
    term: "Interpolation gate",
    forms: ["interpolation gate", "interpolation"],
    definition:
      "The NTM gate $g_t$ that blends the content weighting with the head's previous weighting: $g_t w^c_t + (1 - g_t) w_{t-1}$.",
  },
  {
    id: "convolutional-shift",
    term: "Convolutional shift",
    forms: ["convolutional shift"],
    definition:
      "The NTM stage that rotates a weighting by a small distribution over offsets, so a head can step to neighbouring slots.",
  },
  {
    id: "sharpening",
    term: "Sharpening",
    forms: ["sharpening"],
    definition:
      "The last NTM stage: raise each weight to a power $\\gamma \\ge 1$ and renormalise, undoing the blur of the shift.",
  },
  {
    id: "hopfield-network",
    term: "Hopfield network",
    forms: ["Hopfield network", "Hopfield networks"],
    definition:
      "A network of binary neurons with symmetric weights whose updates never raise an energy, so it settles into stored patterns: an associative memory.",
  },
  {
    id: "energy",
    term: "Energy",
    forms: ["energy"],
    definition:
      "For a Hopfield network, $E = -\\tfrac12 s^\\top W s$: it never rises under asynchronous updates, so the stored patterns are its minima.",
  },
  {
    id: "hebb-rule",
    term: "Hebb's rule",
    forms: ["Hebb's rule", "Hebbian"],
    definition:
      "Store patterns by adding their outer products: $w_{ij} = \\tfrac1N\\sum_\\mu x^\\mu_i x^\\mu_j$, zero on the diagonal.",
  },
  {
    id: "capacity",
    term: "Capacity",
    forms: ["capacity"],
    definition:
      "How many patterns a memory can store and still recall. For a classical Hopfield network with Hebb's rule, about $0.138\\,N$ random patterns.",
  },
];
