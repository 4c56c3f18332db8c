// feeds.json: what was published, for people and for tools (the `serve` index, a CI check). Deterministic:
// no generation time, only facts about the bytes.
import type { FeedScope } from '../../core/feeds/types.js';
import type { Lang } from '../../schema/primitives.js';

/** The media type of every .ics, as served and as feeds.json lists it. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export interface ManifestEntry {
  file: string;
  scope: FeedScope;
  lang: Lang;
  name: string;
  events: number;
  bytes: number;
  sha256: string;
}

/** `https://x.org/cal/` + `joint.ics` → the https link and the webcal:// one that opens a subscribe dialog. */
export function feedLinks(baseUrl: URL, file: string): { url: string; webcal: string } {
  const url = new URL(file, baseUrl.href.endsWith('/') ? baseUrl : new URL(`${baseUrl.href}/`)).href;
  return { url, webcal: url.replace(/^https?:/, 'webcal:') };
}

/** feeds.json: what `feeds` writes, `serve` serves and the programmatic API's `buildFeeds()` returns. */
export interface ManifestData {
  generator: 'cyclesync';
  feeds: {
    file: string;
    scope: FeedScope;
    lang: Lang;
    /** The calendar's display name. */
    name: string;
    /** With a base URL only: the https link and the webcal:// one that opens a subscribe dialog. */
    url?: string;
    webcal?: string;
    contentType: string;
    events: number;
    bytes: number;
    sha256: string;
  }[];
}

export function manifestData(entries: readonly ManifestEntry[], baseUrl: URL | undefined): ManifestData {
  const feeds = entries.map(e => ({
    file: e.file,
    scope: e.scope,
    lang: e.lang,
    name: e.name,
    ...(baseUrl ? feedLinks(baseUrl, e.file) : {}),
    contentType: ICS_CONTENT_TYPE,
    events: e.events,
    bytes: e.bytes,
    sha256: e.sha256,
  }));
  return { generator: 'cyclesync', feeds };
}

export const renderManifest = (data: ManifestData): string => `${JSON.stringify(data, null, 2)}\n`;
