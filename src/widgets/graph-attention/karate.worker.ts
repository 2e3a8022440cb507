/** The worker that trains chapter 12's three networks on the karate club (see `src/training/serve.ts`). */
import {
  type NodeAnswer,
  type NodeClassifierView,
  type NodeQuery,
  createNodeClassifier,
} from "../../../lib/models/nodeClassification";
import { KARATE_TASK } from "../../data/karate";
import { serveTraining } from "../../training/serve";
import type { KarateRunOptions } from "./trainKarateModel";

serveTraining<KarateRunOptions, NodeQuery, NodeAnswer | NodeClassifierView>((seed, options) =>
  createNodeClassifier(seed, { task: KARATE_TASK, labelled: options.labelled }),
);
