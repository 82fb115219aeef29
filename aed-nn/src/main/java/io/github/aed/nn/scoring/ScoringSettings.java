package io.github.aed.nn.scoring;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

/**
 * Every lever that turns object scores into frame scores and regions. Each one changes the metrics, so
 * {@link #describe()} prints them all and every result carries its settings.
 *
 * <p>The defaults are the library's clean, non-transductive protocol: every score calibrated on the normal validation
 * objects kept at training, median → 0 and 99th percentile → 1 ({@link Normalisation#TRAINING_QUANTILES}), the reference's 3-pixel blocks and 9×9×9 mean filter
 * (it looks 4 frames ahead, so streams are scored with a 4-frame delay), the network's proxy tasks sharing one weight
 * beside the attributes' one each ({@link TaskWeighting#SHARED}), no temporal Gaussian (the reference's was
 * tuned on the test sets), regions scored by their object's score. The mean filter mostly suppresses isolated
 * high scores of small boxes, which on UCSD Ped2 are the commonest false alarms (docs/RESULTS.md). {@link #ssmtlPaper(Dataset)} gives the reference
 * implementation's per-dataset settings, which were tuned on the test sets and normalise per test video.
 */
public final class ScoringSettings {

    /** The datasets the reference publishes settings for. */
    public enum Dataset { PED2, AVENUE, SHANGHAITECH }

    private final Normalisation normalisation;
    private final boolean perTaskScaling;
    private final int blockSize;
    private final int meanFilterSize;
    private final TemporalFilter temporalFilter;
    private final RegionScoreMode regionScoreMode;
    private final boolean keepMaps;
    private final Set<String> scoredTasks;
    private final Map<String, Double> weights;
    private final TaskWeighting taskWeighting;

