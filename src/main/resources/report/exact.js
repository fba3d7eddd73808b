// Exact figures for the interactive panel: decimals as BigInt, the formats of Formats.java, the
// groups of distinct scores and the money at every threshold. Shared scope with charts.js and
// panel.js (InteractivePanel concatenates them into one function).
// ---- exact decimals: {m: BigInt, e: number} means m / 10^e ----
function parseDec(text) {
  const t = String(text).trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!match || (match[2] === '' && (match[3] || '') === '')) return null;
  const frac = match[3] || '';
  let e = frac.length - Number(match[4] || 0);
  let m = BigInt((match[2] || '0') + frac) * (match[1] === '-' ? -1n : 1n);
  if (e < 0) { m *= 10n ** BigInt(-e); e = 0; }
  return { m: m, e: e };
}
const atScale = (d, s) => d.m * 10n ** BigInt(s - d.e);
function cmpDec(a, b) {
  const s = Math.max(a.e, b.e);
  const x = atScale(a, s), y = atScale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}
function addDec(a, b, sign) {
  const s = Math.max(a.e, b.e);
  return { m: atScale(a, s) + sign * atScale(b, s), e: s };
}
// n / d rounded to an integer, half away from zero (Java's HALF_UP); d > 0.
function divHalfUp(n, d) {
  const neg = n < 0n, a = neg ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return neg ? -q : q;
}

// ---- formats, as Formats.java writes them ----
const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const count = (n) => group(String(n));
function money(cents) { // cents: BigInt
  const neg = cents < 0n, a = neg ? -cents : cents;
  const digits = group(String(a / 100n)) + '.' + String(a % 100n).padStart(2, '0');
  const sign = neg ? '-' : '';
  return data.unit === 'USD' ? sign + '$' + digits : sign + digits + (data.unit ? ' ' + data.unit : '');
}
// num / den with `digits` decimals, half to even: as Formats.decimal rounds the double num / den.
function ratio(num, den, digits) {
  if (den === 0) return (0).toFixed(digits);
  const scaled = BigInt(num) * 10n ** BigInt(digits), d = BigInt(den);
  let q = scaled / d;
  const r2 = 2n * (scaled % d);
  if (r2 > d || (r2 === d && q % 2n === 1n)) q += 1n;
  const s = String(q).padStart(digits + 1, '0');
  return s.slice(0, s.length - digits) + '.' + s.slice(s.length - digits);
}
const thr = (t) => (t === 0 ? '0' : String(Number(t.toPrecision(4))));

// ---- one split's groups ----
function decodeScores(b64, float32) {
  const bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const view = new DataView(bytes.buffer), size = float32 ? 4 : 8;
  const out = new Float64Array(bin.length / size);
  for (let i = 0; i < out.length; i++) {
    out[i] = float32 ? view.getFloat32(i * size, true) : view.getFloat64(i * size, true);
  }
  return out;
}
// Each split of the report's data, decoded, with cumulative counts per group.
function decodeSplits(data) {
  return data.splits.map(function (d) {
    const s = decodeScores(d.scores, d.float32), G = s.length;
    const cumNeg = new Float64Array(G + 1), cumPos = new Float64Array(G + 1);
    for (let k = 0; k < G; k++) {
      cumNeg[k + 1] = cumNeg[k] + d.neg[k];
      cumPos[k + 1] = cumPos[k] + d.pos[k];
    }
    const costs = {};
    if (d.costs) for (const key in d.costs) costs[key] = d.costs[key].map((v) => BigInt(v));
    return {
      name: d.name, threshold: d.threshold, perCase: d.perCase, width: parseDec(d.width),
      s: s, neg: d.neg, pos: d.pos, cumNeg: cumNeg, cumPos: cumPos, G: G,
      n0: cumNeg[G], n1: cumPos[G], n: cumNeg[G] + cumPos[G],
      costs: costs, costScale: d.costScale || 0, before: d.before || null,
    };
  });
}

