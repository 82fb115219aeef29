package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;

/**
 * How fast and which way an object moves: the dense optical flow inside its box as a histogram of flow directions
 * weighted by magnitude ({@value #BINS} bins of 45°, the first centred on "right", counting anticlockwise on screen),
 * each bin the summed magnitude of its pixels divided by the box's pixel count, followed by the mean flow magnitude.
 * Units: pixels per frame. The built-in attribute {@value #NAME}; no options.
 */
public final class Velocity implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "velocity";
    /** Direction bins. */
    public static final int BINS = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return BINS + 1;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        FlowField flow = object.flow();
        double[] bins = new double[BINS];
        double total = 0;
        for (int y = b.yMin(); y < b.yMax(); y++) {
            for (int x = b.xMin(); x < b.xMax(); x++) {
                double dx = flow.dx(x, y);
                double dy = -flow.dy(x, y);
                double m = Math.hypot(dx, dy);
                double turns = Math.atan2(dy, dx) / (2 * Math.PI) + 1.0 / (2 * BINS);
                int bin = (int) Math.floor((turns - Math.floor(turns)) * BINS) % BINS;
                bins[bin] += m;
                total += m;
            }
        }
        double pixels = (double) b.width() * b.height();
        float[] out = new float[BINS + 1];
        for (int i = 0; i < BINS; i++) {
            out[i] = (float) (bins[i] / pixels);
        }
        out[BINS] = (float) (total / pixels);
        return out;
    }

    @Override
    public String toString() {
        return NAME + " (" + BINS + " direction bins + mean magnitude of DIS optical flow, px/frame)";
    }

    /** Makes the attribute again for model files. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new Velocity());
        }
    }
}
