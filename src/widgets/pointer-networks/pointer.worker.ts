/** The worker that trains chapter 7's pointer network (see `src/training/serve.ts`). */
import { createPointerNetModel } from "../../../lib/models/pointerNet";
import { serveTraining } from "../../training/serve";

serveTraining(createPointerNetModel);
