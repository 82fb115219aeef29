package io.github.aed.nn.network;

import java.util.Objects;

/**
 * The shape and constants of the multi-task 3D CNN: backbone variant, cube geometry, batch-normalisation and dropout
 * constants, learning rate and initialisation seed.
 *
 * <p>Immutable. {@link #builder()} starts from the library's defaults, {@link #defaults()}: the shallow+narrow
 * backbone on 16×16 colour crops (0.05 GFLOP per object; see {@link BackboneVariant} for the others) with the
 * reference's constants (TF1 {@code tf.layers}): batch-norm momentum 0.99 and ε = 1e-3, dropout 0.3 in the classifier
 * heads, Adam with learning rate 1e-3, Glorot-uniform kernels and zero biases. {@link #reference()} is the paper's
 * network, deep+wide on 64×64 crops, about 190 times the arithmetic per object.
 */
public final class NetworkSettings {

    private final BackboneVariant variant;
    private final int channels;
    private final int cubeSize;
    private final double batchNormMomentum;
    private final double batchNormEpsilon;
    private final double dropout;
    private final double learningRate;
    private final long seed;

    private NetworkSettings(Builder b) {
        this.variant = b.variant;
        this.channels = b.channels;
        this.cubeSize = b.cubeSize;
        this.batchNormMomentum = b.batchNormMomentum;
        this.batchNormEpsilon = b.batchNormEpsilon;
        this.dropout = b.dropout;
        this.learningRate = b.learningRate;
        this.seed = b.seed;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The library's default network: shallow+narrow, 16×16 colour crops, the reference's constants. */
    public static NetworkSettings defaults() {
        return builder().build();
    }

    /** The paper's network: deep+wide, 64×64 colour crops, the reference's constants. */
    public static NetworkSettings reference() {
        return builder().variant(BackboneVariant.DEEP_WIDE).cubeSize(64).build();
    }

    public Builder toBuilder() {
        return new Builder().variant(variant).channels(channels).cubeSize(cubeSize).batchNormMomentum(batchNormMomentum)
                .batchNormEpsilon(batchNormEpsilon).dropout(dropout).learningRate(learningRate).seed(seed);
    }

    public BackboneVariant variant() {
        return variant;
    }

    /** Channels of the cubes: 1 (grey) or 3 (BGR). */
    public int channels() {
        return channels;
    }

    /** Side of each crop in pixels. */
    public int cubeSize() {
        return cubeSize;
    }

    /** Moving-average momentum of the batch-norm statistics used at test time. */
    public double batchNormMomentum() {
        return batchNormMomentum;
    }

    public double batchNormEpsilon() {
        return batchNormEpsilon;
    }

    /** Probability of dropping a unit in the classifier heads during training. */
    public double dropout() {
        return dropout;
    }

    /** Adam's learning rate (constant). */
    public double learningRate() {
        return learningRate;
    }

    /** Seed of the weight initialisation and of dropout. */
    public long seed() {
        return seed;
    }

    /**
     * A batch-normalisation layer over the channels of NCHW activations with these constants, optionally followed by
     * ReLU (also used on the folded 3D activations, see {@link FoldDepthPreProcessor}).
     */
    public FastBatchNorm batchNorm(boolean relu) {
        return FastBatchNorm.of(batchNormMomentum, batchNormEpsilon, relu);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSettings n && n.variant == variant && n.channels == channels && n.cubeSize == cubeSize
                && n.batchNormMomentum == batchNormMomentum && n.batchNormEpsilon == batchNormEpsilon
                && n.dropout == dropout && n.learningRate == learningRate && n.seed == seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(variant, channels, cubeSize, batchNormMomentum, batchNormEpsilon, dropout, learningRate, seed);
    }

    @Override
    public String toString() {
        return "NetworkSettings[" + variant.id() + ", " + channels + "x" + cubeSize + "x" + cubeSize + ", bn momentum "
                + batchNormMomentum + " eps " + batchNormEpsilon + ", dropout " + dropout + ", Adam lr " + learningRate
                + ", seed " + seed + "]";
    }

    /** Builder for {@link NetworkSettings}; every setting has a default. */
    public static final class Builder {
        private BackboneVariant variant = BackboneVariant.SHALLOW_NARROW;
        private int channels = 3;
        private int cubeSize = 16;
        private double batchNormMomentum = 0.99;
        private double batchNormEpsilon = 1e-3;
        private double dropout = 0.3;
        private double learningRate = 1e-3;
        private long seed = 42;

        private Builder() {
        }

        public Builder variant(BackboneVariant v) {
            this.variant = Objects.requireNonNull(v, "variant");
            return this;
        }

        /** 1 (grey) or 3 (BGR). */
        public Builder channels(int c) {
            if (c != 1 && c != 3) {
                throw new IllegalArgumentException("channels must be 1 (grey) or 3 (BGR), got " + c);
            }
            this.channels = c;
            return this;
        }

        /** Crop side in pixels; must suit the variant (checked at build). */
        public Builder cubeSize(int s) {
            this.cubeSize = s;
            return this;
        }

        public Builder batchNormMomentum(double m) {
            if (!(m >= 0 && m < 1)) {
                throw new IllegalArgumentException("batch-norm momentum must be in [0, 1), got " + m);
            }
            this.batchNormMomentum = m;
            return this;
        }

        public Builder batchNormEpsilon(double e) {
            if (!(e > 0)) {
                throw new IllegalArgumentException("batch-norm epsilon must be > 0, got " + e);
            }
            this.batchNormEpsilon = e;
            return this;
        }

        /** Drop probability in [0, 1). */
        public Builder dropout(double p) {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
            }
            this.dropout = p;
            return this;
        }

        public Builder learningRate(double lr) {
            if (!(lr > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** @throws IllegalArgumentException if the cube size does not suit the variant */
        public NetworkSettings build() {
            variant.checkCubeSize(cubeSize);
            return new NetworkSettings(this);
        }
    }
}
