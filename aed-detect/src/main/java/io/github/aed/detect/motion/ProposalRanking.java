package io.github.aed.detect.motion;

/** How a {@link MotionDetector} chooses the proposals that fill its per-frame cap. */
public enum ProposalRanking {
    /**
     * The merged objects first, then the cores and valley pieces, each group most confident (largest) first; a box
     * whose IoU with a kept one is above the NMS threshold is skipped.
     */
    TIERS,
    /**
     * Greedy by the foreground a box adds to the boxes already kept, each foreground pixel weighted by how tightly the
     * box fits (its fill ratio raised to the coverage tightness), with the tier order breaking ties; the same NMS
     * threshold applies. A near-duplicate of a kept box gains nothing, a tight piece of a loose kept box gains what its
     * tighter fit adds.
     */
    COVERAGE,
    /** Greedy by the summed best IoU between every proposal and the kept boxes (see CoverageSelection.byOverlap). */
    OVERLAP
}
