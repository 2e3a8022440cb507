import type { ComponentChildren } from "preact";
import { SelectField, optionsOf } from "./SelectField";

export interface NumberSelectProps {
  /** The visible label before the select. */
  label: string;
  value: number;
  /** The numbers offered, in order. */
  options: readonly number[];
  /** How an option reads; the number itself by default. */
  show?: (option: number) => ComponentChildren;
  onValue: (value: number) => void;
  /** Class of the label that wraps the select. */
  class?: string;
  /** Id of the select itself. */
  id?: string;
  /** The label beside the select (`<label for={id}>`), not wrapping it: see `SelectField`. */
  labelApart?: boolean;
}

/** A labelled `<select>` of numbers (a {@link SelectField}): the option values are the numbers as text. */
export function NumberSelect({ options, show, ...rest }: NumberSelectProps) {
  return <SelectField {...rest} options={optionsOf(options, show)} />;
}

/** The whole numbers 0, 1, …, n − 1: the options of a select of rows, slots or positions. */
export function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
