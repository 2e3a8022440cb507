/**
 * Serve the built site (dist/) with `astro preview` on 127.0.0.1, for scripts outside the test
 * runner (benchmarks, the README screenshot); the browser tests get it from playwright.config.ts.
 */
import { resolve } from "node:path";
import { preview } from "astro";
import { PORT } from "./port";

export interface SiteServer {
  /** e.g. `http://127.0.0.1:43124` */
  origin: string;
  close(): Promise<void>;
}

/** Start `astro preview` of this checkout's dist/ on `port` (default: the tests' port + 1). */
export async function serveSite(port = PORT + 1): Promise<SiteServer> {
  const root = resolve(import.meta.dirname, "../..");
  const server = await preview({ root, server: { host: "127.0.0.1", port }, logLevel: "warn" });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.stop() };
}
