package io.github.aed.nn;

import io.github.aed.detect.motion.MotionDetector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.core.video.Video;
import io.github.aed.nn.model.DetectorProvenance;
import io.github.aed.nn.model.ModelFile;
import io.github.aed.nn.model.TrainedModel;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.scoring.ScoredFrame;
import io.github.aed.nn.scoring.ScoreStatistics;
import io.github.aed.nn.scoring.ScoringSettings;
import io.github.aed.nn.scoring.VideoScores;
import io.github.aed.nn.task.ArrowOfTime;
import io.github.aed.nn.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a small generated scene: train on normal videos, score a video with anomalies. */
public class AnomalyDetectorTest {

    private static final SceneGenerator NORMAL = SceneGenerator.builder().size(160, 112).frames(120).walkers(3).seed(3).build();
    private static GeneratedVideo test;
    private static AnomalyDetector trained;

    @BeforeAll
    static void train() {
        List<Video> normal = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            normal.add(NORMAL.generate("Train00" + v, v).asVideo());
        }
        test = NORMAL.toBuilder().anomaly(AnomalyKind.FAST_MOVER, 20, 30).anomaly(AnomalyKind.VEHICLE, 40, 35).build()
                .generate("Test001", 10);
        trained = AnomalyDetector.builder().detector(MotionDetector.builder().build())
                .attributes(io.github.aed.nn.attribute.AttributeSettings.defaults())
                .network(NetworkSettings.builder().variant(BackboneVariant.SHALLOW_NARROW).cubeSize(16).build())
                .training(TrainingSettings.builder().epochs(6).batchSize(16).seed(7).build())
                .build().fit(normal);
    }

    @Test
    void anomalousFramesScoreAboveNormalOnes() {
        VideoScores scores = trained.score(test.asVideo());
        assertEquals(120, scores.frameCount());
        double auc = auc(test.labels(), scores.frameScores());
        // fast movers and vehicles are far from anything in the normal videos; a tiny network trained for six epochs
        // on 16x16 crops must rank their frames well above chance (0.93 / 0.996 / 0.97 with seeds 7 / 8 / 9 when this
        // test was written; with 3 training videos of 80 frames the spread was 0.63..0.97, too few objects)
        assertTrue(auc > 0.85, "frame AUC " + auc);
    }

    @Test
    void objectsCarryTheirAttributeScoresAndTheModelItsFusionWeights() {
        TrainedModel m = trained.model().orElseThrow();
        assertEquals(java.util.List.of("velocity", "direction", "size"), m.attributes().stream().map(a -> a.name()).toList());
        assertEquals(m.scoreNames(), java.util.List.copyOf(m.fusionWeights().weights().keySet()));
        assertTrue(trained.scoringSettings().weights().isEmpty(), "every score weighs 1 unless asked otherwise");
        assertTrue(trained.describe().contains("fusion weights chosen at training: "), trained.describe());
        VideoScores weighted = trained.withScoring(ScoringSettings.builder().weights(m.fusionWeights().weights()).build())
                .score(test.asVideo());
        assertEquals(m.fusionWeights().weights(), weighted.settings().weights());
        VideoScores scores = trained.score(test.asVideo());
        assertTrue(scores.objects().stream().allMatch(o -> o.rawByTask().keySet().containsAll(java.util.List.of("velocity", "size"))));
        double fastest = scores.objects().stream().filter(o -> test.labels()[o.detection().frameIndex()] == 1)
                .mapToDouble(o -> o.rawByTask().get("velocity")).max().orElseThrow();
        assertTrue(fastest > 1, "the fast mover lies beyond the 99th percentile of normal objects' velocity: " + fastest);
        var unknown = assertThrows(IllegalArgumentException.class, () -> trained.withScoring(
                ScoringSettings.builder().weights(java.util.Map.of("colour", 1.0)).build()).score(test.asVideo()));
        assertTrue(unknown.getMessage().contains("[colour]") && unknown.getMessage().contains("velocity"), unknown.getMessage());
    }

    @Test
    void streamingMatchesWholeVideoScoringFrameForFrame() {
        VideoScores whole = trained.score(test.asVideo());
        List<ScoredFrame> streamed = new ArrayList<>();
        trained.stream(test.asVideo().open(), streamed::add);
        assertEquals(whole.frameCount(), streamed.size());
        for (int f = 0; f < streamed.size(); f++) {
            assertEquals(whole.frameScore(f), streamed.get(f).score(), 1e-6, "frame " + f);
        }
    }

    @Test
    void saveThenLoadGivesBitIdenticalScoresWithTheSavedPrimedDetector(@TempDir Path dir) {
        Path file = dir.resolve("model.aed");
        trained.save(file);
        try (AnomalyDetector back = AnomalyDetector.load(file)) {
            assertEquals(trained.objectDetector().describe(), back.objectDetector().describe());
            assertTrue(back.objectDetector().describe().contains("primed on"), back.objectDetector().describe());
            assertArrayEquals(trained.score(test.asVideo()).frameScores(), back.score(test.asVideo()).frameScores());
        }
    }

    @Test
    void aModelWhoseDetectorCannotBeRebuiltAsksForIt(@TempDir Path dir) {
        TrainedModel m = trained.model().orElseThrow();
        TrainedModel ownDetector = new TrainedModel(m.newNetwork(), m.trainingCubes(), m.testCubes(),
                new DetectorProvenance("a user's own detector", Optional.empty()), m.teacher(), m.validationScores(), m.training())
                .withAttributes(m.attributes(), m.fusionWeights());
        Path file = dir.resolve("own.aed");
        ModelFile.save(ownDetector, file);
        AnomalyDetector loaded = AnomalyDetector.load(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loaded.score(test.asVideo()));
        assertTrue(e.getMessage().contains("a user's own detector") && e.getMessage().contains("load(file, detector)"),
                e.getMessage());
        AnomalyDetector given = AnomalyDetector.load(file, trained.objectDetector());
        assertArrayEquals(trained.score(test.asVideo()).frameScores(), given.score(test.asVideo()).frameScores());
    }

    @Test
    void copiesForThreadsScoreAtTheSameTimeExactlyAsTheOriginalAlone() throws Exception {
        double[] expected = trained.score(test.asVideo()).frameScores();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (AnomalyDetector a = trained.copyForThread(); AnomalyDetector b = trained.copyForThread()) {
            Future<double[]> fa = pool.submit(() -> a.score(test.asVideo()).frameScores());
            Future<double[]> fb = pool.submit(() -> b.score(test.asVideo()).frameScores());
            assertArrayEquals(expected, fa.get());
            assertArrayEquals(expected, fb.get());
        } finally {
            pool.shutdownNow();
        }
        try (MotionDetector tuned = MotionDetector.builder().history(77).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> trained.withDetector(tuned).copyForThread());
            assertTrue(e.getMessage().contains("copyForThread(detector)"), e.getMessage());
        }
    }

    @Test
    void misuseGivesClearErrors() {
        AnomalyDetector untrained = AnomalyDetector.builder().detector(MotionDetector.builder().build()).build();
        IllegalStateException notTrained = assertThrows(IllegalStateException.class, () -> untrained.score(test.asVideo()));
        assertTrue(notTrained.getMessage().contains("fit"), notTrained.getMessage());
        assertFalse(untrained.isTrained());

        GeneratedVideo other = SceneGenerator.builder().size(200, 112).frames(20).build().generate("wide", 0);
        InvalidInputException size = assertThrows(InvalidInputException.class, () -> trained.score(other.asVideo()));
        assertTrue(size.getMessage().contains("200x112") && size.getMessage().contains("160x112"), size.getMessage());

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> AnomalyDetector.builder().detector(MotionDetector.builder().build()).addTask(new ArrowOfTime()).build());
        assertTrue(twice.getMessage().contains("arrow-of-time"), twice.getMessage());
        assertThrows(InvalidInputException.class, () -> trained.score(List.of()));

        IllegalArgumentException unknownTask = assertThrows(IllegalArgumentException.class, () -> trained.withScoring(
                ScoringSettings.builder().scoredTasks(java.util.Set.of("optical-flow")).build()));
        assertTrue(unknownTask.getMessage().contains("optical-flow") && unknownTask.getMessage().contains("middle-box"),
                unknownTask.getMessage());
    }

    @Test
    void oneTaskAloneScoresWithItsOwnTrainingAnchors() {
        AnomalyDetector middleBoxOnly = trained.withScoring(ScoringSettings.builder().scoredTasks(java.util.Set.of("middle-box")).build());
        VideoScores scores = middleBoxOnly.score(test.asVideo());
        ScoreStatistics anchors = trained.model().orElseThrow().validationScores().statistics(ScoringSettings.builder().scoredTasks(java.util.Set.of("middle-box")).build());
        for (var o : scores.objects()) {
            double[] a = anchors.anchors("middle-box");
            double scaled = (o.rawByTask().get("middle-box") - a[0]) / (a[1] - a[0]);
            assertEquals(Math.max(0, scaled), o.score(), 1e-9, "with one task the object score is that task's scaled score");
        }
    }

    /** Mann-Whitney AUC with ties counted one half (tests cannot use aed-metrics from aed-nn). */
    public static double auc(int[] labels, double[] scores) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
