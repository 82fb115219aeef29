package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;

/**
 * Where an object stands: the centre of its box's bottom edge, as fractions of the frame's width and height (0 at the
 * left and top, 1 at the right and bottom; the half-open box's {@code xMax} and {@code yMax} are its exclusive edges).
 * The position attributes share it, so that the camera's perspective is read the same way by each.
 */
final class FootPoint {

    private FootPoint() {
    }

    /** The foot point's x as a fraction of the frame's width. */
    static float x(ObjectView object) {
        Box b = object.detection().box();
        return (float) ((b.xMin() + b.xMax()) / 2.0 / object.frame().width());
    }

    /** The foot point's y as a fraction of the frame's height. */
    static float y(ObjectView object) {
        return (float) (object.detection().box().yMax() / (double) object.frame().height());
    }
}