// First group whose score is >= t: the groups from here up are flagged.
function firstAtOrAbove(s, t) {
  let lo = 0, hi = s.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (s[mid] < t) lo = mid + 1; else hi = mid; }
  return lo;
}
// First group whose score, as a decimal, is >= bound (or > bound when strict).
function firstDecAtOrAbove(s, bound, strict) {
  let lo = 0, hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1, c = cmpDec(parseDec(String(s[mid])), bound);
    if (c < 0 || (strict && c === 0)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// ---- money at every threshold of a split, for the current values ----
// total[k]: the total value when the groups from k up are flagged, at decimal scale `scale`.
function moneyCurve(sp, values) {
  let scale = 2;
  OUT.forEach((o) => { scale = Math.max(scale, values[o].e); });
  if (Object.keys(sp.costs).length) scale = Math.max(scale, sp.costScale);
  const v = {};
  OUT.forEach((o) => { v[o] = atScale(values[o], scale); });
  const up = 10n ** BigInt(scale - sp.costScale);
  // A group's value by outcome: each row's cost (negated) where a column exists, else the table.
  const part = (o, k, cases) => (sp.costs[o] ? -sp.costs[o][k] * up : BigInt(cases) * v[o]);
  const G = sp.G, total = new Array(G + 1);
  let flagged = 0n, perfect = 0n;
  const pass = new Array(G), flag = new Array(G);
  for (let k = 0; k < G; k++) {
    pass[k] = part('tn', k, sp.neg[k]) + part('fn', k, sp.pos[k]);
    flag[k] = part('fp', k, sp.neg[k]) + part('tp', k, sp.pos[k]);
    flagged += flag[k];
    perfect += part('tn', k, sp.neg[k]) + part('tp', k, sp.pos[k]);
  }
  total[0] = flagged;
  let peak = 0;
  for (let k = 0; k < G; k++) {
    total[k + 1] = total[k] - flag[k] + pass[k];
    if (total[k + 1] > total[peak]) peak = k + 1;
  }
  const unitsPerCase = Number(10n ** BigInt(scale)) * sp.n;
  return {
    scale: scale, total: total, peak: peak, perfect: perfect,
    perCase: (k) => Number(total[k]) / unitsPerCase,
    cents: (x) => divHalfUp(x * 100n, 10n ** BigInt(scale)),
    centsPerCase: (x) => divHalfUp(x * 100n, 10n ** BigInt(scale) * BigInt(sp.n)),
  };
}
// Elkan's cost-optimal threshold (v_TN − v_FP) / ((v_TN − v_FP) + (v_TP − v_FN)), or a reason.
function costOptimal(values) {
  const s = Math.max(...OUT.map((o) => values[o].e));
  const a = atScale(values.tn, s) - atScale(values.fp, s);
  const m = atScale(values.tp, s) - atScale(values.fn, s);
  if (a < 0n || m < 0n || a + m === 0n) return null;
  return { p: Number(a) / Number(a + m), ratio: a === 0n ? Infinity : Number(m) / Number(a) };
}

// ---- figures ----
function figuresAt(sp, curve, t) {
  const k = firstAtOrAbove(sp.s, t);
  const tn = sp.cumNeg[k], fn = sp.cumPos[k], fp = sp.n0 - tn, tp = sp.n1 - fn;
  // Close calls: |score − t| ≤ width, compared as the decimals printed, as CloseCalls.java does.
  const td = parseDec(String(t));
  const lo = firstDecAtOrAbove(sp.s, addDec(td, sp.width, -1n), false);
  const hi = firstDecAtOrAbove(sp.s, addDec(td, sp.width, 1n), true);
  const below = Math.max(lo, Math.min(k, hi)), cc = {
    tn: sp.cumNeg[below] - sp.cumNeg[lo], fn: sp.cumPos[below] - sp.cumPos[lo],
    fp: sp.cumNeg[hi] - sp.cumNeg[below], tp: sp.cumPos[hi] - sp.cumPos[below],
  };
  return { k: k, tn: tn, fp: fp, fn: fn, tp: tp, cc: cc, total: curve.total[k] };
}

function nextUp(x) {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  bits.setBigUint64(0, bits.getBigUint64(0) + 1n);
  return bits.getFloat64(0);
}
