package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Anomaly scores per frame, for each test video: higher means more abnormal. Scores are kept exactly as given; this
 * library never normalises or smooths them. Every video's scores cover its frames 0, 1, …, n−1 with no gap, and every
 * score is finite. Immutable.
 *
 * <p>The file format ({@link #readCsv}) is a header {@code video,frame,score} and one line per frame, in any order:
 * <pre>
 * video,frame,score
 * Test001,0,0.0132
 * Test001,1,0.0140
 * </pre>
 * {@code video} is the test video's name as the dataset spells it ({@code Test001}, {@code 01}, {@code 01_0014});
 * {@code frame} is 0-based within the video. {@link #writeCsv} writes this format, videos in order, each video's
 * frames from 0 up, scores with nine significant digits.
 */
public final class FrameScores {

    private static final String[] HEADER = {"video", "frame", "score"};

    private final Map<String, double[]> byVideo;
    private final String source;

    private FrameScores(Map<String, double[]> byVideo, String source) {
        this.byVideo = byVideo;
        this.source = source;
    }

    /**
     * Scores from memory.
     *
     * @param scores each video's scores, frame 0 first; arrays are copied
     * @throws IllegalArgumentException if a video has no scores or a score is not finite
     */
    public static FrameScores of(Map<String, double[]> scores) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        scores.forEach((video, s) -> {
            Objects.requireNonNull(video, "video name");
            if (s.length == 0) {
                throw new IllegalArgumentException("video " + video + " has no scores");
            }
            for (int i = 0; i < s.length; i++) {
                if (!Double.isFinite(s[i])) {
                    throw new IllegalArgumentException("video " + video + " frame " + i + ": score is not finite: " + s[i]);
                }
            }
            copy.put(video, s.clone());
        });
        return new FrameScores(copy, "in-memory scores");
    }

    /**
     * Reads a {@code video,frame,score} file (see the class comment).
     *
     * @throws InvalidInputException naming the line on a malformed line, a negative frame, a non-finite score, or a
     *                               (video, frame) given twice; naming the video when its frames have a gap
     */
    public static FrameScores readCsv(Path csv) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, BitSet> seen = new HashMap<>();
        Map<String, int[]> lineOf = new HashMap<>();
        try (CsvFile f = CsvFile.withHeader(csv, HEADER)) {
            while (f.next()) {
                String video = f.text(0);
                int frame = f.integer(1, "frame");
                if (frame < 0) {
                    throw f.error("frame must be 0-based (>= 0), got " + frame);
                }
                double score = f.finite(2, "score");
                double[] s = scores.computeIfAbsent(video, v -> new double[256]);
                int[] lines = lineOf.computeIfAbsent(video, v -> new int[256]);
                BitSet b = seen.computeIfAbsent(video, v -> new BitSet());
                if (b.get(frame)) {
                    throw f.error("video " + video + " frame " + frame + " already has a score (line " + lines[frame] + ")");
                }
                if (frame >= s.length) {
                    int n = Math.max(frame + 1, s.length * 2);
                    s = Arrays.copyOf(s, n);
                    lines = Arrays.copyOf(lines, n);
                    scores.put(video, s);
                    lineOf.put(video, lines);
                }
                s[frame] = score;
                lines[frame] = f.line();
                b.set(frame);
            }
        }
        if (scores.isEmpty()) {
            throw new InvalidInputException(csv + ": no scores after the header");
        }
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            BitSet b = seen.get(e.getKey());
            int n = b.length();
            if (b.cardinality() != n) {
                throw new InvalidInputException(csv + ": video " + e.getKey() + " has scores for frames up to " + (n - 1)
                        + " but none for frame " + b.nextClearBit(0) + " (" + (n - b.cardinality()) + " frames missing)");
            }
            e.setValue(Arrays.copyOf(e.getValue(), n));
        }
        return new FrameScores(scores, csv.toString());
    }

    /**
     * Writes the scores as a {@code video,frame,score} file (see the class comment), replacing {@code csv}: one line
     * per frame, videos in {@link #videos()} order, frames 0, 1, …; each score with nine significant digits
     * ({@code %.9g}), so {@link #readCsv} gives back each score rounded to nine significant digits.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void writeCsv(Path csv) {
        CsvFile.write(csv, HEADER, out -> {
            for (Map.Entry<String, double[]> e : byVideo.entrySet()) {
                double[] s = e.getValue();
                for (int f = 0; f < s.length; f++) {
                    out.write(e.getKey() + "," + f + "," + CsvFile.number(s[f]) + "\n");
                }
            }
        });
    }

    /** The videos, in the order first seen. */
    public Set<String> videos() {
        return Collections.unmodifiableSet(byVideo.keySet());
    }

    /** Whether the video has scores. */
    public boolean has(String video) {
        return byVideo.containsKey(video);
    }

    /** Number of scored frames of a video. */
    public int frameCount(String video) {
        return scoresOf(video).length;
    }

    /** A copy of a video's scores, frame 0 first. */
    public double[] scores(String video) {
        return scoresOf(video).clone();
    }

    /** Where the scores came from (a file name, or "in-memory scores"). */
    public String source() {
        return source;
    }

    private double[] scoresOf(String video) {
        double[] s = byVideo.get(video);
        if (s == null) {
            throw new IllegalArgumentException("no scores for video " + video + " in " + source);
        }
        return s;
    }

    @Override
    public String toString() {
        return "FrameScores[" + byVideo.size() + " videos from " + source + "]";
    }
}
