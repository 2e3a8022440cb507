import type { Plugin } from "unified";
export declare const rehypeKatexStrict: Plugin;
