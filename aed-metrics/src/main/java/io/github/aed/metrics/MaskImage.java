package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A pixel mask read from an image file with {@code javax.imageio} (PNG, BMP, GIF, JPEG, and TIFF since Java 9), so
 * that reading ground truth needs no native library. A pixel is anomalous when its colour is not black: a non-zero
 * grey level (any bit depth, 1-bit PNGs included), a non-zero colour component, or, for palette images, a palette
 * entry that is not black. Alpha is ignored.
 *
 * @param width  columns
 * @param height rows
 * @param pixels {@code width * height} bytes, row-major from the top-left pixel; 1 = anomalous, 0 = normal
 */
record MaskImage(int width, int height, byte[] pixels) {

    /**
     * Reads a mask image.
     *
     * @throws InvalidInputException naming the file if it cannot be read or is not an image Java can decode
     */
    static MaskImage read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the mask image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InvalidInputException(file + ": not a mask image Java can decode (PNG, BMP, GIF, JPEG or TIFF)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel colours = image.getColorModel();
        boolean[] paletteSet = colours instanceof IndexColorModel palette ? nonBlackEntries(palette) : null;
        int bands = raster.getNumBands();
        int colourBands = paletteSet != null ? 1 : colours.getNumColorComponents();
        int[] row = new int[w * bands];
        byte[] pixels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int first = x * bands;
                boolean set;
                if (paletteSet != null) {
                    set = row[first] < paletteSet.length && paletteSet[row[first]];
                } else {
                    set = false;
                    for (int b = first; b < first + colourBands && !set; b++) {
                        set = row[b] != 0;
                    }
                }
                pixels[y * w + x] = (byte) (set ? 1 : 0);
            }
        }
        return new MaskImage(w, h, pixels);
    }

    /**
     * An image file's width and height from its header, without decoding the pixels; empty when {@code javax.imageio}
     * has no reader for it or cannot read its header.
     */
    static Optional<int[]> dimensions(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean[] nonBlackEntries(IndexColorModel palette) {
        boolean[] set = new boolean[palette.getMapSize()];
        for (int i = 0; i < set.length; i++) {
            set[i] = (palette.getRGB(i) & 0xFFFFFF) != 0;
        }
        return set;
    }

    /** The mask's 8-connected components, as {@link MaskTracks#components} gives them. */
    List<Box> components() {
        return MaskTracks.components(pixels, width, height);
    }
}
