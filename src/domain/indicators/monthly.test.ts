import { describe, expect, it } from 'vitest';
import { monthlyReport } from './monthly.ts';
import { sexOf } from './data.ts';

describe('the monthly report', () => {
  it('splits decisions by the applicant’s sex and keeps other months out', () => {
    const r = monthlyReport(
      {
        services: [{ id: 'tvatt', area: 'aldreomsorg', category: 'forenklad' }],
        volumes: [{ serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-03', onBehalf: true, count: 2 }],
        office: [],
        handling: [],
        decisions: [
          { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-03', outcome: 'beviljad', insats: 'tvatt', sex: 'kvinna', count: 3 },
          { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-03', outcome: 'avslag', insats: 'tvatt', sex: 'man', count: 1 },
          { serviceId: 'tvatt', area: 'aldreomsorg', month: '2026-04', outcome: 'beviljad', insats: 'tvatt', sex: 'man', count: 7 },
        ],
      },
      '2026-03',
    );
    const tvatt = r.rows.find((x) => x.serviceId === 'tvatt')!;
    expect(tvatt.submissions).toBe(2);
    expect(tvatt.onBehalf).toBe(2);
    expect(tvatt.decided).toBe(4);
    expect(tvatt.decisions.beviljad).toEqual({ kvinna: 3, man: 0, okant: 0 });
    expect(tvatt.decisions.avslag).toEqual({ kvinna: 0, man: 1, okant: 0 });
  });

  it('reads sex from the second-last digit of the personnummer', () => {
    // Skatteverket test personnummer.
    expect(sexOf('18900102-9819')).toBe('man');
    expect(sexOf('189001019802')).toBe('kvinna');
    expect(sexOf(null)).toBe('okant');
  });
});
