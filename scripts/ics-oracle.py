#!/usr/bin/python3
"""Cross-parser oracle for cyclesync feeds: parses each .ics given on the command line with Debian's
python3-icalendar and python3-vobject (validate=True) and prints, as JSON, what each one read: per event
its UID, SUMMARY, DTSTART, DTEND, STATUS and SEQUENCE. The jest oracle test compares this with ical.js and
node-ical. Exit 0 when both parsed every file, 1 otherwise (the JSON then says why)."""
import json
import sys

import icalendar
import vobject


def day(value):
    # DATE → YYYY-MM-DD; DATE-TIME (zoned) → local YYYY-MM-DDTHH:MM in its own zone.
    if value is None:
        return None
    if hasattr(value, 'hour'):
        return value.strftime('%Y-%m-%dT%H:%M')
    return value.strftime('%Y-%m-%d')


def with_icalendar(data):
    cal = icalendar.Calendar.from_ical(data)
    errors = [str(e) for c in cal.walk() for e in getattr(c, 'errors', [])]
    events = []
    for ev in cal.walk('VEVENT'):
        end = ev.get('DTEND')
        events.append({
            'uid': str(ev.get('UID')),
            'summary': str(ev.get('SUMMARY')),
            'start': day(ev.decoded('DTSTART')),
            'end': day(end.dt) if end is not None else None,
            'status': str(ev.get('STATUS')) if ev.get('STATUS') is not None else None,
            'sequence': int(ev.get('SEQUENCE', 0)),
        })
    return events, errors


def with_vobject(text):
    cal = vobject.readOne(text, validate=True)
    cal.validate(raiseException=True)
    events = []
    for ev in cal.contents.get('vevent', []):
        end = ev.contents.get('dtend')
        status = ev.contents.get('status')
        events.append({
            'uid': ev.uid.value,
            'summary': ev.summary.value,
            'start': day(ev.dtstart.value),
            'end': day(end[0].value) if end else None,
            'status': status[0].value if status else None,
            'sequence': int(ev.sequence.value) if 'sequence' in ev.contents else 0,
        })
    return events


def main(paths):
    out = []
    ok = True
    for path in paths:
        with open(path, 'rb') as f:
            data = f.read()
        entry = {'file': path}
        try:
            entry['icalendar'], entry['icalendarErrors'] = with_icalendar(data)
            if entry['icalendarErrors']:
                ok = False
        except Exception as e:  # noqa: BLE001 - any failure is a finding
            entry['icalendarFailure'] = f'{type(e).__name__}: {e}'
            ok = False
        try:
            entry['vobject'] = with_vobject(data.decode('utf-8'))
        except Exception as e:  # noqa: BLE001
            entry['vobjectFailure'] = f'{type(e).__name__}: {e}'
            ok = False
        out.append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write('\n')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
