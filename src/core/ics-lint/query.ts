// Small lookups the rule modules share.
import type { Component, Property } from './types.js';

export const propsNamed = (c: Component, name: string): Property[] => c.props.filter(p => p.name === name);

export const firstProp = (c: Component, name: string): Property | undefined => c.props.find(p => p.name === name);

/** Components that carry a UID and describe calendar data: VEVENT, VTODO, VJOURNAL. */
export const isScheduledComponent = (c: Component): boolean =>
  c.name === 'VEVENT' || c.name === 'VTODO' || c.name === 'VJOURNAL';
