package io.github.aed.nn.task;

/** The activation of a {@link TaskHead.Regression} head's output values. */
public enum OutputActivation {
    /** The values as computed: any real number. */
    IDENTITY,
    /** max(0, x): non-negative, but a unit whose input is always negative gets no gradient. */
    RELU,
    /** log(1 + e^x): non-negative and smooth, never without gradient. */
    SOFTPLUS
}
