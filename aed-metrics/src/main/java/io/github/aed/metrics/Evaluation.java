package io.github.aed.metrics;

import io.github.aed.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates frame scores (and optionally detected regions) against a ground truth: micro and macro frame AUC, ROC
 * curve and EER, and RBDC/TBDC. Scores are evaluated exactly as given.
 *
 * <pre>{@code
 * GroundTruth gt = UcsdGroundTruth.read(Path.of("ucsd-ped2"));
 * EvaluationReport r = Evaluation.evaluate(gt, FrameScores.readCsv(scores), Optional.empty(), EvaluationSettings.defaults());
 * log.info("{}", r.toTable());
 * }</pre>
 *
 * <p>Mismatches are errors, never guesses: a scored video the ground truth lacks (or the reverse), a video whose score
 * count differs from its frame count, a region in an unknown video or beyond a video's last frame, or regions without
 * ground-truth tracks all throw {@link InvalidInputException} naming the videos, or the file and line.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Runs the evaluation.
     *
     * @param truth    the ground truth
     * @param scores   one score per frame of every test video
     * @param regions  detected regions for RBDC/TBDC, if any
     * @param settings the levers (see {@link EvaluationSettings})
     */
    public static EvaluationReport evaluate(GroundTruth truth, FrameScores scores, Optional<ScoredRegions> regions,
            EvaluationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        checkVideos(truth, scores);
        List<String> names = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<double[]> perVideo = new ArrayList<>();
        List<VideoAuc> videoAucs = new ArrayList<>();
        for (VideoLabels v : truth.videos()) {
            boolean[] y = v.labels();
            double[] s = scores.scores(v.video());
            names.add(v.video());
            labels.add(y);
            perVideo.add(s);
            videoAucs.add(new VideoAuc(v.video(), v.frameCount(), v.abnormalCount(), Auc.aucIfDefined(y, s)));
        }
        boolean[] allLabels = concat(labels);
        double[] allScores = concat(perVideo, allLabels.length);
        OptionalDouble micro = Auc.aucIfDefined(allLabels, allScores);
        RocCurve roc = micro.isPresent() ? Auc.rocCurve(allLabels, allScores) : null;
        MacroAuc macro = Auc.macro(names, labels, perVideo, SingleClassVideoPolicy.SKIP);
        MacroAuc padded = settings.singleClassVideoPolicy() == SingleClassVideoPolicy.SSMTL_PAD
                ? Auc.macro(names, labels, perVideo, SingleClassVideoPolicy.SSMTL_PAD) : null;
        long denominator = settings.falsePositiveRateFrames().orElse(truth.frameCount());
        RbdcTbdcResult regionResult = regions.map(r -> regionMetrics(truth, r, denominator, settings)).orElse(null);
        return new EvaluationReport(truth, scores.source(), regions.map(ScoredRegions::source).orElse(null), settings,
                denominator, micro, roc, macro, padded, videoAucs, regionResult);
    }

    private static RbdcTbdcResult regionMetrics(GroundTruth truth, ScoredRegions regions, long denominator,
            EvaluationSettings settings) {
        AnomalyTracks tracks = truth.tracks().orElseThrow(() -> new InvalidInputException(
                "RBDC/TBDC need ground-truth tracks, and " + truth.dataset() + " has " + truth.trackSource()
                        + "; give a folder of AED track files"));
        List<ScoredRegion> list = regions.regions();
        for (int i = 0; i < list.size(); i++) {
            ScoredRegion r = list.get(i);
            String where = regions.where(i);
            VideoLabels v = truth.video(r.video()).orElseThrow(
                    () -> new InvalidInputException(where + ": video '" + r.video() + "' is not a test video of " + truth.dataset()));
            if (r.frame() >= v.frameCount()) {
                throw new InvalidInputException(where + ": frame " + r.frame() + " is beyond the " + v.frameCount()
                        + " frames of " + r.video() + " (frames are 0-based)");
            }
        }
        return RbdcTbdc.compute(tracks, regions, denominator, settings.alpha(), settings.beta());
    }

    private static void checkVideos(GroundTruth truth, FrameScores scores) {
        List<String> unknown = scores.videos().stream().filter(v -> truth.video(v).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(scores.source() + ": " + unknown.size() + " scored videos are not test videos of "
                    + truth.dataset() + ": " + list(unknown) + " (test videos: " + list(truth.videos().stream().map(VideoLabels::video).toList())
                    + ")");
        }
        List<String> missing = truth.videos().stream().map(VideoLabels::video).filter(v -> !scores.has(v)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(scores.source() + ": no scores for " + missing.size() + " of the "
                    + truth.videos().size() + " test videos: " + list(missing));
        }
        List<String> wrongLength = new ArrayList<>();
        for (VideoLabels v : truth.videos()) {
            if (scores.frameCount(v.video()) != v.frameCount()) {
                wrongLength.add(v.video() + " (" + scores.frameCount(v.video()) + " scores, " + v.frameCount() + " frames)");
            }
        }
        if (!wrongLength.isEmpty()) {
            throw new InvalidInputException(scores.source() + ": the number of scored frames differs from the ground truth for "
                    + wrongLength.size() + " videos: " + list(wrongLength));
        }
    }

    private static String list(List<String> items) {
        int shown = Math.min(items.size(), 10);
        String s = String.join(", ", items.subList(0, shown));
        return shown < items.size() ? s + ", … (" + (items.size() - shown) + " more)" : s;
    }

    private static boolean[] concat(List<boolean[]> parts) {
        boolean[] out = new boolean[parts.stream().mapToInt(p -> p.length).sum()];
        int o = 0;
        for (boolean[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static double[] concat(List<double[]> parts, int length) {
        double[] out = new double[length];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
