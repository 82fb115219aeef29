package io.github.aed.nn.train;

import io.github.aed.core.cube.CubeSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a network is trained: epochs of Adam from the network's learning rate on a schedule, batches, the share of each
 * video's objects kept for validation, the training cubes, the choices that decide the cost (samples per video, shuffle
 * buffer), the seed, and where to keep the best epoch.
 *
 * <p>Immutable. {@link #builder()} starts from the library's defaults, {@link #defaults()}: 4 epochs, batches of 64, the
 * learning rate falling linearly to zero, the last 15 % of each video's objects for validation, training cubes with
 * k = 15, at most 1000 training objects per video, seed 42, the settings of the results in docs/RESULTS.md. The
 * reference trains 30 epochs on every object at a constant rate ({@link #reference()}). {@link #toBuilder()} makes a
 * variation.
 */
public final class TrainingSettings {

    private final int epochs;
    private final int batchSize;
    private final double validationFraction;
    private final CubeSettings cubes;
    private final int maxSamplesPerVideo;
    private final int shuffleBuffer;
    private final int prefetchBatches;
    private final long seed;
    private final LearningRateSchedule learningRateSchedule;
    private final Path checkpoint;

    private TrainingSettings(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.validationFraction = b.validationFraction;
        this.cubes = b.cubes;
        this.maxSamplesPerVideo = b.maxSamplesPerVideo;
        this.shuffleBuffer = b.shuffleBuffer;
        this.prefetchBatches = b.prefetchBatches;
        this.seed = b.seed;
        this.learningRateSchedule = b.learningRateSchedule;
        this.checkpoint = b.checkpoint;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The library's default training (see the class comment). */
    public static TrainingSettings defaults() {
        return builder().build();
    }

    /** The reference's training: the defaults with 30 epochs on every object of every video at a constant learning rate. */
    public static TrainingSettings reference() {
        return builder().epochs(30).maxSamplesPerVideo(0).learningRateSchedule(LearningRateSchedule.CONSTANT).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder().epochs(epochs).batchSize(batchSize).validationFraction(validationFraction).cubes(cubes)
                .maxSamplesPerVideo(maxSamplesPerVideo).shuffleBuffer(shuffleBuffer).prefetchBatches(prefetchBatches).seed(seed)
                .learningRateSchedule(learningRateSchedule);
        b.checkpoint = checkpoint;
        return b;
    }

    /** Passes over the training objects. */
    public int epochs() {
        return epochs;
    }

    /** Samples per Adam step. */
    public int batchSize() {
        return batchSize;
    }

    /** The share of each video's objects, the last ones in frame order, kept for validation. */
    public double validationFraction() {
        return validationFraction;
    }

    /** The cubes training samples are drawn from. */
    public CubeSettings cubes() {
        return cubes;
    }

    /** Training objects used per video, evenly spread over it; 0 = all. */
    public int maxSamplesPerVideo() {
        return maxSamplesPerVideo;
    }

    /** Samples held for shuffling (about 0.3 MB each at 64×64 colour). */
    public int shuffleBuffer() {
        return shuffleBuffer;
    }

    /** Mini-batches prepared ahead of the network. */
    public int prefetchBatches() {
        return prefetchBatches;
    }

    /** Seed of the sample draws, the shuffling and dropout. */
    public long seed() {
        return seed;
    }

    /** How the learning rate changes over the run. */
    public LearningRateSchedule learningRateSchedule() {
        return learningRateSchedule;
    }

    /** Where the model of the best epoch so far is written, if anywhere. */
    public Optional<Path> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public String toString() {
        return "TrainingSettings[" + shapingSettings() + (checkpoint == null ? "" : ", checkpoint " + checkpoint) + "]";
    }

    /**
     * The settings that shape the trained model, one line: everything but the checkpoint file (a model records these,
     * not where its training happened to checkpoint).
     */
    public String describeModelShaping() {
        return "TrainingSettings[" + shapingSettings() + "]";
    }

    private String shapingSettings() {
        return epochs + " epochs, batch " + batchSize + ", validation " + validationFraction + ", " + cubes + ", samples/video "
                + (maxSamplesPerVideo == 0 ? "all" : maxSamplesPerVideo) + ", shuffle buffer " + shuffleBuffer + ", learning rate "
                + learningRateSchedule + ", seed " + seed;
    }

    /** Builder for {@link TrainingSettings}; every setting has a default. */
    public static final class Builder {
        private int epochs = 4;
        private int batchSize = 64;
        private double validationFraction = 0.15;
        private CubeSettings cubes = CubeSettings.training();
        private int maxSamplesPerVideo = 1000;
        private int shuffleBuffer = 512;
        private int prefetchBatches = 2;
        private long seed = 42;
        private LearningRateSchedule learningRateSchedule = LearningRateSchedule.LINEAR_DECAY;
        private Path checkpoint;

        private Builder() {
        }

        public Builder epochs(int n) {
            this.epochs = positive("epochs", n);
            return this;
        }

        public Builder batchSize(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("batch size must be at least 2 (batch normalisation), got " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** In [0, 1). */
        public Builder validationFraction(double f) {
            if (!(f >= 0 && f < 1)) {
                throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + f);
            }
            this.validationFraction = f;
            return this;
        }

        public Builder cubes(CubeSettings c) {
            this.cubes = Objects.requireNonNull(c, "cubes");
            return this;
        }

        /** 0 = all. */
        public Builder maxSamplesPerVideo(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("samples per video must be >= 0 (0 = all), got " + n);
            }
            this.maxSamplesPerVideo = n;
            return this;
        }

        public Builder shuffleBuffer(int n) {
            this.shuffleBuffer = positive("shuffle buffer", n);
            return this;
        }

        public Builder prefetchBatches(int n) {
            this.prefetchBatches = positive("prefetch batches", n);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How the learning rate changes over the run (default {@link LearningRateSchedule#LINEAR_DECAY}). */
        public Builder learningRateSchedule(LearningRateSchedule schedule) {
            this.learningRateSchedule = Objects.requireNonNull(schedule, "learning rate schedule");
            return this;
        }

        /** Writes the best epoch's model to this file. */
        public Builder checkpoint(Path file) {
            this.checkpoint = Objects.requireNonNull(file, "checkpoint");
            return this;
        }

        public TrainingSettings build() {
            return new TrainingSettings(this);
        }

        private static int positive(String what, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, got " + n);
            }
            return n;
        }
    }
}
