// The panel's charts as hand-written SVG (docs/report.md says why): axes, a log-odds axis,
// lines, labelled markers and a value under the mouse.
const LOGIT_EDGE = 1e-4; // the log-odds axes span 0.0001 … 0.9999; scores beyond sit at the edges
const L = Math.log((1 - LOGIT_EDGE) / LOGIT_EDGE);
const logit = (p) => { const q = Math.min(1 - LOGIT_EDGE, Math.max(LOGIT_EDGE, p)); return Math.log(q / (1 - q)); };
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

// ---- charts: hand-written SVG (docs/report.md says why) ----
const W = 460, H = 270, M = { l: 62, r: 14, t: 26, b: 40 };
const probTicks = [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999];
function axis(kind, min, max) {
  if (kind === 'logit') {
    const a = logit(LOGIT_EDGE), b = logit(1 - LOGIT_EDGE);
    return { f: logit, inv: sigmoid, a: a, b: b, ticks: probTicks.map((p) => [p, String(p)]) };
  }
  if (kind === 'log') { // decades, labelled 0.1, 1, 10, 100, 1k …; 2 and 5 too when few decades show
    const a = Math.log10(min), b = Math.log10(max), ticks = [], few = b - a < 3;
    for (let d = Math.floor(a); d <= Math.ceil(b); d++) {
      (few ? [1, 2, 5] : [1]).forEach((m) => {
        const v = m * 10 ** d;
        if (Math.log10(v) >= a - 1e-9 && Math.log10(v) <= b + 1e-9) ticks.push([v, tickLabel(Number(v.toPrecision(1)))]);
      });
    }
    return { f: Math.log10, inv: (x) => 10 ** x, a: a, b: b, ticks: ticks };
  }
  const ticks = [];
  const step = niceStep((max - min) / 5);
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push([v]);
  // One style per axis: -6k, -8k, -10k rather than -6000, -8000, -10k.
  const big = Math.max(...ticks.map((t) => Math.abs(t[0])));
  ticks.forEach((t) => { t[1] = tickLabel(t[0], big); });
  return { f: (x) => x, inv: (x) => x, a: min, b: max, ticks: ticks };
}
function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(raw || 1)), r = raw / p;
  return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * p;
}
function tickLabel(v, big) {
  if (Math.abs(v) < 1e-9 * (big || 1)) return '0';
  const a = Math.max(Math.abs(v), big || 0);
  if (a >= 1e6) return Number((v / 1e6).toPrecision(3)) + 'M';
  if (a >= 1e4) return Number((v / 1e3).toPrecision(3)) + 'k';
  return String(Number(v.toPrecision(4)));
}
// spec: {id, title, xlabel, ylabel, x: axis, y: axis, lines: [{pts, color, dash, width, cls}],
//        vlines: [{x, color, label, dash, cls, bottom}], dots: [{x, y, color, label}], hover(xData) -> {x, y, text}}
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
      (line.dash ? ' stroke-dasharray="' + line.dash + '"' : '') + (line.cls ? ' class="' + line.cls + '"' : '') + '/>');
  });
  (spec.vlines || []).forEach((v, i) => {
    const x = sx(v.x).toFixed(1);
    parts.push('<line x1="' + x + '" x2="' + x + '" y1="' + M.t + '" y2="' + (H - M.b) + '" stroke="' + v.color +
      '" stroke-width="1.5"' + (v.dash ? ' stroke-dasharray="' + v.dash + '"' : '') + ' class="' + (v.cls || '') + '"/>');
    if (v.label) {
      const right = sx(v.x) > W - 120;
      // The first label at the top, the next at the bottom: the best point sits near the top.
      const y = v.bottom ? H - M.b - 6 : i === 0 ? M.t + 12 : H - M.b - 6 - 13 * (i - 1);
      parts.push('<text x="' + (Number(x) + (right ? -4 : 4)) + '" y="' + y + '" class="cw-mark"' +
        (right ? ' text-anchor="end"' : '') + ' fill="' + v.color + '">' + escapeHtml(v.label) + '</text>');
    }
  });
  (spec.dots || []).forEach((dot) => {
    parts.push('<circle cx="' + sx(dot.x).toFixed(1) + '" cy="' + sy(dot.y).toFixed(1) + '" r="4.5" fill="' + dot.color +
      '" stroke="#fff" stroke-width="1.5"><title>' + escapeHtml(dot.label) + '</title></circle>');
  });
  parts.push('</g><circle class="cw-hover" r="4" cx="-10" cy="-10"/></svg>');
  const box = chartBox(spec.id);
  box.innerHTML = parts.join('');
  if (spec.legend) box.appendChild(el('figcaption', {}, spec.legend));
  const svg = box.querySelector('svg'), marker = box.querySelector('.cw-hover');
  // The mouse's x in the svg's own units, and the data value there.
  const pixel = (ev) => { const r = svg.getBoundingClientRect(); return ((ev.clientX - r.left) * W) / r.width; };
  const dataX = (px) => spec.x.inv(spec.x.a + ((px - M.l) / (W - M.l - M.r)) * (spec.x.b - spec.x.a));
  svg.addEventListener('mousemove', (ev) => {
    const px = pixel(ev);
    if (px < M.l || px > W - M.r) { tip.style.display = 'none'; return; }
    const h = spec.hover(dataX(px));
    if (!h) { tip.style.display = 'none'; return; }
    marker.setAttribute('cx', sx(h.x)); marker.setAttribute('cy', sy(h.y));
    tip.innerHTML = h.text; tip.style.display = 'block';
    tip.style.left = ev.pageX + 14 + 'px'; tip.style.top = ev.pageY + 10 + 'px';
    // Near the window's right edge the value goes left of the mouse instead of wrapping.
    if (ev.clientX + 14 + tip.offsetWidth > document.documentElement.clientWidth) {
      tip.style.left = Math.max(0, ev.pageX - 14 - tip.offsetWidth) + 'px';
    }
  });
  svg.addEventListener('mouseleave', () => { tip.style.display = 'none'; marker.setAttribute('cx', -10); });
  if (spec.click) svg.addEventListener('click', (ev) => spec.click(dataX(pixel(ev))));
}
// The chart's figure, made and added to the panel the first time.
function chartBox(id) {
  let box = $(id);
  if (!box) { box = el('figure', { id: id, class: 'cw-chart' }); charts.appendChild(box); }
  return box;
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
