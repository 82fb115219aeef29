package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The frame count an AVI file declares in its header, read without a decoder: the OpenDML {@code dmlh} total when
 * present (files over 1 GB), else the video stream header's {@code dwLength}, else the main header's
 * {@code dwTotalFrames}. Decoders cannot be asked: OpenCV counts the entries of the index at the end of the file, which
 * a truncated file has lost, and FFmpeg estimates. Reads only the {@code hdrl} list at the start of the file.
 */
final class AviHeader {

    /** The header list is a few KB; a bound keeps a damaged size field from allocating gigabytes. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private AviHeader() {
    }

    /** Whether the file name ends in {@code .avi}, so that its header must be readable. */
    static boolean isAviName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".avi");
    }

    /**
     * The declared frame count.
     *
     * @throws InvalidInputException naming the file and what is wrong if it does not start with a readable AVI header
     *                               that declares a positive frame count
     */
    static int declaredFrames(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer riff = read(in, 12, file, "the RIFF header");
            if (!fourCc(riff, 0).equals("RIFF") || !fourCc(riff, 8).equals("AVI ")) {
                throw damaged(file, "does not start with RIFF....AVI ");
            }
            ByteBuffer list = read(in, 12, file, "the header list");
            if (!fourCc(list, 0).equals("LIST") || !fourCc(list, 8).equals("hdrl")) {
                throw damaged(file, "its first chunk is not the LIST hdrl header list");
            }
            long size = list.getInt(4) & 0xFFFFFFFFL;
            if (size < 4 || size > MAX_HEADER_BYTES) {
                throw damaged(file, "the header list's size " + size + " is implausible");
            }
            ByteBuffer hdrl = read(in, (int) size - 4, file, "the header list");
            int[] counts = {-1, -1, -1}; // dmlh, strh(vids) dwLength, avih dwTotalFrames
            walk(hdrl, 0, hdrl.limit(), counts, file);
            for (int c : counts) {
                if (c > 0) {
                    return c;
                }
            }
            throw damaged(file, "the header declares no frames");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void walk(ByteBuffer b, int from, int to, int[] counts, Path file) {
        int at = from;
        while (at + 8 <= to) {
            String id = fourCc(b, at);
            long size = b.getInt(at + 4) & 0xFFFFFFFFL;
            int data = at + 8;
            if (data + size > to) {
                throw damaged(file, "chunk '" + id + "' at header offset " + at + " runs past the header list");
            }
            switch (id) {
                case "LIST" -> {
                    if (size >= 4) {
                        walk(b, data + 4, data + (int) size, counts, file);
                    }
                }
                case "avih" -> {
                    if (size >= 20) {
                        counts[2] = b.getInt(data + 16);
                    }
                }
                case "strh" -> {
                    if (size >= 36 && fourCc(b, data).equals("vids") && counts[1] < 0) {
                        counts[1] = b.getInt(data + 32);
                    }
                }
                case "dmlh" -> {
                    if (size >= 4) {
                        counts[0] = b.getInt(data);
                    }
                }
                default -> {
                    // strf, strn, JUNK, vprp, …: nothing to count
                }
            }
            at = data + (int) size + (int) (size & 1);
        }
    }

    private static ByteBuffer read(InputStream in, int n, Path file, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw damaged(file, "the file ends inside " + what);
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static InvalidInputException damaged(Path file, String what) {
        return new InvalidInputException(file + ": damaged AVI header: " + what);
    }
}
