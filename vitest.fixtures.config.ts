import { defineConfig } from "vitest/config";

/** The fixture runner (`npm run test:fixtures`): one test per case, every case named. */
export default defineConfig({
  test: {
    include: ["tests/fixtures/fixtures.test.ts"],
    reporters: ["verbose", "./tests/fixtures/reporter.ts"],
  },
});
