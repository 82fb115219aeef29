package io.github.aed.core.cube;

import java.util.Objects;

/**
 * How object cubes are cut: for a detection in frame i, the detection's box is cropped from frames i−k … i+k, each
 * crop is resized to size×size pixels with bicubic interpolation and scaled to [0, 1].
 *
 * <p>Immutable; make one with {@link #builder()} or start from a preset ({@link #testing()}, {@link #training()}) and
 * vary it with {@link #toBuilder()}. Defaults: k = 3, size = 64, {@link ColourMode#COLOUR}, {@link EdgePolicy#SKIP}
 * (the reference's test-time cubes).
 */
public final class CubeSettings {

    /** Largest supported temporal radius k. */
    public static final int MAX_TEMPORAL_RADIUS = 64;
    /** Largest supported crop size in pixels. */
    public static final int MAX_SIZE = 512;

    private final int temporalRadius;
    private final int size;
    private final ColourMode colourMode;
    private final EdgePolicy edgePolicy;

    private CubeSettings(Builder b) {
        this.temporalRadius = b.temporalRadius;
        this.size = b.size;
        this.colourMode = b.colourMode;
        this.edgePolicy = b.edgePolicy;
    }

    /** The reference's test-time cubes: k = 3 (7 frames), 64×64, colour, edge frames skipped. */
    public static CubeSettings testing() {
        return builder().build();
    }

    /**
     * The reference's training cubes: k = 15 (31 frames), from which the proxy tasks draw consecutive and
     * intermittent sequences; 64×64, colour, edge frames skipped.
     */
    public static CubeSettings training() {
        return builder().temporalRadius(15).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to make a variation. */
    public Builder toBuilder() {
        return new Builder().temporalRadius(temporalRadius).size(size).colourMode(colourMode).edgePolicy(edgePolicy);
    }

    /** k: frames taken on each side of the detection's frame. */
    public int temporalRadius() {
        return temporalRadius;
    }

    /** Frames in a cube: 2k + 1. */
    public int depth() {
        return 2 * temporalRadius + 1;
    }

    /** Side of each resized crop, in pixels. */
    public int size() {
        return size;
    }

    public ColourMode colourMode() {
        return colourMode;
    }

    /** Channels per crop: 1 (grey) or 3 (BGR). */
    public int channels() {
        return colourMode.channels();
    }

    public EdgePolicy edgePolicy() {
        return edgePolicy;
    }

    /** Floats in one cube: channels × depth × size × size. */
    public int cubeLength() {
        return channels() * depth() * size * size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CubeSettings c && c.temporalRadius == temporalRadius && c.size == size
                && c.colourMode == colourMode && c.edgePolicy == edgePolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(temporalRadius, size, colourMode, edgePolicy);
    }

    @Override
    public String toString() {
        return "CubeSettings[k=" + temporalRadius + " (" + depth() + " frames), " + size + "x" + size + ", "
                + colourMode + ", edges " + edgePolicy + "]";
    }

    /** Builder for {@link CubeSettings}; every setting has a default, so {@code build()} always succeeds. */
    public static final class Builder {
        private int temporalRadius = 3;
        private int size = 64;
        private ColourMode colourMode = ColourMode.COLOUR;
        private EdgePolicy edgePolicy = EdgePolicy.SKIP;

        private Builder() {
        }

        /** k, frames on each side of the detection's frame: 0 … {@value CubeSettings#MAX_TEMPORAL_RADIUS}. */
        public Builder temporalRadius(int k) {
            if (k < 0 || k > MAX_TEMPORAL_RADIUS) {
                throw new IllegalArgumentException("temporalRadius k must be in 0.." + MAX_TEMPORAL_RADIUS + ", got " + k);
            }
            this.temporalRadius = k;
            return this;
        }

        /** Side of each resized crop in pixels: 1 … {@value CubeSettings#MAX_SIZE}. */
        public Builder size(int pixels) {
            if (pixels < 1 || pixels > MAX_SIZE) {
                throw new IllegalArgumentException("cube size must be in 1.." + MAX_SIZE + " pixels, got " + pixels);
            }
            this.size = pixels;
            return this;
        }

        public Builder colourMode(ColourMode mode) {
            this.colourMode = Objects.requireNonNull(mode, "colourMode");
            return this;
        }

        public Builder edgePolicy(EdgePolicy policy) {
            this.edgePolicy = Objects.requireNonNull(policy, "edgePolicy");
            return this;
        }

        public CubeSettings build() {
            return new CubeSettings(this);
        }
    }
}
