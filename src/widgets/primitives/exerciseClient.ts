/**
 * The behaviour of every `<Exercise>` on a page: check answers, reveal hints one at a time,
 * reorder steps from the keyboard, show a predicted state in its widget, and record solved
 * exercises in the reader's progress.
 */
import { type AnswerSpec, checkAnswer } from "./checkAnswer";
import { PROGRESS_EVENT, loadProgress, markSolved } from "./progress";

function readAnswer(ex: HTMLElement, spec: AnswerSpec): string | string[] | number[] {
  if (spec.kind === "choice")
    return [...ex.querySelectorAll<HTMLInputElement>(".exercise-form input:checked")].map((i) => i.value);
  if (spec.kind === "order")
    return [...ex.querySelectorAll<HTMLElement>(".order-list li")].map((li) => Number(li.dataset.step));
  return ex.querySelector<HTMLInputElement | HTMLTextAreaElement>("[name=answer]")!.value;
}

function setupHints(ex: HTMLElement): () => boolean {
  const button = ex.querySelector<HTMLButtonElement>('[data-action="hint"]');
  if (!button) return () => false;
  const hints = [...ex.querySelectorAll<HTMLElement>(".hint")];
  button.addEventListener("click", () => {
    const next = hints.find((h) => h.hidden);
    if (!next) return;
    next.hidden = false;
    const shown = hints.filter((h) => !h.hidden).length;
    if (shown === hints.length) button.hidden = true;
    else button.textContent = `Show hint ${shown + 1} of ${hints.length}`;
    next.tabIndex = -1;
    next.focus();
  });
  return () => hints.some((h) => h.hidden);
}

function setupOrder(ex: HTMLElement, feedback: HTMLElement): void {
  const list = ex.querySelector<HTMLOListElement>(".order-list");
  if (!list) return;
  list.addEventListener("click", (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-move]");
    if (!button) return;
    const li = button.closest("li")!;
    const items = [...list.children];
    const k = items.indexOf(li);
    const to = k + Number(button.dataset.move);
    if (to < 0 || to >= items.length) return;
    if (to < k) list.insertBefore(li, items[to]);
    else list.insertBefore(li, items[to].nextSibling);
    button.focus();
    feedback.textContent = `Moved “${li.querySelector(".order-text")!.textContent}” to position ${to + 1}.`;
    delete feedback.dataset.result;
  });
}

function markSolvedOnPage(ex: HTMLElement): void {
  ex.dataset.solved = "true";
  ex.querySelector<HTMLElement>(".exercise-solved")!.hidden = false;
}

function showInWidget(ex: HTMLElement): void {
  const button = ex.querySelector<HTMLButtonElement>('[data-action="show-in-widget"]');
  if (!button) return;
  button.addEventListener("click", () => {
    const target = document.querySelector<HTMLElement>(`[data-widget="${ex.dataset.widgetTarget}"]`);
    if (!target) return;
    const search = ex.dataset.widgetState!;
    // A widget that has not hydrated yet reads its state from the URL when it mounts; one that is
    // live takes it from the event.
    const params = new URLSearchParams(location.search);
    for (const [k, v] of new URLSearchParams(search)) params.set(k, v);
    history.replaceState(history.state, "", `${location.pathname}?${params}${location.hash}`);
    if (target.dataset.ready === "true")
      target.dispatchEvent(new CustomEvent("atlas:set-state", { detail: { search } }));
    target.scrollIntoView({
      block: "start",
      behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth",
    });
    const title = target.querySelector<HTMLElement>("h3");
    if (title) {
      title.tabIndex = -1;
      title.focus({ preventScroll: true });
    }
  });
}

export function initExercises(): void {
  const exercises = [...document.querySelectorAll<HTMLElement>("[data-exercise]")];
  const saved = loadProgress();
  const refresh = () => {
    const p = loadProgress();
    if (!p.ok) return;
    for (const ex of exercises) if (p.progress.solved[ex.dataset.exercise!]) markSolvedOnPage(ex);
  };
  if (saved.ok) refresh();
  addEventListener(PROGRESS_EVENT, refresh);

  for (const ex of exercises) {
    const spec = JSON.parse(ex.dataset.spec!) as AnswerSpec;
    const form = ex.querySelector<HTMLFormElement>(".exercise-form")!;
    const feedback = ex.querySelector<HTMLElement>(".exercise-feedback")!;
    const hintsLeft = setupHints(ex);
    setupOrder(ex, feedback);
    showInWidget(ex);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const r = checkAnswer(spec, readAnswer(ex, spec));
      let message = r.message;
      if (r.status === "wrong" && hintsLeft()) message += " A hint is available below.";
      if (r.status === "correct") {
        const saved = markSolved(ex.dataset.exercise!);
        if (saved.ok) markSolvedOnPage(ex);
        else message += ` (Not saved: ${saved.error})`;
      }
      feedback.textContent = message;
      feedback.dataset.result = r.status;
      const field = form.querySelector<HTMLElement>("[name=answer]");
      if (field) field.setAttribute("aria-invalid", String(r.status === "invalid"));
      if (r.status !== "invalid") {
        const show = ex.querySelector<HTMLButtonElement>('[data-action="show-in-widget"]');
        if (show) show.disabled = false;
      }
      ex.dispatchEvent(
        new CustomEvent("atlas:exercise", { bubbles: true, detail: { id: ex.dataset.exercise, ...r } }),
      );
    });
  }
}
