/**
 * Attention Atlas's library: attention mechanisms and the models built on them, in pure
 * TypeScript on typed arrays. No DOM. Widgets import from here (or from the file of one mechanism).
 */
// core
export * from "./core/matrix";
export * from "./core/random";
// attention
export * from "./attention/softmax";
