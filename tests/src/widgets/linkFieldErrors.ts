/**
 * A widget model's link field errors: a link that sets every listed field to a bad value keeps the
 * defaults and reports one message per field, each naming its field as the reader sees it.
 */
import { expect } from "vitest";
import { type StateSpec, defaults, readState } from "../../../src/widgets/primitives/urlState";

/**
 * Read `?<name>.<field>=<bad>` for every entry of `bad` and check that the state stays at the
 * defaults and that the messages are exactly one per field, in spec order, naming the field and
 * saying what was wrong (`expected[field]`, a part of the message).
 */
export function expectLinkFieldErrors(
  name: string,
  spec: StateSpec,
  bad: Record<string, { value: string; says: string }>,
): void {
  const search = new URLSearchParams(
    Object.entries(bad).map(([field, b]) => [`${name}.${field}`, b.value]),
  ).toString();
  const { state, errors, found } = readState(name, spec, `?${search}`);
  expect(found).toBe(true);
  expect(state).toEqual(defaults(spec));
  const fieldsInOrder = Object.keys(spec).filter((k) => k in bad);
  expect(errors).toHaveLength(fieldsInOrder.length);
  errors.forEach((message, i) => {
    const field = fieldsInOrder[i];
    expect(message).toContain(`"${field}"`);
    expect(message).toContain(bad[field].says);
    expect(message).toMatch(/using the default instead\.$/);
  });
}
