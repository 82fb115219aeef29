package io.github.aed.nn.task;

import java.util.Map;
import java.util.Objects;

/**
 * The fixed facts of a task (name, head, test-time input, training radius) held in fields, so that a task
 * implementation writes only what is its own: sample generation, score and options. Optional; {@link ProxyTask} is
 * the contract.
 */
public abstract class AbstractProxyTask implements ProxyTask {

    private final String name;
    private final TaskHead head;
    private final FrameSelection testInput;
    private final int trainingRadius;

    protected AbstractProxyTask(String name, TaskHead head, FrameSelection testInput, int trainingRadius) {
        this.name = Objects.requireNonNull(name, "name");
        this.head = Objects.requireNonNull(head, "head");
        this.testInput = Objects.requireNonNull(testInput, "testInput");
        this.trainingRadius = trainingRadius;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final TaskHead head() {
        return head;
    }

    @Override
    public final double weight() {
        return head.weight();
    }

    @Override
    public final LossKind loss() {
        return head.loss();
    }

    @Override
    public final FrameSelection testInput() {
        return testInput;
    }

    @Override
    public final int trainingRadius() {
        return trainingRadius;
    }

    @Override
    public final Map<String, String> settings() {
        return ProxyTask.super.settings();
    }
}
