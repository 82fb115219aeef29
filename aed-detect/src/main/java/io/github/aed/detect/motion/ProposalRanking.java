package io.github.aed.detect.motion;

/** How a {@link MotionDetector} chooses the proposals that fill its per-frame cap. */
public enum ProposalRanking {
    /**
     * The merged objects first, then the cores and valley pieces, each group most confident (largest) first; a box
     * whose IoU with a kept one is above the NMS threshold is skipped.
     */
    TIERS,
    /**
     * Greedy by overlap ({@link OverlapSelection}): every proposal stands for an object that may be there, and each
     * step keeps the box that most raises the summed best overlap ({@code IoU^overlapExponent}) between the proposals
     * and the kept boxes, each proposal weighted (a merged object 1, a core or piece its confidence raised to
     * {@code partWeight}). The same NMS threshold applies; ties go to the {@link #TIERS} order. The default.
     */
    OVERLAP
}
