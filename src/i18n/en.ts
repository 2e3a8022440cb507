/** UI strings, with dotted keys (prose lives in MDX, not here). */
export const ui = {
  "site.title": "Attention Atlas",
  "site.tagline": "A visual notebook on attention mechanisms and the architectures built on them",
  "nav.skip": "Skip to content",
  "nav.chapters": "Chapters",
  "nav.allChapters": "All chapters",
  "nav.notation": "Notation",
  "nav.course": "Course",
  "nav.glossary": "Glossary",
  "nav.references": "References",
  "nav.home": "Home",
  "nav.coming": "coming",
  "nav.previous": "Previous",
  "nav.next": "Next",
  "toc.title": "On this page",
  "search.open": "Search",
  "search.label": "Search the site",
  "search.close": "Close search",
  "search.placeholder": "Words to find, e.g. softmax temperature",
  "theme.toggle": "Toggle dark mode",
  "chapter.part": "Part",
  "chapter.readingTime": "min read",
  "chapter.objectives": "You will learn to",
  "chapter.prerequisites": "Before this chapter",
  "chapter.sources": "Sources and papers",
  "widget.tab.live": "Widget",
  "widget.tab.code": "Code",
  "widget.try": "Try this",
  "widget.reset": "Reset",
  "widget.copyLink": "Copy link to this state",
  "widget.copied": "Link copied",
  "widget.copyFailed": "Could not copy; the link is in the address bar",
  "widget.openNotebook": "Open in notebook",
  "widget.newTab": " (opens a new tab)",
  "chapter.notebook": "Try this part's formulas in the notebook",
  "widget.save": "Save a chart",
  "widget.saved": "Saved",
  "widget.saveFailed": "Could not save",
  "widget.loading": "Showing a precomputed example; the live widget loads when you scroll here.",
} as const;

export type UiKey = keyof typeof ui;

export function t(key: UiKey): string {
  return ui[key];
}
