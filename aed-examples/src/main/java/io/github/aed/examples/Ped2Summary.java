package io.github.aed.examples;

import io.github.aed.metrics.EvaluationReport;
import io.github.aed.metrics.GroundTruth;
import io.github.aed.metrics.RbdcTbdcResult;
import io.github.aed.metrics.VideoAuc;
import io.github.aed.nn.AnomalyDetector;
import io.github.aed.nn.model.TrainingSummary;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The markdown summary of {@code ./aed bench ped2}, ready to paste into a results page: machine, command, settings,
 * both protocols and the per-task ablation next to the SSMTL paper's Ped2 figures, costs, and per-video AUCs. Metrics
 * are printed in percent with one decimal, as the paper gives them.
 */
final class Ped2Summary {

    /** The paper's Ped2 results with all four tasks (Georgescu et al., CVPR 2021), fractions. */
    private static final Metrics PAPER = new Metrics(OptionalDouble.of(0.975), OptionalDouble.of(0.998), OptionalDouble.of(0.728),
            OptionalDouble.of(0.912), OptionalDouble.empty());
    /** The paper's per-task micro AUC on Ped2 (its ablation), by task registry name, fractions. */
    private static final Map<String, Double> PAPER_TASK_MICRO = Map.of("arrow-of-time", 0.818, "motion-irregularity", 0.820,
            "middle-box", 0.936, "distillation", 0.964, Ped2Bench.TASKS_ONLY, 0.975);
    /** Ped2's camera rate: scoring at least this fast keeps up with the camera. */
    private static final double CAMERA_FPS = 10;

    private Ped2Summary() {
    }

    /** The five numbers of a report, fractions; empty when undefined. */
    record Metrics(OptionalDouble micro, OptionalDouble macro, OptionalDouble rbdc, OptionalDouble tbdc, OptionalDouble eer) {

        static Metrics of(EvaluationReport r) {
            OptionalDouble rbdc = r.regionMetrics().map(m -> OptionalDouble.of(m.rbdc())).orElse(OptionalDouble.empty());
            OptionalDouble tbdc = r.regionMetrics().map(m -> OptionalDouble.of(m.tbdc())).orElse(OptionalDouble.empty());
            return new Metrics(r.microAuc(), r.macroAuc().value(), rbdc, tbdc, r.equalErrorRate());
        }

        String row() {
            return cells(micro, macro, rbdc, tbdc, eer);
        }
    }

