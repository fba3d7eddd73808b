package io.costwise.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.report.ComparedModel;
import io.costwise.report.ComparisonReport;
import io.costwise.report.ScoredSplit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bank-marketing experiment's console table and comparison report: costwise's options beside
 * the scikit-learn peers on the same split, in savings.
 *
 * <p>The peers' figures are those {@code bench/costs.sh} measured (bundled as {@code
 * datasets/bankmarketing-peers.json}, with the date and versions); the demo prints them and says
 * so, it does not run Python.
 */
public final class BankMarketingReport {
  private static final String PEERS = "/datasets/bankmarketing-peers.json";

  private BankMarketingReport() {}

  /** The table: each option's savings, cost and flagged cases, then the peers'. */
  public static String table(List<BankMarketingDemo.Outcome> outcomes) {
    JsonNode peers = peers();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Bank marketing, test part of train_test_split(test_size=0.33, random_state=0): %d"
                + " cases; flag nobody costs %,.2f EUR, flag everyone %,.2f EUR.%n",
            outcomes.get(0).labels().length,
            outcomes.get(0).test().costs().flagNobody(),
            outcomes.get(0).test().costs().flagEveryone()));
    text.append(
        String.format(
            Locale.ROOT, "%-34s %8s %12s %8s%n", "costwise", "savings", "cost (EUR)", "flagged"));
    double best = Double.NEGATIVE_INFINITY;
    for (BankMarketingDemo.Outcome outcome : outcomes) {
      var m = outcome.test().matrix();
      best = Math.max(best, outcome.test().costs().savings());
      text.append(
          String.format(
              Locale.ROOT,
              "%-34s %8.4f %,12.2f %8d%n",
              outcome.name(),
              outcome.test().costs().savings(),
              outcome.test().costs().total(),
              m.fp() + m.tp()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nscikit-learn %s on the same split (measured %s):%n",
            peers.path("sklearn").asText(),
            peers.path("measured").asText()));
    double bestPeer = Double.NEGATIVE_INFINITY;
    for (JsonNode peer : peers.path("peers")) {
      bestPeer = Math.max(bestPeer, peer.path("savings").asDouble());
      text.append(
          String.format(
              Locale.ROOT,
              "%-34s %8.4f %,12.2f %8d%n",
              peer.path("key").asText(),
              peer.path("savings").asDouble(),
              peer.path("total_cost").asDouble(),
              peer.path("flagged").asInt()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nBest costwise option %.4f, best scikit-learn peer %.4f.%n",
            best,
            bestPeer));
    return text.toString();
  }

  /** The comparison report of the options on the test part, into {@code dir}. */
  public static List<Path> write(Path dir, List<BankMarketingDemo.Outcome> outcomes)
      throws IOException {
    List<ComparedModel> models = new ArrayList<>();
    for (BankMarketingDemo.Outcome outcome : outcomes) {
      models.add(
          new ComparedModel(
              outcome.name(),
              outcome.description(),
              new ScoredSplit(
                  "test",
                  outcome.probabilities(),
                  outcome.labels(),
                  outcome.test(),
                  null,
                  outcome.costs())));
    }
    return ComparisonReport.write(
        dir,
        "costwise demo: bank marketing, costs per case ("
            + outcomes.get(0).labels().length
            + " test cases)",
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
        models);
  }

  private static JsonNode peers() {
    try (InputStream in = BankMarketingReport.class.getResourceAsStream(PEERS)) {
      if (in == null) {
        throw new IllegalStateException(PEERS + " is missing from the jar");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
