import { courtStepCounters } from '../../shared/domain/counters';

const at = new Date('2026-09-23T06:30:00Z'); // 1 Mehr 1405, Tehran

describe('what a court step counts for the office', () => {
  it('counts a return once and under each of its defect codes', () => {
    const counters = courtStepCounters(
      { status: 'submitted' },
      { status: 'returned', defects: ['unpaid-fees', 'evidence'] },
      at,
    );

    expect(counters).toEqual([
      { period: 'J#1405-07', add: { returned: 1, 'returnedFor_unpaid-fees': 1, returnedFor_evidence: 1 } },
      { period: 'G#2026-09', add: { returned: 1, 'returnedFor_unpaid-fees': 1, returnedFor_evidence: 1 } },
    ]);
  });

  it('counts a lapsed cure, and a rejection for it apart from other rejections', () => {
    const lapse = courtStepCounters({ status: 'returned' }, { status: 'rejection-due' }, at);
    const forLapse = courtStepCounters(
      { status: 'rejection-due' },
      {
        status: 'rejected',
        rejection: {
          reason: 'cure-period-lapsed',
          servedAt: at.toISOString(),
          objectionDeadline: { lastDay: '1405-07-12', endsAt: at.toISOString(), provisional: false },
        },
      },
      at,
    );
    const dispatch = courtStepCounters({ status: 'submitted' }, { status: 'dispatched' }, at);

    expect(lapse[0]?.add).toEqual({ cureLapsed: 1 });
    expect(forLapse[0]?.add).toEqual({ rejected: 1, rejectedCureLapsed: 1 });
    expect(dispatch).toEqual([]);
  });
});
