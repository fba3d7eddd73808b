// The five charts of the panel, drawn from the current split, values and threshold.
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
