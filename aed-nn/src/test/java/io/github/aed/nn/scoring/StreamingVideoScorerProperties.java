package io.github.aed.nn.scoring;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class StreamingVideoScorerProperties {

    private static final int W = 40;
    private static final int H = 24;
    private static final int BS = 4;

    private static final List<TemporalFilter> FILTERS = List.of(TemporalFilter.none(), TemporalFilter.gaussian(1.5),
            TemporalFilter.causalGaussian(2), TemporalFilter.ssmtlGaussian(7, 2));

    private static Gen<ObjectScores> objects(int frames) {
        return integers().between(0, frames - 1).zip(integers().between(0, W - 1), integers().between(0, H - 1),
                integers().between(0, 1000), (f, x, y, s) -> new ObjectScores(Detection.unclassified(f,
                        Box.ofSize(Math.min(x, W - 3), Math.min(y, H - 3), 1 + s % 3, 1 + s % 2), 1), Map.of("t", s / 1000.0)));
    }

    /** The whole-video definition computed directly on a 3D array, as an independent reference. */
    private static double[] reference(List<ObjectScores> objects, int frames, ScoringSettings s) {
        BlockMap g = new BlockMap(W, H, BS);
        double[][][] a = new double[frames][g.rows][g.cols];
        for (ObjectScores o : objects) {
            float[] one = g.newFrame();
            g.splat(one, o.detection().box(), o.score("t"));
            int f = o.detection().frameIndex();
            for (int r = 0; r < g.rows; r++) {
                for (int c = 0; c < g.cols; c++) {
                    a[f][r][c] = Math.max(a[f][r][c], one[r * g.cols + c]);
                }
            }
        }
        int m = s.meanFilterSize();
        if (m > 1) {
            double[] line = new double[Math.max(frames, Math.max(g.rows, g.cols))];
            for (int r = 0; r < g.rows; r++) {
                for (int c = 0; c < g.cols; c++) {
                    for (int f = 0; f < frames; f++) {
                        line[f] = a[f][r][c];
                    }
                    double[] out = BlockMap.boxMean(line, frames, m);
                    for (int f = 0; f < frames; f++) {
                        a[f][r][c] = out[f];
                    }
                }
            }
            for (int f = 0; f < frames; f++) {
                for (int r = 0; r < g.rows; r++) {
                    a[f][r] = BlockMap.boxMean(a[f][r], g.cols, m);
                }
                for (int c = 0; c < g.cols; c++) {
                    for (int r = 0; r < g.rows; r++) {
                        line[r] = a[f][r][c];
                    }
                    double[] out = BlockMap.boxMean(line, g.rows, m);
                    for (int r = 0; r < g.rows; r++) {
                        a[f][r][c] = out[r];
                    }
                }
            }
        }
        double[] max = new double[frames];
        for (int f = 0; f < frames; f++) {
            max[f] = Double.NEGATIVE_INFINITY;
            for (double[] row : a[f]) {
                for (double v : row) {
                    max[f] = Math.max(max[f], v);
                }
            }
        }
        return s.temporalFilter().apply(max);
    }

    @Test
    void streamingAndWholeVideoScoringMatchTheDirectDefinition() {
        qt().withExamples(150).forAll(integers().between(1, 30), integers().between(0, 2), integers().between(0, FILTERS.size() - 1),
                lists().of(objects(30)).ofSizeBetween(0, 12)).check((frames, meanChoice, filterChoice, drawn) -> {
            ScoringSettings s = ScoringSettings.builder().normalisation(Normalisation.NONE).blockSize(BS)
                    .meanFilterSize(new int[] {0, 3, 5}[meanChoice]).temporalFilter(FILTERS.get(filterChoice)).build();
            List<ObjectScores> list = drawn.stream().map(o -> new ObjectScores(
                    o.detection().withFrameIndex(o.detection().frameIndex() % frames), o.byTask())).toList();
            double[] expected = reference(list, frames, s);
            double[] whole = new VideoScorer(s, null).score("v", frames, W, H, list).frameScores();
            StreamingVideoScorer stream = new StreamingVideoScorer("v", W, H, s, null);
            List<ScoredFrame> got = new ArrayList<>();
            for (int f = 0; f < frames; f++) {
                int frame = f;
                List<ScoredFrame> ready = stream.push(f, list.stream().filter(o -> o.detection().frameIndex() == frame).toList());
                for (ScoredFrame r : ready) {
                    if (r.frame() + stream.delay() != f) {
                        return false;
                    }
                }
                got.addAll(ready);
            }
            got.addAll(stream.finish());
            if (got.size() != frames || whole.length != frames) {
                return false;
            }
            for (int f = 0; f < frames; f++) {
                if (got.get(f).frame() != f || Math.abs(got.get(f).score() - expected[f]) > 1e-5
                        || Math.abs(whole[f] - expected[f]) > 1e-5) {
                    return false;
                }
            }
            return true;
        });
    }
}
