/**
 * The browser tests' reporter: one line per test (`ok` or `FAIL`, with its time, errors and
 * notes), and a last line `N passed, N failed`, which `npm test` ends with.
 */
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from "@playwright/test/reporter";

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

export default class LineReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  private started = Date.now();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.started = Date.now();
    const origin = config.projects[0]?.use.baseURL ?? "";
    console.log(`browser tests: ${suite.allTests().length} on ${config.workers} workers against ${origin}`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const name = test.titlePath().slice(3).filter(Boolean).join(" › ") || test.title;
    const secs = (result.duration / 1000).toFixed(1);
    if (result.status === "skipped") {
      this.skipped++;
      console.log(`skip ${name}`);
      return;
    }
    if (result.status === test.expectedStatus) {
      this.passed++;
      console.log(`ok   ${name} (${secs}s)`);
    } else {
      this.failed++;
      console.log(`FAIL ${name} (${secs}s, ${result.status})`);
      for (const err of result.errors) {
        const text = strip(err.stack ?? err.message ?? String(err.value));
        for (const line of text.split("\n").slice(0, 12)) console.log(`     ${line}`);
      }
      for (const a of result.attachments) if (a.path) console.log(`     attachment: ${a.path}`);
    }
    for (const a of result.annotations) if (a.type === "note") console.log(`     # ${a.description}`);
  }

  onError(error: TestError): void {
    this.failed++;
    console.log(`FAIL (outside any test)`);
    for (const line of strip(error.stack ?? error.message ?? "")
      .split("\n")
      .slice(0, 12))
      console.log(`     ${line}`);
  }

  onEnd(result: FullResult): void {
    if (result.status !== "passed" && this.failed === 0) this.failed = 1;
    console.log(`browser tests took ${((Date.now() - this.started) / 1000).toFixed(1)}s`);
    if (this.skipped > 0) console.log(`${this.skipped} skipped`);
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}
