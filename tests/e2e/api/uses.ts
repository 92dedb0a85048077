// Type-checked by tests/e2e/api.test.mjs with `tsc --noEmit --strict` against the generated
// dist/api/crosscheck.d.ts: the API as the README shows it must type-check.
import init, { analyze, analyze_report, type Output, type ReportInput, type QuoteOut } from '../../../dist/api/crosscheck.js';

export async function demo(texts: string[]): Promise<number> {
  await init();
  const input: ReportInput[] = texts.map((text, i) => ({ file: `report-${i}.txt`, text }));
  const out: Output = analyze(input);
  const first: QuoteOut | undefined = out.reports[0]?.quotes[0];
  const start: number = first ? first.start_utf16 : 0;
  const speaker: string | null = first ? first.speaker : null;
  const groups: number = out.comparison.quote_groups.length;
  const label: string | undefined = out.comparison.discrepancies[0]?.label;
  const one = analyze_report('a.txt', texts[0] ?? '');
  return start + groups + one.quotes.length + (speaker?.length ?? 0) + (label?.length ?? 0);
}
