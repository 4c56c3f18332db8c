// Preloaded with `node --require` by __tests__/cli/lazy-load.test.ts: counts the Intl.Segmenters and
// Intl.DateTimeFormats a run creates and the modules it requires, notes whether zod initialised (it sets globalThis.__zod_globalConfig
// when it loads) and whether Node's stream modules loaded (as they do when process.stdout is first touched),
// and writes them to $LOAD_PROBE_OUT as JSON when the process exits.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

const probe = { segmenters: 0, dateTimeFormats: 0, required: /** @type {string[]} */ ([]), zod: false, streams: false };
const RealSegmenter = Intl.Segmenter;
Intl.Segmenter = class extends RealSegmenter {
  constructor(/** @type {any[]} */ ...args) {
    super(...args);
    probe.segmenters += 1;
  }
};
// A proxy, not a subclass: Intl.DateTimeFormat may also be called without `new`.
Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
  construct(target, args, newTarget) {
    probe.dateTimeFormats += 1;
    return Reflect.construct(target, args, newTarget);
  },
  apply(target, self, args) {
    probe.dateTimeFormats += 1;
    return Reflect.apply(target, self, args);
  },
});
const load = /** @type {any} */ (Module)._load;
/** @type {any} */ (Module)._load = function (/** @type {string} */ request, /** @type {any[]} */ ...rest) {
  probe.required.push(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => {
  probe.zod = '__zod_globalConfig' in globalThis;
  probe.streams = process.moduleLoadList.includes('NativeModule stream');
  fs.writeFileSync(String(process.env['LOAD_PROBE_OUT']), JSON.stringify(probe));
});
