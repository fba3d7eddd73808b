package io.costwise.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The look shared by every chart: white background, light grid, large fonts, a palette that
 * colour-blind readers can tell apart (Okabe and Ito's), and PNG encoding.
 *
 * <p>The style is applied per chart through a private {@link StandardChartTheme} instance rather
 * than {@code ChartFactory.setChartTheme}, which is a JVM-wide setting.
 */
final class Charts {
  static final int WIDTH = 900;
  static final int HEIGHT = 560;

  /** Points drawn per curve: several per pixel of a {@link #WIDTH}-pixel chart. */
  static final int MAX_POINTS = 4000;

  static final Color BLUE = new Color(0x0072B2);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color GREEN = new Color(0x009E73);
  static final Color ORANGE = new Color(0xE69F00);
  static final Color PURPLE = new Color(0xCC79A7);
  static final Color SKY = new Color(0x56B4E9);
  static final Color GREY = new Color(0x666666);
  static final Color GRID = new Color(0xDDDDDD);

  private static final Color[] SERIES = {BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, Color.BLACK};

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  /** Round caps: a step curve's zero-height steps would otherwise show as little square ticks. */
  static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

  static final Stroke DASHED =
      new BasicStroke(
          1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

  private Charts() {}

  /** The colour of the {@code index}-th series; cycles after seven. */
  static Color seriesColour(int index) {
    return SERIES[index % SERIES.length];
  }

  /**
   * A chart around {@code plot}, styled, with a subtitle line when {@code subtitle} is given.
   *
   * <p>The theme resets series paints and strokes and the fonts of annotations already added, so
   * callers set those after this call.
   */
  static JFreeChart chart(String title, Plot plot, boolean legend, String subtitle) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    theme().apply(chart);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    if (subtitle != null) {
      TextTitle line = new TextTitle(subtitle, SUBTITLE_FONT);
      line.setPaint(GREY);
      chart.addSubtitle(line);
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(BlockBorder.NONE);
      chart.getLegend().setItemFont(LABEL_FONT);
    }
    return chart;
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("costwise");
    theme.setExtraLargeFont(TITLE_FONT);
    theme.setLargeFont(LABEL_FONT);
    theme.setRegularFont(TICK_FONT);
    theme.setSmallFont(TICK_FONT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisLabelPaint(Color.BLACK);
    theme.setTickLabelPaint(Color.DARK_GRAY);
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            SERIES.clone(),
            new Paint[] {Color.WHITE},
            new Paint[] {GREY},
            new Stroke[] {LINE},
            new Stroke[] {new BasicStroke(1f)},
            DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }

  /**
   * A vertical dashed line at the threshold with its label beside it, on the side with more room:
   * to the right when the threshold lies in the left 60 % of [lower, upper], so a threshold of
   * 0.006 is labelled to the right of the y axis rather than cut off.
   *
   * @param top whether the label sits at the top of the plot (else at the bottom), to keep it off
   *     the curves
   */
  static ValueMarker thresholdMarker(
      double threshold, String label, double lower, double upper, boolean top) {
    ValueMarker marker = new ValueMarker(threshold, Color.BLACK, DASHED);
    marker.setLabel(label);
    marker.setLabelFont(MARKER_FONT);
    marker.setLabelPaint(Color.BLACK);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    boolean right = threshold <= lower + 0.6 * (upper - lower);
    if (top) {
      marker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
      marker.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
    } else {
      marker.setLabelAnchor(right ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.BOTTOM_LEFT);
      marker.setLabelTextAnchor(right ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
    }
    marker.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
    return marker;
  }

  /** A marked point in data coordinates. */
  record Dot(double x, double y, Color colour) {}

  /**
   * Draws the dots as filled circles with a black rim, on top of the plot's first dataset and out
   * of the legend. A second dataset rather than annotations, so the circles stay round whatever the
   * axes' scales.
   */
  static void addDots(XYPlot plot, List<Dot> dots) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < dots.size(); i++) {
      XYSeries series = new XYSeries("dot " + i, false, true);
      series.add(dots.get(i).x(), dots.get(i).y());
      dataset.addSeries(series);
      renderer.setSeriesPaint(i, dots.get(i).colour());
      renderer.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
      renderer.setSeriesVisibleInLegend(i, false);
    }
    renderer.setUseOutlinePaint(true);
    renderer.setDefaultOutlinePaint(Color.BLACK);
    renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
    int index = plot.getDatasetCount();
    plot.setDataset(index, dataset);
    plot.setRenderer(index, renderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
  }

  /** The chart as a PNG of {@link #WIDTH} × {@link #HEIGHT} pixels. */
  static byte[] png(JFreeChart chart) throws IOException {
    return png(chart, WIDTH, HEIGHT);
  }

  /** The chart as a PNG of the given size. */
  static byte[] png(JFreeChart chart, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(out, chart, width, height);
    return out.toByteArray();
  }
}
