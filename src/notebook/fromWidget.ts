/**
 * Open in notebook: a widget's frame sends the reader here with the widget's state in the query
 * string, under the same `<prefix>.<field>` keys its own links use (`linkKeys.ts`)
 * (`/notebook/?from=queries-keys-values/qkv-explorer&qkv-explorer.tau=0.5`). This page turns that state
 * into cells that recompute what the widget showed, so no notebook code loads on the chapters:
 * the frame only needs to know which widgets are listed here (`NOTEBOOK_WIDGETS`). It runs in the
 * notebook's formula worker (`worker.ts`, a `fromWidget` request), which bundles the widget models it needs on
 * its own instead of sharing chunks with the chapter pages (shared chunks split and grew them).
 */
import { excerpt } from "../../lib/core/excerpt";
import { gatCells } from "../widgets/graph-attention/gatNotebook";
import { gatSpec } from "../widgets/graph-attention/gatView";
import { addressingCells, copyCells } from "../widgets/neural-turing-machines/ntmNotebook";
import { addressingSpec } from "../widgets/neural-turing-machines/ntmModel";
import { copySpec } from "../widgets/neural-turing-machines/copyModel";
import { memSpec } from "../widgets/memory-networks/memoryModel";
import { memoryNetworkCells } from "../widgets/memory-networks/memoryNotebook";
import { multiHeadSpec } from "../widgets/multi-head-attention/multiHeadModel";
import { multiHeadCells } from "../widgets/multi-head-attention/multiHeadNotebook";
import { qkvSpec } from "../widgets/queries-keys-values/qkvModel";
import { qkvCells } from "../widgets/queries-keys-values/qkvNotebook";
import { scoreSpec } from "../widgets/score-functions/scoreModel";
import { scoreCells } from "../widgets/score-functions/scoreNotebook";
import { selfAttentionSpec } from "../widgets/self-attention/selfAttentionModel";
import { selfAttentionCells } from "../widgets/self-attention/selfAttentionNotebook";
import { hanSpec } from "../widgets/stacking-attention/hierarchicalModel";
import { hanCells } from "../widgets/stacking-attention/hierarchicalNotebook";
import { poolSpec } from "../widgets/stacking-attention/poolingModel";
import { poolCells } from "../widgets/stacking-attention/poolingNotebook";
import { bnSpec } from "../widgets/why-attention/bnModel";
import { bnCells } from "../widgets/why-attention/bnNotebook";
import { spotSpec } from "../widgets/why-attention/spotModel";
import { spotCells } from "../widgets/why-attention/spotNotebook";
import { scaleSpec } from "../widgets/score-functions/scaleModel";
import { scaleCells } from "../widgets/score-functions/scaleNotebook";
import { costSpec } from "../widgets/transformer-encoder/costModel";
import { costCells } from "../widgets/transformer-encoder/costNotebook";
import { encoderSpec } from "../widgets/transformer-encoder/encoderModel";
import { encoderCells } from "../widgets/transformer-encoder/encoderNotebook";
import { peSpec } from "../widgets/transformer-encoder/peModel";
import { peCells } from "../widgets/transformer-encoder/peNotebook";
import { xlSpec } from "../widgets/beyond-the-transformer/xlModel";
import { xlCells } from "../widgets/beyond-the-transformer/xlNotebook";
import { xlnetSpec } from "../widgets/beyond-the-transformer/xlnetModel";
import { xlnetCells } from "../widgets/beyond-the-transformer/xlnetNotebook";
import { workedSpec } from "../widgets/self-attention/workedModel";
import { workedCells } from "../widgets/self-attention/workedNotebook";
import { shlSpec } from "../widgets/soft-hard-local/softHardLocalModel";
import { shlCells } from "../widgets/soft-hard-local/shlNotebook";
import { pointerSpec } from "../widgets/pointer-networks/pointerModel";
import { pointerCells } from "../widgets/pointer-networks/pointerNotebook";
import { type StateOf, type StateSpec, readState } from "../widgets/primitives/urlState";
import { NOTEBOOK_WIDGETS } from "../widgets/primitives/notebookWidgets";
import { linkKeys } from "../widgets/primitives/linkKeys";

interface Entry<S extends StateSpec> {
  spec: S;
  /** What the reader calls it, in messages. */
  title: string;
  /** Cells that recompute the widget, or `null` while its input has an error. */
  cells(s: StateOf<S>): string[] | null;
}

