// The report's interactive panel. Every figure is recomputed here from the report's data (see
// ReportData.java): counts are prefix sums over the distinct scores, money is integer units at one
// decimal scale in BigInt, and rounding follows the Java report (money half away from zero,
// ratios half to even), so what the page shows equals the Java evaluation at any threshold.
(function () {
  'use strict';
  const root = document.getElementById('cw-panel');
  const data = JSON.parse(document.getElementById('cw-panel-data').textContent);
  const OUT = ['tn', 'fp', 'fn', 'tp'];
  const NAMES = { tn: 'True negative', fp: 'False positive', fn: 'False negative', tp: 'True positive' };
  const LOGIT_EDGE = 1e-4; // the log-odds axes span 0.0001 … 0.9999; scores beyond sit at the edges

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
  const splits = data.splits.map(function (d) {
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
      costs: costs, costScale: d.costScale || 0,
    };
  });
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

  // ---- state ----
  const state = { split: 0, t: splits[0].threshold, logit: true, zoom: true, values: {}, curve: null };
  data.values.forEach((text, i) => { state.values[OUT[i]] = parseDec(text); });

  // ---- the panel's markup ----
  const el = (tag, attrs, html) => {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (html !== undefined) e.innerHTML = html;
    return e;
  };
  const controls = el('div', { class: 'cw-controls' });
  if (splits.length > 1) {
    const options = splits.map((sp, i) => '<option value="' + i + '">' + escapeHtml(sp.name) + '</option>');
    controls.appendChild(el('label', { class: 'cw-choice' }, escapeHtml(data.choice) + ' <select id="cw-split">' + options.join('') + '</select>'));
  }
  controls.appendChild(el('label', { class: 'cw-threshold' },
    'Threshold <input id="cw-slider" type="range" min="0" max="1000" step="1" aria-label="threshold (log-odds scale)">' +
    ' <input id="cw-threshold" type="number" min="0" max="1" step="any" aria-label="threshold">'));
  controls.appendChild(el('span', { class: 'cw-buttons' },
    '<button type="button" id="cw-go-report">report\'s</button>' +
    '<button type="button" id="cw-go-optimal">cost-optimal</button>' +
    '<button type="button" id="cw-go-peak">best on this split</button>'));
  root.appendChild(controls);
  const valuesRow = el('div', { class: 'cw-values' });
  OUT.forEach((o) => {
    const column = splits.some((sp) => sp.costs[o]);
    valuesRow.appendChild(el('label', {}, NAMES[o] + ' <input id="cw-v-' + o + '" type="number" step="any"' +
      (column ? ' disabled placeholder="per case" title="each case\'s own cost, from its cost column"' : '') + '>'));
  });
  valuesRow.appendChild(el('span', { class: 'cw-unit' }, escapeHtml(data.unit) + ' per case; negative is a cost'));
  root.appendChild(valuesRow);
  root.appendChild(el('p', { id: 'cw-rule', class: 'cw-note' }));
  const figures = el('div', { class: 'cw-figures' });
  root.appendChild(figures);
  const charts = el('div', { class: 'cw-charts' });
  root.appendChild(charts);
  const tip = el('div', { class: 'cw-tip', role: 'status' });
  document.body.appendChild(tip);

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  }
  const $ = (id) => document.getElementById(id);
  // An outcome with a cost column shows no table value: the table's would not be the one used.
  OUT.forEach((o) => { if (!$('cw-v-' + o).disabled) $('cw-v-' + o).value = data.values[OUT.indexOf(o)]; });

  // ---- the slider runs on log-odds, so 0.001 and 0.01 are as far apart as 0.5 and 0.9 ----
  const L = Math.log((1 - LOGIT_EDGE) / LOGIT_EDGE);
  const logit = (p) => { const q = Math.min(1 - LOGIT_EDGE, Math.max(LOGIT_EDGE, p)); return Math.log(q / (1 - q)); };
  const sigmoid = (x) => 1 / (1 + Math.exp(-x));
  function sliderToThreshold(pos) {
    if (pos <= 0) return 0;
    if (pos >= 1000) return 1;
    return Number(sigmoid(-L + (2 * L * pos) / 1000).toPrecision(3));
  }
  const thresholdToSlider = (t) => (t <= 0 ? 0 : t >= 1 ? 1000 : Math.round(((logit(t) + L) * 1000) / (2 * L)));

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

  function renderFigures(sp, curve, f) {
    const c = curve, n = sp.n;
    const row = (name, id, total) =>
      '<tr><th scope="row">' + name + '</th><td class="n" id="cw-' + id + '-case">' + money(c.centsPerCase(total)) +
      '</td><td class="n" id="cw-' + id + '-total">' + money(c.cents(total)) + '</td></tr>';
    figures.innerHTML =
      '<div><h4>Confusion matrix at ' + thr(state.t) + '</h4><table><thead><tr><th></th><th scope="col">Predicted 0</th>' +
      '<th scope="col">Predicted 1</th></tr></thead><tbody>' +
      '<tr><th scope="row">Actual 0</th><td class="n">TN <span id="cw-tn">' + count(f.tn) + '</span></td>' +
      '<td class="n">FP <span id="cw-fp">' + count(f.fp) + '</span></td></tr>' +
      '<tr><th scope="row">Actual 1</th><td class="n">FN <span id="cw-fn">' + count(f.fn) + '</span></td>' +
      '<td class="n">TP <span id="cw-tp">' + count(f.tp) + '</span></td></tr></tbody></table>' +
      '<p class="cw-note">Close calls (score within ±' + thr(Number(sp.width.m) / 10 ** sp.width.e) + '): TN <span id="cw-cc-tn">' +
      count(f.cc.tn) + '</span>, FP <span id="cw-cc-fp">' + count(f.cc.fp) + '</span>, FN <span id="cw-cc-fn">' +
      count(f.cc.fn) + '</span>, TP <span id="cw-cc-tp">' + count(f.cc.tp) + '</span>.</p></div>' +
      '<div><h4>Classification (class 1)</h4><table><tbody>' +
      '<tr><th scope="row">Precision</th><td class="n" id="cw-precision">' + ratio(f.tp, f.tp + f.fp, 4) + '</td></tr>' +
      '<tr><th scope="row">Recall</th><td class="n" id="cw-recall">' + ratio(f.tp, f.tp + f.fn, 4) + '</td></tr>' +
      '<tr><th scope="row">F1</th><td class="n" id="cw-f1">' + ratio(2 * f.tp, 2 * f.tp + f.fp + f.fn, 4) + '</td></tr>' +
      '<tr><th scope="row">Accuracy</th><td class="n" id="cw-accuracy">' + ratio(f.tn + f.tp, n, 4) + '</td></tr>' +
      '</tbody></table></div>' +
      '<div><h4>Expected value (' + escapeHtml(data.unit) + ')</h4><table><thead><tr><th></th><th scope="col">per case</th>' +
      '<th scope="col">total, ' + count(n) + ' cases</th></tr></thead><tbody>' +
      row('<b>At this threshold</b>', 'ev', f.total) + row('Flag nobody', 'nobody', c.total[sp.G]) +
      row('Flag everyone', 'everyone', c.total[0]) + row('Every case right', 'perfect', c.perfect) +
      '</tbody></table></div>';
  }

  function renderRule(sp, curve) {
    const opt = costOptimal(state.values), peakT = peakThreshold(sp, curve);
    let text = 'Best threshold on ' + escapeHtml(sp.name) + ': <b id="cw-peak">' + peakT.label + '</b>, worth ' +
      money(curve.centsPerCase(curve.total[curve.peak])) + ' per case. ';
    if (Object.keys(sp.costs).length) {
      text += 'Costs differ per case here, so no single threshold is cost-optimal for all.';
    } else if (opt) {
      text += 'Cost-optimal threshold for calibrated probabilities: <b id="cw-optimal">' + thr(opt.p) + '</b>' +
        (isFinite(opt.ratio) ? ' (a miss costs ' + Number(opt.ratio.toPrecision(3)) + '× a false alarm).' : '.');
    } else {
      text += '<span id="cw-optimal">These values make every threshold equal or one decision always best.</span>';
    }
    if (sp.perCase) text += ' The report decided each case by its own costs; here one threshold applies to all.';
    $('cw-rule').innerHTML = text;
  }
  function peakThreshold(sp, curve) {
    if (curve.peak < sp.G) return { t: sp.s[curve.peak], label: thr(sp.s[curve.peak]) };
    // 1 flags nobody unless a score is 1; then the next double above it does.
    const max = sp.s[sp.G - 1];
    return { t: max < 1 ? 1 : nextUp(max), label: 'above every score (flag nobody)' };
  }
  function nextUp(x) {
    const bits = new DataView(new ArrayBuffer(8));
    bits.setFloat64(0, x);
    bits.setBigUint64(0, bits.getBigUint64(0) + 1n);
    return bits.getFloat64(0);
  }

  // ---- charts: hand-written SVG (docs/report.md says why) ----
  const W = 460, H = 270, M = { l: 62, r: 14, t: 26, b: 40 };
  const probTicks = [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999];
  function axis(kind, min, max) {
    if (kind === 'logit') {
      const a = logit(LOGIT_EDGE), b = logit(1 - LOGIT_EDGE);
      return { f: logit, inv: sigmoid, a: a, b: b, ticks: probTicks.map((p) => [p, String(p)]) };
    }
    const ticks = [];
    const step = niceStep((max - min) / 5);
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push([v, tickLabel(v)]);
    return { f: (x) => x, inv: (x) => x, a: min, b: max, ticks: ticks };
  }
  function niceStep(raw) {
    const p = 10 ** Math.floor(Math.log10(raw || 1)), r = raw / p;
    return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * p;
  }
  function tickLabel(v) {
    const a = Math.abs(v);
    if (a >= 1e6) return Number((v / 1e6).toPrecision(3)) + 'M';
    if (a >= 1e4) return Number((v / 1e3).toPrecision(3)) + 'k';
    return String(Number(v.toPrecision(4)));
  }
  // spec: {id, title, xlabel, ylabel, x: axis, y: axis, lines: [{pts, color, dash, width}],
  //        vlines: [{x, color, label, dash}], dots: [{x, y, color, label}], hover(xData) -> {x, y, text}}
  function draw(spec) {
    const sx = (x) => M.l + ((spec.x.f(x) - spec.x.a) / (spec.x.b - spec.x.a)) * (W - M.l - M.r);
    const sy = (y) => H - M.b - ((spec.y.f(y) - spec.y.a) / (spec.y.b - spec.y.a)) * (H - M.t - M.b);
    const parts = ['<svg viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="' + escapeHtml(spec.title) + '">',
      '<text x="' + M.l + '" y="16" class="cw-title">' + escapeHtml(spec.title) + '</text>'];
    spec.x.ticks.forEach(([v, label], i) => {
      const x = sx(v).toFixed(1);
      const anchor = i === spec.x.ticks.length - 1 && sx(v) > W - M.r - 15 ? 'end' : 'middle';
      parts.push('<line x1="' + x + '" x2="' + x + '" y1="' + M.t + '" y2="' + (H - M.b) + '" class="cw-grid"/>' +
        '<text x="' + x + '" y="' + (H - M.b + 14) + '" class="cw-tick" text-anchor="' + anchor + '">' + label + '</text>');
    });
    spec.y.ticks.forEach(([v, label]) => {
      const y = sy(v).toFixed(1);
      parts.push('<line x1="' + M.l + '" x2="' + (W - M.r) + '" y1="' + y + '" y2="' + y + '" class="cw-grid"/>' +
        '<text x="' + (M.l - 5) + '" y="' + y + '" dy="4" class="cw-tick" text-anchor="end">' + label + '</text>');
    });
    parts.push('<text x="' + (M.l + (W - M.l - M.r) / 2) + '" y="' + (H - 6) + '" class="cw-label" text-anchor="middle">' +
      escapeHtml(spec.xlabel) + '</text><text transform="translate(13,' + (M.t + (H - M.t - M.b) / 2) +
      ') rotate(-90)" class="cw-label" text-anchor="middle">' + escapeHtml(spec.ylabel) + '</text>');
    parts.push('<clipPath id="' + spec.id + '-clip"><rect x="' + M.l + '" y="' + M.t + '" width="' + (W - M.l - M.r) +
      '" height="' + (H - M.t - M.b) + '"/></clipPath><g clip-path="url(#' + spec.id + '-clip)">');
    (spec.lines || []).forEach((line) => {
      const d = line.pts.map((p, i) => (i ? 'L' : 'M') + sx(p[0]).toFixed(1) + ' ' + sy(p[1]).toFixed(1)).join('');
      parts.push('<path d="' + d + '" fill="none" stroke="' + line.color + '" stroke-width="' + (line.width || 2) + '"' +
        (line.dash ? ' stroke-dasharray="' + line.dash + '"' : '') + '/>');
    });
    (spec.vlines || []).forEach((v, i) => {
      const x = sx(v.x).toFixed(1);
      parts.push('<line x1="' + x + '" x2="' + x + '" y1="' + M.t + '" y2="' + (H - M.b) + '" stroke="' + v.color +
        '" stroke-width="1.5"' + (v.dash ? ' stroke-dasharray="' + v.dash + '"' : '') + ' class="' + (v.cls || '') + '"/>');
      if (v.label) {
        const right = sx(v.x) > W - 120;
        // The first label at the top, the next at the bottom: the best point sits near the top.
        const y = i === 0 ? M.t + 12 : H - M.b - 6 - 13 * (i - 1);
        parts.push('<text x="' + (Number(x) + (right ? -4 : 4)) + '" y="' + y + '" class="cw-mark"' +
          (right ? ' text-anchor="end"' : '') + ' fill="' + v.color + '">' + escapeHtml(v.label) + '</text>');
      }
    });
    (spec.dots || []).forEach((dot) => {
      parts.push('<circle cx="' + sx(dot.x).toFixed(1) + '" cy="' + sy(dot.y).toFixed(1) + '" r="4.5" fill="' + dot.color +
        '" stroke="#fff" stroke-width="1.5"><title>' + escapeHtml(dot.label) + '</title></circle>');
    });
    parts.push('</g><circle class="cw-hover" r="4" cx="-10" cy="-10"/></svg>');
    let box = $(spec.id);
    if (!box) { box = el('figure', { id: spec.id, class: 'cw-chart' }); charts.appendChild(box); }
    box.innerHTML = parts.join('');
    if (spec.legend) box.appendChild(el('figcaption', {}, spec.legend));
    const svg = box.querySelector('svg'), marker = box.querySelector('.cw-hover');
    svg.addEventListener('mousemove', (ev) => {
      const r = svg.getBoundingClientRect(), px = ((ev.clientX - r.left) * W) / r.width;
      if (px < M.l || px > W - M.r) { tip.style.display = 'none'; return; }
      const xd = spec.x.inv(spec.x.a + ((px - M.l) / (W - M.l - M.r)) * (spec.x.b - spec.x.a));
      const h = spec.hover(xd);
      if (!h) { tip.style.display = 'none'; return; }
      marker.setAttribute('cx', sx(h.x)); marker.setAttribute('cy', sy(h.y));
      tip.innerHTML = h.text; tip.style.display = 'block';
      tip.style.left = ev.pageX + 14 + 'px'; tip.style.top = ev.pageY + 10 + 'px';
    });
    svg.addEventListener('mouseleave', () => { tip.style.display = 'none'; marker.setAttribute('cx', -10); });
    if (spec.click) svg.addEventListener('click', (ev) => {
      const r = svg.getBoundingClientRect(), px = ((ev.clientX - r.left) * W) / r.width;
      spec.click(spec.x.inv(spec.x.a + ((px - M.l) / (W - M.l - M.r)) * (spec.x.b - spec.x.a)));
    });
  }
  const BLUE = '#0072B2', ORANGE = '#E69F00', GREEN = '#009E73', RED = '#D55E00', GREY = '#777';
  const linear01 = () => axis('linear', 0, 1);
  function yAxisFor(values, pad) {
    let min = Math.min(...values), max = Math.max(...values);
    if (min === max) { min -= 1; max += 1; }
    const span = (max - min) * (pad || 0.06);
    return axis('linear', min - span, max + span);
  }
  // The best region: from the peak down to a few times its distance from flag everyone and from
  // the current threshold, so a curve that falls to flag nobody far below does not flatten it.
  function zoomedAxis(curve, f, base) {
    const top = curve.perCase(curve.peak), here = curve.perCase(f.k);
    const gap = Math.max(top - base[0], top - here, Math.abs(top) * 0.02, 1e-9);
    return axis('linear', Math.min(here, top - 3 * gap), top + gap * 0.3);
  }
  function nearest(pts, x) {
    let best = 0;
    for (let i = 1; i < pts.length; i++) if (Math.abs(pts[i][0] - x) < Math.abs(pts[best][0] - x)) best = i;
    return best;
  }
  // At most `max` of the indices 0..n-1, evenly spread, first and last kept: what is drawn, not counted.
  function spread(n, max) {
    if (n <= max) return Array.from({ length: n }, (_, i) => i);
    return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
  }

  function renderCharts(sp, curve, f) {
    const t = state.t, xKind = state.logit ? 'logit' : 'linear';
    const x = xKind === 'logit' ? axis('logit') : linear01();
    const opt = Object.keys(sp.costs).length ? null : costOptimal(state.values);
    const peak = peakThreshold(sp, curve);
    // Expected value: sampled at 600 thresholds evenly along the axis, each exact at its threshold.
    const evPts = [];
    for (let i = 0; i <= 600; i++) {
      const ti = x.inv(x.a + ((x.b - x.a) * i) / 600);
      evPts.push([ti, curve.perCase(firstAtOrAbove(sp.s, ti))]);
    }
    const base = [curve.perCase(0), curve.perCase(sp.G)];
    const evY = state.zoom ? zoomedAxis(curve, f, base) : yAxisFor(evPts.map((p) => p[1]).concat(base));
    const evAt = (ti) => {
      const k = firstAtOrAbove(sp.s, ti);
      return 'threshold ' + thr(ti) + '<br>expected value ' + money(curve.centsPerCase(curve.total[k])) + ' per case';
    };
    const vlines = [{ x: t, color: '#222', label: 'threshold ' + thr(t), cls: 'cw-marker' }];
    if (opt) vlines.push({ x: opt.p, color: RED, dash: '5 3', label: 'cost-optimal ' + thr(opt.p) });
    draw({
      id: 'cw-chart-ev', title: 'Expected value per case by threshold',
      xlabel: 'threshold' + (state.logit ? ' (log-odds scale)' : ''), ylabel: data.unit + ' per case', x: x, y: evY,
      lines: [{ pts: [[0, base[0]], [1, base[0]]], color: ORANGE, dash: '2 3', width: 1.2 },
        { pts: [[0, base[1]], [1, base[1]]], color: GREEN, dash: '2 3', width: 1.2 },
        { pts: evPts, color: BLUE }],
      vlines: vlines,
      dots: [{ x: peak.t, y: curve.perCase(curve.peak), color: GREEN, label: 'best: ' + peak.label }],
      legend: '<span style="color:' + BLUE + '">━</span> model · <span style="color:' + ORANGE +
        '">┅</span> flag everyone · <span style="color:' + GREEN + '">┅</span> flag nobody · <span style="color:' + GREEN +
        '">●</span> best' + (opt ? ' · <span style="color:' + RED + '">┆</span> cost-optimal' : '') + ' · click to choose',
      hover: (xd) => ({ x: xd, y: curve.perCase(firstAtOrAbove(sp.s, xd)), text: evAt(xd) }),
      click: (xd) => setThreshold(Number(xd.toPrecision(3))),
    });
    // ROC and precision–recall: one point per distinct score, thinned for drawing.
    const idx = spread(sp.G + 1, 800).reverse();
    const roc = idx.map((k) => [(sp.n0 - sp.cumNeg[k]) / (sp.n0 || 1), (sp.n1 - sp.cumPos[k]) / (sp.n1 || 1), k]);
    const here = [f.fp / (sp.n0 || 1), f.tp / (sp.n1 || 1)];
    const at = (k) => (k < sp.G ? 'threshold ' + thr(sp.s[k]) : 'flag nobody');
    draw({
      id: 'cw-chart-roc', title: 'ROC curve', xlabel: 'false-positive rate', ylabel: 'true-positive rate',
      x: linear01(), y: linear01(),
      lines: [{ pts: [[0, 0], [1, 1]], color: GREY, dash: '3 3', width: 1 }, { pts: roc, color: BLUE }],
      dots: [{ x: here[0], y: here[1], color: '#222', label: 'threshold ' + thr(t) }],
      hover: (xd) => { const p = roc[nearest(roc, xd)]; return { x: p[0], y: p[1], text: at(p[2]) + '<br>FPR ' + p[0].toFixed(4) + ', TPR ' + p[1].toFixed(4) }; },
    });
    const pr = idx.filter((k) => k < sp.G).map((k) => {
      const tp = sp.n1 - sp.cumPos[k], fp = sp.n0 - sp.cumNeg[k];
      return [tp / (sp.n1 || 1), tp / (tp + fp), k];
    }).sort((a, b) => a[0] - b[0]);
    draw({
      id: 'cw-chart-pr', title: 'Precision–recall', xlabel: 'recall (class 1)', ylabel: 'precision (class 1)',
      x: linear01(), y: linear01(),
      lines: [{ pts: [[0, sp.n1 / sp.n], [1, sp.n1 / sp.n]], color: GREY, dash: '3 3', width: 1 }, { pts: pr, color: BLUE }],
      dots: f.tp + f.fp > 0 ? [{ x: f.tp / (sp.n1 || 1), y: f.tp / (f.tp + f.fp), color: '#222', label: 'threshold ' + thr(t) }] : [],
      hover: (xd) => { if (!pr.length) return null; const p = pr[nearest(pr, xd)]; return { x: p[0], y: p[1], text: at(p[2]) + '<br>recall ' + p[0].toFixed(4) + ', precision ' + p[1].toFixed(4) }; },
    });
    // Reliability: ten equal-width bins of predicted probability.
    const bins = Array.from({ length: 10 }, () => ({ n: 0, pos: 0, sum: 0 }));
    for (let k = 0; k < sp.G; k++) {
      const b = bins[Math.min(9, Math.floor(sp.s[k] * 10))], c = sp.neg[k] + sp.pos[k];
      b.n += c; b.pos += sp.pos[k]; b.sum += sp.s[k] * c;
    }
    const rel = bins.map((b, i) => [b.n ? b.sum / b.n : (i + 0.5) / 10, b.n ? b.pos / b.n : NaN, b, i]).filter((p) => p[2].n);
    draw({
      id: 'cw-chart-rel', title: 'Reliability (calibration)', xlabel: 'mean predicted probability',
      ylabel: 'observed share positive', x: linear01(), y: linear01(),
      lines: [{ pts: [[0, 0], [1, 1]], color: GREY, dash: '3 3', width: 1 }, { pts: rel, color: BLUE }],
      dots: rel.map((p) => ({ x: p[0], y: p[1], color: BLUE, label: count(p[2].n) + ' cases' })),
      vlines: [{ x: t, color: '#222', label: 'threshold ' + thr(t), cls: 'cw-marker' }],
      hover: (xd) => { const p = rel[nearest(rel, xd)]; return { x: p[0], y: p[1], text: 'scores ' + p[3] / 10 + '–' + (p[3] + 1) / 10 + ': ' + count(p[2].n) + ' cases<br>mean score ' + p[0].toFixed(4) + ', share positive ' + p[1].toFixed(4) }; },
    });
    // Score histograms: 40 bins along the threshold axis, each class as a share of its own cases.
    const nb = 40, hn = new Float64Array(nb), hp = new Float64Array(nb);
    for (let k = 0; k < sp.G; k++) {
      const u = (x.f(sp.s[k]) - x.a) / (x.b - x.a), b = Math.min(nb - 1, Math.max(0, Math.floor(u * nb)));
      hn[b] += sp.neg[k]; hp[b] += sp.pos[k];
    }
    const edge = (b) => x.inv(x.a + ((x.b - x.a) * b) / nb);
    const steps = (h, total) => {
      const pts = [[edge(0), 0]];
      for (let b = 0; b < nb; b++) { pts.push([edge(b), h[b] / (total || 1)], [edge(b + 1), h[b] / (total || 1)]); }
      pts.push([edge(nb), 0]);
      return pts;
    };
    const hmax = Math.max(...Array.from(hn, (v) => v / (sp.n0 || 1)), ...Array.from(hp, (v) => v / (sp.n1 || 1)));
    draw({
      id: 'cw-chart-hist', title: 'Scores by actual class', xlabel: 'score' + (state.logit ? ' (log-odds scale)' : ''),
      ylabel: 'share of the class', x: x, y: axis('linear', 0, hmax * 1.08 || 1),
      lines: [{ pts: steps(hn, sp.n0), color: BLUE }, { pts: steps(hp, sp.n1), color: ORANGE }],
      vlines: [{ x: t, color: '#222', label: 'threshold ' + thr(t), cls: 'cw-marker' }],
      legend: '<span style="color:' + BLUE + '">━</span> actual 0 (' + count(sp.n0) + ') · <span style="color:' + ORANGE +
        '">━</span> actual 1 (' + count(sp.n1) + ')',
      hover: (xd) => {
        const b = Math.min(nb - 1, Math.max(0, Math.floor(((x.f(xd) - x.a) / (x.b - x.a)) * nb)));
        return { x: xd, y: Math.max(hn[b] / (sp.n0 || 1), hp[b] / (sp.n1 || 1)), text: 'scores ' + thr(edge(b)) + '–' + thr(edge(b + 1)) + '<br>actual 0: ' + count(hn[b]) + ', actual 1: ' + count(hp[b]) };
      },
    });
  }

  // ---- updates ----
  function update(valuesChanged) {
    const started = performance.now(), sp = splits[state.split];
    if (valuesChanged || !state.curve) state.curve = moneyCurve(sp, state.values);
    const f = figuresAt(sp, state.curve, state.t);
    renderRule(sp, state.curve);
    renderFigures(sp, state.curve, f);
    renderCharts(sp, state.curve, f);
    root.setAttribute('data-threshold', String(state.t));
    // For the browser tests' timings: this update's milliseconds, and since navigation began.
    root.setAttribute('data-update-ms', (performance.now() - started).toFixed(1));
    if (!root.hasAttribute('data-ready-ms')) root.setAttribute('data-ready-ms', performance.now().toFixed(0));
  }
  function setThreshold(t) {
    state.t = t;
    $('cw-threshold').value = String(t);
    $('cw-slider').value = thresholdToSlider(t);
    update(false);
  }
  $('cw-slider').addEventListener('input', (ev) => {
    const t = sliderToThreshold(Number(ev.target.value));
    state.t = t; $('cw-threshold').value = String(t); update(false);
  });
  $('cw-threshold').addEventListener('input', (ev) => {
    const t = Number(ev.target.value);
    const ok = ev.target.value.trim() !== '' && isFinite(t) && t >= 0;
    ev.target.classList.toggle('cw-bad', !ok);
    if (ok) { state.t = t; $('cw-slider').value = thresholdToSlider(t); update(false); }
  });
  OUT.forEach((o) => $('cw-v-' + o).addEventListener('input', (ev) => {
    const d = parseDec(ev.target.value);
    ev.target.classList.toggle('cw-bad', !d);
    if (d) { state.values[o] = d; update(true); }
  }));
  if ($('cw-split')) $('cw-split').addEventListener('change', (ev) => {
    state.split = Number(ev.target.value);
    setThresholdQuiet(splits[state.split].threshold);
    update(true);
  });
  function setThresholdQuiet(t) { state.t = t; $('cw-threshold').value = String(t); $('cw-slider').value = thresholdToSlider(t); }
  $('cw-go-report').addEventListener('click', () => setThreshold(splits[state.split].threshold));
  $('cw-go-optimal').addEventListener('click', () => { const o = costOptimal(state.values); if (o) setThreshold(o.p); });
  $('cw-go-peak').addEventListener('click', () => setThreshold(peakThreshold(splits[state.split], state.curve).t));
  const toggle = el('p', { class: 'cw-toggle' },
    '<label><input type="checkbox" id="cw-logit" checked> threshold axes on a log-odds scale (spreads out the region near 0 and 1)</label>' +
    '<label><input type="checkbox" id="cw-zoom" checked> expected value: zoom in on the best thresholds</label>');
  root.insertBefore(toggle, charts);
  $('cw-logit').addEventListener('change', (ev) => { state.logit = ev.target.checked; update(false); });
  $('cw-zoom').addEventListener('change', (ev) => { state.zoom = ev.target.checked; update(false); });
  setThresholdQuiet(state.t);
  update(true);
})();
