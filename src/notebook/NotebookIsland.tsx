import type { EditorView } from "@codemirror/view";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { excerpt } from "../../lib/core/excerpt";
import { formulaWorker } from "./formulaWorker";
import type { EvaluateResult } from "../formula/protocol";
import { type CellCommands, type NameInfo, SHORTCUTS } from "./CellEditor";
import { CellView } from "./CellView";
import { NotebookFormatError, decodeLink, encodeLink, fromJson, toJson } from "./codec";
import { type CellStatus, NotebookEngine } from "./engine";
import { READY_MADE, STARTER } from "./examples";
import type { FromWidget } from "./fromWidget";
import {
  History,
  type NotebookDoc,
  type ViewKind,
  cell,
  duplicateCell,
  fromSources,
  insertCell,
  moveCell,
  removeCell,
  setSource,
  setView,
} from "./model";
import type { RefEntry } from "./reference";
import { ReferencePanel } from "./ReferencePanel";
import { SHOWN_MAX } from "./ResultView";
import { damagedCopy, loadSaved, save } from "./storage";
import { SelectField } from "../widgets/primitives/SelectField";

interface Props {
  /** The library's formula functions, extracted from their doc comments at build time. */
  reference: (RefEntry & { texHtml: string })[];
}

type Notice = { tone: "error" | "info"; text: string } | null;

/** A notebook opened from a link, an example or a file, not yet saved over the reader's own. */
type Visitor = { from: string } | null;

const keyLabel = (k: string) => k.replace(/-/g, "+").replace("ArrowUp", "↑").replace("ArrowDown", "↓");

/** Most result entries (matrix entries, plot points) drawn in one frame. */
const DRAW_BUDGET = 2_000;

/** Cells mounted in the first render of an opened notebook; the rest follow frame by frame. */
const MOUNT_FIRST = 10;
/** What creating a cell's editor costs, counted in result entries (about ten editors a frame). */
const EDITOR_COST = 200;

/** What drawing a cell's status costs, in entries: the part of a matrix shown, a plot's points. */
function drawCost(s: CellStatus | undefined): number {
  if (s?.state !== "ok") return 1;
  const v = s.result.value;
  if (v.kind === "matrix") return v.size.reduce((a, n) => a * Math.min(n, SHOWN_MAX), 1);
  return s.result.plot ? s.result.plot.xs.length : 1;
}