const entry = <S extends StateSpec>(e: Entry<S>): Entry<StateSpec> => e as unknown as Entry<StateSpec>;

export const WIDGET_NOTEBOOKS: Record<(typeof NOTEBOOK_WIDGETS)[number], Entry<StateSpec>> = {
  "queries-keys-values/qkv-explorer": entry({
    spec: qkvSpec,
    title: "the QKV explorer",
    cells: qkvCells,
  }),
  "score-functions/score-explorer": entry({
    spec: scoreSpec,
    title: "the score explorer",
    cells: scoreCells,
  }),
  "self-attention/explorer": entry({
    spec: selfAttentionSpec,
    title: "the self-attention explorer",
    cells: selfAttentionCells,
  }),
  "multi-head-attention/heads": entry({
    spec: multiHeadSpec,
    title: "the multi-head widget",
    cells: multiHeadCells,
  }),
  "stacking-attention/hierarchical": entry({
    spec: hanSpec,
    title: "the hierarchical attention widget",
    cells: hanCells,
  }),
  "stacking-attention/pooling": entry({
    spec: poolSpec,
    title: "the pooling widget",
    cells: poolCells,
  }),
  "why-attention/spotlight": entry({
    spec: spotSpec,
    title: "the spotlight",
    cells: spotCells,
  }),
  "why-attention/bottleneck": entry({
    spec: bnSpec,
    title: "the bottleneck experiment",
    cells: bnCells,
  }),
  "score-functions/sqrt-d": entry({
    spec: scaleSpec,
    title: "the √d experiment",
    cells: scaleCells,
  }),
  "graph-attention/gat-editor": entry({
    spec: gatSpec,
    title: "the graph-attention editor",
    cells: gatCells,
  }),
  "transformer-encoder/encoder-step": entry({
    spec: encoderSpec,
    title: "the encoder step widget",
    cells: encoderCells,
  }),
  "transformer-encoder/positional-encoding": entry({
    spec: peSpec,
    title: "the positional encoding widget",
    cells: peCells,
  }),
  "transformer-encoder/layer-cost": entry({
    spec: costSpec,
    title: "the layer cost widget",
    cells: costCells,
  }),
  "beyond-the-transformer/transformer-xl": entry({
    spec: xlSpec,
    title: "the Transformer-XL widget",
    cells: xlCells,
  }),
  "beyond-the-transformer/xlnet": entry({
    spec: xlnetSpec,
    title: "the XLNet widget",
    cells: xlnetCells,
  }),
  "self-attention/worked-example": entry({
    spec: workedSpec,
    title: "the worked example",
    cells: workedCells,
  }),
  "soft-hard-local/modes": entry({
    spec: shlSpec,
    title: "the soft, hard and local widget",
    cells: shlCells,
  }),
  "pointer-networks/pointer-sort": entry({
    spec: pointerSpec,
    title: "the sorting pointer",
    cells: pointerCells,
  }),
  "neural-turing-machines/addressing": entry({
    spec: addressingSpec,
    title: "the NTM addressing widget",
    cells: addressingCells,
  }),
  "neural-turing-machines/copy-task": entry({
    spec: copySpec,
    title: "the copy task",
    cells: copyCells,
  }),
  "memory-networks/story-qa": entry({
    spec: memSpec,
    title: "the memory network",
    cells: memoryNetworkCells,
  }),
};

/** What a widget's link opens: its cells, or a sentence saying why there are none. */
export type FromWidget =
  { ok: true; cells: string[]; title: string; notes: string[] } | { ok: false; message: string };

/** The cells for `?from=<widget id>&<its state>`; `null` when the query names no widget. */
export function cellsFromQuery(search: string): FromWidget | null {
  const params = new URLSearchParams(search);
  const id = params.get("from");
  if (id === null) return null;
  const e = (WIDGET_NOTEBOOKS as Record<string, Entry<StateSpec> | undefined>)[id];
  if (!e)
    return {
      ok: false,
      message: `This link asks for the widget “${excerpt(id)}”, which has no notebook version.`,
    };
  const { prefix, old } = linkKeys(id);
  const { state, errors } = readState(prefix, e.spec, search, old);
  const cells = e.cells(state);
  if (!cells)
    return {
      ok: false,
      message: `The input of ${e.title} in this link has an error, so it could not be turned into cells. Fix it in the chapter and press Open in notebook again.`,
    };
  return { ok: true, cells, title: e.title, notes: errors };
}
