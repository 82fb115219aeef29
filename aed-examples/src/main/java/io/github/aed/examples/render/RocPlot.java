package io.github.aed.examples.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws ROC curves into a PNG with JFreeChart: false-positive rate (x) against true-positive rate (y), both on [0, 1]
 * axes with ticks and names, the chance diagonal, and a legend naming each curve (put its AUC into the label).
 */
public final class RocPlot {

    /**
     * One curve: its legend label and its points (rates in [0, 1], in curve order).
     *
     * @param label legend text, e.g. {@code "default: micro AUC 91.2%"}
     */
    public record Curve(String label, double[] falsePositiveRates, double[] truePositiveRates) {
        /** Checks that the two rate arrays pair up. */
        public Curve {
            if (falsePositiveRates.length != truePositiveRates.length || falsePositiveRates.length == 0) {
                throw new IllegalArgumentException(label + ": " + falsePositiveRates.length + " false-positive rates but "
                        + truePositiveRates.length + " true-positive rates; expected the same, non-zero number");
            }
        }
    }

    private RocPlot() {
    }

    /**
     * Writes the curves as a {@code size × size} pixel PNG.
     *
     * @return the file
     */
    public static Path writePng(Path file, String title, List<Curve> curves, int size) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no ROC curve to plot");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.label(), false, true);
            for (int i = 0; i < c.falsePositiveRates().length; i++) {
                s.add(c.falsePositiveRates()[i], c.truePositiveRates()[i]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "false-positive rate (normal frames flagged)",
                "true-positive rate (abnormal frames flagged)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        Charts.style(chart);
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setRange(0, 1);
            axis.setTickUnit(new NumberTickUnit(0.1));
        }
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, Charts.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f), Color.GRAY));
        return Charts.writePng(file, List.of(chart), size, size, size);
    }
}
