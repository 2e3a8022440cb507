import type { EditorView } from "@codemirror/view";
import { Component } from "preact";
import type { EvaluateResult } from "../formula/protocol";
import { Typeset } from "../formula/Typeset";
import { SelectField, optionsOf } from "../widgets/primitives/SelectField";
import { type CellCommands, CellEditor, type NameInfo } from "./CellEditor";
import type { CellStatus } from "./engine";
import type { Cell, ViewKind } from "./model";
import { ResultView } from "./ResultView";
import { VIEW_LABELS, chooseView, viewsFor } from "./views";

interface Props {
  cell: Cell;
  /** Changes when cell texts change from outside the editors (undo, redo, an opened notebook). */
  epoch: number;
  index: number;
  count: number;
  status: CellStatus | undefined;
  /** The last result the cell had, shown (dimmed) while it recomputes or has an error. */
  last: EvaluateResult | undefined;
  names: () => NameInfo[];
  commands: CellCommands;
  onChange(text: string): void;
  onSetView(view: ViewKind): void;
  onView(view: EditorView | null): void;
}

/**
 * One cell, rendered again only when one of its props changed (a shallow comparison): when a
 * chain of cells recomputes, the cells whose status did not change are not redrawn, and neither
 * are their formulas (KaTeX) or charts.
 */
export class CellView extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return (Object.keys(next) as (keyof Props)[]).some((k) => next[k] !== this.props[k]);
  }
  override render(props: Props) {
    return <CellBody {...props} />;
  }
}

/** One cell: its editor, its typeset formula, its message and its result. */
function CellBody({
  cell,
  epoch,
  index,
  count,
  status,
  last,
  names,
  commands,
  onChange,
  onSetView,
  onView,
}: Props) {
  const n = index + 1;
  const analysis = status?.analysis ?? null;
  const name = analysis?.name ?? null;
  const title = name ? `Cell ${n} (${name})` : `Cell ${n}`;
  const result = status?.state === "ok" ? status.result : last;
  const views = result ? viewsFor(result) : [];
  const view = result ? chooseView(result, cell.view) : null;
  const headId = `nb-cell-${cell.id}-title`;
  const state = status?.state ?? "pending";
  return (
    <section class="nb-cell" data-cell={n} data-state={state} aria-labelledby={headId}>
      <div class="nb-cell-head">
        <h2 id={headId} class="nb-cell-title">
          {title}
        </h2>
        <div class="nb-cell-tools" role="group" aria-label={`${title}: actions`}>
          <button
            type="button"
            onClick={commands.moveUp}
            disabled={index === 0}
            aria-label={`Move cell ${n} up`}
          >
            ↑
          </button>
          <button
            type="button"
            onClick={commands.moveDown}
            disabled={index === count - 1}
            aria-label={`Move cell ${n} down`}
          >
            ↓
          </button>
          <button type="button" onClick={commands.duplicate} aria-label={`Duplicate cell ${n}`}>
            Duplicate
          </button>
          <button type="button" onClick={commands.remove} aria-label={`Delete cell ${n}`}>
            Delete
          </button>
        </div>
      </div>
      <CellEditor
        key={epoch}
        id={`nb-input-${cell.id}`}
        label={`Cell ${n} formula`}
        value={cell.source}
        names={names}
        commands={commands}
        onChange={onChange}
        onView={onView}
      />
      {cell.source.trim() !== "" && (
        <div class="nb-tex" aria-hidden={analysis ? undefined : "true"}>
          {analysis && <Typeset tex={analysis.tex} source={cell.source} />}
        </div>
      )}
      {status?.state === "error" && cell.source.trim() !== "" && (
        <p class="field-error nb-message" role="alert" data-message={n}>
          Cell {n}: {status.message}
        </p>
      )}
      {result && cell.source.trim() !== "" && (
        <div class="nb-result" data-stale={status?.state === "ok" ? "false" : "true"} data-result={n}>
          {views.length > 1 && (
            <SelectField
              class="nb-view"
              label="View"
              value={view!}
              options={optionsOf(views, (v) => VIEW_LABELS[v])}
              onValue={onSetView}
            />
          )}
          <ResultView label={name ?? `Cell ${n}`} result={result} view={view!} name={`cell-${n}`} />
        </div>
      )}
    </section>
  );
}
