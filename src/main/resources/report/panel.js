// The report's interactive panel. Every figure is recomputed here from the report's data (see
// ReportData.java): counts are prefix sums over the distinct scores, money is integer units at one
// decimal scale in BigInt, and rounding follows the Java report (money half away from zero,
// ratios half to even), so what the page shows equals the Java evaluation at any threshold.
const root = document.getElementById('cw-panel');
const data = JSON.parse(document.getElementById('cw-panel-data').textContent);
const splits = decodeSplits(data);
const OUT = ['tn', 'fp', 'fn', 'tp'];
const NAMES = { tn: 'True negative', fp: 'False positive', fn: 'False negative', tp: 'True positive' };

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
function sliderToThreshold(pos) {
  if (pos <= 0) return 0;
  if (pos >= 1000) return 1;
  return Number(sigmoid(-L + (2 * L * pos) / 1000).toPrecision(3));
}
const thresholdToSlider = (t) => (t <= 0 ? 0 : t >= 1 ? 1000 : Math.round(((logit(t) + L) * 1000) / (2 * L)));

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
  setThresholdQuiet(t);
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
