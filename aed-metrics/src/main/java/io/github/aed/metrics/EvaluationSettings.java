package io.github.aed.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The levers of an evaluation. Every one is explicit, has a documented default, and is printed with the result and
 * written into its JSON, because each of them changes the numbers. Immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code singleClassVideoPolicy}: one-class videos in the macro AUC. Default {@link SingleClassVideoPolicy#SKIP};
 *       {@link SingleClassVideoPolicy#SSMTL_PAD} additionally reports the SSMTL reference's padded macro AUC, which
 *       inflates the number.</li>
 *   <li>{@code alpha}, {@code beta}: the TBDC track fraction and the RBDC IoU threshold. Default 0.1 each, as
 *       published.</li>
 *   <li>{@code falsePositiveRateFrames}: the RBDC/TBDC false-positive-rate denominator. Default: every test frame of
 *       the ground truth (40,791 for ShanghaiTech). A larger number (e.g. the 42,883 frames some papers state for
 *       ShanghaiTech) lowers the false-positive rate and so inflates RBDC/TBDC.</li>
 * </ul>
 * The label version (e.g. {@link AvenueLabels}) is chosen when the ground truth is read and travels with it.
 */
public final class EvaluationSettings {

    private final SingleClassVideoPolicy singleClassVideoPolicy;
    private final double alpha;
    private final double beta;
    private final OptionalLong falsePositiveRateFrames;

    private EvaluationSettings(Builder b) {
        this.singleClassVideoPolicy = b.singleClassVideoPolicy;
        this.alpha = b.alpha;
        this.beta = b.beta;
        this.falsePositiveRateFrames = b.falsePositiveRateFrames;
    }

    /** The defaults: SKIP, α = β = 0.1, all test frames as the false-positive-rate denominator. */
    public static EvaluationSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.singleClassVideoPolicy = singleClassVideoPolicy;
        b.alpha = alpha;
        b.beta = beta;
        b.falsePositiveRateFrames = falsePositiveRateFrames;
        return b;
    }

    public SingleClassVideoPolicy singleClassVideoPolicy() {
        return singleClassVideoPolicy;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    /** The denominator override, if one was set; empty means "all test frames of the ground truth". */
    public OptionalLong falsePositiveRateFrames() {
        return falsePositiveRateFrames;
    }

    /** The settings by name, as written into reports (the denominator in effect is written by the report). */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("single_class_video_policy", singleClassVideoPolicy.name());
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("fpr_denominator_override", falsePositiveRateFrames.isPresent() ? (Object) falsePositiveRateFrames.getAsLong() : null);
        return m;
    }

    @Override
    public String toString() {
        return "EvaluationSettings" + describe();
    }

    /** Builds {@link EvaluationSettings}; every setting is optional. */
    public static final class Builder {
        private SingleClassVideoPolicy singleClassVideoPolicy = SingleClassVideoPolicy.SKIP;
        private double alpha = RbdcTbdc.DEFAULT_ALPHA;
        private double beta = RbdcTbdc.DEFAULT_BETA;
        private OptionalLong falsePositiveRateFrames = OptionalLong.empty();

        private Builder() {
        }

        /** How macro AUC treats one-class videos; default {@link SingleClassVideoPolicy#SKIP}. */
        public Builder optSingleClassVideoPolicy(SingleClassVideoPolicy policy) {
            this.singleClassVideoPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** TBDC's track-detection fraction in (0, 1]; default 0.1. */
        public Builder optAlpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** RBDC's IoU threshold in (0, 1]; default 0.1. */
        public Builder optBeta(double beta) {
            this.beta = beta;
            return this;
        }

        /** Overrides the false-positive-rate denominator (test frames); default: all frames of the ground truth. */
        public Builder optFalsePositiveRateFrames(long frames) {
            this.falsePositiveRateFrames = OptionalLong.of(frames);
            return this;
        }

        /**
         * @throws IllegalArgumentException if α or β is outside (0, 1] or the denominator is below 1
         */
        public EvaluationSettings build() {
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
            }
            if (!(beta > 0 && beta <= 1)) {
                throw new IllegalArgumentException("beta must be in (0, 1], got " + beta);
            }
            if (falsePositiveRateFrames.isPresent() && falsePositiveRateFrames.getAsLong() < 1) {
                throw new IllegalArgumentException("the false-positive-rate denominator must be at least 1 frame, got "
                        + falsePositiveRateFrames.getAsLong());
            }
            return new EvaluationSettings(this);
        }
    }
}
