// The six charts of the panel, drawn from the current split, values and threshold.
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
  // Before calibration (when the scores were calibrated): Java's Reliability bins of the network's
  // own scores, as the PNG draws them, embedded by ReportData.
  const before = sp.before || [];
  const binText = (k, n, mean, share) => 'scores ' + k / 10 + '–' + (k + 1) / 10 + ': ' + count(n) + ' cases<br>mean score ' +
    mean.toFixed(4) + ', share positive ' + share.toFixed(4);
  draw({
    id: 'cw-chart-rel', title: 'Reliability (calibration)', xlabel: 'mean predicted probability',
    ylabel: 'observed share positive', x: linear01(), y: linear01(),
    lines: [{ pts: [[0, 0], [1, 1]], color: GREY, dash: '3 3', width: 1 }].concat(
      before.length ? [{ pts: before, color: ORANGE, dash: '5 3', width: 1.5, cls: 'cw-before' }] : [],
      [{ pts: rel, color: BLUE }]),
    dots: before.map((p) => ({ x: p[0], y: p[1], color: ORANGE, label: 'before calibration: ' + count(p[2]) + ' cases' }))
      .concat(rel.map((p) => ({ x: p[0], y: p[1], color: BLUE, label: count(p[2].n) + ' cases' }))),
    vlines: [{ x: t, color: '#222', label: 'threshold ' + thr(t), cls: 'cw-marker' }],
    legend: before.length ? '<span style="color:' + BLUE + '">━</span> calibrated scores (used above) · <span style="color:' +
      ORANGE + '">┅</span> before calibration' : undefined,
    hover: (xd) => {
      const p = rel[nearest(rel, xd)];
      let text = (before.length ? '<b>calibrated</b> ' : '') + binText(p[3], p[2].n, p[0], p[1]);
      if (before.length) { const b = before[nearest(before, xd)]; text += '<br><b>before calibration</b> ' + binText(b[3], b[2], b[0], b[1]); }
      return { x: p[0], y: p[1], text: text };
    },
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
  renderRatioChart(sp, curve);
}

// Expected value by cost ratio, by CostRatioCurve.java's definition (so it agrees with the PNG): the
// ratio r = (v_TP − v_FN) / (v_TN − v_FP); at r the table is the typed one with only v_FN moved,
// v_FN = v_TP − r · (v_TN − v_FP), decided at its cost-optimal threshold 1 / (1 + r) and at the
// report's fixed threshold; the same ratio range as CostRatioCurve.defaultRatios, sampled finely.
// The line is drawn in doubles, as the Java curve is; at the typed ratio the point is the panel's
// exact figure (the expected value at the cost-optimal threshold, to the cent).
function renderRatioChart(sp, curve) {
  const id = 'cw-chart-ratio', title = 'Expected value by cost ratio';
  const opt = costOptimal(state.values);
  let why = null;
  if (Object.keys(sp.costs).length) {
    why = 'Costs differ per case here (cost columns), so each case has its own ratio of a miss to a false alarm: ' +
      'there is no one ratio to vary, and no one cost-optimal threshold. The chart is left out, as the report\'s PNG is.';
  } else if (!opt || !(opt.ratio > 0) || !isFinite(opt.ratio)) {
    why = 'These values give no cost ratio: a miss or a false alarm costs nothing over the right decision. ' +
      'Make both errors cost something to see this chart.';
  }
  if (why) {
    chartBox(id).innerHTML = '<div class="cw-missing"><b>' + title + '</b><p class="cw-note">' + why + '</p></div>';
    return;
  }
  const num = (d) => Number(d.m) / 10 ** d.e, v = {};
  OUT.forEach((o) => { v[o] = num(state.values[o]); });
  const own = opt.ratio, alarm = v.tn - v.fp, n = sp.n;
  const lo = 10 ** (Math.floor(4 * Math.log10(Math.min(0.1, own / 10))) / 4);
  const hi = 10 ** (Math.ceil(4 * Math.log10(Math.max(1000, own * 10))) / 4);
  const fixedK = firstAtOrAbove(sp.s, sp.threshold), optK = firstAtOrAbove(sp.s, opt.p);
  // Per case at ratio r with the groups from k up flagged.
  const at = (r, k) => {
    const tn = sp.cumNeg[k], fn = sp.cumPos[k], fp = sp.n0 - tn, tp = sp.n1 - fn;
    return (tn * v.tn + fp * v.fp + fn * (v.tp - r * alarm) + tp * v.tp) / n;
  };
  // [ratio, at its cost-optimal threshold, at the fixed threshold, that threshold]
  const pts = [];
  for (let i = 0; i <= 400; i++) {
    const r = 10 ** (Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * i) / 400), p = 1 / (1 + r);
    if (Math.abs(Math.log(r / own)) > 1e-9) pts.push([r, at(r, firstAtOrAbove(sp.s, p)), at(r, fixedK), p, false]);
  }
  // The typed ratio: exact, from the panel's own totals.
  const ownPt = [own, curve.perCase(optK), curve.perCase(fixedK), opt.p, true];
  pts.push(ownPt);
  pts.sort((a, b) => a[0] - b[0]);
  const perCase = (p, col) => (p[4] ? money(curve.centsPerCase(curve.total[col === 1 ? optK : fixedK]))
    : money(BigInt(Math.round(p[col] * 100))));
  // Zoomed on the cost-optimal line: the fixed threshold's line, falling steeply where misses get
  // dearer, may leave the chart below (its value stays in the hover) rather than flatten the other.
  const optMin = Math.min(...pts.map((p) => p[1])), optMax = Math.max(...pts.map((p) => p[1]));
  const allMin = Math.min(optMin, ...pts.map((p) => p[2])), allMax = Math.max(optMax, ...pts.map((p) => p[2]));
  const floor = Math.max(allMin, optMin - 2 * Math.max(optMax - optMin, Math.abs(optMin) * 0.05, 1e-9));
  const y = yAxisFor([floor, allMax]), clipped = allMin < floor;
  draw({
    id: id, title: title, xlabel: 'a miss costs r × a false alarm (log scale)', ylabel: data.unit + ' per case',
    x: axis('log', lo, hi), y: y,
    lines: [{ pts: pts.map((p) => [p[0], p[2]]), color: ORANGE },
      { pts: pts.map((p) => [p[0], p[1]]), color: BLUE }],
    vlines: [{ x: own, color: '#222', label: 'your ratio ' + Number(own.toPrecision(4)), cls: 'cw-marker', bottom: true }],
    dots: [{ x: own, y: ownPt[1], color: '#222', label: 'your ratio: ' + perCase(ownPt, 1) + ' per case at ' + thr(opt.p) }],
    legend: '<span style="color:' + BLUE + '">━</span> decided at each ratio\'s cost-optimal threshold 1/(1+r) · <span style="color:' +
      ORANGE + '">━</span> at the report\'s threshold ' + thr(sp.threshold) + (clipped ? ' (leaves the chart below; hover for its value)' : '') +
      ' · only the false-negative value varies',
    hover: (xd) => {
      let best = 0;
      for (let i = 1; i < pts.length; i++) if (Math.abs(Math.log(pts[i][0] / xd)) < Math.abs(Math.log(pts[best][0] / xd))) best = i;
      const p = pts[best];
      return { x: p[0], y: p[1], text: (p[4] ? 'your ratio ' : 'ratio ') + Number(p[0].toPrecision(4)) +
        ' (false-negative value ' + money(BigInt(Math.round((v.tp - p[0] * alarm) * 100))) + ')' +
        '<br>at cost-optimal threshold ' + thr(p[3]) + ': <b>' + perCase(p, 1) + '</b> per case' +
        '<br>at threshold ' + thr(sp.threshold) + ': ' + perCase(p, 2) + ' per case' };
    },
  });
}
