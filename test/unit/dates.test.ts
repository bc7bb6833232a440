import * as assert from 'node:assert/strict';
import { compareDates, parseDateLine, type PaperDate } from '../../src/core/model/dates';

describe('parseDateLine', () => {
  it('reads the forms the daily pages print', () => {
    assert.deepEqual(parseDateLine('Sep 28'), { date: { month: 9, day: 28, text: 'Sep 28' } });
    assert.deepEqual(parseDateLine('Nov 23, 2019'), { date: { year: 2019, month: 11, day: 23, text: 'Nov 23, 2019' } });
    assert.deepEqual(parseDateLine('Aug 5 3'), { date: { month: 8, day: 5, text: 'Aug 5' }, upvotes: 3 });
    assert.deepEqual(parseDateLine('Nov 7, 2024 2'), {
      date: { year: 2024, month: 11, day: 7, text: 'Nov 7, 2024' },
      upvotes: 2,
    });
  });

  it('refuses impossible and malformed dates rather than rolling them over', () => {
    for (const line of [
      'Feb 30',
      'Feb 29, 2023',
      'Apr 31, 2020',
      'Sep 0',
      'Sept 28',
      '28 Sep',
      '',
      'Sep 28, 20',
      'Jun 1, 1492',
    ]) {
      assert.equal(parseDateLine(line), undefined, line);
    }
    assert.ok(parseDateLine('Feb 29, 2024'));
    assert.ok(parseDateLine('Feb 29'));
  });
});

describe('compareDates', () => {
  const d = (text: string): PaperDate => parseDateLine(text)!.date;

  it('orders by year, month and day, and puts a date without a year after every dated one', () => {
    const sorted = ['Sep 28', 'Nov 23, 2019', 'Mar 24, 2020', 'Aug 5', 'Nov 7, 2024', 'Jan 2, 2020']
      .map(d)
      .sort(compareDates);
    assert.deepEqual(
      sorted.map((x) => x.text),
      ['Nov 23, 2019', 'Jan 2, 2020', 'Mar 24, 2020', 'Nov 7, 2024', 'Aug 5', 'Sep 28'],
    );
  });

  it('puts papers with no date first when sorting oldest first', () => {
    assert.ok(compareDates(undefined, d('Sep 28')) < 0);
    assert.equal(compareDates(undefined, undefined), 0);
  });
});
