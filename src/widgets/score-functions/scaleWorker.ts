/** The √d experiment in a Web Worker: one point per dimension d, posted as measured. */
import type { ScaleSaturationPoint } from "../../../lib/experiments/scaleSaturation";
import { serveMeasure } from "../primitives/measureWorker";
import { type ScaleMeasureInput, scalePoints } from "./scaleModel";

serveMeasure<ScaleMeasureInput, ScaleSaturationPoint>(scalePoints);
