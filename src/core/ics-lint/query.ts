// Small lookups the rule modules share.
import type { Component, Property } from './types.js';

export const propsNamed = (c: Component, name: string): Property[] => c.props.filter(p => p.name === name);

export const firstProp = (c: Component, name: string): Property | undefined => c.props.find(p => p.name === name);

/** The VCALENDAR a component belongs to (itself for a VCALENDAR), or undefined outside any. */
export const calendarOf = (c: Component): Component | undefined => c.calendar;

/** Components that carry a UID and describe calendar data: VEVENT, VTODO, VJOURNAL. */
export const isScheduledComponent = (c: Component): boolean =>
  c.name === 'VEVENT' || c.name === 'VTODO' || c.name === 'VJOURNAL';
