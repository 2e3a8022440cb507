/**
 * Train chapter 13's memory network as the widget does (seed 1, default options) and write its
 * weights and the held-out stories to JSON, for the independent check in `memory-networks.py`:
 *
 *   npx tsx tools/claims/memoryNetworkExport.ts 2 1500 > /tmp/mn2.json
 *   python3 tools/claims/memory-networks.py /tmp/mn2.json
 *
 * Only training runs in lib/; the check recomputes the forward pass, the answers, the task's rule
 * and the attention statistics itself.
 */
import { BABI_VOCAB, babiHeldOut } from "../../lib/models/babiTask";
import { createMemoryNetwork } from "../../lib/models/memoryNetwork";

const task = Number(process.argv[2] ?? 2) as 1 | 2;
const steps = Number(process.argv[3] ?? 1500);
const hops = Number(process.argv[4] ?? 3);
const m = createMemoryNetwork(1, { task, hops });
for (let s = 0; s < steps; s++) m.trainStep(m.nextBatch());
const weights = Object.fromEntries(Object.entries(m.parameters).map(([k, t]) => [k, t.toArray()]));
const { stories } = babiHeldOut(task);
console.log(
  JSON.stringify({
    task,
    steps,
    hops,
    options: m.options,
    vocab: BABI_VOCAB,
    weights,
    reported: m.evaluate(),
    stories: stories.map((s) => ({ sentences: s.sentences, question: s.question })),
  }),
);
