package io.github.aed.core.scene;

/**
 * The kinds of abnormal event a generated scene can contain, each differing from the normal walkers (who walk along
 * the walkway at the family's normal speeds) in speed, size, shape, direction or stopping. Sizes and speeds follow the
 * {@link SceneFamily}'s walkers.
 */
public enum AnomalyKind {
    /** A cyclist (speed and shape): a rider on two wheels moving along the walkway about four to six times faster than walkers. */
    FAST_MOVER,
    /** A small vehicle, a cart (size and shape): a box on wheels twice as wide as tall, at about twice walking speed. */
    VEHICLE,
    /** An erratic walker (direction): zig-zags and moves across the walkway instead of along it, staying in view. */
    ERRATIC,
    /** A loiterer (stopping): walks in, stops in the middle of the walkway and stands still; abnormal while standing. */
    LOITERER,
    /** A runner (speed): a walker's figure moving along the walkway about three to four times faster than walkers. */
    RUNNER,
    /** A person crossing (direction): enters at the top or bottom image edge and walks across the walkway at walking speed. */
    CROSSER
}
