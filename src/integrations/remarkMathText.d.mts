import type { Root } from "mdast";
import type { VFile } from "vfile";

export function declaredNames(esmSource: string): Set<string>;
export function expressionsInMath(tex: string, names: Set<string>): string[];
export function remarkNoExpressionInMath(): (tree: Root, file: VFile) => void;
export function remarkApostropheAfterMath(): (tree: Root) => void;
