package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mask images read with javax.imageio, and aed-metrics' classpath without native libraries. */
class MaskImageTest {

    @TempDir
    Path dir;

    /** Pixels (1, 0) and (2, 1) set, diagonal neighbours: one component [1, 3) x [0, 2). */
    private static void draw(BufferedImage image, int rgb) {
        image.setRGB(1, 0, rgb);
        image.setRGB(2, 1, rgb);
    }

    private MaskImage written(BufferedImage image, String format) throws IOException {
        Path file = dir.resolve("mask." + format);
        assertTrue(ImageIO.write(image, format, file.toFile()), format);
        return MaskImage.read(file);
    }

    @Test
    void readsOneBitGreyEightBitGreyAndColourMasksAlike() throws IOException {
        byte[] expected = {0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
        BufferedImage binary = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_BINARY);
        draw(binary, 0xFFFFFF);
        BufferedImage grey = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 0, 0, 1);
        grey.getRaster().setSample(2, 1, 0, 255);
        BufferedImage colour = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
        draw(colour, 0x0000FF);
        for (MaskImage m : List.of(written(binary, "png"), written(grey, "bmp"), written(grey, "tiff"), written(colour, "png"))) {
            assertEquals(4, m.width());
            assertEquals(3, m.height());
            assertArrayEquals(expected, m.pixels());
            assertEquals(List.of(new Box(1, 0, 3, 2)), m.components());
        }
    }

    @Test
    void paletteMasksAreReadByColourNotByIndex() throws IOException {
        byte[] white = {(byte) 255, 0};
        IndexColorModel whiteFirst = new IndexColorModel(1, 2, white, white, white);
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_BINARY, whiteFirst);
        draw(image, 0x000000);
        byte[] pixels = written(image, "png").pixels();
        assertEquals(0, pixels[1]);
        assertEquals(1, pixels[0]);
    }

    @Test
    void unreadableFilesAreNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("001.png"), "not an image");
        String m = assertThrows(InvalidInputException.class, () -> MaskImage.read(text)).getMessage();
        assertTrue(m.startsWith(text.toString()), m);
        Path missing = dir.resolve("002.png");
        m = assertThrows(InvalidInputException.class, () -> MaskImage.read(missing)).getMessage();
        assertTrue(m.startsWith(missing.toString()), m);
    }

    @Test
    void noNativeLibraryIsOnTheClasspath() {
        for (String c : List.of("org.bytedeco.javacpp.Loader", "org.bytedeco.opencv.global.opencv_core", "org.nd4j.linalg.factory.Nd4j")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(c), c);
        }
    }
}
