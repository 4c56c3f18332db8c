// A FeedItem / EmittedEvent with sensible defaults, for render and lifecycle tests.
import type { EmittedEvent, FeedItem } from '../../../src/core/feeds/types.js';

export function makeItem(over: Partial<FeedItem> = {}): FeedItem {
  return {
    uid: 'socta.publication.2026-2029@cyclesync.invalid',
    role: 'point',
    feeds: ['eu', 'joint'],
    start: '2025-03-18',
    end: '2025-03-18',
    time: undefined,
    zone: 'Europe/Brussels',
    window: undefined,
    precision: 'day',
    milestone: 'socta.publication',
    cycle: 'socta',
    cycleName: { en: 'EU cycle', es: 'Ciclo UE', pt: 'Ciclo UE' },
    region: 'eu',
    instance: '2026-2029',
    year: undefined,
    title: { en: 'SOCTA published', es: 'Publicación del SOCTA', pt: 'Publicação do SOCTA' },
    status: 'actual',
    basis: 'pattern',
    confidence: 'H',
    source: 'Europol',
    finding: undefined,
    ...over,
  };
}

export const emit = (item: FeedItem, over: Partial<EmittedEvent> = {}): EmittedEvent => ({
  item,
  sequence: 0,
  stamp: '2026-11-29T12:00:00Z',
  cancelled: undefined,
  ...over,
});
