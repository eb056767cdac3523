// The chronology of Kazakhstan's January 2022 unrest, drawn as numbered markers on the time figure.
// A marker is drawn only when its day lies inside the corpus's own date range, so a corpus about other
// events gets no markers at all.

export interface ChronologyEvent {
  date: string; // YYYY-MM-DD, UTC
  label: string;
}

export const JANUARY_2022: readonly ChronologyEvent[] = [
  { date: '2022-01-02', label: 'LPG price protests begin in Zhanaozen' },
  { date: '2022-01-05', label: 'Almaty violence; government resigns; state of emergency; CSTO asked for help' },
  { date: '2022-01-06', label: 'CSTO contingent deploys' },
  { date: '2022-01-07', label: 'Order to shoot without warning; "20,000 bandits" claim' },
  { date: '2022-01-08', label: 'Former KNB chief Massimov detained' },
  { date: '2022-01-13', label: 'CSTO withdrawal begins' },
  { date: '2022-01-15', label: 'Official death toll of 225 announced' },
  { date: '2022-01-19', label: 'CSTO withdrawal completed' },
];

/** Events within [first, last] (ISO days), numbered 1… in date order. */
export function eventsWithin(first: string, last: string, events: readonly ChronologyEvent[] = JANUARY_2022): (ChronologyEvent & { n: number })[] {
  return events.filter((e) => e.date >= first && e.date <= last).map((e, i) => ({ ...e, n: i + 1 }));
}
