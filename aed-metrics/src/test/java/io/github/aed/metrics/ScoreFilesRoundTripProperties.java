package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.aed.core.geometry.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FrameScores and ScoredRegions written with writeCsv read back as the same values. */
class ScoreFilesRoundTripProperties {

    @TempDir
    Path dir;

    /** A score of any sign and magnitude, already at the files' nine significant digits. */
    private static double score(Random r) {
        double raw = (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(30) - 15);
        return Double.parseDouble(String.format(Locale.ROOT, "%.9g", raw));
    }

    private Path file(String name) {
        try {
            return Files.createTempFile(dir, name, ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void frameScoresComeBackInOrderWithTheSameValues() {
        qt().withExamples(100).forAll(longs().all(), integers().between(1, 6)).check((seed, videos) -> {
            Random r = new Random(seed);
            Map<String, double[]> m = new LinkedHashMap<>();
            for (int v = 0; v < videos; v++) {
                double[] s = new double[1 + r.nextInt(40)];
                Arrays.setAll(s, i -> score(r));
                m.put("v" + r.nextInt(1000) + "_" + v, s);
            }
            Path csv = file("scores");
            FrameScores.of(m).writeCsv(csv);
            FrameScores back = FrameScores.readCsv(csv);
            return List.copyOf(back.videos()).equals(List.copyOf(m.keySet()))
                    && m.entrySet().stream().allMatch(e -> Arrays.equals(back.scores(e.getKey()), e.getValue()));
        });
    }

    @Test
    void regionsComeBackInOrderWithInclusiveCornersAndTheSameValues() {
        qt().withExamples(100).forAll(longs().all(), integers().between(0, 50)).check((seed, n) -> {
            Random r = new Random(seed);
            List<ScoredRegion> regions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Box b = Box.ofSize(r.nextInt(400) - 20, r.nextInt(300) - 20, 1 + r.nextInt(80), 1 + r.nextInt(80));
                regions.add(new ScoredRegion("v" + r.nextInt(3), r.nextInt(200), b, score(r)));
            }
            Path csv = file("regions");
            ScoredRegions.of(regions).writeCsv(csv);
            return ScoredRegions.readCsv(csv).regions().equals(regions);
        });
    }

    @Test
    void filesHoldTheDocumentedColumnsAndNineSignificantDigits() throws IOException {
        Path scores = dir.resolve("SCORES.csv");
        FrameScores.of(Map.of("Test001", new double[] {0.0132, 1.0 / 3})).writeCsv(scores);
        assertEquals("video,frame,score\nTest001,0,0.0132000000\nTest001,1,0.333333333\n", Files.readString(scores));
        Path regions = dir.resolve("REGIONS.csv");
        ScoredRegions.of(List.of(new ScoredRegion("01_0014", 154, new Box(4, 142, 120, 250), 0.93))).writeCsv(regions);
        assertEquals("video,frame,x_min,y_min,x_max,y_max,score\n01_0014,154,4,142,119,249,0.930000000\n",
                Files.readString(regions));
    }
}
