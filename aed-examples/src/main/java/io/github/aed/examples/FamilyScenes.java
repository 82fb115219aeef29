package io.github.aed.examples;

import io.github.aed.core.scene.AnomalyKind;
import io.github.aed.core.scene.GeneratedVideo;
import io.github.aed.core.scene.SceneFamily;
import io.github.aed.core.scene.SceneGenerator;
import io.github.aed.metrics.Auc;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The generated videos of the demo and of the cross-family checks: normal training videos and test videos with
 * anomalies of a {@link SceneFamily}, and the frame AUC of each anomaly kind. Stateless.
 */
final class FamilyScenes {

    /** The classic family's test videos in turn (the demo's documented numbers were measured with these). */
    private static final List<List<AnomalyKind>> CLASSIC_TESTS = List.of(
            List.of(AnomalyKind.FAST_MOVER), List.of(AnomalyKind.VEHICLE), List.of(AnomalyKind.ERRATIC),
            List.of(AnomalyKind.LOITERER), List.of(AnomalyKind.FAST_MOVER, AnomalyKind.VEHICLE),
            List.of(AnomalyKind.ERRATIC, AnomalyKind.LOITERER));

    private FamilyScenes() {
    }

    /** The anomaly kinds of each test video in turn: the classic list for the classic family, else one kind each. */
    static List<List<AnomalyKind>> testKinds(SceneFamily family) {
        if (family.equals(SceneFamily.classic())) {
            return CLASSIC_TESTS;
        }
        return java.util.Arrays.stream(AnomalyKind.values()).map(List::of).toList();
    }

    /** How many test videos hold every kind of {@link #testKinds} once. */
    static int allKindsVideos(SceneFamily family) {
        return family.equals(SceneFamily.classic()) ? 4 : AnomalyKind.values().length;
    }

    /** A normal scene of the family: {@code frames} frames, 4 walkers, the given seed. */
    static SceneGenerator scene(SceneFamily family, int frames, long seed) {
        return SceneGenerator.builder().family(family).frames(frames).walkers(4).seed(seed).build();
    }

    /** {@code count} normal videos named Train001…, variants 0…. */
    static List<GeneratedVideo> normal(SceneGenerator scene, int count) {
        List<GeneratedVideo> out = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            out.add(scene.generate(String.format(Locale.ROOT, "Train%03d", v + 1), v));
        }
        return out;
    }

    /**
     * {@code count} test videos named Test001…, variants 1000…, the i-th holding the kinds {@code kinds[i % size]}: the
     * first enters at a quarter of the video, each further one an eighth later, each lasting half the video.
     */
    static List<GeneratedVideo> test(SceneGenerator scene, int count, List<List<AnomalyKind>> kinds) {
        int frames = scene.frames();
        List<GeneratedVideo> out = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            SceneGenerator.Builder b = scene.toBuilder();
            List<AnomalyKind> these = kinds.get(v % kinds.size());
            for (int a = 0; a < these.size(); a++) {
                b.anomaly(these.get(a), frames / 4 + a * frames / 8, frames / 2);
            }
            out.add(b.build().generate(String.format(Locale.ROOT, "Test%03d", v + 1), 1000 + v));
        }
        return out;
    }

    /**
     * The frame AUC of each anomaly kind present: the frames where an object of that kind is abnormal against every
     * frame of the test videos without any anomaly, pooled over the videos ({@code scores} in the order of
     * {@code videos}).
     */
    static Map<AnomalyKind, OptionalDouble> aucByKind(List<GeneratedVideo> videos, List<double[]> scores) {
        Map<AnomalyKind, OptionalDouble> out = new EnumMap<>(AnomalyKind.class);
        for (AnomalyKind kind : AnomalyKind.values()) {
            List<Boolean> abnormal = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            boolean present = false;
            for (int v = 0; v < videos.size(); v++) {
                GeneratedVideo video = videos.get(v);
                int[] labels = video.labels();
                for (int f = 0; f < labels.length; f++) {
                    int frame = f;
                    boolean ofKind = video.tracks().stream().anyMatch(t -> t.kind() == kind && t.boxes().containsKey(frame));
                    if (ofKind || labels[f] == 0) {
                        abnormal.add(ofKind);
                        values.add(scores.get(v)[f]);
                        present |= ofKind;
                    }
                }
            }
            if (present) {
                boolean[] a = new boolean[abnormal.size()];
                double[] s = new double[values.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = abnormal.get(i);
                    s[i] = values.get(i);
                }
                out.put(kind, Auc.aucIfDefined(a, s));
            }
        }
        return out;
    }

    /** The frame AUC of all test frames pooled (micro), if both labels occur. */
    static OptionalDouble microAuc(List<GeneratedVideo> videos, List<double[]> scores) {
        int n = videos.stream().mapToInt(v -> v.frames().size()).sum();
        boolean[] a = new boolean[n];
        double[] s = new double[n];
        int i = 0;
        for (int v = 0; v < videos.size(); v++) {
            int[] labels = videos.get(v).labels();
            for (int f = 0; f < labels.length; f++, i++) {
                a[i] = labels[f] == 1;
                s[i] = scores.get(v)[f];
            }
        }
        return Auc.aucIfDefined(a, s);
    }
}
