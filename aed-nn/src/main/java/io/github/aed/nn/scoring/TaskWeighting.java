package io.github.aed.nn.scoring;

/**
 * What the network's proxy tasks weigh in the object score when {@link ScoringSettings#weights()} does not name them.
 * Attribute scores weigh 1 either way.
 */
public enum TaskWeighting {
    /** Each task weighs 1, as each attribute does: the SSMTL paper's sum of its tasks. */
    EACH_ONE,
    /**
     * The tasks share a weight of 1: each of the network's T tasks weighs 1/T. The tasks are T heads of one network
     * trained on the same videos, while each attribute is a model of its own (a density over one property), so the
     * network counts as much as one attribute rather than as T of them.
     */
    SHARED
}
