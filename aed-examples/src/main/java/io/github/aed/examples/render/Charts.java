package io.github.aed.examples.render;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.files.OutputTransaction;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The look shared by the example programs' charts, and writing a stack of charts into one PNG. */
final class Charts {

    /** Series colours, taken in turn: blue, orange, green, purple. */
    private static final Color[] COLOURS = {new Color(0, 90, 170), new Color(220, 110, 0), new Color(40, 150, 40),
            new Color(150, 0, 150)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static Color colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** White background, light grid, readable fonts. */
    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlinePaint(Color.GRAY);
    }

    /**
     * Draws the charts one under the other, {@code width} pixels wide, the first {@code firstHeight} pixels high (room
     * for a title and legend) and the others {@code height}, and writes them as one PNG.
     *
     * @return the file
     * @throws InvalidInputException if the file cannot be written (all or nothing: {@link OutputTransaction#write})
     */
    static Path writePng(Path file, List<JFreeChart> charts, int width, int firstHeight, int height) {
        BufferedImage image = new BufferedImage(width, firstHeight + height * (charts.size() - 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double y = 0;
            for (int i = 0; i < charts.size(); i++) {
                double h = i == 0 ? firstHeight : height;
                charts.get(i).draw(g, new Rectangle2D.Double(0, y, width, h));
                y += h;
            }
        } finally {
            g.dispose();
        }
        OutputTransaction.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new InvalidInputException(file + ": no PNG writer available");
            }
        });
        return file;
    }
}
