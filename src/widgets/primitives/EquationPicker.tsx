import { LiveEquation, type LiveEquationProps } from "./LiveEquation";
import { NumberSelect, type NumberSelectProps } from "./NumberSelect";

interface Props extends LiveEquationProps {
  /**
   * The selects that choose what the equation shows (its row, head, slot, hop…), each labelled
   * "… in the equation", in the order they are shown.
   */
  selects: readonly NumberSelectProps[];
  /** Class of the row that holds the selects: "widget-controls" unless the widget lays it out itself. */
  controlsClass?: string;
}

/**
 * A live equation with the selects above it that choose which row, head or step it writes out:
 * the one way every widget lets a reader pick the equation's subject.
 */
export function EquationPicker({ selects, controlsClass = "widget-controls", ...equation }: Props) {
  return (
    <>
      <div class={controlsClass}>
        {selects.map((s) => (
          <NumberSelect key={s.label} {...s} />
        ))}
      </div>
      <LiveEquation {...equation} />
    </>
  );
}
