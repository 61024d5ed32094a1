/**
 * A validated DTO as a command's plain arguments: the fields that are set, as plain data (no
 * class instances, nothing undefined), exactly what the wire to a workflow carries. The
 * ValidationPipe has refused any field the DTO does not declare, and the DTO `implements` the
 * command's argument type, so the two cannot drift and no field is re-spelled on the way.
 */
export function commandArgs<T extends object>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
