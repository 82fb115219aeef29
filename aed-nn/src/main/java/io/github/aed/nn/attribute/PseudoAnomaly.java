package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;

/**
 * Abnormal versions of normal objects, made from the training videos themselves, on which each score's power to
 * separate is measured without test labels (it sets the default fusion weights).
 */
public enum PseudoAnomaly {

    /** The video played {@value #SPEED_UP} times faster around the object (frames {@value #SPEED_UP} apart as consecutive). */
    FASTER,
    /** The object's box twice as wide and high about its centre (clipped to the frame): an object of another size. */
    LARGER;

    /** The speed-up of {@link #FASTER}. */
    public static final int SPEED_UP = 3;

    /** The box of {@link #LARGER}. */
    public static Box larger(Box box, int frameWidth, int frameHeight) {
        return box.padRelative(0.5).clipTo(frameWidth, frameHeight);
    }
}
