// What the timeline picture draws, already localized: the renderer only places and styles it. Built from
// occurrences by `timeline-input.ts`, so a test can also hand-craft one.
import type { Temporal } from 'temporal-polyfill';
import type { Status } from '../../core/model/types.js';

export interface TimelineMark {
  id: string;
  instance: string;
  year: number | undefined;
  kind: 'point' | 'window';
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  status: Status;
  /** A projection's back-tested error band, drawn as a whisker; undefined when it has none (or is untested). */
  band?: { from: Temporal.PlainDate; to: Temporal.PlainDate; label: string } | undefined;
  /** Tooltip and accessible name: what, when, how it is known (with its band, or that it is untested). */
  label: string;
}

export interface TimelineTrack {
  /** Milestone key inside the lane (`publication`), unique per lane. */
  key: string;
  label: string;
  marks: TimelineMark[];
}

export interface TimelineLane {
  /** Region id: `eu`, `latam`, `joint`, … */
  id: string;
  label: string;
  tracks: TimelineTrack[];
}

/** One end of a violation connector: the occurrence it points at. */
export interface ConnectorEnd {
  id: string;
  instance: string;
  start: Temporal.PlainDate;
}

export interface TimelineConnector {
  rule: string;
  instance: string;
  from: ConnectorEnd;
  to: ConnectorEnd;
  /** Short text drawn on the connector (the gap). */
  label: string;
  /** Longer accessible description. */
  title: string;
}

export interface TimelineBand {
  label: string;
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
}

export interface TimelineText {
  title: string;
  desc: string;
  today: string;
  legendActual: string;
  legendPlanned: string;
  legendProjected: string;
  legendWindowActual: string;
  legendWindowProjected: string;
  legendViolation: string;
  legendBand: string;
}

export interface TimelineInput {
  lang: string;
  from: Temporal.PlainDate;
  /** Inclusive. */
  to: Temporal.PlainDate;
  today: Temporal.PlainDate;
  lanes: TimelineLane[];
  connectors: TimelineConnector[];
  bands: TimelineBand[];
  text: TimelineText;
}
