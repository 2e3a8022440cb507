/** The worker that trains chapter 16's three recurrent networks (see `src/training/serve.ts`). */
import { createClippingModel } from "../../../lib/models/clipping";
import { serveTraining } from "../../training/serve";

serveTraining(createClippingModel);
