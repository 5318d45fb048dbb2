/** Where each field of one CSV record starts (0-based character offsets), quote-aware. */
export function fieldStarts(record: string, delimiter: string, quote: string): number[] {
  const starts = [0];
  let inQuotes = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (c === quote) {
      if (inQuotes && record[i + 1] === quote) i++;
      else inQuotes = !inQuotes;
    } else if (c === delimiter && !inQuotes) {
      starts.push(i + 1);
    }
  }
  return starts;
}
