/**
 * Open in notebook: a widget's frame sends the reader here with the widget's state in the query
 * string, under the same `<state>.<field>` keys its own links use
 * (`/notebook/?from=queries-keys-values/qkv-explorer&qkv.tau=0.5`). This page turns that state
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

interface Entry<S extends StateSpec> {
  /** The widget's state name: the prefix of its keys in a link. */
  state: string;
  spec: S;
  /** What the reader calls it, in messages. */
  title: string;
  /** Cells that recompute the widget, or `null` while its input has an error. */
  cells(s: StateOf<S>): string[] | null;
}

const entry = <S extends StateSpec>(e: Entry<S>): Entry<StateSpec> => e as unknown as Entry<StateSpec>;

export const WIDGET_NOTEBOOKS: Record<(typeof NOTEBOOK_WIDGETS)[number], Entry<StateSpec>> = {
  "queries-keys-values/qkv-explorer": entry({
    state: "qkv",
    spec: qkvSpec,
    title: "the QKV explorer",
    cells: qkvCells,
  }),
  "score-functions/score-explorer": entry({
    state: "sf",
    spec: scoreSpec,
    title: "the score explorer",
    cells: scoreCells,
  }),
  "self-attention/explorer": entry({
    state: "sa",
    spec: selfAttentionSpec,
    title: "the self-attention explorer",
    cells: selfAttentionCells,
  }),
  "multi-head-attention/heads": entry({
    state: "mh",
    spec: multiHeadSpec,
    title: "the multi-head widget",
    cells: multiHeadCells,
  }),
  "stacking-attention/hierarchical": entry({
    state: "han",
    spec: hanSpec,
    title: "the hierarchical attention widget",
    cells: hanCells,
  }),
  "stacking-attention/pooling": entry({
    state: "pool",
    spec: poolSpec,
    title: "the pooling widget",
    cells: poolCells,
  }),
  "why-attention/spotlight": entry({
    state: "spot",
    spec: spotSpec,
    title: "the spotlight",
    cells: spotCells,
  }),
  "why-attention/bottleneck": entry({
    state: "bn",
    spec: bnSpec,
    title: "the bottleneck experiment",
    cells: bnCells,
  }),
  "score-functions/sqrt-d": entry({
    state: "sd",
    spec: scaleSpec,
    title: "the √d experiment",
    cells: scaleCells,
  }),
  "graph-attention/gat-editor": entry({
    state: "gat",
    spec: gatSpec,
    title: "the graph-attention editor",
    cells: gatCells,
  }),
  "transformer-encoder/encoder-step": entry({
    state: "enc",
    spec: encoderSpec,
    title: "the encoder step widget",
    cells: encoderCells,
  }),
  "transformer-encoder/positional-encoding": entry({
    state: "pe",
    spec: peSpec,
    title: "the positional encoding widget",
    cells: peCells,
  }),
  "transformer-encoder/layer-cost": entry({
    state: "cost",
    spec: costSpec,
    title: "the layer cost widget",
    cells: costCells,
  }),
  "beyond-the-transformer/transformer-xl": entry({
    state: "xl",
    spec: xlSpec,
    title: "the Transformer-XL widget",
    cells: xlCells,
  }),
  "beyond-the-transformer/xlnet": entry({
    state: "xlnet",
    spec: xlnetSpec,
    title: "the XLNet widget",
    cells: xlnetCells,
  }),
  "self-attention/worked-example": entry({
    state: "we",
    spec: workedSpec,
    title: "the worked example",
    cells: workedCells,
  }),
  "soft-hard-local/modes": entry({
    state: "shl",
    spec: shlSpec,
    title: "the soft, hard and local widget",
    cells: shlCells,
  }),
  "pointer-networks/pointer-sort": entry({
    state: "ptr",
    spec: pointerSpec,
    title: "the sorting pointer",
    cells: pointerCells,
  }),
  "neural-turing-machines/addressing": entry({
    state: "ntm",
    spec: addressingSpec,
    title: "the NTM addressing widget",
    cells: addressingCells,
  }),
  "neural-turing-machines/copy-task": entry({
    state: "copy",
    spec: copySpec,
    title: "the copy task",
    cells: copyCells,
  }),
  "memory-networks/story-qa": entry({
    state: "mem",
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
  const { state, errors } = readState(e.state, e.spec, search);
  const cells = e.cells(state);
  if (!cells)
    return {
      ok: false,
      message: `The input of ${e.title} in this link has an error, so it could not be turned into cells. Fix it in the chapter and press Open in notebook again.`,
    };
  return { ok: true, cells, title: e.title, notes: errors };
}
