package io.github.aed.nn.train;

/**
 * How the learning rate changes over a training run. The run starts at the network's learning rate
 * ({@code NetworkSettings.learningRate()}) either way.
 */
public enum LearningRateSchedule {
    /** The network's learning rate throughout. */
    CONSTANT,
    /**
     * Falls linearly from the network's learning rate at the first mini-batch to zero after the last one, so that the
     * last epochs take ever smaller steps and the parameters settle instead of moving by a full Adam step to the end.
     */
    LINEAR_DECAY
}
