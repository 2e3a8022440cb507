import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**", "tests/fixtures/**", "node_modules/**"],
    // Training tests run real optimiser steps; on a loaded 2-core machine 5 s is not enough.
    testTimeout: 30_000,
    // No test mocks or patches globals, so files share workers: about 30 s less on this machine.
    isolate: false,
  },
});
