package io.github.aed.nn.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.cube.CubeBatch;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Frame;
import io.github.aed.detect.ObjectDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringPipelineTest {

    /** Returns the scene's true object boxes: isolates the pipeline from detector errors. */
    private static final class OracleDetector implements ObjectDetector {
        private final GeneratedVideo video;

        OracleDetector(GeneratedVideo video) {
            this.video = video;
        }

        @Override
        public List<Detection> detect(Frame frame) {
            return video.objects().get(frame.index()).stream().map(b -> Detection.unclassified(frame.index(), b, 1)).toList();
        }

        @Override
        public String describe() {
            return "oracle";
        }
    }

    /** Scores a cube by its motion energy: mean absolute change between consecutive crops, and by its size. */
    private static final class MotionScorer implements CubeScorer {
        private final CubeSettings cubes = CubeSettings.builder().size(16).build();

        @Override
        public CubeSettings cubeSettings() {
            return cubes;
        }

        @Override
        public List<String> taskNames() {
            return List.of("motion", "size");
        }

        @Override
        public List<ObjectScores> score(CubeBatch batch, java.util.function.IntFunction<Frame> frameAt) {
            List<ObjectScores> out = new ArrayList<>();
            float[] a = batch.array();
            int len = cubes.cubeLength();
            int plane = cubes.size() * cubes.size();
            for (int i = 0; i < batch.size(); i++) {
                double energy = 0;
                for (int c = 0; c < 3; c++) {
                    for (int d = 0; d + 1 < cubes.depth(); d++) {
                        int base = i * len + (c * cubes.depth() + d) * plane;
                        for (int p = 0; p < plane; p++) {
                            energy += Math.abs(a[base + p + plane] - a[base + p]);
                        }
                    }
                }
                Detection det = batch.detections().get(i);
                out.add(new ObjectScores(det, Map.of("motion", energy / len, "size", (double) det.box().area())));
            }
            return out;
        }
    }

    private static final SceneGenerator SCENE = SceneGenerator.builder().frames(90).walkers(3).seed(11)
            .anomaly(AnomalyKind.FAST_MOVER, 30, 40).anomaly(AnomalyKind.VEHICLE, 45, 40).build();

    @Test
    void anomalousFramesScoreHigherAndStreamingMatchesWholeVideoScoring() {
        GeneratedVideo video = SCENE.generate("Test001", 2);
        ScoringSettings settings = ScoringSettings.builder().normalisation(Normalisation.NONE).perTaskScaling(false)
                .meanFilterSize(3).temporalFilter(TemporalFilter.gaussian(2)).build();
        MotionScorer scorer = new MotionScorer();
        ScoringPipeline pipeline = new ScoringPipeline(new OracleDetector(video), scorer, settings, null, List.of(), 8, null);
        VideoScores whole = pipeline.score(video.asVideo());
        List<ScoredFrame> streamed = new ArrayList<>();
        pipeline.stream(video.asVideo().open(), streamed::add);

        assertEquals(90, whole.frameCount());
        assertEquals(90, streamed.size());
        for (int f = 0; f < 90; f++) {
            assertEquals(f, streamed.get(f).frame());
            assertEquals(whole.frameScore(f), streamed.get(f).score(), 1e-9, "frame " + f);
        }
        double auc = io.github.aed.nn.AnomalyDetectorTest.auc(video.labels(), whole.frameScores());
        assertTrue(auc > 0.8, "a motion-energy scorer must separate fast movers and vehicles from walkers; AUC " + auc);
    }

    @Test
    void videosShorterThanACubeAreRejected() {
        GeneratedVideo tiny = SCENE.toBuilder().frames(5).clearAnomalies().build().generate("tiny", 0);
        ScoringPipeline pipeline = new ScoringPipeline(new OracleDetector(tiny), new MotionScorer(),
                ScoringSettings.builder().normalisation(Normalisation.NONE).build(), null, List.of(), 8, null);
        assertThrows(InvalidInputException.class, () -> pipeline.score(tiny.asVideo()));
    }
}
