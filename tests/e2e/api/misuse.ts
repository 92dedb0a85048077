// Must NOT type-check (tests/e2e/api.test.mjs expects these errors): the generated types
// know the shapes, so wrong uses are caught.
import { analyze, type Output } from '../../../dist/api/crosscheck.js';

export function wrong(): void {
  analyze([{ file: 'a.txt' }]);               // TS2741: property 'text' is missing
  const out: Output = analyze([]);
  const n: number = out.reports[0].quotes[0].speaker;  // TS2322: string | null is not number
  void n;
}
