package io.github.aed.nn.scoring;

/** Which number a region (one detected box) gets for RBDC/TBDC evaluation. */
public enum RegionScoreMode {
    /** The object's combined score S. */
    OBJECT_SCORE,
    /**
     * The maximum of the smoothed anomaly map inside the box, after the block map is resized to the frame with
     * bilinear interpolation (the SSMTL group's later evaluation code does this).
     */
    MAX_MAP_IN_BOX
}
