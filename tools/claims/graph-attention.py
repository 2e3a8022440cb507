"""Independent check of chapter 12's claims about the trained karate-club networks.

Reads the JSON that tools/claims/karateExport.ts writes (trained weights and the facts the chapter
quotes, for seeds 1-5), checks the data set against networkx's karate_club_graph, re-implements the
three networks' forward passes with numpy from the weights alone, and recomputes every fact:
accuracy on the unlabelled members, the members each network gets wrong, GAT's static ranking (top
neighbour = largest key term), the rank conflicts of each network and GATv2's example pair.
Exits non-zero on the first disagreement.

    npx tsx tools/claims/karateExport.ts > /tmp/karate.json && python3 tools/claims/graph-attention.py /tmp/karate.json
"""
import json
import sys

import networkx as nx
import numpy as np

G = nx.karate_club_graph()
N = G.number_of_nodes()
EDGES = sorted(tuple(sorted(e)) for e in G.edges())
LABELS = np.array([0 if G.nodes[i]["club"] == "Mr. Hi" else 1 for i in range(N)])
A = np.zeros((N, N))
for a, b in EDGES:
    A[a, b] = A[b, a] = 1
HOOD = A + np.eye(N)  # neighbourhoods with self-loops


def lrelu(x, s=0.2):
    return np.where(x > 0, x, s * x)


def elu(x):
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))


def masked_softmax(e):
    e = np.where(HOOD > 0, e, -np.inf)
    e = e - e.max(axis=1, keepdims=True)
    z = np.exp(e)
    return z / z.sum(axis=1, keepdims=True)


def gat_layer(h, W, a):
    Wh = h @ W
    F = W.shape[1]
    e = lrelu(Wh @ a[:F] + (Wh @ a[F:]).T)
    alpha = masked_softmax(e)
    return alpha, alpha @ Wh, (Wh @ a[:F]).ravel(), (Wh @ a[F:]).ravel()


def gatv2_layer(h, Wq, Wk, a):
    q, k = h @ Wq, h @ Wk
    e = (lrelu(q[:, None, :] + k[None, :, :]) * a.ravel()[None, None, :]).sum(axis=2)
    alpha = masked_softmax(e)
    return alpha, alpha @ k


def gcn_weights():
    d = HOOD.sum(axis=1)
    return HOOD / np.sqrt(np.outer(d, d))


def forward(net, p):
    X = np.eye(N)
    if net == "gat":
        a1, h1, query, key = gat_layer(X, p["W1"], p["a1"])
        _, out, _, _ = gat_layer(elu(h1), p["W2"], p["a2"])
        return a1, out, key
    if net == "gatv2":
        a1, h1 = gatv2_layer(X, p["Wq1"], p["Wk1"], p["a1"])
        _, out = gatv2_layer(elu(h1), p["Wq2"], p["Wk2"], p["a2"])
        return a1, out, None
    C = gcn_weights()
    h1 = np.maximum(C @ X @ p["W1"] + p["b1"], 0)
    return C, C @ h1 @ p["W2"] + p["b2"], None


def conflicts(w):
    pairs = bad = 0
    for j in range(N):
        for k in range(j + 1, N):
            obs = [i for i in range(N) if HOOD[i, j] and HOOD[i, k]]
            if len(obs) < 2:
                continue
            pairs += 1
            d = [w[i, j] - w[i, k] for i in obs]
            if max(d) > 0 and min(d) < 0:
                bad += 1
    return pairs, bad


def same(what, got, want, tol=1e-9):
    """Numbers (and lists of numbers) to within tol, anything else exactly."""
    numeric = isinstance(want, float) or (isinstance(want, list) and all(isinstance(x, float) for x in want))
    ok = bool(np.allclose(got, want, atol=tol)) if numeric else got == want
    if not ok:
        sys.exit(f"MISMATCH {what}: numpy {got!r}, chapter {want!r}")


