"""Chapter 9's numbers, step 2 of 2, without lib/: a numpy forward pass of the induction model
from the weights tools/claims/inductionWeights.ts wrote, the held-out set regenerated from its
seed (mulberry32 and the partial Fisher-Yates shuffle, written again here), then held-out
accuracy, knock-outs and the heads' mean attention, printed beside lib's own numbers.

    python3 tools/claims/induction.py /tmp/induction-seed1.json
"""
import json, math, sys
import numpy as np

d = json.load(open(sys.argv[1]))
P = {k: np.array(v["data"]).reshape(v["rows"], v["cols"]) for k, v in d["params"].items()}
V, H, L = 26, 2, 2

def mulberry32(seed):
    a = seed & 0xFFFFFFFF
    def imul(x, y):
        return (x * y) & 0xFFFFFFFF
    def u():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return u

u = mulberry32(20261130)
keys, held = set(), []
for half in range(4, 11):
    rows = []
    while len(rows) < 40:
        pool = list(range(V))
        for i in range(half):
            j = i + math.floor(u() * (V - i))
            pool[i], pool[j] = pool[j], pool[i]
        h = tuple(pool[:half])
        if h in keys:
            continue
        keys.add(h)
        rows.append(list(h) * 2)
    held.append((half, np.array(rows)))

def ln(x, g, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-5) * g + b

def forward(tokens, knock=()):
    n = tokens.shape[-1]
    x = P["tok"][tokens] + P["pos"][np.arange(n)]
    dm = x.shape[-1]
    hd = dm // H
    pats = []
    for l in range(L):
        h = ln(x, P[f"l{l}.norm"][0], P[f"l{l}.normB"][0])
        qkv = h @ P[f"l{l}.qkv"].T
        q, k, v = qkv[..., :dm], qkv[..., dm:2 * dm], qkv[..., 2 * dm:]
        outs, lp = [], []
        for hh in range(H):
            s = slice(hh * hd, (hh + 1) * hd)
            e = q[..., s] @ np.swapaxes(k[..., s], -1, -2) / math.sqrt(hd)
            e = np.where(np.tril(np.ones((n, n))) > 0, e, -np.inf)
            a = np.exp(e - e.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            lp.append(a)
            outs.append(a @ v[..., s] * (0 if l * H + hh in knock else 1))
        pats.append(lp)
        x = x + np.concatenate(outs, -1) @ P[f"l{l}.out"].T
    logits = ln(x, P["finalNorm"][0], P["finalNormB"][0]) @ P["unembed"].T + P["unembedB"][0]
    return logits, pats

def evaluate(knock=()):
    right = tot = 0
    loss = 0.0
    for half, toks in held:
        logits, _ = forward(toks, knock)
        z = logits[:, half:2 * half - 1]
        y = toks[:, half + 1:]
        right += (z.argmax(-1) == y).sum()
        zz = z - z.max(-1, keepdims=True)
        lp = zz - np.log(np.exp(zz).sum(-1, keepdims=True))
        loss -= np.take_along_axis(lp, y[..., None], -1).sum()
        tot += y.size
    return right / tot, loss / tot

acc, loss = evaluate()
print(f"held-out accuracy {acc:.4f} loss {loss:.4f}   (lib: {d['lib']['evaluate']})")
for k in [(0,), (1,), (2,), (3,), (0, 1), (2, 3)]:
    print("knock", k, "accuracy %.4f" % evaluate(k)[0])
# head scores on the repeated half: i in [T, 2T)
sc = {"previous": np.zeros((L, H)), "induction": np.zeros((L, H)), "copy": np.zeros((L, H)), "self": np.zeros((L, H))}
cnt = 0
allprev = np.zeros((L, H)); allcnt = 0
for half, toks in held:
    _, pats = forward(toks)
    n = 2 * half
    for l in range(L):
        for hh in range(H):
            a = pats[l][hh]
            i = np.arange(half, n)
            sc["previous"][l, hh] += a[:, i, i - 1].sum()
            sc["induction"][l, hh] += a[:, i, i - half + 1].sum()
            sc["copy"][l, hh] += a[:, i, i - half].sum()
            sc["self"][l, hh] += a[:, i, i].sum()
            j = np.arange(1, n)
            allprev[l, hh] += a[:, j, j - 1].sum()
    cnt += toks.shape[0] * half
    allcnt += toks.shape[0] * (n - 1)
for k, v in sc.items():
    print(k, np.round(v / cnt, 3).tolist())
print("previous over all positions", np.round(allprev / allcnt, 3).tolist())
print("lib headScores", json.dumps(d["lib"]["headScores"]))
# layer 1, repeated half: mean of the largest weight on a key other than the previous one
for hh in range(H):
    tot = 0.0; c = 0
    for half, toks in held:
        _, pats = forward(toks)
        a = pats[0][hh]
        n = 2 * half
        for i in range(half, n):
            row = a[:, i, :].copy()
            row[:, i - 1] = 0
            tot += row.max(-1).sum(); c += row.shape[0]
    print("layer 1 head", hh + 1, "mean largest weight off the previous letter (repeated half)", round(tot / c, 3))
