package io.github.aed.nn.attribute;

import io.github.aed.core.geometry.Box;
import java.util.List;
import java.util.Map;

/**
 * How fast, and optionally which way, an object moves: the dense optical flow inside its box. With one direction bin
 * (the default) the feature is the box's mean flow magnitude alone, as in the reference implementation of AI-VAD
 * (Reiss and Hoshen, 2023), whose velocity attribute defaults to a single bin: on a walkway whose walkers go every way,
 * a fast object stands out by its speed, not its heading. With {@code n > 1} bins it is a histogram of flow directions
 * weighted by magnitude ({@code n} sectors of {@code 360/n} degrees, the first centred on "right", counting
 * anticlockwise on screen), each bin the summed magnitude of its pixels divided by the box's pixel count, followed by
 * the mean flow magnitude. Units: pixels per frame.
 *
 * <p><b>At position</b> (opt-in, {@code atPosition}): the feature ends with the box's foot point, x and y as fractions
 * of the frame's width and height ({@link SizeAtPosition} uses the same point), so that an object's speed is compared
 * with the speeds of normal objects at that place in the image. A camera's perspective makes a far walker cover fewer
 * pixels per frame than a near one, and a far cyclist as many as a near walker: against every normal object the
 * cyclist's speed is common, against the far walkers it is not. The density then also rises where normal objects
 * seldom stand, whatever the speed: measured, that won on generated scenes with strong perspective and lost badly on
 * UCSD Ped2 (docs/attributes.md), so the default is the speed alone, as in AI-VAD.
 *
 * <p>The flow is averaged over the object's frame and {@code radius} frames on either side in the same box, as the
 * object's cube spans them ({@link ObjectView#flows(int)}; default {@value #DEFAULT_RADIUS}: five frame pairs): a
 * single pair's flow is noisy (optical flow misses parts of a slow or dark walker in some frames), and how far an
 * object moves over a fifth of a second says more about its speed than one frame step does. Radius 0 is one pair,
 * as the reference implementation of AI-VAD measures it. The built-in attribute {@value #NAME}, options {@code bins},
 * {@code radius} and {@code position}.
 */
public final class Velocity implements ObjectAttribute {

    /** The attribute's name. */
    public static final String NAME = "velocity";
    /** Direction bins of {@link #Velocity()}. */
    public static final int DEFAULT_BINS = 1;
    /** Direction bins of a velocity attribute saved without options (model files written before the option existed). */
    static final int BINS_WHEN_UNSAVED = 8;
    /** Frames on either side of the object's frame whose flow {@link #Velocity()} averages. */
    public static final int DEFAULT_RADIUS = 2;
    /** Whether {@link #Velocity()} ends its feature with the foot point: no, the speed alone. */
    public static final boolean DEFAULT_AT_POSITION = false;
    private static final String BINS_OPTION = "bins";
    private static final String POSITION_OPTION = "position";

    private final int bins;
    private final int radius;
    private final boolean atPosition;

    /** The mean flow magnitude alone ({@value #DEFAULT_BINS} direction bin) over {@value #DEFAULT_RADIUS} frames on either side. */
    public Velocity() {
        this(DEFAULT_BINS, DEFAULT_RADIUS, DEFAULT_AT_POSITION);
    }

    /**
     * {@code bins} direction bins over {@value #DEFAULT_RADIUS} frames on either side, without the foot point.
     *
     * @throws IllegalArgumentException if {@code bins < 1}
     */
    public Velocity(int bins) {
        this(bins, DEFAULT_RADIUS, DEFAULT_AT_POSITION);
    }

    /**
     * {@code bins} direction bins over {@code radius} frames on either side, without the foot point.
     *
     * @throws IllegalArgumentException if {@code bins < 1} or {@code radius} is out of range
     */
    public Velocity(int bins, int radius) {
        this(bins, radius, DEFAULT_AT_POSITION);
    }

