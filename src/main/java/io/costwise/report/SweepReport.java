package io.costwise.report;

import io.costwise.evaluation.Ranking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep} command's page, like every other command's: a headline per threshold kind, the
 * settings, the chart and the table, in {@code report.html}, with the chart also as {@code
 * sweep.png}.
 *
 * <p>The headline names the best training ratio of each kind only when it beats the next by more
 * than one standard deviation over the folds ({@link Ranking}); otherwise it names every ratio in
 * the tie, because cross-validation on a few hundred cases cannot tell them apart.
 */
public final class SweepReport {
  static final String HTML = "report.html";
  static final String PNG = "sweep.png";

  private SweepReport() {}

  /**
   * Writes {@code report.html} and {@code sweep.png} into {@code dir}, creating it.
   *
   * @param context the title, and the sweep's settings as facts
   * @param points one per ratio and threshold kind, in the sweep's order
   * @param outOfFold per ratio, every case's out-of-fold score (the interactive panel's splits);
   *     may be empty
   * @return the files written, the page first
   */
  public static List<Path> write(
      Path dir,
      ReportContext context,
      List<SweepPoint> points,
      List<ScoredSplit> outOfFold,
      String unit)
      throws IOException {
    RenderedChart chart = RenderedChart.of(PNG, SweepChart.create(points, unit));
    Html page = new Html(context.heading());
    page.heading(1, context.heading());
    page.warnings(context.warnings());
    for (String line : headlines(points, unit)) {
      page.paragraph(line, "lede");
    }
    if (!context.facts().isEmpty()) {
      page.heading(2, "Settings");
      List<List<String>> facts = new ArrayList<>();
      context.facts().forEach((key, text) -> facts.add(List.of(key, text)));
      page.table(null, List.of(), facts);
    }
    page.heading(2, "Expected value by training cost ratio");
    chart.addTo(page);
    List<List<String>> rows = new ArrayList<>();
    for (SweepPoint p : points) {
      rows.add(
          List.of(
              Formats.ratio(p.ratio()),
              p.thresholdKind(),
              Formats.money(p.meanExpectedValue(), unit),
              Formats.money(p.sdExpectedValue(), unit),
              Formats.meanCount(p.meanFalseNegatives()),
              Formats.meanCount(p.meanFalsePositives()),
              p.best() ? "best" : ""));
    }
    page.table(
        null,
        List.of(
            "Training ratio (fn_cost : fp_cost)",
            "Threshold",
            "Mean expected value per case (" + unit + ")",
            "Standard deviation over folds (" + unit + ")",
            "Mean FN per fold",
            "Mean FP per fold",
            ""),
        rows);
    page.paragraph(
        "Each ratio's models are trained on k − 1 folds and judged on the held-out fold; the mean"
            + " and the sample standard deviation are over the k folds. A best within one standard"
            + " deviation of the next is a tie and is not marked.",
        "note");
    if (!outOfFold.isEmpty()) {
      page.paragraph(
          "Below, each ratio's cases as scored by the fold model that did not train on them, pooled"
              + " over the folds: pick a ratio, move the threshold, change the values.",
          "note");
      InteractivePanel.addTo(page, outOfFold, "Training ratio");
    }
    Files.createDirectories(dir);
    Path html = dir.resolve(HTML);
    Files.writeString(html, page.finish(), StandardCharsets.UTF_8);
    return List.of(html, chart.writeInto(dir));
  }

  /** One sentence per threshold kind: the best ratio and its margin, or the tie. */
  static List<String> headlines(List<SweepPoint> points, String unit) {
    Map<String, List<SweepPoint>> byKind = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      byKind.computeIfAbsent(p.thresholdKind(), kind -> new ArrayList<>()).add(p);
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<SweepPoint>> kind : byKind.entrySet()) {
      List<SweepPoint> ofKind = kind.getValue();
      List<Ranking.Entry> entries = new ArrayList<>();
      for (SweepPoint p : ofKind) {
        entries.add(
            new Ranking.Entry(
                Formats.ratio(p.ratio()), p.meanExpectedValue(), p.sdExpectedValue()));
      }
      Ranking ranking = Ranking.of(entries);
      Ranking.Entry first = ranking.first();
      String series = SweepChart.seriesName(kind.getKey());
      String at = "At " + (series.startsWith("threshold") ? "" : "the ") + series + ", ";
      String value =
          Formats.money(first.value(), unit)
              + " ± "
              + Formats.money(first.sd(), unit)
              + " per case";
      if (ofKind.size() == 1) {
        lines.add(at + "ratio " + first.name() + ": " + value + ".");
      } else if (ranking.clearWinner()) {
        lines.add(
            at
                + "the best training ratio is "
                + first.name()
                + " ("
                + value
                + "), "
                + Formats.money(ranking.margin(), unit)
                + " per case better than ratio "
                + ranking.entries().get(1).name()
                + ", more than one standard deviation.");
      } else {
        List<String> tied =
            ranking.entries().subList(0, ranking.tied()).stream().map(Ranking.Entry::name).toList();
        lines.add(
            at
                + "no training ratio is best: ratio "
                + first.name()
                + " has the highest mean ("
                + value
                + "), but "
                + (tied.size() == 2
                    ? "ratios " + tied.get(0) + " and " + tied.get(1) + " are"
                    : "ratios " + String.join(", ", tied) + " are all")
                + " within one standard deviation of each other — a tie.");
      }
    }
    comparison(byKind, unit).ifPresent(lines::add);
    return lines;
  }

  /** With two threshold kinds: at how many ratios the second kind's mean beats the first's. */
  private static java.util.Optional<String> comparison(
      Map<String, List<SweepPoint>> byKind, String unit) {
    if (byKind.size() != 2) {
      return java.util.Optional.empty();
    }
    List<String> kinds = List.copyOf(byKind.keySet());
    List<SweepPoint> a = byKind.get(kinds.get(0));
    List<SweepPoint> b = byKind.get(kinds.get(1));
    if (a.size() != b.size()) {
      return java.util.Optional.empty();
    }
    int better = 0;
    for (int i = 0; i < a.size(); i++) {
      if (b.get(i).meanExpectedValue() > a.get(i).meanExpectedValue()) {
        better++;
      }
    }
    return java.util.Optional.of(
        "Deciding at the "
            + SweepChart.seriesName(kinds.get(1))
            + " gives a higher mean than at "
            + SweepChart.seriesName(kinds.get(0))
            + " at "
            + (better == a.size() ? "every one" : better)
            + " of the "
            + a.size()
            + " training ratios.");
  }
}
