import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, type KeyBinding, keymap, placeholder } from "@codemirror/view";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";

/** What the notebook's keyboard shortcuts do; each returns nothing, the editor stops the key. */
export interface CellCommands {
  addBelow(): void;
  addAbove(): void;
  remove(): void;
  moveUp(): void;
  moveDown(): void;
  duplicate(): void;
  undo(): void;
  redo(): void;
  focusPrevious(): void;
  focusNext(): void;
}

/** The notebook's shortcuts, for the help list and the editor's keymap. */
export const SHORTCUTS: { key: string; label: string; command: keyof CellCommands }[] = [
  { key: "Alt-Enter", label: "Add a cell below", command: "addBelow" },
  { key: "Shift-Alt-Enter", label: "Add a cell above", command: "addAbove" },
  { key: "Shift-Alt-Backspace", label: "Delete the cell", command: "remove" },
  { key: "Shift-Alt-ArrowUp", label: "Move the cell up", command: "moveUp" },
  { key: "Shift-Alt-ArrowDown", label: "Move the cell down", command: "moveDown" },
  { key: "Shift-Alt-d", label: "Duplicate the cell", command: "duplicate" },
  { key: "Alt-z", label: "Undo a cell change (add, delete, move…)", command: "undo" },
  { key: "Alt-y", label: "Redo a cell change", command: "redo" },
  { key: "Alt-ArrowUp", label: "Go to the cell above", command: "focusPrevious" },
  { key: "Alt-ArrowDown", label: "Go to the cell below", command: "focusNext" },
];

/** A completion entry: a function of the library or of mathjs, or a name a cell defines. */
export interface NameInfo {
  name: string;
  /** `softmax(x, T?)` */
  signature?: string;
  summary?: string;
  kind: "function" | "variable" | "constant";
}

interface Props {
  /** The id of the editor's content element (for labels and tests). */
  id: string;
  label: string;
  value: string;
  names: () => NameInfo[];
  commands: CellCommands;
  onChange(text: string): void;
  /** Receives the editor view once it exists (to focus it), and `null` when it is gone. */
  onView(view: EditorView | null): void;
}

function completions(names: () => NameInfo[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[A-Za-z_$][\w$]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const options: Completion[] = names().map((n) => ({
      label: n.name,
      type: n.kind,
      detail: n.signature,
      info: n.summary,
      apply: n.kind === "function" ? `${n.name}(` : n.name,
    }));
    return { from: word.from, options, validFor: /^[\w$]*$/ };
  };
}

/**
 * A CodeMirror 6 editor for one cell's formula: undo, bracket matching, completion, shortcuts.
 * `value` is read when the editor is created; the notebook remounts the editor (a new `key`) when
 * the text changes from outside (undo of a cell change, an opened notebook). Writing the prop back
 * into a live editor would fight the reader's typing, since the prop lags behind fast keystrokes.
 */
export function CellEditor({ id, label, value, names, commands, onChange, onView }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ commands, onChange, names });
  latest.current = { commands, onChange, names };

  // A layout effect: the editor exists (and can take the focus) in the same task as the render
  // that added its cell, so keys typed right after Alt+Enter land in the new cell, not the old one.
  useLayoutEffect(() => {
    const bindings: KeyBinding[] = SHORTCUTS.map((s) => ({
      key: s.key,
      run: () => {
        latest.current.commands[s.command]();
        return true;
      },
    }));
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(keymap.of(bindings)),
          history(),
          // `'` is the transpose operator in mathjs, not a quote to close.
          EditorState.languageData.of(() => [{ closeBrackets: { brackets: ["(", "[", "{", '"'] } }]),
          closeBrackets(),
          bracketMatching(),
          autocompletion({ override: [completions(() => latest.current.names())], activateOnTyping: true }),
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
          placeholder("Type a formula, e.g. Q = [[1, 0], [0, 1]]"),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ id, "aria-label": label, spellcheck: "false" }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    onView(v);
    return () => {
      onView(null);
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.contentDOM.setAttribute("aria-label", label);
  }, [label]);

  return <div class="nb-editor" ref={host} />;
}
