import { NumberTable } from "../primitives/NumberTable";
import { type Kind, scoreParams } from "./scoreModel";
import { SeedInput } from "../primitives/SeedInput";

interface Props {
  kind: Kind;
  d: number;
  seed: number;
  onSeed: (seed: number) => void;
}

const idx = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);

/** The seeded weights of the parametrised scores (general, additive, concat, linear), and the seed. */
export function ParamsPanel({ kind, d, seed, onSeed }: Props) {
  const p = scoreParams(d, seed);
  const tables: { name: string; caption: string; data: number[][] }[] =
    kind === "general"
      ? [{ name: "W", caption: "W (d × d)", data: p.W.toArray() }]
      : kind === "additive"
        ? [
            { name: "W1", caption: "W₁ (d_a × d), applied to k", data: p.W1.toArray() },
            { name: "W2", caption: "W₂ (d_a × d), applied to q", data: p.W2.toArray() },
            { name: "v", caption: "v (d_a)", data: [Array.from(p.v)] },
          ]
        : kind === "concat"
          ? [
              {
                name: "Wc",
                caption:
                  "W = [W₂ W₁] (d_a × 2d), applied to [q; k]: the additive score's weights side by side",
                data: p.Wc.toArray(),
              },
              { name: "v", caption: "v (d_a)", data: [Array.from(p.v)] },
            ]
          : kind === "concat_linear"
            ? [{ name: "w", caption: "w (2d), applied to [q; k]", data: [Array.from(p.w)] }]
            : [];
  return (
    <details class="sf-params">
      <summary>
        Weights of the parametrised scores (random here, seed {seed}; a trained model learns them)
      </summary>
      <SeedInput label="Weight seed" value={seed} max={1_000_000} step="1" onSeed={onSeed} />
      {tables.length === 0 ? (
        <p class="hint">This score function has no weights: it depends on q and k alone.</p>
      ) : (
        tables.map((t) => (
          <NumberTable
            key={t.name}
            name={`param-${t.name}`}
            caption={t.caption}
            data={t.data}
            rowLabels={t.data.length === 1 ? [t.name] : idx("", t.data.length)}
            colLabels={idx("", t.data[0].length)}
          />
        ))
      )}
    </details>
  );
}
