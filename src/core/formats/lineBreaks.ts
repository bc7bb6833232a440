/** How many `\n` stand in `text` from `from` (included) to `to` (excluded): to turn offsets into line numbers. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}