    /**
     * The paper's micro AUC for one task, or for all four ({@link Ped2Bench#TASKS_ONLY}; {@link Ped2Bench#ALL_TASKS} for a
     * model without attributes); empty for scores the paper has not.
     */
    static OptionalDouble paperMicro(String tasks, boolean withAttributes) {
        Double v = PAPER_TASK_MICRO.get(!withAttributes && tasks.equals(Ped2Bench.ALL_TASKS) ? Ped2Bench.TASKS_ONLY : tasks);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** A fraction in percent with one decimal, or "n/a". */
    static String percent(OptionalDouble fraction) {
        return fraction.isPresent() ? String.format(Locale.ROOT, "%.1f", 100 * fraction.getAsDouble()) : "n/a";
    }

    /** The detector's {@link AnomalyDetector#describe()} and the best epoch the model file recorded. */
    static String settings(AnomalyDetector detector) {
        TrainingSummary run = detector.model().orElseThrow().training();
        return detector.describe() + "\nbest epoch " + run.bestEpoch() + ": " + run.epochs().get(run.bestEpoch() - 1);
    }

    static String markdown(String commandLine, AnomalyDetector detector, List<Ped2Bench.Variant> variants, Collection<String> scoreSets,
                           Ped2Bench.Costs costs, GroundTruth truth) {
        StringBuilder md = new StringBuilder();
        md.append("# aed on UCSD Ped2\n\n");
        md.append("Run on ").append(LocalDate.now()).append(" from the repository root:\n\n```bash\n").append(commandLine)
                .append("\n```\n\n");

        md.append("## Machine\n\n| | |\n|---|---|\n");
        md.append("| CPU | ").append(Machine.cpuModel()).append(" |\n");
        md.append("| cores available to the JVM | ").append(Machine.cores()).append(" |\n");
        md.append("| Java | ").append(Machine.java()).append(" |\n");
        md.append("| OS | ").append(Machine.os()).append(" |\n");
        md.append("| heap max | ").append(Machine.maxHeapMb()).append(" MiB |\n");
        md.append("| ND4J backend | ").append(Nd4j.getBackend().getClass().getSimpleName()).append(", OMP_NUM_THREADS=")
                .append(System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")).append(" |\n");
        md.append("| load average when the run ended (1 / 5 / 15 min; above the core count, other work shared the CPU) | ")
                .append(Machine.loadAverage()).append(" |\n\n");

        md.append("## Settings\n\n```text\n").append(settings(detector)).append('\n');
        md.append("paper protocol scoring: ").append(Ped2Bench.variant(variants, "paper", Ped2Bench.ALL_TASKS).settings().describe())
                .append("\n```\n\n");
        md.append("Ground truth: ").append(truth.labelSource()).append("; tracks: ").append(truth.trackSource()).append(".\n\n");

        md.append("## Accuracy, all tasks (percent)\n\n");
        md.append("| protocol | micro AUC | macro AUC | RBDC | TBDC | EER |\n|---|---|---|---|---|---|\n");
        md.append("| default: non-transductive, each score calibrated on normal validation objects (median → 0, 99th percentile → 1)")
                .append(Metrics.of(Ped2Bench.variant(variants, "default", Ped2Bench.ALL_TASKS).report()).row()).append('\n');
        md.append("| paper: `ssmtlPaper(PED2)`, transductive (per-video normalisation), filters tuned on test by the reference")
                .append(Metrics.of(Ped2Bench.variant(variants, "paper", Ped2Bench.ALL_TASKS).report()).row()).append('\n');
        md.append("| SSMTL paper (Georgescu et al., CVPR 2021)").append(PAPER.row()).append("\n\n");
        md.append("Macro AUC skips one-class videos (no SSMTL padding). RBDC/TBDC: α = β = 0.1, false-positive rate per test "
                + "frame.\n\n");

        md.append("## Ablation: each score alone, the tasks, the attributes, all fused (percent)\n\n");
        md.append("Weights: each attribute 1; the proxy tasks share a weight of 1 in the default protocol and weigh 1 each in "
                + "the paper protocol and in the row " + Ped2Bench.EACH_TASK_ONE + "; the last row uses the fusion weights chosen "
                + "at training from pseudo-anomalies, no test labels: ")
                .append(detector.model().orElseThrow().fusionWeights().describe()).append("\n\n");
        md.append("| scores | default micro AUC | default RBDC | paper-protocol micro AUC | paper-protocol RBDC | SSMTL paper micro AUC |\n"
                + "|---|---|---|---|---|---|\n");
        boolean withAttributes = scoreSets.contains(Ped2Bench.ATTRIBUTES_ONLY);
        for (String t : scoreSets) {
            Metrics d = Metrics.of(Ped2Bench.variant(variants, "default", t).report());
            Metrics p = Metrics.of(Ped2Bench.variant(variants, "paper", t).report());
            md.append("| ").append(t).append(cells(d.micro(), d.rbdc(), p.micro(), p.rbdc(), paperMicro(t, withAttributes))).append('\n');
        }
        md.append('\n');

        md.append("## Cost\n\n| | |\n|---|---|\n");
        md.append("| training wall time | ").append(costs.trainingSeconds().isPresent()
                ? String.format(Locale.ROOT, "%.1f min", costs.trainingSeconds().getAsDouble() / 60) : "skipped (--model)").append(" |\n");
        md.append(String.format(Locale.ROOT, "| loading the model and its detector, primed on the training clips | %.1f s |%n",
                costs.loadingSeconds()));
        double fps = costs.frames() / costs.scoringSeconds();
        md.append(String.format(Locale.ROOT, "| scoring wall time | %.1f s for %d frames and %d objects |%n", costs.scoringSeconds(),
                costs.frames(), costs.objects()));
        md.append(String.format(Locale.ROOT, "| end-to-end scoring (JPEG decoding, detection, network, frame scores) | "
                + "%.1f frames/s, %.1f objects/s |%n", fps, costs.objects() / costs.scoringSeconds()));
        md.append(String.format(Locale.ROOT, "| real time (Ped2's camera: %.0f frames/s) | %s (%.1fx) |%n", CAMERA_FPS,
                fps >= CAMERA_FPS ? "yes" : "no", fps / CAMERA_FPS));
        md.append("| peak JVM heap (sum of the heap pools' peaks) | ").append(Machine.peakHeapMb()).append(" MiB of ")
                .append(Machine.maxHeapMb()).append(" MiB |\n");
        md.append("| peak resident memory of the process (VmHWM: heap, ND4J and OpenCV native memory) | ")
                .append(Machine.processMb("VmHWM")).append(" MiB |\n\n");

        md.append("## Per-video frame AUC (percent)\n\n| video | frames | abnormal frames | default protocol | paper protocol |\n"
                + "|---|---|---|---|---|\n");
        List<VideoAuc> def = Ped2Bench.variant(variants, "default", Ped2Bench.ALL_TASKS).report().videos();
        List<VideoAuc> pap = Ped2Bench.variant(variants, "paper", Ped2Bench.ALL_TASKS).report().videos();
        for (int i = 0; i < def.size(); i++) {
            VideoAuc v = def.get(i);
            md.append("| ").append(v.video()).append(" | ").append(v.frames()).append(" | ").append(v.abnormalFrames())
                    .append(cells(v.auc(), pap.get(i).auc())).append('\n');
        }
        md.append("\nn/a: all of the video's frames are of one class, so it has no AUC; the macro AUC skips it.\n");
        RbdcTbdcResult regions = Ped2Bench.variant(variants, "default", Ped2Bench.ALL_TASKS).report().regionMetrics().orElseThrow();
        md.append("\nDefault protocol regions: ").append(regions.detectedRegions()).append(" scored, ")
                .append(regions.truePositives()).append(" of ").append(regions.groundTruthRegions())
                .append(" ground-truth regions and ").append(regions.tracksDetected()).append(" of ")
                .append(regions.groundTruthTracks()).append(" tracks detected at some threshold.\n\n");
        md.append("Outputs: `default/` and `paper/` (scores.csv, regions.csv, result.json; default/objects.csv), ablation.csv, "
                + "roc.png, timelines-default.png, timelines-paper.png. `./aed evaluate --gt-format ucsd --gt ROOT "
                + "--frame-scores default/scores.csv --regions default/regions.csv --json X.json` re-evaluates the files.\n");
        return md.toString();
    }

    private static String cells(OptionalDouble... values) {
        StringBuilder sb = new StringBuilder();
        for (OptionalDouble v : values) {
            sb.append(" | ").append(percent(v));
        }
        return sb.append(" |").toString();
    }
}
