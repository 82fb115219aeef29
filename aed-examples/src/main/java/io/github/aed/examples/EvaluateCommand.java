package io.github.aed.examples;

import io.github.aed.examples.cli.NamedValues;
import io.github.aed.examples.cli.UsageErrors;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./aed evaluate}: frame AUC (micro, macro), EER, RBDC and TBDC of a score file against a dataset's ground truth.
 * A fixed contract that other tools call; see docs/evaluate.md.
 */
@Command(name = "evaluate", header = "score files against UCSD/Avenue/ShanghaiTech ground truth: micro/macro AUC, EER, RBDC, TBDC (JSON + table)",
        description = {"Scores are evaluated exactly as given: no normalisation, no smoothing. Any mismatch with the ground "
                + "truth (unknown or missing video, differing frame count, bad line) is an error.",
                "The levers --labels, --single-class-videos, --alpha, --beta and --fpr-frames are printed with the result and "
                        + "written into the JSON."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--gt-format", required = true, paramLabel = "F", description = "the ground truth's layout: ucsd (Ped1/Ped2), avenue, shanghaitech")
    private GroundTruthFormat format;

    @Option(names = "--gt", required = true, paramLabel = "PATH", description = "the dataset's root folder in its usual layout "
            + "(holding Test/UCSDped2.m, testing_label_mask/ or test_frame_mask/)")
    private Path groundTruth;

    @Option(names = "--frame-scores", required = true, paramLabel = "SCORES.csv", description = "header video,frame,score; one "
            + "line per test frame, frame 0-based within its video, video named as the dataset does (Test001, 01, 01_0014)")
    private Path frameScores;

    @Option(names = "--regions", paramLabel = "REGIONS.csv", description = "header video,frame,x_min,y_min,x_max,y_max,score "
            + "(inclusive pixel corners); enables RBDC/TBDC. Equal scores keep the order of the rows.")
    private Path regions;

    @Option(names = "--tracks", paramLabel = "TRACKS_DIR", description = "AED track files VIDEO.txt (track_id,frame_idx,x_min,"
            + "y_min,x_max,y_max); other files are ignored. Default: ShanghaiTech's tracks_aed/, or tracks derived from the "
            + "pixel masks (ucsd, avenue)")
    private Path tracks;

    @Option(names = "--json", required = true, paramLabel = "OUT.json", description = "where to write the results (micro_auc, "
            + "macro_auc, rbdc, tbdc, frames, videos, settings, per_video)")
    private Path json;

    @Option(names = "--labels", paramLabel = "L", converter = LabelsConverter.class, defaultValue = "official",
            description = "avenue only: official (from the official masks) or mnad (default: ${DEFAULT-VALUE})")
    private AvenueLabels labels;

    @Option(names = "--single-class-videos", paramLabel = "P", converter = PolicyConverter.class, defaultValue = "skip",
            description = "macro AUC: skip one-class videos, or ssmtl-pad to also report the SSMTL-padded macro AUC, which "
                    + "INFLATES the number (default: ${DEFAULT-VALUE})")
    private SingleClassVideoPolicy singleClassVideos;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.1", description = "TBDC track fraction (default: ${DEFAULT-VALUE})")
    private double alpha;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.1", description = "RBDC IoU threshold (default: ${DEFAULT-VALUE})")
    private double beta;

    @Option(names = "--fpr-frames", paramLabel = "N", description = "RBDC/TBDC false-positive-rate denominator (default: all test frames)")
    private Long fprFrames;

    @Override
    public Integer call() throws IOException {
        if (format != GroundTruthFormat.AVENUE && labels != AvenueLabels.OFFICIAL_MASKS) {
            throw UsageErrors.of(spec, "--labels mnad exists only for --gt-format avenue");
        }
        EvaluationSettings.Builder builder = EvaluationSettings.builder().optSingleClassVideoPolicy(singleClassVideos)
                .optAlpha(alpha).optBeta(beta);
        if (fprFrames != null) {
            builder.optFalsePositiveRateFrames(fprFrames);
        }
        EvaluationSettings settings = UsageErrors.withOption(spec, "--alpha/--beta/--fpr-frames", builder::build);

        try (CommandOutputs outputs = new CommandOutputs(Optional.ofNullable(regions).map(r -> List.of(groundTruth, frameScores, r))
                .orElse(List.of(groundTruth, frameScores)))) {
            Path jsonFile = outputs.file(json, "--json");
            evaluate(settings, jsonFile);
            outputs.commit();
        }
        return 0;
    }

    private void evaluate(EvaluationSettings settings, Path jsonFile) throws IOException {
        long t0 = System.nanoTime();
        GroundTruth truth = format.read(groundTruth, labels);
        if (tracks != null) {
            truth = AedTrackFiles.attach(tracks, truth);
        }
        long t1 = System.nanoTime();
        FrameScores scores = FrameScores.readCsv(frameScores);
        Optional<ScoredRegions> scoredRegions = Optional.ofNullable(regions).map(ScoredRegions::readCsv);
        long t2 = System.nanoTime();
        EvaluationReport report = Evaluation.evaluate(truth, scores, scoredRegions, settings);
        long t3 = System.nanoTime();

        Files.writeString(jsonFile, report.toJson(), StandardCharsets.UTF_8);
        System.out.print(report.toTable());
        if (tracks != null && scoredRegions.isEmpty()) {
            System.out.println("\nnote: --tracks was given without --regions, so RBDC/TBDC were not computed");
        }
        System.out.printf(Locale.ROOT, "%nwrote %s; time: ground truth %.2f s, score files %.2f s (%d frames, %d regions), "
                + "metrics %.2f s%n", json, (t1 - t0) / 1e9, (t2 - t1) / 1e9, truth.frameCount(),
                scoredRegions.map(ScoredRegions::size).orElse(0), (t3 - t2) / 1e9);
    }

    /** {@code official} or {@code mnad}. */
    static final class LabelsConverter extends NamedValues<AvenueLabels> {
        LabelsConverter() {
            super(Map.of("official", AvenueLabels.OFFICIAL_MASKS, "mnad", AvenueLabels.MNAD));
        }
    }

    /** {@code skip} or {@code ssmtl-pad}. */
    static final class PolicyConverter extends NamedValues<SingleClassVideoPolicy> {
        PolicyConverter() {
            super(Map.of("skip", SingleClassVideoPolicy.SKIP, "ssmtl-pad", SingleClassVideoPolicy.SSMTL_PAD));
        }
    }
}
