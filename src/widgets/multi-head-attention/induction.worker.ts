/** The worker that trains chapter 9's induction-head Transformer (see `src/training/serve.ts`). */
import { createInductionModel } from "../../../lib/models/induction";
import { serveTraining } from "../../training/serve";

serveTraining(createInductionModel);
