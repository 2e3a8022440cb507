/** The bottleneck experiment in a Web Worker: one point per sequence length, posted as measured. */
import { serveMeasure } from "../primitives/measureWorker";
import { type BnMeasureInput, type BnPoint, bnPoints } from "./bnModel";

serveMeasure<BnMeasureInput, BnPoint>(bnPoints);
