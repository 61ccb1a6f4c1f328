/** A path into a JSON document: object keys and array indices, outermost first. */
export type JsonPath = Array<string | number>;

/** Formats a path the way authors read it: `geometry.coordinates[1]`. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
