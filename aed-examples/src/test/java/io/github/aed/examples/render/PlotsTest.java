package io.github.aed.examples.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @TempDir
    Path dir;

    /** Pixels that are clearly reddish (the abnormal-frame shading) in a horizontal band of the image. */
    private static int reddish(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                n += r > 230 && g < 215 && b < 215 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void timelinesStackOnePanelPerVideoAndShadeOnlyTheAbnormalFrames() throws IOException {
        double[] scores = new double[100];
        int[] abnormal = new int[100];
        for (int f = 0; f < 100; f++) {
            scores[f] = Math.sin(f / 10.0);
            abnormal[f] = f >= 40 && f < 70 ? 1 : 0;
        }
        Path file = ScorePlot.writePng(dir.resolve("t.png"), "two clips", List.of(
                new ScorePlot.Series("Test001: vehicle", scores, new int[100]),
                new ScorePlot.Series("Test002: fast mover", scores, abnormal)), 600, 150);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(150 + 40 + 150, img.getHeight(), "the first panel has room for the heading and legend");
        assertTrue(reddish(img, 190 + 20, 190 + 110) > 1000, "the second clip's abnormal frames are shaded");
        assertTrue(reddish(img, 70, 170) < 50, "the first clip has none (only the legend's swatch, above, is red)");
    }

    @Test
    void rocCurvesAreDrawnOnUnitAxes() throws IOException {
        Path file = RocPlot.writePng(dir.resolve("roc.png"), "ROC", List.of(
                new RocPlot.Curve("a: AUC 75%", new double[] {0, 0.5, 1}, new double[] {0, 1, 1})), 400);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(400, img.getHeight());
        assertThrows(IllegalArgumentException.class, () -> new RocPlot.Curve("bad", new double[] {0}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> RocPlot.writePng(dir.resolve("none.png"), "ROC", List.of(), 400));
    }

    @Test
    void anUnwritablePlaceIsAClearError() {
        var e = assertThrows(InvalidInputException.class, () -> RocPlot.writePng(dir.resolve("no/such/folder/roc.png"), "ROC",
                List.of(new RocPlot.Curve("a", new double[] {0, 1}, new double[] {0, 1})), 200));
        assertTrue(e.getMessage().contains("roc.png"), e.getMessage());
    }
}