    private ScoringSettings(Builder b) {
        this.normalisation = b.normalisation;
        this.perTaskScaling = b.perTaskScaling;
        this.blockSize = b.blockSize;
        this.meanFilterSize = b.meanFilterSize;
        this.temporalFilter = b.temporalFilter;
        this.regionScoreMode = b.regionScoreMode;
        this.keepMaps = b.keepMaps;
        this.scoredTasks = Collections.unmodifiableSet(new LinkedHashSet<>(b.scoredTasks));
        this.weights = Collections.unmodifiableMap(new TreeMap<>(b.weights));
        this.taskWeighting = b.taskWeighting;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The library defaults (see the class comment). */
    public static ScoringSettings defaults() {
        return builder().build();
    }

    /**
     * The SSMTL reference settings (§6.5): per-video min-max normalisation (per task, except Avenue), block size 3
     * (Ped2) or 20, a 9×9×9 mean filter (not ShanghaiTech), the reference's temporal Gaussian (Ped2 L=49 σ=20, Avenue
     * L=301 σ=25, ShanghaiTech L=201 σ=31), regions scored by the maximum of the map in the box. Transductive and tuned
     * on the test sets: for reproducing published numbers only.
     */
    public static ScoringSettings ssmtlPaper(Dataset dataset) {
        Builder b = builder().normalisation(Normalisation.PER_VIDEO_MIN_MAX).regionScoreMode(RegionScoreMode.MAX_MAP_IN_BOX)
                .taskWeighting(TaskWeighting.EACH_ONE);
        return switch (dataset) {
            case PED2 -> b.perTaskScaling(true).blockSize(3).meanFilterSize(9).temporalFilter(TemporalFilter.ssmtlGaussian(49, 20)).build();
            case AVENUE -> b.perTaskScaling(false).blockSize(20).meanFilterSize(9).temporalFilter(TemporalFilter.ssmtlGaussian(301, 25)).build();
            case SHANGHAITECH -> b.perTaskScaling(true).blockSize(20).meanFilterSize(0).temporalFilter(TemporalFilter.ssmtlGaussian(201, 31)).build();
        };
    }

    public Builder toBuilder() {
        return new Builder().normalisation(normalisation).perTaskScaling(perTaskScaling).blockSize(blockSize)
                .meanFilterSize(meanFilterSize).temporalFilter(temporalFilter).regionScoreMode(regionScoreMode).keepMaps(keepMaps).scoredTasks(scoredTasks).weights(weights)
                .taskWeighting(taskWeighting);
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    /** Whether each task's score is scaled to [0, 1] before the sum (off: raw scores are summed). */
    public boolean perTaskScaling() {
        return perTaskScaling;
    }

    /** Side of one anomaly-map block, in pixels. */
    public int blockSize() {
        return blockSize;
    }

    /** Side of the cubic mean filter over (time, rows, columns) of blocks; 0 = off. */
    public int meanFilterSize() {
        return meanFilterSize;
    }

    public TemporalFilter temporalFilter() {
        return temporalFilter;
    }

    public RegionScoreMode regionScoreMode() {
        return regionScoreMode;
    }

    /** Whether results keep the smoothed block maps (memory: frames × blocks floats). */
    public boolean keepMaps() {
        return keepMaps;
    }

    /**
     * The tasks whose scores make the object score, in the model's order; empty means all of the model's tasks. A
     * subset is an ablation: the other heads still run but do not count.
     */
    public Set<String> scoredTasks() {
        return scoredTasks;
    }

    /**
     * The fusion weights: score name (task or attribute) → the weight of its scaled score in the object score. A score
     * the map does not name weighs 1, or what {@link #taskWeighting()} gives a proxy task once the settings are
     * {@linkplain #forTasks(List) resolved} for a network's tasks. The weights a model chose at training from how well
     * each score separates normal held-out objects from pseudo-anomalies ({@code TrainedModel#fusionWeights()}) are one
     * choice to give here; on UCSD Ped2 they did worse than the defaults (docs/attributes.md).
     */
    public Map<String, Double> weights() {
        return weights;
    }

    /** The weight of one score (1 when {@link #weights()} does not name it). */
    public double weight(String score) {
        return weights.getOrDefault(score, 1.0);
    }

    /** What the proxy tasks that {@link #weights()} does not name weigh (default {@link TaskWeighting#SHARED}). */
    public TaskWeighting taskWeighting() {
        return taskWeighting;
    }

    /**
     * These settings for a network with these proxy tasks: {@link #weights()} gains each task it does not name, at the
     * weight {@link #taskWeighting()} gives it (1/T each of T tasks when shared, 1 otherwise), so that the weights say
     * in full what the tasks weigh. Unchanged if the map names every task already.
     *
     * @throws IllegalArgumentException if {@code tasks} is empty
     */
    public ScoringSettings forTasks(List<String> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one proxy task");
        }
        double each = taskWeighting == TaskWeighting.SHARED ? 1.0 / tasks.size() : 1.0;
        Map<String, Double> resolved = new TreeMap<>(weights);
        tasks.forEach(t -> resolved.putIfAbsent(t, each));
        return resolved.equals(weights) ? this : toBuilder().weights(resolved).build();
    }

    /** Whether the scores of one object depend on other objects of the same test video. */
    public boolean isTransductive() {
        return normalisation == Normalisation.PER_VIDEO_MIN_MAX;
    }

    /** Every setting, one line. */
    public String describe() {
        return String.format(Locale.ROOT,
                "tasks=%s, weights=%s, normalisation=%s%s, per-task scaling=%s, block=%dpx, mean filter=%s, temporal=%s, regions=%s",
                scoredTasks.isEmpty() ? "all" : String.join("+", scoredTasks), weightList(), normalisation,
                isTransductive() ? " (transductive)" : "", perTaskScaling ? "on" : "off", blockSize,
                meanFilterSize == 0 ? "off" : meanFilterSize + "^3 blocks (reflect)", temporalFilter.describe(), regionScoreMode);
    }

    private String weightList() {
        String unnamed = taskWeighting == TaskWeighting.SHARED ? "tasks share 1, attributes 1 each" : "1 each";
        if (weights.isEmpty()) {
            return unnamed;
        }
        StringBuilder sb = new StringBuilder("{");
        weights.forEach((k, v) -> sb.append(sb.length() > 1 ? " " : "").append(k).append('=')
                .append(String.format(Locale.ROOT, "%.3g", v)));
        return sb.append("}, others 1").toString();
    }

    @Override
    public String toString() {
        return "ScoringSettings[" + describe() + "]";
    }

    /** Builder; every setting has a default. */
    public static final class Builder {
        private Normalisation normalisation = Normalisation.TRAINING_QUANTILES;
        private boolean perTaskScaling = true;
        private int blockSize = 3;
        private int meanFilterSize = 9;
        private TemporalFilter temporalFilter = TemporalFilter.none();
        private RegionScoreMode regionScoreMode = RegionScoreMode.OBJECT_SCORE;
        private boolean keepMaps;
        private Set<String> scoredTasks = Set.of();
        private Map<String, Double> weights = Map.of();
        private TaskWeighting taskWeighting = TaskWeighting.SHARED;

        private Builder() {
        }

        public Builder normalisation(Normalisation n) {
            this.normalisation = Objects.requireNonNull(n, "normalisation");
            return this;
        }

        public Builder perTaskScaling(boolean on) {
            this.perTaskScaling = on;
            return this;
        }

        /** Block side in pixels, 1..64. */
        public Builder blockSize(int pixels) {
            if (pixels < 1 || pixels > 64) {
                throw new IllegalArgumentException("blockSize must be in 1..64 pixels, got " + pixels);
            }
            this.blockSize = pixels;
            return this;
        }

        /** Mean filter side in blocks and frames: 0 (off) or an odd number up to 31. */
        public Builder meanFilterSize(int size) {
            if (size != 0 && (size < 1 || size > 31 || size % 2 == 0)) {
                throw new IllegalArgumentException("meanFilterSize must be 0 (off) or odd in 1..31, got " + size);
            }
            this.meanFilterSize = size;
            return this;
        }

        public Builder temporalFilter(TemporalFilter filter) {
            this.temporalFilter = Objects.requireNonNull(filter, "temporalFilter");
            return this;
        }

        public Builder regionScoreMode(RegionScoreMode mode) {
            this.regionScoreMode = Objects.requireNonNull(mode, "regionScoreMode");
            return this;
        }

        public Builder keepMaps(boolean keep) {
            this.keepMaps = keep;
            return this;
        }

        /** Only these tasks count towards the object score (by registry name); empty (the default) = all tasks. */
        public Builder scoredTasks(Set<String> tasks) {
            for (String t : Objects.requireNonNull(tasks, "scoredTasks")) {
                if (t == null || t.isBlank()) {
                    throw new IllegalArgumentException("scoredTasks must name tasks, got " + tasks);
                }
            }
            this.scoredTasks = new LinkedHashSet<>(tasks);
            return this;
        }

        /**
         * The fusion weights by score name (see {@link ScoringSettings#weights()}): finite and non-negative, not all 0;
         * a score the map does not name weighs 1, or, for a proxy task, what {@link #taskWeighting} gives it.
         */
        public Builder weights(Map<String, Double> byScore) {
            Objects.requireNonNull(byScore, "weights");
            for (Map.Entry<String, Double> e : byScore.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || !(e.getValue() >= 0)
                        || Double.isInfinite(e.getValue())) {
                    throw new IllegalArgumentException("weights: each score needs a name and a finite weight >= 0, got "
                            + e.getKey() + "=" + e.getValue());
                }
            }
            if (!byScore.isEmpty() && byScore.values().stream().allMatch(w -> w == 0)) {
                throw new IllegalArgumentException("weights: at least one weight must be positive, got " + byScore);
            }
            this.weights = new TreeMap<>(byScore);
            return this;
        }

        /** What the proxy tasks weigh when {@link #weights(Map)} does not name them (see {@link TaskWeighting}). */
        public Builder taskWeighting(TaskWeighting w) {
            this.taskWeighting = Objects.requireNonNull(w, "taskWeighting");
            return this;
        }

        public ScoringSettings build() {
            return new ScoringSettings(this);
        }
    }
}
