package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;
import java.util.Map;

/**
 * How fast, and optionally which way, an object moves: the dense optical flow inside its box. With one direction bin
 * (the default) the feature is the box's mean flow magnitude alone, as in the reference implementation of AI-VAD
 * (Reiss and Hoshen, 2023), whose velocity attribute defaults to a single bin: on a walkway whose walkers go every way,
 * a fast object stands out by its speed, not its heading. With {@code n > 1} bins it is a histogram of flow directions
 * weighted by magnitude ({@code n} sectors of {@code 360/n} degrees, the first centred on "right", counting
 * anticlockwise on screen), each bin the summed magnitude of its pixels divided by the box's pixel count, followed by
 * the mean flow magnitude. Units: pixels per frame. The built-in attribute {@value #NAME}, option {@code bins}.
 */
public final class Velocity implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "velocity";
    /** Direction bins of {@link #Velocity()}. */
    public static final int DEFAULT_BINS = 1;
    /** Direction bins of a velocity attribute saved without options (model files written before the option existed). */
    static final int BINS_WHEN_UNSAVED = 8;
    private static final String BINS_OPTION = "bins";

    private final int bins;

    /** The mean flow magnitude alone ({@value #DEFAULT_BINS} direction bin). */
    public Velocity() {
        this(DEFAULT_BINS);
    }

    /**
     * @param bins direction bins, at least 1; 1 = the mean flow magnitude alone
     * @throws IllegalArgumentException if {@code bins < 1}
     */
    public Velocity(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("velocity: bins must be at least 1, got " + bins);
        }
        this.bins = bins;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The direction bins. */
    public int bins() {
        return bins;
    }

    @Override
    public int dimension() {
        return bins == 1 ? 1 : bins + 1;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        FlowField flow = object.flow();
        double[] sums = new double[bins];
        double total = 0;
        for (int y = b.yMin(); y < b.yMax(); y++) {
            for (int x = b.xMin(); x < b.xMax(); x++) {
                double dx = flow.dx(x, y);
                double dy = -flow.dy(x, y);
                double m = Math.hypot(dx, dy);
                total += m;
                if (bins > 1) {
                    double turns = Math.atan2(dy, dx) / (2 * Math.PI) + 1.0 / (2 * bins);
                    sums[(int) Math.floor((turns - Math.floor(turns)) * bins) % bins] += m;
                }
            }
        }
        double pixels = (double) b.width() * b.height();
        float[] out = new float[dimension()];
        if (bins > 1) {
            for (int i = 0; i < bins; i++) {
                out[i] = (float) (sums[i] / pixels);
            }
        }
        out[out.length - 1] = (float) (total / pixels);
        return out;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(BINS_OPTION, Integer.toString(bins));
    }

    @Override
    public String toString() {
        return bins == 1 ? NAME + " (mean magnitude of DIS optical flow, px/frame)"
                : NAME + " (" + bins + " direction bins + mean magnitude of DIS optical flow, px/frame)";
    }

    /** Makes the attribute again for model files; a file without the {@code bins} option
     * (written before the option existed) has 8. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new Velocity(options.containsKey(BINS_OPTION)
                    ? AttributeProvider.intOption(NAME, options, BINS_OPTION) : BINS_WHEN_UNSAVED));
        }
    }
}
