package io.github.aed.nn.task;

import java.util.Objects;

/**
 * The fixed facts of a task (name, weight, loss, test-time input, training radius) held in fields, so that a task
 * implementation writes only what is its own: sample generation, head and score. Optional; {@link ProxyTask} is the
 * contract.
 */
public abstract class AbstractProxyTask implements ProxyTask {

    private final String name;
    private final double weight;
    private final LossKind loss;
    private final FrameSelection testInput;
    private final int trainingRadius;

    protected AbstractProxyTask(String name, double weight, LossKind loss, FrameSelection testInput, int trainingRadius) {
        this.name = Objects.requireNonNull(name, "name");
        this.weight = weight;
        this.loss = Objects.requireNonNull(loss, "loss");
        this.testInput = Objects.requireNonNull(testInput, "testInput");
        this.trainingRadius = trainingRadius;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double weight() {
        return weight;
    }

    @Override
    public final LossKind loss() {
        return loss;
    }

    @Override
    public final FrameSelection testInput() {
        return testInput;
    }

    @Override
    public final int trainingRadius() {
        return trainingRadius;
    }
}
