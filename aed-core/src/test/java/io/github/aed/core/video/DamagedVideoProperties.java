package io.github.aed.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random damage to a small AVI (truncation at any offset, flipped bytes anywhere) never reads successfully with fewer
 * frames than the original, unless the policy keeps the decoded frames.
 */
class DamagedVideoProperties {

    private static final int FRAMES = 20;

    @TempDir
    static Path dir;
    private static byte[] original;

    @BeforeAll
    static void writeOriginal() throws IOException {
        Path file = dir.resolve("original.avi");
        try (VideoFileWriter w = VideoFileWriter.open(file, 10, 32, 24)) {
            TestFrames.clip("original", FRAMES, 32, 24).forEach(w::write);
        }
        original = Files.readAllBytes(file);
    }

    /** The frames read with the policy, or -1 when the read fails with an error naming the file. */
    private static int framesRead(byte[] bytes, DamagedVideoPolicy policy) {
        Path file = dir.resolve("damaged.avi");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        try (FrameSource s = Video.file(file, policy).open()) {
            while (s.hasNext()) {
                s.next();
                n++;
            }
            return n;
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage().contains("damaged.avi"), e.getMessage());
            return -1;
        }
    }

    @Test
    void theUndamagedFileReadsWhole() {
        assertEquals(FRAMES, framesRead(original, DamagedVideoPolicy.FAIL));
    }

    @Test
    void aTruncatedFileNeverReadsShort() {
        qt().withExamples(120).forAll(integers().between(0, original.length - 1)).check(cut -> {
            int n = framesRead(Arrays.copyOf(original, cut), DamagedVideoPolicy.FAIL);
            return n == -1 || n == FRAMES;
        });
    }

    @Test
    void flippedBytesNeverReadShort() {
        qt().withExamples(120).forAll(lists().of(integers().between(0, original.length - 1)).ofSizeBetween(1, 4),
                integers().between(1, 255)).check((positions, mask) -> {
                    int n = framesRead(flipped(positions, mask), DamagedVideoPolicy.FAIL);
                    return n == -1 || n >= FRAMES;
                });
    }

    @Test
    void aChunkSizeOpenCvRefusesIsStillAnErrorNamingTheFile() {
        // found by flippedBytesNeverReadShort: these flips make OpenCV's AVI reader throw on a chunk size over 64 MiB
        int n = framesRead(flipped(List.of(4, 4115), 4), DamagedVideoPolicy.FAIL);
        assertTrue(n == -1 || n >= FRAMES, "read " + n);
    }

    @Test
    void keepingDecodedFramesReadsWhatSurvivesOfATruncatedFile() {
        byte[] half = Arrays.copyOf(original, original.length / 2);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            try (FrameSource s = Video.file(write("half.avi", half)).open()) {
                s.forEachRemaining(f -> { });
            }
        });
        assertTrue(e.getMessage().matches(".*half\\.avi: decoded (\\d+) of 20 frames \\(truncated or corrupt at frame \\1\\).*"),
                e.getMessage());
        int kept = framesRead(half, DamagedVideoPolicy.KEEP_DECODED_FRAMES);
        assertTrue(kept > 0 && kept < FRAMES, "kept " + kept);
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] flipped(List<Integer> positions, int mask) {
        byte[] b = original.clone();
        for (int p : positions) {
            b[p] ^= (byte) mask;
        }
        return b;
    }
}
