// @ts-check
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
  prefetch: false,
});
