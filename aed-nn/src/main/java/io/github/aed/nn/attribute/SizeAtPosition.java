package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;

/**
 * How large and how shaped an object is for where it stands: the box's foot point (centre of its bottom edge) as a
 * fraction of the frame's width and height, and the natural logarithms of its width and height in pixels. Scored by
 * density over normal objects, it flags a box much larger, smaller, wider or taller than normal objects at that place
 * (the camera's perspective makes size depend on position), and objects where normal ones never are. The built-in
 * attribute {@value #NAME}; no options.
 */
public final class SizeAtPosition implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "size";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        double w = object.frame().width();
        double h = object.frame().height();
        return new float[] {(float) ((b.xMin() + b.xMax()) / 2.0 / w), (float) (b.yMax() / h), (float) Math.log(b.width()),
                (float) Math.log(b.height())};
    }

    @Override
    public String toString() {
        return NAME + " (foot point x/W, y/H, ln width, ln height)";
    }

    /** Makes the attribute again for model files. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new SizeAtPosition());
        }
    }
}
