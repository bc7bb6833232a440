/** Quick picks draw `$(name)` as an icon; paper text must show as written, so its `$(` is escaped. */
export function noIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
