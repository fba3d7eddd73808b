package io.costwise.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * A chart encoded once as PNG: written to its file and inlined in the HTML from the same bytes.
 *
 * @param fileName e.g. "roc.png"
 * @param alt the alternative text of the HTML image
 * @param png the encoded image, {@link Charts#WIDTH} × {@link Charts#HEIGHT}
 */
record RenderedChart(String fileName, String alt, byte[] png) {

  static RenderedChart of(String fileName, JFreeChart chart) throws IOException {
    return new RenderedChart(fileName, chart.getTitle().getText(), Charts.png(chart));
  }

  /** Writes the PNG into {@code dir} and returns its path. */
  Path writeInto(Path dir) throws IOException {
    return Files.write(dir.resolve(fileName), png);
  }

  /** Adds the image to the page. */
  void addTo(Html page) {
    page.image(png, alt, Charts.WIDTH, Charts.HEIGHT);
  }
}
