package io.github.aed.nn.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.github.aed.core.video.Video;
import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.nn.attribute.AttributeCubeScorer;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.ObjectViews;
import io.github.aed.nn.attribute.Velocity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringPipelineTest {

    /** Returns the scene's true object boxes: isolates the pipeline from detector errors. */
    private static class OracleDetector implements ObjectDetector {
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
        ScoringPipeline pipeline = new ScoringPipeline(new OracleDetector(video), scorer, settings, null, List.of(), 8, null, 0);
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

    /** No task: one constant score per object, from cubes reaching one frame either side. */
    private static final class NoTask implements CubeScorer {
        @Override
        public CubeSettings cubeSettings() {
            return CubeSettings.builder().size(8).temporalRadius(1).build();
        }

        @Override
        public List<String> taskNames() {
            return List.of("none");
        }

        @Override
        public List<ObjectScores> score(CubeBatch batch, java.util.function.IntFunction<Frame> frameAt) {
            return batch.detections().stream().map(d -> new ObjectScores(d, Map.of("none", 0.0))).toList();
        }
    }

    @Test
    void attributesSeeTheFramesAroundAnObjectAsTheyWouldInTheWholeVideo() {
        GeneratedVideo video = SCENE.generate("Test001", 3);
        Velocity velocity = new Velocity(1, 3);
        List<float[]> bank = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bank.add(new float[] {i * 0.1f});
        }
        AttributeDensity density = AttributeDensity.fit(velocity, bank, bank.subList(0, 10), AttributeSettings.defaults());
        ScoringSettings settings = ScoringSettings.builder().normalisation(Normalisation.NONE).perTaskScaling(false).build();
        List<ScoredObject> whole;
        List<ScoredObject> streamed = new ArrayList<>();
        try (AttributeCubeScorer scorer = new AttributeCubeScorer(new NoTask(), List.of(density))) {
            assertEquals(4, scorer.cubeSettings().temporalRadius(), "the cubes wait for the frames the flow radius of 3 needs");
            ScoringPipeline pipeline = new ScoringPipeline(new OracleDetector(video), scorer, settings, null, List.of(), 8, null, 0);
            whole = pipeline.score(video.asVideo()).objects();
            pipeline.stream(video.asVideo().open(), f -> streamed.addAll(f.objects()));
        }
        List<Frame> frames = video.frames();
        int checked = 0;
        try (ObjectViews views = new ObjectViews(3)) {
            for (List<ScoredObject> scored : List.of(whole, streamed)) {
                for (ScoredObject o : scored) {
                    double expected = density.score(views.view(o.detection(), i -> i >= 0 && i < frames.size() ? frames.get(i) : null));
                    assertEquals(expected, o.rawByTask().get(Velocity.NAME), 1e-9, o.detection().toString());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "objects checked: " + checked);
    }

    @Test
    void detectingAheadOnAnotherThreadScoresExactlyAsDetectingInLine() {
        GeneratedVideo video = SCENE.generate("Test001", 4);
        ScoringSettings settings = ScoringSettings.builder().normalisation(Normalisation.NONE).perTaskScaling(false).build();
        List<double[]> wholes = new ArrayList<>();
        List<List<Double>> streams = new ArrayList<>();
        for (int ahead : new int[] {0, 3}) {
            try (MotionDetector motion = MotionDetector.builder().build()) {
                ScoringPipeline pipeline = new ScoringPipeline(motion, new MotionScorer(), settings, null, List.of(), 8, null, ahead);
                VideoScores whole = pipeline.score(video.asVideo());
                assertTrue(whole.objects().size() > 100, "the motion detector finds the walkers: " + whole.objects().size());
                wholes.add(whole.frameScores());
                List<Double> streamed = new ArrayList<>();
                pipeline.stream(video.asVideo().open(), f -> streamed.add(f.score()));
                streams.add(streamed);
            }
        }
        assertArrayEquals(wholes.get(0), wholes.get(1), "a background model must see the frames in the same order");
        assertEquals(streams.get(0), streams.get(1));
    }

    @Test
    void detectionFailuresReachTheCallerAndLeaveTheDetectorFree() {
        GeneratedVideo video = SCENE.generate("Test001", 5);
        ObjectDetector failing = new OracleDetector(video) {
            @Override
            public List<Detection> detect(Frame frame) {
                if (frame.index() == 20) {
                    throw new InvalidInputException(frame.source() + ": frame 20 cannot be decoded");
                }
                return super.detect(frame);
            }
        };
        ScoringSettings settings = ScoringSettings.builder().normalisation(Normalisation.NONE).build();
        ScoringPipeline pipeline = new ScoringPipeline(failing, new MotionScorer(), settings, null, List.of(), 8, null, 4);
        var e = assertThrows(InvalidInputException.class, () -> pipeline.score(video.asVideo()));
        assertTrue(e.getMessage().contains("frame 20"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> pipeline.stream(video.asVideo().open(), f -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoringPipeline(failing, new MotionScorer(), settings, null, List.of(), 8, null, -1));
        Video empty = Video.of("Empty", List.of());
        var none = assertThrows(InvalidInputException.class, () -> pipeline.score(empty));
        assertTrue(none.getMessage().contains("Empty") && none.getMessage().contains("has no frames"), none.getMessage());
        none = assertThrows(InvalidInputException.class, () -> pipeline.stream(empty.open(), f -> { }));
        assertTrue(none.getMessage().contains("has no frames"), none.getMessage());
    }

    @Test
    void videosShorterThanACubeAreRejected() {
        GeneratedVideo tiny = SCENE.toBuilder().frames(5).clearAnomalies().build().generate("tiny", 0);
        ScoringPipeline pipeline = new ScoringPipeline(new OracleDetector(tiny), new MotionScorer(),
                ScoringSettings.builder().normalisation(Normalisation.NONE).build(), null, List.of(), 8, null, 0);
        assertThrows(InvalidInputException.class, () -> pipeline.score(tiny.asVideo()));
    }
}
