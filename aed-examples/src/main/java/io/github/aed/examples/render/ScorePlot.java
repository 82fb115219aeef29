package io.github.aed.examples.render;

import io.github.aed.core.InvalidInputException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Frame-score timelines as a PNG drawn with JFreeChart: one panel per video, stacked, each with the video's name (and
 * what it holds, when the caller knows) as its title, the frame score over the frame index (0-based) on axes with
 * ticks, the abnormal ground-truth frames shaded red, and one score scale for all panels.
 */
public final class ScorePlot {

    private static final Color SHADE = new Color(255, 150, 150);
    private static final int HEADING_HEIGHT = 40;

    /**
     * One panel: a video's title, its frame scores and (optionally, else null) its 0/1 ground-truth labels.
     *
     * @param title e.g. {@code "Test003: vehicle, fast mover"}
     */
    public record Series(String title, double[] scores, int[] labels) {
        /** Checks that the labels, when given, have one entry per score. */
        public Series {
            if (labels != null && labels.length != scores.length) {
                throw new InvalidInputException(title + ": " + scores.length + " scores but " + labels.length + " labels");
            }
        }
    }

    private ScorePlot() {
    }

    /**
     * Writes one panel per series, {@code width × panelHeight} pixels each, under a heading with the legend.
     *
     * @return the file
     */
    public static Path writePng(Path file, String heading, List<Series> series, int width, int panelHeight) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.scores()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
        List<JFreeChart> charts = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            charts.add(panel(series.get(i), lo - pad, hi + pad, i == 0 ? heading : null));
        }
        int first = panelHeight + HEADING_HEIGHT;
        return Charts.writePng(file, charts, width, first, panelHeight);
    }

    private static JFreeChart panel(Series s, double lo, double hi, String heading) {
        XYSeries scores = new XYSeries("frame score", false, false);
        for (int f = 0; f < s.scores().length; f++) {
            scores.add(f, s.scores()[f]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(heading, null, "score", new XYSeriesCollection(scores),
                PlotOrientation.VERTICAL, heading != null, false, false);
        Charts.style(chart);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, Charts.colour(0));
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(1.2f));
        NumberAxis frames = (NumberAxis) plot.getDomainAxis();
        frames.setLabel(s.title() + " — frame");
        frames.setRange(0, Math.max(1, s.scores().length - 1));
        plot.getRangeAxis().setRange(lo, hi);
        if (s.labels() != null) {
            for (int start = 0; start < s.labels().length; start++) {
                if (s.labels()[start] == 1) {
                    int end = start;
                    while (end + 1 < s.labels().length && s.labels()[end + 1] == 1) {
                        end++;
                    }
                    plot.addDomainMarker(new IntervalMarker(start - 0.5, end + 0.5, SHADE), Layer.BACKGROUND);
                    start = end;
                }
            }
        }
        if (heading != null) {
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(new LegendItem("frame score", Charts.colour(0)));
            legend.add(new LegendItem("abnormal frames (ground truth)", SHADE));
            plot.setFixedLegendItems(legend);
            chart.getLegend().setPosition(RectangleEdge.TOP);
        }
        return chart;
    }
}
