/**
 * The astronomy under the lunar calendar: times of new moons and the Sun's apparent
 * longitude, after Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998), chapters 25
 * and 49, with ΔT from the Espenak–Meeus polynomials (NASA, 2006).
 *
 * Internal: nothing here is exported from the package. Times are Julian Ephemeris Days
 * (JDE, Terrestrial Time) unless a name says UT.
 *
 * @module
 */

const RAD = Math.PI / 180;

/** Days between the Julian Day epoch and 1970-01-01T00:00Z. */
const UNIX_EPOCH_JD = 2440587.5;

function sinDeg(x: number): number {
  return Math.sin(x * RAD);
}

function normalizeDegrees(x: number): number {
  const r = x % 360;
  return r < 0 ? r + 360 : r;
}

/**
 * ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus, "Polynomial expressions
 * for Delta T", NASA 2006). Beyond 2005 the polynomials are extrapolations; an error of a
 * minute moves a new moon across local midnight only in rare borderline months.
 */
export function deltaTSeconds(year: number): number {
  if (year < 1700) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (year < 1800) {
    const t = year - 1700;
    return 8.83 + 0.1603 * t - 0.0059285 * t ** 2 + 0.00013336 * t ** 3 - t ** 4 / 1174000;
  }
  if (year < 1860) {
    const t = year - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (year < 1900) {
    const t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  if (year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

function decimalYearOfJd(jd: number): number {
  return 2000 + (jd - 2451545) / 365.25;
}

/** Converts a JDE (TT) to a Julian Day in UT. */
export function jdeToJdUt(jde: number): number {
  return jde - deltaTSeconds(decimalYearOfJd(jde)) / 86400;
}

/** Converts a Julian Day in UT to a JDE (TT). */
export function jdUtToJde(jd: number): number {
  return jd + deltaTSeconds(decimalYearOfJd(jd)) / 86400;
}

/**
 * The instant (JDE) of the new moon with lunation number `k` (k = 0 is the new moon of
 * 2000-01-06), Meeus chapter 49: mean phase, periodic terms for the new moon and the
 * fourteen planetary arguments. Accurate to well under a minute over 1800–2200.
 */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const mean = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  // Sun's mean anomaly, Moon's mean anomaly, Moon's argument of latitude, ascending node.
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  const periodic =
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(om) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);

  const planetary =
    0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2) +
    0.000165 * sinDeg(251.88 + 0.016321 * k) +
    0.000164 * sinDeg(251.83 + 26.651886 * k) +
    0.000126 * sinDeg(349.42 + 36.412478 * k) +
    0.00011 * sinDeg(84.66 + 18.206239 * k) +
    0.000062 * sinDeg(141.74 + 53.303771 * k) +
    0.00006 * sinDeg(207.14 + 2.453732 * k) +
    0.000056 * sinDeg(154.84 + 7.30686 * k) +
    0.000047 * sinDeg(34.52 + 27.261239 * k) +
    0.000042 * sinDeg(207.19 + 0.121824 * k) +
    0.00004 * sinDeg(291.34 + 1.844379 * k) +
    0.000037 * sinDeg(161.72 + 24.198154 * k) +
    0.000035 * sinDeg(239.56 + 25.513099 * k) +
    0.000023 * sinDeg(331.55 + 3.592518 * k);

  return mean + periodic + planetary;
}

/**
 * The Sun's apparent geocentric longitude in degrees [0, 360) at a JDE, Meeus chapter 25
 * ("lower accuracy": about 0.01°, i.e. a quarter of an hour on a solar term), including
 * nutation in longitude and aberration.
 */
export function sunApparentLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const c =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  return normalizeDegrees(l0 + c - 0.00569 - 0.00478 * sinDeg(omega));
}

/** The lunation number of the last new moon at or before a JD, give or take one. */
export function lunationNear(jd: number): number {
  return Math.floor((jd - 2451550.09766) / 29.530588861);
}

/** The epoch day (days since 1970-01-01) of the civil date containing a UT Julian Day, at a UTC offset in days. */
export function epochDayOfJdUt(jdUt: number, offsetDays: number): number {
  return Math.floor(jdUt - UNIX_EPOCH_JD + offsetDays);
}

/** The UT Julian Day of 00:00 civil time on an epoch day, at a UTC offset in days. */
export function jdUtOfMidnight(epochDay: number, offsetDays: number): number {
  return UNIX_EPOCH_JD + epochDay - offsetDays;
}

/**
 * The UT Julian Day at which the Sun's apparent longitude reaches `longitude` degrees,
 * searched near `jdUtGuess` (within about half a year). Newton steps on the mean motion.
 */
export function solarLongitudeCrossing(longitude: number, jdUtGuess: number): number {
  let jd = jdUtGuess;
  for (let i = 0; i < 20; i++) {
    const current = sunApparentLongitude(jdUtToJde(jd));
    let delta = longitude - current;
    delta -= 360 * Math.round(delta / 360);
    const step = delta * (365.2422 / 360);
    jd += step;
    if (Math.abs(step) < 1e-7) break;
  }
  return jd;
}
