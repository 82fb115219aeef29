package io.github.aed.core.scene;

/** The kinds of abnormal event a generated scene can contain. Normal scenes hold only pedestrians walking. */
public enum AnomalyKind {
    /** A cyclist: a rider on two wheels moving four to six times faster than walkers. */
    FAST_MOVER,
    /** A small vehicle (a cart) of a shape no walker has, at about twice walking speed. */
    VEHICLE,
    /** A walker who zig-zags and moves across the walkway instead of along it. */
    ERRATIC,
    /** A walker who stops in the middle of the walkway and stands still. */
    LOITERER
}
