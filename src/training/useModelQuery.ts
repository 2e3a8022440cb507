import { useEffect, useRef, useState } from "preact/hooks";
import type { Progress } from "./protocol";

/** While training, the reader's own input is run through the model at most this often. */
const QUERY_MS = 1000;

/**
 * The current model's output on the reader's input, kept up to date as the model trains: asked
 * again when the input changes, when the run stops, and at most once a second while training
 * (asking on every report would keep the main thread busy). One query is in flight at a time; a
 * newer request waits and is sent when the answer arrives.
 *
 * @param query the trainer's `query`
 * @param input the parsed input, or null when there is none to ask about (malformed, or not needed)
 * @param key a string that identifies `input`
 * @returns the latest answer (null before the first), the input it answers, and the model's
 *   message for a rejected input
 */
export function useModelQuery<Input, Output>(
  query: (input: Input) => Promise<Output>,
  input: Input | null,
  key: string,
  progress: Progress | null,
): { answer: Output | null; answered: Input | null; error: string | undefined } {
  const [answer, setAnswer] = useState<{ output: Output; input: Input } | null>(null);
  const [error, setError] = useState<string | undefined>();
  const inFlight = useRef(false);
  const wanted = useRef<Input | null>(null);
  const asked = useRef({ key: "", at: -Infinity });
  const ask = () => {
    if (inFlight.current || wanted.current === null) return;
    const next = wanted.current;
    wanted.current = null;
    inFlight.current = true;
    query(next)
      .then(
        (output) => {
          setAnswer({ output, input: next });
          setError(undefined);
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => {
        inFlight.current = false;
        ask();
      });
  };

  useEffect(() => {
    if (input === null) setError(undefined);
    if (input === null || !progress) return;
    const now = performance.now();
    if (progress.state === "training" && asked.current.key === key && now - asked.current.at < QUERY_MS)
      return;
    asked.current = { key, at: now };
    wanted.current = input;
    ask();
  }, [key, input === null, progress?.step, progress?.state, progress === null]);

  return { answer: answer?.output ?? null, answered: answer?.input ?? null, error };
}
