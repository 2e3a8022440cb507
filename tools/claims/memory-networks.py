"""Independent check of chapter 13's claims about the trained memory network (numpy, not lib/).

Reads the JSON written by memoryNetworkExport.ts (the trained weights and the held-out stories),
then recomputes on its own: the world state of every story (who is where, who holds what), the
supporting facts, the memory network's forward pass (position encoding from the paper's formula,
temporal encoding counted back from the latest sentence, adjacent tying), the held-out accuracy
and, per hop, how often attention lands on each supporting fact.

    npx tsx tools/claims/memoryNetworkExport.ts 2 1500 > /tmp/mn2.json
    python3 tools/claims/memory-networks.py /tmp/mn2.json
"""
import json
import re
import sys

import numpy as np

PLACES = {"bathroom", "hallway", "kitchen", "garden", "office", "bedroom"}
PEOPLE = {"mary", "john", "sandra", "daniel"}
GETS = {"picked", "got", "grabbed", "took"}


def words(text):
    return re.sub(r"[^a-z ]", " ", text.lower()).split()


def simulate(sentences, question):
    """Answer and supporting facts by replaying the story: people's places, objects' holders."""
    at, holder, lies = {}, {}, {}
    for i, s in enumerate(map(words, sentences)):
        who = s[0]
        place = next((w for w in s if w in PLACES), None)
        if place:
            at[who] = (place, i)
            for o, h in holder.items():
                if h == who:
                    lies[o] = (place, lies[o][1], i)
        elif s[1] in GETS:
            holder[s[-1]] = who
            lies[s[-1]] = (at[who][0], i, at[who][1])
        else:
            del holder[s[-1]]
            place, _, moved = lies[s[-1]]
            lies[s[-1]] = (place, i, moved)
    target = words(question)[-1]
    if target in PEOPLE:
        place, i = at[target]
        return place, [i]
    place, touched, moved = lies[target]
    return place, [touched, moved]


def main(path):
    d = json.load(open(path))
    vocab = {w: i for i, w in enumerate(d["vocab"])}
    K, dim = d["hops"], d["options"]["dim"]
    assert d["options"]["tying"] == "adjacent" and d["options"]["encoding"] == "position"
    E = [np.array(d["weights"][f"E{k}"]) for k in range(K + 1)]
    T = [np.array(d["weights"][f"T{k}"]) for k in range(K + 1)]
    J = 6
    j = np.arange(1, J + 1)[:, None]
    k = np.arange(1, dim + 1)[None, :]
    l = (1 - j / J) - (k / dim) * (1 - 2 * j / J)  # (J, d), Sukhbaatar et al. §4.1

    def embed(table, text):
        ids = [vocab[w] for w in words(text)]
        return sum((l[p] * table[i] for p, i in enumerate(ids)), np.zeros(dim))

    def forward(S, q):
        ages = np.arange(len(S))[::-1]  # 0 = the latest sentence
        mem = [np.stack([embed(E[t], s) for s in S]) + T[t][ages] for t in range(K + 1)]
        u = embed(E[0], q)
        ps = []
        for h in range(K):
            z = mem[h] @ u
            p = np.exp(z - z.max())
            p /= p.sum()
            ps.append(p)
            u = u + p @ mem[h + 1]
        return ps, d["vocab"][int(np.argmax(E[K] @ u))]

    right = 0
    hits = np.zeros((K, 2))
    mass = np.zeros((K, 2))
    n = len(d["stories"])
    for st in d["stories"]:
        S, q = st["sentences"], st["question"]
        answer, facts = simulate(S, q)
        ps, predicted = forward(S, q)
        for h, p in enumerate(ps):
            for f, fact in enumerate(facts):
                hits[h, f] += int(np.argmax(p) == fact)
                mass[h, f] += p[fact]
        right += predicted == answer
    print(f"task {d['task']}, {K} hops, after {d['steps']} steps (seed 1)")
    print(f"held-out accuracy {right / n:.4f} (lib reported {d['reported']['accuracy']:.4f})")
    for h in range(K):
        cells = ", ".join(
            f"fact {f + 1}: argmax {hits[h, f] / n:.4f}, mean weight {mass[h, f] / n:.4f}"
            for f in range(2 if d["task"] == 2 else 1)
        )
        print(f"hop {h + 1}: {cells}")
    if d["task"] == 2:
        football = [
            "John went to the garden.",
            "John picked up the football.",
            "Mary moved to the kitchen.",
            "John travelled to the office.",
            "Sandra went to the bedroom.",
        ]
        ps, predicted = forward(football, "Where is the football?")
        print(f"the widget's football story: answer {predicted}")
        for h, p in enumerate(ps):
            print(f"  hop {h + 1}: " + " ".join(f"{x:.2f}" for x in p))


if __name__ == "__main__":
    main(sys.argv[1])
