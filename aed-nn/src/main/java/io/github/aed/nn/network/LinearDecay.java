package io.github.aed.nn.network;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate falling linearly from {@code initial} at iteration 0 to zero at iteration {@code iterations}, and
 * zero after. (DL4J's {@code PolySchedule} of power 1 is no substitute: in ND4J 1.0.0-M2.1 it computes
 * {@code initial × (1 + i / maxIter)}, a rate that grows to twice its start before it drops to zero.)
 */
final class LinearDecay implements ISchedule {

    private final double initial;
    private final int iterations;

    @JsonCreator
    LinearDecay(@JsonProperty("initial") double initial, @JsonProperty("iterations") int iterations) {
        this.initial = initial;
        this.iterations = iterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return iteration >= iterations ? 0 : initial * (1 - (double) iteration / iterations);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecay(initial, iterations);
    }

    @JsonProperty("initial")
    double initial() {
        return initial;
    }

    @JsonProperty("iterations")
    int iterations() {
        return iterations;
    }
}
