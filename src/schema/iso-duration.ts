// The one pattern of an ISO 8601 duration in whole years, months, weeks and days (`P3M`, `-P1Y2W`, `+P70D`),
// as calendars, rules and what-ifs write them. Free of zod, so that the core and the CLI read it too.
/** Groups: sign, years, months, weeks, days. Times of day (`PT…`) have no place in calendar-date arithmetic. */
export const ISO_DURATION = /^([+-]?)P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
