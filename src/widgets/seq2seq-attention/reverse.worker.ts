/** The worker that trains chapter 2's reversal model (see `src/training/serve.ts`). */
import { createReversalModel } from "../../../lib/models/reversal";
import { serveTraining } from "../../training/serve";

serveTraining(createReversalModel);
