/** `value 中文 (English) | …` from a domain label map, for OpenAPI descriptions. */
export function describeEnum(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([value, label]) => `${value} ${label}`)
    .join(' | ');
}
