/** The Hopfield capacity experiment in a Web Worker: one point per load, posted as measured. */
import { serveMeasure } from "../primitives/measureWorker";
import { type CapacityInput, type CapacityPoint, capacityPoints } from "./capacityModel";

serveMeasure<CapacityInput, CapacityPoint>(capacityPoints);
