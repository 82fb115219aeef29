package io.github.aed.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.aed.core.InvalidInputException;
import io.github.aed.core.geometry.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir
    Path dir;

    /** Two videos: "a" mixed (the reference AUC vector), "b" fully abnormal; one track in a's frames 2–3. */
    private static GroundTruth truth() {
        GroundTruth gt = GroundTruth.of("toy", "in-memory labels", List.of(
                new VideoLabels("a", new boolean[] {false, false, true, true}),
                new VideoLabels("b", new boolean[] {true, true})));
        AnomalyTracks t = AnomalyTracks.builder().add("a", 0, 2, Box.fromInclusive(0, 0, 9, 9))
                .add("a", 0, 3, Box.fromInclusive(0, 0, 9, 9)).build();
        return gt.withTracks(t, "hand-made \"toy\" track");
    }

    private static FrameScores scores() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[] {.5, .6, .4, .7});
        m.put("b", new double[] {.2, .3});
        return FrameScores.of(m);
    }

    @Test
    void reportsMicroMacroAndSkippedVideos() {
        EvaluationReport r = Evaluation.evaluate(truth(), scores(), Optional.empty(), EvaluationSettings.defaults());
        // pooled: normals .5 .6; abnormals .4 .7 .2 .3 -> wins 1 (0.7 beats both) of 2+... = 2 / 8
        assertEquals(0.25, r.microAuc().getAsDouble(), 0.0);
        assertEquals(0.5, r.macroAuc().value().getAsDouble(), 0.0);
        assertEquals(List.of("b"), r.macroAuc().skippedVideos());
        assertTrue(r.ssmtlPaddedMacroAuc().isEmpty());
        assertTrue(r.regionMetrics().isEmpty());
        String json = r.toJson();
        assertTrue(json.contains("\"micro_auc\": 0.25,"), json);
        assertTrue(json.contains("\"macro_auc\": 0.5,"), json);
        assertTrue(json.contains("\"macro_auc_ssmtl_padded\": null,"), json);
        assertTrue(json.contains("\"rbdc\": null,"), json);
        assertTrue(json.contains("\"frames\": 6,"), json);
        assertTrue(json.contains("\"videos\": 2,"), json);
        assertTrue(json.contains("\"single_class_video_policy\": \"SKIP\""), json);
        assertTrue(json.contains("\"track_source\": \"hand-made \\\"toy\\\" track\""), json);
        assertTrue(r.toTable().contains("skipped 1 one-class videos: b"), r.toTable());
    }

    @Test
    void ssmtlPaddingIsReportedBesideTheUnpaddedMacro() {
        EvaluationSettings s = EvaluationSettings.builder().optSingleClassVideoPolicy(SingleClassVideoPolicy.SSMTL_PAD).build();
        EvaluationReport r = Evaluation.evaluate(truth(), scores(), Optional.empty(), s);
        assertEquals(0.5, r.macroAuc().value().getAsDouble(), 0.0);
        assertEquals((7.0 / 9.0 + 1.0) / 2, r.ssmtlPaddedMacroAuc().orElseThrow().value().getAsDouble(), 1e-15);
        assertTrue(r.toTable().contains("INFLATES"), r.toTable());
        assertTrue(r.toJson().contains("\"single_class_video_policy\": \"SSMTL_PAD\""));
    }

    @Test
    void regionsAndTheDenominatorOverride() throws IOException {
        Path csv = dir.resolve("regions.csv");
        Files.writeString(csv, "video,frame,x_min,y_min,x_max,y_max,score\nb,0,0,0,9,9,0.9\na,2,0,0,9,9,0.8\n");
        EvaluationReport r = Evaluation.evaluate(truth(), scores(), Optional.of(ScoredRegions.readCsv(csv)),
                EvaluationSettings.defaults());
        RbdcTbdcResult m = r.regionMetrics().orElseThrow();
        assertEquals(6, m.numFrames());
        assertEquals(1, m.truePositives());
        assertEquals(1, m.falsePositives());
        assertEquals(0.5 * (5.0 / 6.0), m.rbdc(), 1e-12);
        EvaluationReport wider = Evaluation.evaluate(truth(), scores(), Optional.of(ScoredRegions.readCsv(csv)),
                EvaluationSettings.builder().optFalsePositiveRateFrames(60).build());
        assertEquals(60, wider.regionMetrics().orElseThrow().numFrames());
        assertEquals(0.5 * (59.0 / 60.0), wider.regionMetrics().orElseThrow().rbdc(), 1e-12);
        assertTrue(wider.toTable().contains("OVERRIDDEN: the ground truth has 6"), wider.toTable());
    }

    @Test
    void mismatchesAreErrors() throws IOException {
        Map<String, double[]> extra = new LinkedHashMap<>();
        extra.put("a", new double[] {1, 2, 3, 4});
        extra.put("b", new double[] {1, 2});
        extra.put("c", new double[] {1});
        assertMessage(() -> Evaluation.evaluate(truth(), FrameScores.of(extra), Optional.empty(), EvaluationSettings.defaults()),
                "1 scored videos are not test videos of toy: c");
        assertMessage(() -> Evaluation.evaluate(truth(), FrameScores.of(Map.of("a", new double[] {1, 2, 3, 4})), Optional.empty(),
                EvaluationSettings.defaults()), "no scores for 1 of the 2 test videos: b");
        assertMessage(() -> Evaluation.evaluate(truth(), FrameScores.of(Map.of("a", new double[] {1, 2, 3}, "b", new double[] {1, 2})),
                Optional.empty(), EvaluationSettings.defaults()), "a (3 scores, 4 frames)");
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "video,frame,x_min,y_min,x_max,y_max,score\na,0,0,0,9,9,1\nz,0,0,0,9,9,1\n");
        assertMessage(() -> Evaluation.evaluate(truth(), scores(), Optional.of(ScoredRegions.readCsv(csv)),
                EvaluationSettings.defaults()), "r.csv line 3: video 'z' is not a test video of toy");
        Files.writeString(csv, "video,frame,x_min,y_min,x_max,y_max,score\na,4,0,0,9,9,1\n");
        assertMessage(() -> Evaluation.evaluate(truth(), scores(), Optional.of(ScoredRegions.readCsv(csv)),
                EvaluationSettings.defaults()), "r.csv line 2: frame 4 is beyond the 4 frames of a");
        GroundTruth noTracks = GroundTruth.of("toy", "labels", truth().videos()).withoutTracks("no masks");
        Files.writeString(csv, "video,frame,x_min,y_min,x_max,y_max,score\na,0,0,0,9,9,1\n");
        assertMessage(() -> Evaluation.evaluate(noTracks, scores(), Optional.of(ScoredRegions.readCsv(csv)),
                EvaluationSettings.defaults()), "RBDC/TBDC need ground-truth tracks, and toy has none: no masks");
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationSettings.builder().optAlpha(0).build());
        assertThrows(IllegalArgumentException.class, () -> EvaluationSettings.builder().optBeta(1.01).build());
        assertThrows(IllegalArgumentException.class, () -> EvaluationSettings.builder().optFalsePositiveRateFrames(0).build());
        EvaluationSettings s = EvaluationSettings.builder().optAlpha(0.2).build();
        assertEquals(0.2, s.toBuilder().build().alpha(), 0.0);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String expected) {
        String m = assertThrows(InvalidInputException.class, e).getMessage();
        assertTrue(m.contains(expected), m);
    }
}
