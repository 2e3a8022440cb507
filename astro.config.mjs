// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import { unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import { rehypeKatexStrict } from "./src/integrations/rehypeKatexStrict.mjs";
import { remarkApostropheAfterMath, remarkNoExpressionInMath } from "./src/integrations/remarkMathText.mjs";
import { texInTextCheck } from "./src/integrations/texInText.mjs";
import { pagefindIndex } from "./src/integrations/pagefindIndex.mjs";
import { remarkGlossary } from "./src/integrations/glossaryLinks.mjs";
import { offline } from "./src/integrations/offline.mjs";

export default defineConfig({
  site: "https://attention-atlas.example",
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    processor: unified({
      // After remark-math: an MDX expression inside math fails the build, and an apostrophe
      // right after inline math ($i$'s) is not left as the opening quote smart quotes made it.
      remarkPlugins: [remarkMath, remarkNoExpressionInMath, remarkApostropheAfterMath, remarkGlossary],
      // rehypeKatexStrict must run after rehype-katex: it turns KaTeX's recorded parse errors
      // into a build failure that names the chapter file and line.
      rehypePlugins: [[rehypeKatex, { strict: "error" }], rehypeKatexStrict],
    }),
  },
  // offline() lists every built file, the Pagefind index included, so it runs last.
  integrations: [mdx(), preact(), texInTextCheck(), pagefindIndex(), offline()],
  devToolbar: { enabled: false },
  vite: {
    resolve: {
      // @astrojs/preact's client imports @preact/signals only for islands given a signal prop; no
      // island here takes one, so the ~3 KB module (counted on every page with an island) is
      // replaced by a stub that fails loudly if one ever does.
      alias: {
        "@preact/signals": fileURLToPath(new URL("./src/integrations/noSignals.mjs", import.meta.url)),
      },
    },
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Fewer, larger files for what islands load together (one file compresses better than
              // several small ones). Each group takes only the modules it names: preact and the
              // number formatter (which the exercises load eagerly) keep files of their own.
              { name: "preact", test: /node_modules[\\/]preact[\\/]/, priority: 3 },
              { name: "format", test: /src[\\/]widgets[\\/]primitives[\\/]format\.ts$/, priority: 2 },
              {
                // The line and bar charts with their frame and scales.
                name: "charts",
                test: /src[\\/]widgets[\\/]primitives[\\/]charts[\\/](ChartFrame|LineChart|BarChart|scales)\.tsx?$/,
              },
              {
                // The island skeleton and the form controls most widgets use.
                name: "widget-kit",
                test: /src[\\/]widgets[\\/]primitives[\\/](useWidget|urlState|useLastGood|LinkErrors|SeedInput|NumberSelect|RangeField|MatrixField|matrixText|NumberTable)\.tsx?$/,
              },
            ],
          },
        },
      },
    },
  },
  prefetch: false,
});
