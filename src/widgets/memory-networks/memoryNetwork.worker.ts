/** The worker that trains chapter 13's end-to-end memory network (see `src/training/serve.ts`). */
import { createMemoryNetwork } from "../../../lib/models/memoryNetwork";
import { serveTraining } from "../../training/serve";

serveTraining(createMemoryNetwork);
