/**
 * Trained models: each one a task (seeded data, a held-out set) and a network built on
 * `lib/autograd`, behind the {@link TrainingModel} contract that the site's Web Worker runtime
 * (`src/training/`) drives. Used through the `models` namespace of `lib/index.ts`.
 */
export * from "./trainingModel";
export * from "./argmax";
export * from "./reversalTask";
export * from "./modelParts";
export * from "./reversal";
export * from "./sortTask";
export * from "./pointerNet";
export * from "./addingTask";
export * from "./clipping";
export * from "./nodeClassification";
export * from "./inductionTask";
export * from "./induction";
export * from "./babiTask";
export * from "./memoryNetwork";
export * from "./dateFormats";
export * from "./dateTranslator";
