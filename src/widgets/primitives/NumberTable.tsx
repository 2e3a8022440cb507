import type { ComponentChildren } from "preact";
import { sig as fmt } from "./format";

interface Props {
  caption: ComponentChildren;
  data: number[][];
  rowLabels: string[];
  colLabels: string[];
  /** A class for the table, used by tests and styles. */
  name: string;
  /** How each row's numbers are printed (default: `sig`, up to 4 significant digits). */
  rowFormats?: ((v: number) => string)[];
}

/** A small labelled table of numbers (the text form of a matrix). */
export function NumberTable({ caption, data, rowLabels, colLabels, name, rowFormats }: Props) {
  return (
    <div class="number-table" data-table={name}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {colLabels.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row, i) => (
            <tr>
              <th scope="row">{rowLabels[i]}</th>
              {row.map((v) => (
                <td>{(rowFormats?.[i] ?? fmt)(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
