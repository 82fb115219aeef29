package io.github.aed.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of an {@link Evaluation}: the numbers together with everything that shaped them (ground-truth label and
 * track sources, score source, settings). {@link #toTable()} renders it for people, {@link #toJson()} for tools. All
 * AUCs and detection criteria are fractions in [0, 1]; an undefined number is empty (JSON {@code null}), never NaN.
 * Immutable.
 */
public final class EvaluationReport {

    /** What evaluate does to scores, stated in every report. */
    public static final String SCORE_PROCESSING = "none: scores evaluated exactly as given (no normalisation, no smoothing)";
    /** How equal region scores are ordered for RBDC/TBDC, stated in every report. */
    public static final String REGION_TIE_ORDER = "input order (stable sort by descending score)";

    /** Indented two spaces, {@code "key": value}, one array element per line, {@code \n} line ends on every OS. */
    private static final ObjectWriter JSON;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        JSON = new ObjectMapper().writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indenter).withArrayIndenter(indenter));
    }

    private final GroundTruth truth;
    private final String scoreSource;
    private final String regionSource;
    private final EvaluationSettings settings;
    private final long falsePositiveRateFrames;
    private final OptionalDouble microAuc;
    private final RocCurve roc;
    private final MacroAuc macro;
    private final MacroAuc paddedMacro;
    private final List<VideoAuc> videos;
    private final RbdcTbdcResult regions;

    EvaluationReport(GroundTruth truth, String scoreSource, String regionSource, EvaluationSettings settings,
            long falsePositiveRateFrames, OptionalDouble microAuc, RocCurve roc, MacroAuc macro, MacroAuc paddedMacro,
            List<VideoAuc> videos, RbdcTbdcResult regions) {
        this.truth = truth;
        this.scoreSource = scoreSource;
        this.regionSource = regionSource;
        this.settings = settings;
        this.falsePositiveRateFrames = falsePositiveRateFrames;
        this.microAuc = microAuc;
        this.roc = roc;
        this.macro = macro;
        this.paddedMacro = paddedMacro;
        this.videos = List.copyOf(videos);
        this.regions = regions;
    }

    /** AUC over all frames pooled; empty if the ground truth has only one class. */
    public OptionalDouble microAuc() {
        return microAuc;
    }

    /** Mean of the per-video AUCs, one-class videos skipped (no padding). */
    public MacroAuc macroAuc() {
        return macro;
    }

    /** The SSMTL-padded macro AUC (inflating), present only when the settings ask for {@link SingleClassVideoPolicy#SSMTL_PAD}. */
    public Optional<MacroAuc> ssmtlPaddedMacroAuc() {
        return Optional.ofNullable(paddedMacro);
    }

    /** The pooled ROC curve; empty when the micro AUC is undefined. */
    public Optional<RocCurve> rocCurve() {
        return Optional.ofNullable(roc);
    }

    /** The pooled equal error rate; empty when the micro AUC is undefined. */
    public OptionalDouble equalErrorRate() {
        return roc == null ? OptionalDouble.empty() : OptionalDouble.of(roc.equalErrorRate());
    }

    /** Per-video AUCs, in the ground truth's order. */
    public List<VideoAuc> videos() {
        return videos;
    }

    /** RBDC/TBDC, present when regions were evaluated. */
    public Optional<RbdcTbdcResult> regionMetrics() {
        return Optional.ofNullable(regions);
    }

    public GroundTruth groundTruth() {
        return truth;
    }

    public EvaluationSettings settings() {
        return settings;
    }

    /** The false-positive-rate denominator in effect (test frames). */
    public long falsePositiveRateFrames() {
        return falsePositiveRateFrames;
    }

    /** The report as JSON (see the {@code ./aed evaluate} documentation for the fields). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", truth.dataset());
        m.put("micro_auc", orNull(microAuc));
        m.put("macro_auc", orNull(macro.value()));
        m.put("macro_auc_videos", macro.videosAveraged());
        m.put("macro_auc_skipped_videos", macro.skippedVideos());
        m.put("macro_auc_ssmtl_padded", paddedMacro == null ? null : orNull(paddedMacro.value()));
        m.put("eer", orNull(equalErrorRate()));
        m.put("rbdc", regions == null ? null : regions.rbdc());
        m.put("tbdc", regions == null ? null : regions.tbdc());
        m.put("frames", truth.frameCount());
        m.put("abnormal_frames", truth.abnormalCount());
        m.put("videos", truth.videos().size());
        if (regions != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("regions", regions.detectedRegions());
            r.put("true_positives", regions.truePositives());
            r.put("false_positives", regions.falsePositives());
            r.put("repeat_detections", regions.repeatDetections());
            r.put("ground_truth_regions", regions.groundTruthRegions());
            r.put("ground_truth_tracks", regions.groundTruthTracks());
            r.put("tracks_detected", regions.tracksDetected());
            m.put("region_counts", r);
        }
        Map<String, Object> s = new LinkedHashMap<>(settings.describe());
        s.put("fpr_denominator_frames", falsePositiveRateFrames);
        s.put("label_source", truth.labelSource());
        s.put("track_source", truth.trackSource());
        s.put("score_processing", SCORE_PROCESSING);
        s.put("region_tie_order", REGION_TIE_ORDER);
        s.put("frame_scores", scoreSource);
        s.put("regions", regionSource);
        m.put("settings", s);
        List<Object> per = new ArrayList<>();
        for (VideoAuc v : videos) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("video", v.video());
            e.put("frames", v.frames());
            e.put("abnormal_frames", v.abnormalFrames());
            e.put("auc", orNull(v.auc()));
            per.add(e);
        }
        m.put("per_video", per);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evaluation report as JSON", e);
        }
    }

    /** An undefined number as JSON null. */
    private static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** The report as a human-readable table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        line(sb, "%s: %d test videos, %d frames (%d abnormal)", truth.dataset(), truth.videos().size(), truth.frameCount(),
                truth.abnormalCount());
        line(sb, "  labels   %s", truth.labelSource());
        line(sb, "  scores   %s; %s", scoreSource, SCORE_PROCESSING);
        sb.append('\n');
        line(sb, "  micro AUC   %s   all %d frames pooled", fmt(microAuc), truth.frameCount());
        line(sb, "  macro AUC   %s   mean over %d videos%s", fmt(macro.value()), macro.videosAveraged(),
                macro.skippedVideos().isEmpty() ? "" : "; skipped " + macro.skippedVideos().size() + " one-class videos: "
                        + String.join(", ", macro.skippedVideos()));
        if (paddedMacro != null) {
            line(sb, "  macro AUC   %s   SSMTL padding (a normal 0 before and an abnormal 1 after every video): INFLATES,",
                    fmt(paddedMacro.value()));
            line(sb, "                       a fully abnormal video scores 1; for comparison with SSMTL-protocol numbers only");
        }
        line(sb, "  EER         %s   pooled, where false-positive rate = false-negative rate", fmt(equalErrorRate()));
        if (regions != null) {
            line(sb, "  RBDC        %s   beta %s; %d regions: %d ground-truth regions detected, %d false positives, %d repeat"
                    + " detections",
                    fmt(regions.rbdc()), num(regions.beta()), regions.detectedRegions(), regions.truePositives(),
                    regions.falsePositives(), regions.repeatDetections());
            line(sb, "  TBDC        %s   alpha %s; %d of %d tracks detected (%d ground-truth regions)", fmt(regions.tbdc()),
                    num(regions.alpha()), regions.tracksDetected(), regions.groundTruthTracks(), regions.groundTruthRegions());
        } else {
            line(sb, "  RBDC/TBDC   n/a      no regions given");
        }
        sb.append('\n');
        line(sb, "  settings: single-class videos %s; alpha %s; beta %s; FPR denominator %d frames%s; region ties: %s",
                settings.singleClassVideoPolicy(), num(settings.alpha()), num(settings.beta()), falsePositiveRateFrames,
                settings.falsePositiveRateFrames().isPresent() && falsePositiveRateFrames != truth.frameCount()
                        ? " (OVERRIDDEN: the ground truth has " + truth.frameCount() + ")" : " (all test frames)",
                REGION_TIE_ORDER);
        line(sb, "  tracks:   %s", truth.trackSource());
        sb.append('\n');
        line(sb, "  %-12s %7s %9s %8s", "video", "frames", "abnormal", "AUC");
        for (VideoAuc v : videos) {
            line(sb, "  %-12s %7d %9d %8s", v.video(), v.frames(), v.abnormalFrames(),
                    v.auc().isPresent() ? fmt(v.auc()) : "one-class");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String fmt(OptionalDouble v) {
        return v.isPresent() ? fmt(v.getAsDouble()) : "n/a   ";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    @Override
    public String toString() {
        return "EvaluationReport[" + truth.dataset() + ", micro " + fmt(microAuc) + ", macro " + fmt(macro.value()) + "]";
    }
}
