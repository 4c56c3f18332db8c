// The anchor of the bench's `publish` row: the same PUTs, one after the other, from a plain fetch loop.
// `node scripts/bench/caldav-put-loop.js RESOURCES.json`; RESOURCES.json holds the collection URL, an
// Authorization header, and the resources (name, body, and the If-* header to send), read by the bench from
// the server after a publication.
import { readFileSync } from 'node:fs';

const { collection, authorization, resources } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const r of resources) {
  const res = await fetch(new URL(r.name, collection), {
    method: 'PUT',
    headers: { Authorization: authorization, 'Content-Type': 'text/calendar; charset=utf-8', ...r.headers },
    body: r.body,
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`PUT ${r.name}: ${res.status}`);
}
process.stdout.write(`${resources.length} PUT\n`);
