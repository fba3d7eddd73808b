/**
 * Reports of a classifier's evaluation for people and programs: {@code evaluation.json}, a
 * self-contained {@code report.html} and PNG charts.
 *
 * <p>This package only renders. Every figure comes from {@link io.costwise.evaluation}, computed
 * there once; the one thing counted here is the bins of a score histogram ({@link
 * io.costwise.report.ScoreHistogram}), which is a way of drawing the scores, not a metric. Nothing
 * here trains a model or knows how the scores were produced.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link io.costwise.report.ModelReport}: one model on its splits (train, validation…);
 *   <li>{@link io.costwise.report.ComparisonReport}: several models on the same test split;
 *   <li>{@link io.costwise.report.SweepChart}: expected value against the training cost ratio;
 *   <li>{@link io.costwise.report.EvaluationJson}: the JSON shape of one split, for other commands'
 *       output.
 * </ul>
 *
 * <p>Why the choices:
 *
 * <ul>
 *   <li><b>Self-contained HTML.</b> Reports are read from S3 or a laptop, often offline, so the
 *       page carries its own CSS and its charts as base64 {@code data:} URIs, with no scripts,
 *       fonts or links to fetch. All text is HTML-escaped: titles and facts come from users.
 *   <li><b>Headless.</b> Charts are drawn by JFreeChart into a {@link
 *       java.awt.image.BufferedImage}, which needs no display. Nothing here sets a system property
 *       or a JFreeChart global (such as the chart theme); each chart is styled on its own.
 *   <li><b>Thresholds far from 0.5.</b> A cost-optimal threshold can be 0.006, so every chart that
 *       shows the threshold draws it as a labelled line whose label sits on the side with room, and
 *       the operating point is marked on the curves.
 *   <li><b>Valid JSON.</b> NaN and infinities (the AUC of a one-class split, the ROC's first
 *       threshold) are written as {@code null}; long curves are thinned (see {@link
 *       io.costwise.report.EvaluationJson#MAX_CURVE_POINTS}).
 *   <li><b>Locale-free.</b> Numbers are formatted with {@link java.util.Locale#ROOT}, so a report
 *       reads the same on any machine.
 * </ul>
 */
package io.costwise.report;
