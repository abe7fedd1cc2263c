/**
 * Turns a rule's message template and a finding's data into the text ESLint would print:
 * `{{ name }}` placeholders are replaced by the data's values; unknown placeholders stay as written.
 */

const PLACEHOLDER = /\{\{([^{}]+?)\}\}/gu;

export function interpolateMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.trim();
    return Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : whole;
  });
}
