// @ts-check
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";

/** A raw range input outside primitives/. */
const RAW_RANGE = {
  selector: "JSXOpeningElement[name.name='input'] > JSXAttribute[name.name='type'][value.value='range']",
  message: "A slider is src/widgets/primitives/Slider or RangeField (label, output and aria-valuetext).",
};

/** The same, with the type written as an expression: type={"range"}. */
const RAW_RANGE_EXPRESSION = {
  selector:
    "JSXOpeningElement[name.name='input'] > JSXAttribute[name.name='type'] > JSXExpressionContainer > Literal[value='range']",
  message: RAW_RANGE.message,
};

/** A raw select outside primitives/. */
const RAW_SELECT = {
  selector: "JSXOpeningElement[name.name='select']",
  message:
    "A select is src/widgets/primitives/SelectField (NumberSelect for numbers, EquationPicker beside a live equation): typed options, a label.",
};

/**
 * A number a reader sees goes through src/widgets/primitives/format.ts (Intl.NumberFormat, one
 * preset per quantity), so one quantity never shows 2 decimals in one place and 4 in another.
 * Used by two blocks, as a later block's options replace an earlier one's.
 */
const NUMBER_FORMAT = {
  selector: "CallExpression > MemberExpression.callee[property.name=/^to(Fixed|Precision|Exponential)$/]",
  message:
    "Format numbers with src/widgets/primitives/format.ts (fixed, sig, formats.weight…; roundSignificant/roundDecimals for data, coordinate for SVG/CSS).",
};

export default defineConfig(
  { ignores: ["dist/", "node_modules/", ".astro/", ".scratch*/", "bench/RESULTS.md"] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/ is pure: no DOM, no Astro, no Plot, no site code. src/ may import lib/, never the reverse.
    files: ["lib/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/src/**", "../src/*", "../../src/*"], message: "lib/ must not import from src/." },
            { group: ["astro", "astro:*", "@astrojs/*"], message: "lib/ must not depend on Astro." },
            {
              group: ["@observablehq/plot", "preact", "preact/*", "katex"],
              message: "lib/ has no UI dependencies.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "document", message: "lib/ has no DOM." },
        { name: "window", message: "lib/ has no DOM." },
        { name: "navigator", message: "lib/ has no DOM." },
        { name: "localStorage", message: "lib/ has no DOM." },
      ],
    },
  },
  {
    // Numbers shown to readers are formatted in one module (format.ts), not with toFixed & co.
    files: ["src/**/*.{ts,tsx,astro}"],
    ignores: ["src/widgets/primitives/format.ts"],
    rules: { "no-restricted-syntax": ["error", NUMBER_FORMAT] },
  },
  {
    // A chapter's widget folder imports only from primitives/ (the frame included), lib/, its own
    // folder and the site's shared runtimes under src/ (data/, training/, formula/, i18n/): never from
    // another chapter's folder.
    files: ["src/widgets/*/**/*.{ts,tsx,astro}"],
    ignores: ["src/widgets/primitives/**", "src/widgets/*.astro/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./(?!primitives/|\\.\\./)",
              message:
                "A chapter folder does not import from another chapter's folder; move a shared part to src/widgets/primitives/.",
            },
            {
              regex: "^\\.\\./\\.\\./(?!training/|data/|formula/|i18n/|\\.\\./lib(/|$))",
              message:
                "A chapter folder imports only from primitives/, lib/, src/'s shared runtimes and its own folder.",
            },
            {
              regex: "^\\.\\./\\.\\./training/(useTrainer|TrainingControls|TrainingChart)$",
              message:
                "A training widget uses src/training/TrainerFrame (useTrainingWidget + TrainerFrame), which carries the data attributes, link errors, controls and chart.",
            },
          ],
        },
      ],
    },
  },
  {
    // A slider is the Slider (or RangeField) primitive and a select is SelectField (NumberSelect for
    // numbers, EquationPicker beside a live equation): no raw <input type="range"> or <select> in a
    // chapter folder, the training runtime or the notebook.
    files: ["src/**/*.{tsx,astro}"],
    ignores: ["src/widgets/primitives/**"],
    rules: { "no-restricted-syntax": ["error", RAW_RANGE, RAW_RANGE_EXPRESSION, RAW_SELECT, NUMBER_FORMAT] },
  },
);
