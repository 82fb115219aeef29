package io.github.aed.nn.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.detection.Detection;
import io.github.aed.core.geometry.Box;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VideoScorerTest {

    private static ObjectScores obj(int frame, Box box, double a, double b) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        return new ObjectScores(Detection.unclassified(frame, box, 1), m);
    }

    private static final ScoringSettings PLAIN = ScoringSettings.builder()
            .normalisation(Normalisation.PER_VIDEO_MIN_MAX).blockSize(4).meanFilterSize(0).build();

    @Test
    void perVideoMinMaxScalesEachTaskThenTheSum() {
        List<ObjectScores> objects = List.of(
                obj(1, new Box(0, 0, 8, 8), 1, 100),
                obj(2, new Box(0, 0, 8, 8), 3, 300),
                obj(2, new Box(20, 20, 28, 28), 2, 100));
        VideoScores v = new VideoScorer(PLAIN, null).score("v", 5, 40, 40, objects);
        // task a: 0, 1, .5 ; task b: 0, 1, 0 ; sums 0, 2, .5 -> 0, 1, .25
        assertEquals(0.0, v.objects().get(0).score(), 1e-12);
        assertEquals(1.0, v.objects().get(1).score(), 1e-12);
        assertEquals(0.25, v.objects().get(2).score(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, v.frameScores(), 1e-12);
        assertTrue(v.settings().isTransductive());
    }

    @Test
    void constantScoresDoNotDivideByZero() {
        VideoScores v = new VideoScorer(PLAIN, null).score("v", 3, 40, 40, List.of(obj(1, new Box(0, 0, 4, 4), 5, 5)));
        assertEquals(0.0, v.frameScore(1));
    }

    @Test
    void trainingStatisticsMakeScoresIndependentOfTheOtherObjects() {
        ScoreStatistics stats = ScoreStatistics.of(List.of(obj(0, new Box(0, 0, 4, 4), 0, 0), obj(0, new Box(0, 0, 4, 4), 1, 10)),
                Normalisation.TRAINING_MIN_MAX, true, t -> 1.0);
        VideoScorer scorer = new VideoScorer(ScoringSettings.builder().normalisation(Normalisation.TRAINING_MIN_MAX).build(), stats);
        ObjectScores target = obj(1, new Box(0, 0, 8, 8), 0.5, 5);
        double alone = scorer.score("v", 3, 40, 40, List.of(target)).objects().get(0).score();
        double withOthers = scorer.score("v", 3, 40, 40, List.of(target, obj(2, new Box(0, 0, 8, 8), 9, 90))).objects().get(0).score();
        assertEquals(0.5, alone, 1e-12);
        assertEquals(alone, withOthers, 1e-12);
        double belowTraining = scorer.score("v", 3, 40, 40, List.of(obj(1, new Box(0, 0, 8, 8), -5, -50))).objects().get(0).score();
        assertEquals(0.0, belowTraining, "scores more normal than training clamp to 0");
        assertThrows(IllegalArgumentException.class, () -> new VideoScorer(ScoringSettings.defaults(), null));
    }

    @Test
    void trainingQuantilesMapTheMedianNormalObjectToZeroAndTheUpperQuantileToOne() {
        assertEquals(Normalisation.TRAINING_QUANTILES, ScoringSettings.defaults().normalisation());
        List<ObjectScores> normal = new java.util.ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            // task a: 0..1 evenly; task b: the same except one extreme normal object, which min-max would take as 1
            normal.add(obj(0, new Box(0, 0, 4, 4), i / 100.0, i == 100 ? 1000 : i / 100.0));
        }
        ScoreStatistics quantiles = ScoreStatistics.of(normal, Normalisation.TRAINING_QUANTILES, true, t -> 1.0);
        assertArrayEquals(new double[] {0.5, 0.99}, quantiles.anchors("a"), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.99}, quantiles.anchors("b"), 1e-12, "one extreme normal object does not move the scale");
        assertArrayEquals(new double[] {0, 1000}, ScoreStatistics.of(normal, Normalisation.TRAINING_MIN_MAX, true, t -> 1.0).anchors("b"));

        VideoScorer scorer = new VideoScorer(ScoringSettings.defaults(), quantiles);
        double typical = scorer.score("v", 3, 40, 40, List.of(obj(1, new Box(0, 0, 8, 8), 0.5, 0.5))).objects().get(0).score();
        double rare = scorer.score("v", 3, 40, 40, List.of(obj(1, new Box(0, 0, 8, 8), 0.99, 0.99))).objects().get(0).score();
        double farOnB = scorer.score("v", 3, 40, 40, List.of(obj(1, new Box(0, 0, 8, 8), 0.5, 5.4))).objects().get(0).score();
        assertEquals(0.0, typical, 1e-12, "the median normal object scores as no object");
        assertEquals(1.0, rare, 1e-12, "an object at the upper quantile of both scores is at the sum's upper quantile");
        assertTrue(farOnB > rare, "ten upper-quantile spans beyond the median on one score outweigh one span on both: " + farOnB);
    }

    @Test
    void quantileAnchorsFallBackToTheMaximumWhenTheUpperQuantileIsTheMedian() {
        List<ObjectScores> normal = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            normal.add(obj(0, new Box(0, 0, 4, 4), i == 0 ? 3 : 1, 2));
        }
        ScoreStatistics s = ScoreStatistics.of(normal, Normalisation.TRAINING_QUANTILES, true, t -> 1.0);
        assertArrayEquals(new double[] {1, 3}, s.anchors("a"));
        assertArrayEquals(new double[] {2, 2}, s.anchors("b"), "a constant score has coinciding anchors and scales to 0");
        assertThrows(IllegalArgumentException.class, () -> ScoreStatistics.of(normal, Normalisation.NONE, true, t -> 1.0));
    }

    @Test
    void meanFilterSpreadsScoresInTimeAndSpace() {
        ScoringSettings s = PLAIN.toBuilder().meanFilterSize(3).normalisation(Normalisation.NONE).keepMaps(true).build();
        VideoScores v = new VideoScorer(s, null).score("v", 5, 40, 40, List.of(obj(2, new Box(16, 16, 17, 17), 27, 0)));
        // one block (row 4, col 4) of value 27 in frame 2: a 3x3x3 mean spreads 1 to each neighbour block
        assertEquals(1.0, v.frameScore(1), 1e-6);
        assertEquals(1.0, v.frameScore(2), 1e-6);
        assertEquals(0.0, v.frameScore(4), 1e-6);
        float[] map = v.anomalyMap(2).orElseThrow();
        assertEquals(100, map.length);
        assertEquals(1.0f, map[4 * 10 + 4], 1e-6);
        assertEquals(1.0f, map[3 * 10 + 5], 1e-6);
        assertEquals(0.0f, map[1 * 10 + 1], 1e-6);
    }

    @Test
    void boxMeanUsesScipyReflect() {
        assertArrayEquals(new double[] {4 / 3.0, 2, 8 / 3.0}, BlockMap.boxMean(new double[] {1, 2, 3}, 3, 3), 1e-12);
        assertEquals(0, BlockMap.reflect(-1, 3));
        assertEquals(1, BlockMap.reflect(-2, 3));
        assertEquals(2, BlockMap.reflect(3, 3));
        assertEquals(1, BlockMap.reflect(4, 3));
    }

    @Test
    void regionsCanTakeTheMapMaximumInsideTheBox() {
        ScoringSettings s = PLAIN.toBuilder().regionScoreMode(RegionScoreMode.MAX_MAP_IN_BOX).build();
        List<ObjectScores> objects = List.of(obj(0, new Box(0, 0, 12, 12), 0, 0), obj(0, new Box(8, 8, 20, 20), 1, 1));
        VideoScores v = new VideoScorer(s, null).score("v", 1, 40, 40, objects);
        assertEquals(0.0, v.objects().get(0).score(), 1e-12);
        // the first box overlaps the blocks of the second, whose score is 1
        assertEquals(1.0, v.objects().get(0).regionScore(), 1e-6);
        assertEquals(1.0, v.objects().get(1).regionScore(), 1e-6);
    }

    @Test
    void badObjectsAreNamed() {
        VideoScorer scorer = new VideoScorer(PLAIN, null);
        InvalidInputException late = assertThrows(InvalidInputException.class,
                () -> scorer.score("clip", 3, 40, 40, List.of(obj(3, new Box(0, 0, 4, 4), 1, 1))));
        assertTrue(late.getMessage().contains("clip") && late.getMessage().contains("frame 3"), late.getMessage());
        assertThrows(InvalidInputException.class, () -> scorer.score("clip", 3, 40, 40, List.of(obj(1, new Box(30, 30, 41, 35), 1, 1))));
        ObjectScores onlyA = new ObjectScores(Detection.unclassified(1, new Box(0, 0, 4, 4), 1), Map.of("a", 1.0));
        assertThrows(InvalidInputException.class, () -> scorer.score("clip", 3, 40, 40, List.of(obj(1, new Box(0, 0, 4, 4), 1, 1), onlyA)));
        assertThrows(IllegalArgumentException.class, () -> new ObjectScores(Detection.unclassified(1, new Box(0, 0, 4, 4), 1), Map.of("a", Double.NaN)));
    }

    @Test
    void scoredTasksLeaveTheOtherTasksOut() {
        List<ObjectScores> objects = List.of(
                obj(1, new Box(0, 0, 8, 8), 1, 300),
                obj(2, new Box(0, 0, 8, 8), 3, 100));
        ScoringSettings onlyA = PLAIN.toBuilder().scoredTasks(Set.of("a")).build();
        VideoScores v = new VideoScorer(onlyA, null).score("v", 3, 40, 40, objects);
        assertEquals(0.0, v.objects().get(0).score(), 1e-12, "task b would have made this object the most abnormal");
        assertEquals(1.0, v.objects().get(1).score(), 1e-12);
        assertEquals(Map.of("a", 1.0, "b", 300.0), v.objects().get(0).rawByTask(), "raw scores of every task are kept");
        assertTrue(onlyA.describe().contains("tasks=a"), onlyA.describe());

        ScoreStatistics bothTasks = ScoreStatistics.of(objects, Normalisation.TRAINING_MIN_MAX, true, t -> 1.0);
        ScoringSettings trainingA = ScoringSettings.builder().normalisation(Normalisation.TRAINING_MIN_MAX).scoredTasks(Set.of("a")).build();
        assertThrows(IllegalArgumentException.class, () -> new VideoScorer(trainingA, bothTasks).score("v", 3, 40, 40, objects));
        ScoreStatistics statsA = ScoreStatistics.of(objects.stream().map(o -> o.restrictedTo(Set.of("a"))).toList(),
                Normalisation.TRAINING_MIN_MAX, true, t -> 1.0);
        assertEquals(1.0, new VideoScorer(trainingA, statsA).score("v", 3, 40, 40, objects).objects().get(1).score(), 1e-12);

        ScoringSettings unknown = PLAIN.toBuilder().scoredTasks(Set.of("c")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VideoScorer(unknown, null).score("v", 3, 40, 40, objects));
        assertTrue(e.getMessage().contains("[c]") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void sharedTaskWeightingLetsTheNetworkCountAsOneScore() {
        assertEquals(TaskWeighting.SHARED, ScoringSettings.defaults().taskWeighting());
        assertEquals(TaskWeighting.EACH_ONE, ScoringSettings.ssmtlPaper(ScoringSettings.Dataset.PED2).taskWeighting());
        assertTrue(ScoringSettings.defaults().describe().contains("weights=tasks share 1, attributes 1 each"),
                ScoringSettings.defaults().describe());
        ScoringSettings shared = PLAIN.forTasks(List.of("a", "b"));
        assertEquals(Map.of("a", 0.5, "b", 0.5), shared.weights());
        assertEquals(1.0, shared.weight("v"), "an attribute weighs 1");
        assertTrue(shared.describe().contains("weights={a=0.500 b=0.500}, others 1"), shared.describe());
        assertEquals(Map.of("a", 2.0, "b", 0.5), PLAIN.toBuilder().weights(Map.of("a", 2.0)).build().forTasks(List.of("a", "b"))
                .weights(), "a weight given by name stays");
        ScoringSettings each = PLAIN.toBuilder().taskWeighting(TaskWeighting.EACH_ONE).build().forTasks(List.of("a", "b"));
        assertEquals(Map.of("a", 1.0, "b", 1.0), each.weights());
        assertTrue(shared == shared.forTasks(List.of("a", "b")), "resolved settings resolve to themselves");
        assertThrows(IllegalArgumentException.class, () -> PLAIN.forTasks(List.of()));

        // tasks a and b, attribute v: X is unusual on the attribute, Y on both tasks (b less so)
        List<ObjectScores> objects = List.of(scores(1, 0, 0, 1), scores(2, 1, 0.6, 0), scores(3, 0, 0, 0), scores(4, 0, 1, 0));
        VideoScores sharedScores = new VideoScorer(shared, null).score("v", 5, 40, 40, objects);
        VideoScores eachScores = new VideoScorer(each, null).score("v", 5, 40, 40, objects);
        assertEquals(1.0, sharedScores.objects().get(0).score(), 1e-12, "shared: the attribute's 1 outweighs the tasks' 0.5 + 0.3");
        assertEquals(0.8, sharedScores.objects().get(1).score(), 1e-12);
        assertEquals(1.0, eachScores.objects().get(1).score(), 1e-12, "each task 1: 1 + 0.6 outweighs the attribute's 1");
        assertEquals(1 / 1.6, eachScores.objects().get(0).score(), 1e-12);
    }

    private static ObjectScores scores(int frame, double a, double b, double v) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("b", b);
        m.put("v", v);
        return new ObjectScores(Detection.unclassified(frame, new Box(0, 0, 8, 8), 1), m);
    }
}
