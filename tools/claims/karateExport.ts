/**
 * Writes the facts chapter 12 quotes about the trained karate-club networks, with the trained
 * weights, for seeds 1–5 as JSON on stdout. `graph-attention.py` recomputes every fact from the
 * weights with numpy and the data from networkx:
 *
 *   npx tsx tools/claims/karateExport.ts > /tmp/karate.json && python3 tools/claims/graph-attention.py /tmp/karate.json
 */
import { KARATE_EDGES, KARATE_FACTIONS } from "../../src/data/karate";
import { karateFacts } from "../../src/widgets/graph-attention/karateFacts";

const runs = [1, 2, 3, 4, 5].map((seed) => karateFacts(seed));
process.stdout.write(JSON.stringify({ data: { edges: KARATE_EDGES, factions: KARATE_FACTIONS }, runs }));
