package io.github.aed.examples;

import io.github.aed.examples.cli.Command;
import io.github.aed.examples.cli.Options;
import io.github.aed.examples.cli.UsageException;
import io.github.aed.metrics.AedTrackFiles;
import io.github.aed.metrics.AvenueLabels;
import io.github.aed.metrics.Evaluation;
import io.github.aed.metrics.EvaluationReport;
import io.github.aed.metrics.EvaluationSettings;
import io.github.aed.metrics.FrameScores;
import io.github.aed.metrics.GroundTruth;
import io.github.aed.metrics.GroundTruthFormat;
import io.github.aed.metrics.ScoredRegions;
import io.github.aed.metrics.SingleClassVideoPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./aed evaluate}: frame AUC (micro, macro), EER, RBDC and TBDC of a score file against a dataset's ground truth.
 * A fixed contract that other tools call; see docs/evaluate.md.
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "score files against UCSD/Avenue/ShanghaiTech ground truth: micro/macro AUC, EER, RBDC, TBDC (JSON + table)";
    }

    @Override
    public String usage() {
        return """
                usage: ./aed evaluate --gt-format ucsd|avenue|shanghaitech --gt PATH --frame-scores SCORES.csv
                                      [--regions REGIONS.csv] [--tracks TRACKS_DIR] --json OUT.json
                                      [--labels official|mnad] [--single-class-videos skip|ssmtl-pad]
                                      [--alpha 0.1] [--beta 0.1] [--fpr-frames N]

                  --gt-format F        the ground truth's layout: ucsd (Ped1/Ped2), avenue, shanghaitech
                  --gt PATH            the dataset's root folder in its usual layout (holding Test/UCSDped2.m,
                                       testing_label_mask/ or test_frame_mask/)
                  --frame-scores CSV   header video,frame,score; one line per test frame, frame 0-based within its
                                       video, video named as the dataset does (Test001, 01, 01_0014)
                  --regions CSV        header video,frame,x_min,y_min,x_max,y_max,score (inclusive pixel corners);
                                       enables RBDC/TBDC. Equal scores keep the order of the rows.
                  --tracks DIR         AED track files VIDEO.txt (track_id,frame_idx,x_min,y_min,x_max,y_max);
                                       other files are ignored. Default: ShanghaiTech's tracks_aed/, or tracks
                                       derived from the pixel masks (ucsd, avenue)
                  --json OUT.json      where to write the results (micro_auc, macro_auc, rbdc, tbdc, frames, videos,
                                       settings, per_video)

                levers (each printed with the result and written into the JSON):
                  --labels L           avenue only: official (from the official masks; default) or mnad
                  --single-class-videos P   macro AUC: skip one-class videos (default), or ssmtl-pad to also report
                                       the SSMTL-padded macro AUC, which INFLATES the number
                  --alpha A, --beta B  TBDC track fraction and RBDC IoU threshold (default 0.1 each)
                  --fpr-frames N       RBDC/TBDC false-positive-rate denominator (default: all test frames)

                Scores are evaluated exactly as given: no normalisation, no smoothing. Any mismatch with the ground
                truth (unknown or missing video, differing frame count, bad line) is an error.""";
    }

    @Override
    public int run(String[] args) throws IOException {
        Options o = Options.parse(name(), args, Set.of("gt-format", "gt", "frame-scores", "regions", "tracks", "json",
                "labels", "single-class-videos", "alpha", "beta", "fpr-frames"), Set.of());
        GroundTruthFormat format = parse(o.require("gt-format"), GroundTruthFormat::of);
        AvenueLabels labels = parse(o.get("labels").orElse("official"), EvaluateCommand::labels);
        if (format != GroundTruthFormat.AVENUE && labels != AvenueLabels.OFFICIAL_MASKS) {
            throw new UsageException("--labels mnad exists only for --gt-format avenue");
        }
        EvaluationSettings.Builder settings = EvaluationSettings.builder()
                .optSingleClassVideoPolicy(parse(o.get("single-class-videos").orElse("skip"), EvaluateCommand::policy))
                .optAlpha(o.doubleValue("alpha", 0.1))
                .optBeta(o.doubleValue("beta", 0.1));
        o.get("fpr-frames").ifPresent(v -> settings.optFalsePositiveRateFrames(parse(v, Long::parseLong)));
        Path json = o.requirePath("json");

        long t0 = System.nanoTime();
        GroundTruth truth = format.read(o.requirePath("gt"), labels);
        if (o.has("tracks")) {
            truth = AedTrackFiles.attach(o.requirePath("tracks"), truth);
        }
        long t1 = System.nanoTime();
        FrameScores scores = FrameScores.readCsv(o.requirePath("frame-scores"));
        Optional<ScoredRegions> regions = o.path("regions").map(ScoredRegions::readCsv);
        long t2 = System.nanoTime();
        EvaluationReport report = Evaluation.evaluate(truth, scores, regions, settings.build());
        long t3 = System.nanoTime();

        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(json, report.toJson(), StandardCharsets.UTF_8);
        System.out.print(report.toTable());
        if (o.has("tracks") && regions.isEmpty()) {
            System.out.println("\nnote: --tracks was given without --regions, so RBDC/TBDC were not computed");
        }
        System.out.printf(Locale.ROOT, "%nwrote %s; time: ground truth %.2f s, score files %.2f s (%d frames, %d regions), "
                + "metrics %.2f s%n", json, (t1 - t0) / 1e9, (t2 - t1) / 1e9, truth.frameCount(),
                regions.map(ScoredRegions::size).orElse(0), (t3 - t2) / 1e9);
        return 0;
    }

    private static AvenueLabels labels(String v) {
        return switch (v) {
            case "official" -> AvenueLabels.OFFICIAL_MASKS;
            case "mnad" -> AvenueLabels.MNAD;
            default -> throw new IllegalArgumentException("expected official or mnad");
        };
    }

    private static SingleClassVideoPolicy policy(String v) {
        return switch (v) {
            case "skip" -> SingleClassVideoPolicy.SKIP;
            case "ssmtl-pad" -> SingleClassVideoPolicy.SSMTL_PAD;
            default -> throw new IllegalArgumentException("expected skip or ssmtl-pad");
        };
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot use '" + value + "': " + e.getMessage());
        }
    }
}
