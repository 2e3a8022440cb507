declare module "@observablehq/runtime" {
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
  /** The Observable runtime; its modules and variables are typed where they are used (`src/notebook/engine.ts`). */
  export class Runtime {
    constructor(builtins?: Record<string, unknown> | null, global?: (name: string) => unknown);
    module(): unknown;
    dispose(): void;
  }
}
