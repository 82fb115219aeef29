package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;
import org.openlca.npy.NpyDataType;
import org.openlca.npy.NpyHeader;
import org.openlca.npy.dict.NpyHeaderDict;

/**
 * NumPy {@code .npy} ground-truth arrays, read with the {@code org.openlca:npy} library and checked first: the magic
 * and header dictionary must parse, the type must be numeric, and the data section must hold exactly the bytes the
 * header's shape and type declare (the library itself reads a truncated file without complaint).
 */
final class NpyFiles {

    /** Receives one frame of a (frames, height, width) mask array. */
    interface MaskConsumer {
        void accept(int frame, byte[] mask, int width, int height);
    }

    private NpyFiles() {
    }

    /** A 0/1 vector: shape (n) or (1, n), any integer, boolean or float type. */
    static boolean[] binaryVector(Path npy) {
        NpyArray<?> a = read(npy);
        int[] shape = a.shape();
        if (!(shape.length == 1 || shape.length == 2 && shape[0] == 1)) {
            throw new InvalidInputException(npy + ": expected a vector of per-frame 0/1 labels, got shape " + Arrays.toString(shape));
        }
        double[] v = a.asDoubleArray().data();
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0 && v[i] != 1) {
                throw new InvalidInputException(npy + ": entry " + i + " is " + v[i] + "; labels must be 0 or 1");
            }
            out[i] = v[i] == 1;
        }
        return out;
    }

    /**
     * Reads a (frames, height, width) C-order mask array one frame at a time, so that a long video's masks are never
     * all in memory.
     *
     * @return the number of frames
     */
    static int forEachMask(Path npy, MaskConsumer consumer) {
        check(npy);
        checkHeader(npy);
        int[] frames = new int[1];
        try {
            Npy.use(npy.toFile(), (file, header) -> {
                NpyHeaderDict dict = header.dict();
                int[] shape = dict.shape();
                if (shape.length != 3 || dict.hasFortranOrder()) {
                    throw new InvalidInputException(npy + ": expected a C-order (frames, height, width) mask array, got shape "
                            + Arrays.toString(shape) + (dict.hasFortranOrder() ? " in Fortran order" : ""));
                }
                NpyDataType type = dict.dataType();
                if (type != NpyDataType.bool && type != NpyDataType.u1 && type != NpyDataType.i1) {
                    throw new InvalidInputException(npy + ": expected a 1-byte mask type (bool, uint8 or int8), got " + type);
                }
                // 1-byte elements have no byte order, so each frame is a plain slice of the data section. (The
                // library's own readRange returns nothing for offset 0 in version 0.0.3.)
                int size = shape[1] * shape[2];
                byte[] mask = new byte[size];
                try {
                    for (int f = 0; f < shape[0]; f++) {
                        file.seek(header.dataOffset() + (long) f * size);
                        file.readFully(mask);
                        consumer.accept(f, mask.clone(), shape[2], shape[1]);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + npy, e);
                }
                frames[0] = shape[0];
            });
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(npy + ": cannot read as a NumPy .npy array: " + e.getMessage(), e);
        }
        return frames[0];
    }

    private static NpyArray<?> read(Path npy) {
        check(npy);
        checkHeader(npy);
        try {
            return Npy.read(new File(npy.toString()));
        } catch (RuntimeException e) {
            throw new InvalidInputException(npy + ": cannot read as a NumPy .npy array: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the header against the file: a parsable header of a numeric type whose shape and element size account for
     * every byte after it.
     */
    static void checkHeader(Path npy) {
        NpyHeader header;
        long fileSize;
        try (InputStream in = Files.newInputStream(npy)) {
            fileSize = Files.size(npy);
            header = NpyHeader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + npy, e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(npy + ": not a NumPy .npy file, or its header is damaged: " + e.getMessage(), e);
        }
        NpyHeaderDict dict = header.dict();
        NpyDataType type = dict.dataType();
        if (type == null || type == NpyDataType.S || type == NpyDataType.U) {
            throw new InvalidInputException(npy + ": the header declares the type " + dict.property("descr")
                    + "; expected a numeric or boolean array");
        }
        long elements = 1;
        for (int d : dict.shape()) {
            if (d < 0) {
                throw new InvalidInputException(npy + ": the header declares a negative dimension in shape " + Arrays.toString(dict.shape()));
            }
            elements *= d;
        }
        long expected = elements * type.size();
        long actual = fileSize - header.dataOffset();
        if (actual != expected) {
            throw new InvalidInputException(npy + ": the header declares shape " + Arrays.toString(dict.shape()) + " of " + type
                    + " (" + expected + " bytes of data), but the file holds " + actual + " bytes after the header ("
                    + (actual < expected ? "truncated" : "trailing bytes") + ")");
        }
    }

    private static void check(Path npy) {
        if (!Files.isRegularFile(npy)) {
            throw new InvalidInputException(npy + ": no such file");
        }
    }
}