def main(path):
    dump = json.load(open(path))
    runs = dump["runs"]
    # The data set the site ships (src/data/karate.ts) is networkx's, edge for edge and member for member.
    same("edges", sorted(tuple(e) for e in dump["data"]["edges"]), [tuple(int(x) for x in e) for e in EDGES])
    same("factions", [0 if f == "hi" else 1 for f in dump["data"]["factions"]], LABELS.tolist())
    print(f"networkx karate_club_graph: {N} nodes, {len(EDGES)} edges, Mr. Hi's faction "
          f"{[i + 1 for i in range(N) if LABELS[i] == 0]}")
    nine = [j + 1 for j in range(N) if A[8, j]]
    print(f"member 9's friends: {nine}, of them in Mr. Hi's faction: "
          f"{[j for j in nine if LABELS[j - 1] == 0]}")
    # "Member 9 joined Mr. Hi's faction, but three of his five friends (31, 33, 34) joined the Officer's."
    same("member 9", [int(LABELS[8]), nine, [j for j in nine if LABELS[j - 1] == 1]], [0, [1, 3, 31, 33, 34], [31, 33, 34]])
    for r in runs:
        p = {net: {k: np.array(v) for k, v in w.items()} for net, w in r["parameters"].items()}
        labelled = [i - 1 for i in r["labelled"]]
        unl = [i for i in range(N) if i not in labelled]
        weights = {}
        for net in ["gat", "gatv2", "gcn"]:
            w, logits, key = forward(net, p[net])
            weights[net] = w
            pred = logits.argmax(axis=1)
            acc = float(np.mean(pred[unl] == LABELS[unl]))
            wrong = [i + 1 for i in unl if pred[i] != LABELS[i]]
            same(f"seed {r['seed']} {net} accuracy", acc, r["accuracy"][net])
            same(f"seed {r['seed']} {net} wrong", wrong, r["wrong"][net])
            if net == "gat":
                top = sum(
                    int(np.argmax(np.where(HOOD[i] > 0, w[i], -1)) == np.argmax(np.where(HOOD[i] > 0, key, -np.inf)))
                    for i in range(N)
                )
                same(f"seed {r['seed']} GAT top = largest key", top, r["topIsLargestKey"])
                best = int(np.argmax(key))
                reach = int(HOOD[:, best].sum())
                top_of = int(sum(HOOD[i, best] and np.argmax(w[i]) == best for i in range(N)))
                same(f"seed {r['seed']} largest key", [best + 1, reach, top_of],
                     [r["largestKey"]["member"], r["largestKey"]["reach"], r["largestKey"]["topOf"]])
        for net in ["gat", "gatv2", "gcn"]:
            pairs, bad = conflicts(weights[net])
            same(f"seed {r['seed']} pairs", pairs, r["conflicts"]["pairs"])
            same(f"seed {r['seed']} {net} conflicts", bad, r["conflicts"][net])
        j, k = (x - 1 for x in r["example"]["pair"])
        for side in ["a", "b"]:
            ex = r["example"][side]
            i = ex["member"] - 1
            same(f"seed {r['seed']} example {side}", [weights["gatv2"][i, j], weights["gatv2"][i, k]],
                 [ex["first"], ex["second"]], 1e-9)
        # "All {reach} members who can see it put their largest weight on it."
        same(f"seed {r['seed']} all who see the largest key pick it", r["largestKey"]["topOf"], r["largestKey"]["reach"])
        a, b = r["example"]["a"], r["example"]["b"]
        if r["seed"] == 1:
            # "Each prefers the other to itself": the pair's two members are the two who disagree.
            same("seed 1 example observers", sorted([a["member"], b["member"]]), sorted(r["example"]["pair"]))
        assert a["first"] > a["second"] and b["first"] < b["second"], "the example pair is not ranked both ways"
        print(f"seed {r['seed']}: accuracy GAT {r['accuracy']['gat']:.4f} GATv2 {r['accuracy']['gatv2']:.4f} "
              f"GCN {r['accuracy']['gcn']:.4f}; wrong {r['wrong']}; GAT top=largest key {r['topIsLargestKey']}/34; "
              f"conflicts of {r['conflicts']['pairs']}: GAT {r['conflicts']['gat']} GATv2 {r['conflicts']['gatv2']} "
              f"GCN {r['conflicts']['gcn']}  OK")
    mean = {net: np.mean([r["accuracy"][net] for r in runs]) for net in ["gat", "gatv2", "gcn"]}
    print("mean accuracy over the seeds:", {k: round(float(v), 4) for k, v in mean.items()})
    for net, m in mean.items():
        if m < 0.9:
            sys.exit(f"{net}: mean accuracy {m:.3f} < 0.9")
    print("all claims agree")


if __name__ == "__main__":
    main(sys.argv[1])