    /**
     * @param bins       direction bins, at least 1; 1 = the mean flow magnitude alone
     * @param radius     frames on either side of the object's frame whose flow in the box is averaged, 0 to
     *                   {@link ObjectViews#MAX_RADIUS}; 0 = the object's frame alone
     * @param atPosition whether the feature ends with the box's foot point (x/W, y/H), so that speed is judged
     *                   against the normal objects at that place
     * @throws IllegalArgumentException if {@code bins < 1} or {@code radius} is out of range
     */
    public Velocity(int bins, int radius, boolean atPosition) {
        if (bins < 1) {
            throw new IllegalArgumentException("velocity: bins must be at least 1, got " + bins);
        }
        this.bins = bins;
        this.radius = FlowWindow.checkRadius(NAME, radius);
        this.atPosition = atPosition;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The direction bins. */
    public int bins() {
        return bins;
    }

    /** Whether the feature ends with the box's foot point. */
    public boolean atPosition() {
        return atPosition;
    }

    @Override
    public int flowRadius() {
        return radius;
    }

    @Override
    public int dimension() {
        return magnitudeIndex() + 1 + (atPosition ? 2 : 0);
    }

    /** Where the mean flow magnitude sits in the feature: after the direction bins, if there are any. */
    private int magnitudeIndex() {
        return bins == 1 ? 0 : bins;
    }

    @Override
    public float[] features(ObjectView object) {
        Box b = object.detection().box();
        List<FlowField> flows = object.flows(radius);
        double[] sums = new double[bins];
        double total = 0;
        for (FlowField flow : flows) {
            for (int y = b.yMin(); y < b.yMax(); y++) {
                for (int x = b.xMin(); x < b.xMax(); x++) {
                    double dx = flow.dx(x, y);
                    double dy = -flow.dy(x, y);
                    double m = Math.sqrt(dx * dx + dy * dy);
                    total += m;
                    if (bins > 1) {
                        double turns = Math.atan2(dy, dx) / (2 * Math.PI) + 1.0 / (2 * bins);
                        sums[(int) Math.floor((turns - Math.floor(turns)) * bins) % bins] += m;
                    }
                }
            }
        }
        double pixels = (double) b.width() * b.height() * flows.size();
        float[] out = new float[dimension()];
        if (bins > 1) {
            for (int i = 0; i < bins; i++) {
                out[i] = (float) (sums[i] / pixels);
            }
        }
        out[magnitudeIndex()] = (float) (total / pixels);
        if (atPosition) {
            out[magnitudeIndex() + 1] = FootPoint.x(object);
            out[magnitudeIndex() + 2] = FootPoint.y(object);
        }
        return out;
    }

    @Override
    public Map<String, String> options() {
        return Map.of(BINS_OPTION, Integer.toString(bins), FlowWindow.RADIUS_OPTION, Integer.toString(radius), POSITION_OPTION,
                Boolean.toString(atPosition));
    }

    @Override
    public String toString() {
        String what = bins == 1 ? "mean magnitude of DIS optical flow" : bins + " direction bins + mean magnitude of DIS optical flow";
        return NAME + " (" + what + " over " + FlowWindow.describe(radius) + ", px/frame" + (atPosition ? "; at the foot point x/W, y/H" : "")
                + ")";
    }

    /** Makes the attribute again for model files; a file without the {@code bins} option (written before the option
     * existed) has 8, one without {@code radius} the object's frame alone, one without {@code position} the speed
     * without the foot point. */
    public static final class Provider extends AttributeProvider {
        public Provider() {
            super(NAME, options -> new Velocity(options.containsKey(BINS_OPTION)
                    ? AttributeProvider.intOption(NAME, options, BINS_OPTION) : BINS_WHEN_UNSAVED, FlowWindow.radiusOption(NAME, options),
                    options.containsKey(POSITION_OPTION) && AttributeProvider.booleanOption(NAME, options, POSITION_OPTION)));
        }
    }
}
