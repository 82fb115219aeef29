package io.github.aed.detect;

/** Which boxes may suppress each other in non-maximum suppression (see {@link Nms}). */
public enum NmsMode {
    /** No suppression. */
    NONE,
    /** Only boxes of the same class suppress each other (what YOLO-style detectors do). */
    PER_CLASS,
    /** Any box suppresses any other, whatever the classes (e.g. to merge the outputs of several detectors). */
    ACROSS_CLASSES
}
