package io.github.aed.metrics;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The ground-truth layouts this module reads, by the names {@code ./aed evaluate --gt-format} uses. */
public enum GroundTruthFormat {

    /** UCSD Ped1/Ped2: {@link UcsdGroundTruth}. */
    UCSD("ucsd"),
    /** CUHK Avenue: {@link AvenueGroundTruth}. */
    AVENUE("avenue"),
    /** ShanghaiTech Campus: {@link ShanghaiTechGroundTruth}. */
    SHANGHAITECH("shanghaitech");

    private final String id;

    GroundTruthFormat(String id) {
        this.id = id;
    }

    /** The command-line name: {@code ucsd}, {@code avenue} or {@code shanghaitech}. */
    public String id() {
        return id;
    }

    /** The format with this command-line name. */
    public static GroundTruthFormat of(String id) {
        for (GroundTruthFormat f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown ground-truth format '" + id + "'; expected one of "
                + Arrays.stream(values()).map(GroundTruthFormat::id).toList());
    }

    /** Reads a dataset folder in this layout, with the default labels (Avenue: {@link AvenueLabels#OFFICIAL_MASKS}). */
    public GroundTruth read(Path root) {
        return read(root, AvenueLabels.OFFICIAL_MASKS);
    }

    /**
     * Reads a dataset folder in this layout.
     *
     * @param avenueLabels the label version; used by {@link #AVENUE}, and must be {@link AvenueLabels#OFFICIAL_MASKS}
     *                     for the others (which have one version)
     */
    public GroundTruth read(Path root, AvenueLabels avenueLabels) {
        if (this != AVENUE && avenueLabels != AvenueLabels.OFFICIAL_MASKS) {
            throw new IllegalArgumentException("label version " + avenueLabels + " exists only for CUHK Avenue, not " + id);
        }
        return switch (this) {
            case UCSD -> UcsdGroundTruth.read(root);
            case AVENUE -> AvenueGroundTruth.read(root, avenueLabels);
            case SHANGHAITECH -> ShanghaiTechGroundTruth.read(root);
        };
    }
}