/** The notebook page: reactive formula cells, saved as the reader types, shareable as a link. */
export default function NotebookIsland({ reference }: Props) {
  const [doc, setDoc] = useState<NotebookDoc | null>(null);
  const [statuses, setStatuses] = useState<Map<string, CellStatus>>(new Map());
  const [notice, setNotice] = useState<Notice>(null);
  const [visitor, setVisitor] = useState<Visitor>(null);
  const [shareUrl, setShareUrl] = useState<string>("");
  const [builtinNames, setBuiltinNames] = useState<string[]>([]);
  const [epoch, setEpoch] = useState(0);
  /** Cells mounted so far, after a notebook was opened (`Infinity` once all were). */
  const [mounted, setMounted] = useState(MOUNT_FIRST);
  const undoStack = useRef(new History());
  const last = useRef(new Map<string, EvaluateResult>());
  const editors = useRef(new Map<string, EditorView>());
  const focusNext = useRef<string | null>(null);
  const engine = useRef<NotebookEngine | null>(null);
  const docRef = useRef<NotebookDoc | null>(null);
  /** The text last saved or read from storage: an unchanged notebook is not written again. */
  const savedText = useRef<string | null>(null);
  docRef.current = doc;

  // Start: a shared link, then a ready-made notebook, then the saved one, then the starter.
  useEffect(() => {
    const client = formulaWorker();
    // Cell results arrive one by one as the worker computes a chain of cells; they are drawn
    // together, once per frame, and only the cells whose status changed render again (CellView
    // is memoised), so a 20-cell redraw costs one or two renders, not twenty of every cell.
    // A frame draws at most DRAW_BUDGET entries of results (a notebook of many large matrices is
    // drawn over several frames, so the page keeps responding), but always at least one cell.
    const arrived = new Map<string, CellStatus>();
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch: [string, CellStatus][] = [];
      let cost = 0;
      for (const [id, s] of arrived) {
        const c = drawCost(s);
        if (batch.length > 0 && cost + c > DRAW_BUDGET) break;
        batch.push([id, s]);
        cost += c;
      }
      for (const [id, s] of batch) {
        arrived.delete(id);
        if (s.state === "ok") last.current.set(id, s.result);
      }
      setStatuses((m) => {
        const next = new Map(m);
        for (const [id, s] of batch) next.set(id, s);
        return next;
      });
      if (arrived.size > 0) frame = requestAnimationFrame(flush);
    };
    engine.current = new NotebookEngine(client, (id, s) => {
      arrived.set(id, s);
      frame ||= requestAnimationFrame(flush);
    });
    void client.names.then((n) => setBuiltinNames(n.callable));
    void open();
    const onHash = () => void open();
    window.addEventListener("hashchange", onHash);
    return () => {
      window.removeEventListener("hashchange", onHash);
      cancelAnimationFrame(frame);
      engine.current?.dispose();
    };
  }, []);

  async function open(): Promise<void> {
    const saved = loadSaved();
    const own = saved.kind === "ok" ? saved.doc : null;
    const hasOwn = own !== null && own.cells.some((c) => c.source.trim() !== "");
    let opened: { doc: NotebookDoc; from: string } | null = null;
    let problem: string | null = saved.kind === "damaged" ? saved.message : null;
    try {
      const linked = await decodeLink(location.hash);
      if (linked) opened = { doc: linked, from: linked.title ?? "a shared link" };
    } catch (err) {
      problem = `${err instanceof NotebookFormatError ? err.message : "The notebook in this link could not be opened."} ${hasOwn ? "Your saved notebook is shown instead, unchanged." : "An empty notebook is shown instead."}`;
    }
    const params = new URLSearchParams(location.search);
    let widget: FromWidget | null = null;
    if (!opened && params.has("from")) {
      try {
        widget = await formulaWorker().request<FromWidget | null>({
          type: "fromWidget",
          search: location.search,
        });
      } catch {
        widget = { ok: false, message: "The widget's values could not be turned into cells." };
      }
    }
    if (widget?.ok) {
      opened = { doc: fromSources(widget.cells), from: widget.title };
      if (widget.notes.length > 0) problem = [problem, ...widget.notes].filter(Boolean).join(" ");
    } else if (widget)
      problem = [problem, widget.message, hasOwn ? "Your saved notebook is shown instead, unchanged." : ""]
        .filter(Boolean)
        .join(" ");
    // The widget's state is read once: a reload shows the saved notebook, not the widget's cells again.
    if (params.has("from")) history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
    const example = params.get("example");
    if (!opened && example) {
      const ready = READY_MADE.find((r) => `part-${r.part}` === example);
      if (ready) opened = { doc: fromSources(ready.cells), from: `the ready-made notebook “${ready.title}”` };
      else problem = `There is no ready-made notebook called “${excerpt(example)}”; pick one from the list.`;
    }
    undoStack.current = new History();
    setEpoch((e) => e + 1);
    setMounted(MOUNT_FIRST);
    if (opened) {
      setDoc(opened.doc);
      // A visiting notebook is saved only when the reader says so, if that would replace their own.
      setVisitor(hasOwn ? { from: opened.from } : null);
    } else {
      if (own) savedText.current = toJson(own);
      setDoc(own ?? (saved.kind === "damaged" || problem ? fromSources([""]) : fromSources([...STARTER])));
      setVisitor(null);
    }
    setNotice(problem ? { tone: "error", text: problem } : null);
  }

  // A long notebook mounts its cells (editors, formulas, results) over several frames, a frame's
  // worth at a time, so that opening one never holds the page for long.
  useEffect(() => {
    if (!doc || mounted === Infinity) return;
    if (mounted >= doc.cells.length) {
      setMounted(Infinity);
      return;
    }
    const f = requestAnimationFrame(() => {
      let n = mounted;
      let cost = 0;
      for (; n < doc.cells.length; n++) {
        const c = EDITOR_COST + drawCost(statuses.get(doc.cells[n].id));
        if (n > mounted && cost + c > DRAW_BUDGET) break;
        cost += c;
      }
      setMounted(n);
    });
    return () => cancelAnimationFrame(f);
  }, [doc, mounted]);

  // Recompute: the engine diffs the cells and redefines only the ones that changed. A layout
  // effect, so the worker gets the edit in the same task as the keystroke, not a frame later.
  const cellsKey = doc ? JSON.stringify(doc.cells.map((c) => [c.id, c.source])) : "";
  useLayoutEffect(() => {
    if (doc) void engine.current?.update(doc.cells.map((c) => ({ id: c.id, source: c.source })));
  }, [cellsKey]);

  // Save as the reader types (not a visiting notebook, until they keep it).
  useEffect(() => {
    if (!doc || visitor) return;
    const text = toJson(doc);
    if (text === savedText.current) return;
    const t = setTimeout(() => {
      const problem = save(doc);
      if (problem) setNotice({ tone: "error", text: problem });
      else savedText.current = text;
    }, 250);
    return () => clearTimeout(t);
  }, [doc, visitor]);

  // Focus a cell after it was added, moved or duplicated: in the same task as the render (a layout
  // effect, after the new cell's editor was created in its own), so no keystroke goes elsewhere.
  useLayoutEffect(() => {
    const id = focusNext.current;
    if (id) {
      focusNext.current = null;
      editors.current.get(id)?.focus();
    }
  });

  // Display math drawn after the page loaded gets a tab stop from the page's script
  // (BaseLayout.astro) when it is wider than its box: asked for here once the notebook is laid out
  // (the reference panel's formulas), by Typeset after it draws cells' formulas, and by the
  // reference panel when its search shows other entries. Not after every render: the check
  // measures every formula on the page.
  const laidOut = doc !== null && mounted === Infinity;
  useEffect(() => {
    if (laidOut) dispatchEvent(new Event("atlas:math-changed"));
  }, [laidOut]);

  /** Apply a structural change (undoable). */
  const change = (next: NotebookDoc, focus?: string | null) => {
    const cur = docRef.current;
    if (!cur || next === cur) return;
    undoStack.current.record(cur);
    if (focus) focusNext.current = focus;
    setDoc(next);
  };

  /**
   * Each cell's commands and callbacks, made once per cell id so that a memoised CellView sees the
   * same props until its own cell changes; they read the document through refs.
   */
  const handlers = useRef(
    new Map<
      string,
      {
        commands: CellCommands;
        onChange(text: string): void;
        onSetView(v: ViewKind): void;
        onView(v: EditorView | null): void;
      }
    >(),
  );
  const handlersFor = (id: string) => {
    let h = handlers.current.get(id);
    if (!h) {
      h = {
        commands: commandsFor(id),
        onChange: (text) => setDoc((d) => d && setSource(d, id, text)),
        onSetView: (v) => change(setView(docRef.current!, id, v)),
        onView: (v) => (v ? editors.current.set(id, v) : editors.current.delete(id)),
      };
      handlers.current.set(id, h);
    }
    return h;
  };

  const commandsFor = (id: string): CellCommands => {
    const index = () => docRef.current!.cells.findIndex((c) => c.id === id);
    const neighbour = (d: number) => docRef.current!.cells[index() + d]?.id ?? null;
    return {
      addBelow: () => {
        const c = cell("");
        change(insertCell(docRef.current!, index() + 1, c), c.id);
      },
      addAbove: () => {
        const c = cell("");
        change(insertCell(docRef.current!, index(), c), c.id);
      },
      remove: () => {
        const target = neighbour(1) ?? neighbour(-1);
        change(removeCell(docRef.current!, id), target);
      },
      moveUp: () => change(moveCell(docRef.current!, id, -1), id),
      moveDown: () => change(moveCell(docRef.current!, id, 1), id),
      duplicate: () => {
        const r = duplicateCell(docRef.current!, id);
        change(r.doc, r.id);
      },
      undo: () => undo(),
      redo: () => redo(),
      focusPrevious: () => {
        const p = neighbour(-1);
        if (p) editors.current.get(p)?.focus();
      },
      focusNext: () => {
        const n = neighbour(1);
        if (n) editors.current.get(n)?.focus();
      },
    };
  };

  /** Show `next` (from undo or redo), keeping the focus in the same cell or the nearest one. */
  const restore = (next: NotebookDoc | null) => {
    const cur = docRef.current;
    if (!next || !cur) return;
    const at = Math.max(
      0,
      cur.cells.findIndex((c) => editors.current.get(c.id)?.hasFocus),
    );
    const same = next.cells.find((c) => c.id === cur.cells[at]?.id);
    focusNext.current = same?.id ?? next.cells[Math.min(at, next.cells.length - 1)]?.id ?? null;
    setEpoch((e) => e + 1);
    setDoc(next);
  };
  const undo = () => restore(docRef.current && undoStack.current.undo(docRef.current));
  const redo = () => restore(docRef.current && undoStack.current.redo(docRef.current));

  const definedNames = useMemo(
    () => [...statuses.values()].map((s) => s.analysis?.name).filter((n): n is string => !!n),
    [statuses],
  );
  const namesNow = (): NameInfo[] => {
    const docs = new Map(reference.map((r) => [r.name, r]));
    return [
      ...[...new Set(definedNames)].map((name) => ({ name, kind: "variable" as const })),
      ...builtinNames.map((name) => {
        const r = docs.get(name);
        return { name, kind: "function" as const, signature: r?.signature, summary: r?.summary };
      }),
    ];
  };
  const namesRef = useRef(namesNow);
  namesRef.current = namesNow;
  /** Stable for the memoised cells; completion reads the names when it opens. */
  const names = useCallback(() => namesRef.current(), []);

  const share = async () => {
    if (!doc) return;
    const url = `${location.origin}${location.pathname}#${await encodeLink(doc)}`;
    setShareUrl(url);
    try {
      await navigator.clipboard.writeText(url);
      setNotice({ tone: "info", text: "The link to this notebook was copied. It holds the whole notebook." });
    } catch {
      setNotice({ tone: "info", text: "Copy the link below; it holds the whole notebook." });
    }
  };

  const download = (text: string, filename: string) => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const importFile = async (file: File) => {
    // Messages quote the file's name as a short excerpt, however long it is.
    const name = excerpt(file.name);
    try {
      if (file.size > 1_000_000) throw new NotebookFormatError(`${name} is too large to be a notebook.`);
      const next = fromJson(await file.text(), name);
      undoStack.current.record(docRef.current!);
      setEpoch((e) => e + 1);
      setMounted(MOUNT_FIRST);
      setDoc(next);
      const hasOwn = loadSaved().kind === "ok";
      setVisitor(hasOwn ? { from: name } : null);
      setNotice({ tone: "info", text: `Opened ${name}.` });
    } catch (err) {
      setNotice({
        tone: "error",
        text: `${err instanceof NotebookFormatError ? err.message : `${name} could not be read.`} The notebook on the page is unchanged.`,
      });
    }
  };

  const keepVisitor = () => {
    setVisitor(null);
    undoStack.current.record(docRef.current!);
    setNotice({ tone: "info", text: "This notebook is now your saved notebook." });
  };
  const backToOwn = () => {
    undoStack.current.record(docRef.current!);
    history.replaceState(null, "", location.pathname);
    void open();
  };

  const insertExample = (source: string) => {
    const cur = docRef.current!;
    const focused = cur.cells.findIndex((c) => editors.current.get(c.id)?.hasFocus);
    const c = cell(source);
    change(insertCell(cur, focused >= 0 ? focused + 1 : cur.cells.length, c), c.id);
  };

  if (!doc) return <p class="hint">Opening the notebook…</p>;
  const damaged = damagedCopy();
  return (
    <div
      class="nb"
      data-ready="true"
      data-mounting={mounted < doc.cells.length ? "true" : undefined}
      onKeyDown={(e) => {
        // Undo and redo of cell changes also work with the focus outside the editors.
        const key = e.key.toLowerCase();
        if (e.defaultPrevented || !e.altKey || (key !== "z" && key !== "y")) return;
        e.preventDefault();
        if (key === "y") redo();
        else undo();
      }}
    >
      <div class="nb-toolbar" role="toolbar" aria-label="Notebook">
        <button
          type="button"
          onClick={() => commandsFor(doc.cells[doc.cells.length - 1]?.id ?? "").addBelow()}
        >
          Add cell
        </button>
        <button type="button" onClick={undo} disabled={!undoStack.current.canUndo}>
          Undo cell change
        </button>
        <button type="button" onClick={redo} disabled={!undoStack.current.canRedo}>
          Redo cell change
        </button>
        <button type="button" onClick={() => void share()}>
          Copy share link
        </button>
        <button type="button" onClick={() => download(toJson(doc), "notebook.json")}>
          Export to file
        </button>
        <label class="nb-import">
          Import from file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const f = input.files?.[0];
              input.value = "";
              if (f) void importFile(f);
            }}
          />
        </label>
        <SelectField
          label="Ready-made"
          placeholder="Open a notebook for a part…"
          options={READY_MADE.map((r) => ({ value: `part-${r.part}`, label: `Part ${r.part}: ${r.title}` }))}
          onValue={(v) => (location.search = `?example=${v}`)}
        />
      </div>
      {notice && (
        <p
          class={notice.tone === "error" ? "field-error nb-notice" : "nb-notice"}
          role={notice.tone === "error" ? "alert" : "status"}
          data-notice={notice.tone}
        >
          {notice.text}
        </p>
      )}
      {damaged !== null && (
        <p class="nb-notice">
          <button type="button" onClick={() => download(damaged, "notebook-damaged.json")}>
            Download the damaged copy
          </button>
        </p>
      )}
      {visitor && (
        <div class="nb-visitor" role="region" aria-label="Opened notebook">
          <p>
            This notebook comes from {visitor.from}. Your own saved notebook is kept and is not changed until
            you choose.
          </p>
          <button type="button" onClick={keepVisitor}>
            Keep this notebook (replaces your saved one)
          </button>{" "}
          <button type="button" onClick={backToOwn}>
            Back to my saved notebook
          </button>
        </div>
      )}
      {shareUrl && (
        <p class="nb-share">
          <label>
            Share link{" "}
            <input
              type="text"
              readOnly
              value={shareUrl}
              onFocus={(e) => (e.target as HTMLInputElement).select()}
            />
          </label>
        </p>
      )}
      <div class="nb-layout">
        <div class="nb-cells">
          {doc.cells.slice(0, mounted).map((c, i) => (
            <CellView
              key={c.id}
              cell={c}
              epoch={epoch}
              index={i}
              count={doc.cells.length}
              status={statuses.get(c.id)}
              last={last.current.get(c.id)}
              names={names}
              {...handlersFor(c.id)}
            />
          ))}
          {doc.cells.length === 0 && <p class="hint">The notebook is empty. Add a cell to start.</p>}
        </div>
        <ReferencePanel entries={reference} onInsert={insertExample} />
      </div>
      <details class="nb-keys">
        <summary>Keyboard shortcuts</summary>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.key}>
              <dt>
                <kbd>{keyLabel(s.key)}</kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
          <div>
            <dt>
              <kbd>Ctrl+Z</kbd>
            </dt>
            <dd>Undo typing inside a cell</dd>
          </div>
          <div>
            <dt>
              <kbd>Ctrl+Space</kbd>
            </dt>
            <dd>Complete a function name</dd>
          </div>
        </dl>
      </details>
    </div>
  );
}
