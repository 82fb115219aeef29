package io.github.aed.core.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The look of a family of generated scenes: frame size, where the walkway lies and how strongly perspective shrinks
 * what is far away (the camera's height), the ground's texture, the walkers' sizes, shapes and normal speeds, the
 * illumination and the sensor noise. A {@link SceneGenerator} draws one camera of a family per seed; every video it
 * makes, normal or with anomalies, shares the family's look, so a model trained on one family's normal videos can be
 * tested on the same family, and a model trained on one family tested on another.
 *
 * <p>Named presets: {@link #classic()} (the default: the scenes the demo's documented numbers were measured on),
 * {@link #walkway()}, {@link #street()} and {@link #plaza()}; {@link #named(String)} finds one by name. Sizes and speeds
 * are given for a frame 240 pixels wide and scale with the frame width; sizes and speeds hold at the near (bottom)
 * edge of the walkway and shrink towards its far (top) edge by {@link #farScale()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SceneFamily {

    /** The ground of the walkway and its surroundings. */
    public enum Ground {
        /** Grey paving with diagonal joints between grass borders (the classic scene). */
        PAVING,
        /** Dark speckled asphalt with cracks, between sandy verges. */
        ASPHALT,
        /** Light stone tiles whose rows grow towards the camera, between darker stone. */
        TILES
    }

    private static final Map<String, Supplier<SceneFamily>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("classic", SceneFamily::classic);
        PRESETS.put("walkway", SceneFamily::walkway);
        PRESETS.put("street", SceneFamily::street);
        PRESETS.put("plaza", SceneFamily::plaza);
    }

    private final String name;
    private final int width;
    private final int height;
    private final double walkwayTop;
    private final double walkwayBottom;
    private final double farScale;
    private final Ground ground;
    private final int minWalkerHeight;
    private final int maxWalkerHeight;
    private final double walkerWidth;
    private final double minSpeed;
    private final double maxSpeed;
    private final double lightDrift;
    private final double lightChanges;
    private final double lightStep;
    private final double noise;

    private SceneFamily(Builder b) {
        this.name = b.name;
        this.width = b.width;
        this.height = b.height;
        this.walkwayTop = b.walkwayTop;
        this.walkwayBottom = b.walkwayBottom;
        this.farScale = b.farScale;
        this.ground = b.ground;
        this.minWalkerHeight = b.minWalkerHeight;
        this.maxWalkerHeight = b.maxWalkerHeight;
        this.walkerWidth = b.walkerWidth;
        this.minSpeed = b.minSpeed;
        this.maxSpeed = b.maxSpeed;
        this.lightDrift = b.lightDrift;
        this.lightChanges = b.lightChanges;
        this.lightStep = b.lightStep;
        this.noise = b.noise;
    }

    /** A builder with the classic family's settings, named {@code custom}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this family's settings. */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).size(width, height).walkway(walkwayTop, walkwayBottom).farScale(farScale)
                .ground(ground).walkerHeight(minWalkerHeight, maxWalkerHeight).walkerWidth(walkerWidth)
                .speed(minSpeed, maxSpeed).noise(noise);
        b.lightDrift = lightDrift;
        b.lightChanges = lightChanges;
        b.lightStep = lightStep;
        return b;
    }

    /**
     * The classic scene, the default: 240×160 seen from straight above (no perspective), paving between grass, walkers
     * 18–26 px tall at 0.6–1.6 px per frame, steady light, sensor noise σ 3. The demo's documented numbers were
     * measured on it.
     */
    public static SceneFamily classic() {
        return new Builder().name("classic").build();
    }

    /**
     * A walkway filmed from a low camera, in the UCSD Ped2 frame size: 360×240, strong perspective (far walkers at
     * 55 % of the near ones' size), asphalt, walkers 17–25 px (near, at 240 px width; 25–37 px at 360), 0.5–1.4 px per
     * frame, light drifting by up to ±15 % over a video, noise σ 4.
     */
    public static SceneFamily walkway() {
        return new Builder().name("walkway").size(360, 240).walkway(0.3, 0.92).farScale(0.55).ground(Ground.ASPHALT)
                .walkerHeight(17, 25).walkerWidth(1.1).speed(0.5, 1.4).light(0.15, 0, 0).noise(4).build();
    }

    /**
     * A street pavement from a camera at medium height: 320×240, moderate perspective (far at 70 %), asphalt, slim
     * walkers 16–24 px at 0.7–1.8 px per frame, clouds changing the light suddenly (about 2 changes per 100 frames,
     * up to ±12 %) besides a ±8 % drift, noise σ 5.
     */
    public static SceneFamily street() {
        return new Builder().name("street").size(320, 240).walkway(0.25, 0.85).farScale(0.7).ground(Ground.ASPHALT)
                .walkerHeight(16, 24).walkerWidth(0.85).speed(0.7, 1.8).light(0.08, 2, 0.12).noise(5).build();
    }

    /**
     * A tiled plaza seen from high above: 360×240, weak perspective (far at 85 %), tiles, broad walkers 18–28 px at
     * 0.6–1.5 px per frame, light drifting by up to ±10 % with one change per 100 frames (±8 %), noise σ 3.5.
     */
    public static SceneFamily plaza() {
        return new Builder().name("plaza").size(360, 240).walkway(0.15, 0.9).farScale(0.85).ground(Ground.TILES)
                .walkerHeight(18, 28).walkerWidth(1.25).speed(0.6, 1.5).light(0.1, 1, 0.08).noise(3.5).build();
    }

    /** The preset names, in the order listed: classic, walkway, street, plaza. */
    public static List<String> presetNames() {
        return List.copyOf(PRESETS.keySet());
    }

    /**
     * The preset of this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the presets if there is none of that name
     */
    public static SceneFamily named(String name) {
        Supplier<SceneFamily> preset = PRESETS.get(name.toLowerCase(Locale.ROOT));
        if (preset == null) {
            throw new IllegalArgumentException("no scene family named '" + name + "'; the presets are " + presetNames());
        }
        return preset.get();
    }

    /** The family's name (a preset's, or what {@link Builder#name} set). */
    public String name() {
        return name;
    }

    /** Frame width in pixels. */
    public int width() {
        return width;
    }

    /** Frame height in pixels. */
    public int height() {
        return height;
    }

    /** The walkway's far (top) edge as a fraction of the frame height. */
    public double walkwayTop() {
        return walkwayTop;
    }

    /** The walkway's near (bottom) edge as a fraction of the frame height. */
    public double walkwayBottom() {
        return walkwayBottom;
    }

    /** Size of an object at the walkway's far edge relative to the same object at its near edge, in (0, 1]. */
    public double farScale() {
        return farScale;
    }

    /** The ground's texture. */
    public Ground ground() {
        return ground;
    }

    /** Smallest walker height, in pixels at the near edge of a 240-pixel-wide frame. */
    public int minWalkerHeight() {
        return minWalkerHeight;
    }

    /** Largest walker height, in pixels at the near edge of a 240-pixel-wide frame. */
    public int maxWalkerHeight() {
        return maxWalkerHeight;
    }

    /** Walkers' width relative to the classic figure (1: torso 0.4 of the height wide). */
    public double walkerWidth() {
        return walkerWidth;
    }

    /** Slowest normal walking speed, pixels per frame at the near edge of a 240-pixel-wide frame. */
    public double minSpeed() {
        return minSpeed;
    }

    /** Fastest normal walking speed, pixels per frame at the near edge of a 240-pixel-wide frame. */
    public double maxSpeed() {
        return maxSpeed;
    }

    /** The largest brightness drift over one video, as a fraction (each video draws its own in ±this). */
    public double lightDrift() {
        return lightDrift;
    }

    /** Sudden global light changes per 100 frames. */
    public double lightChanges() {
        return lightChanges;
    }

    /** The largest brightness level a sudden change goes to, as a fraction. */
    public double lightStep() {
        return lightStep;
    }

    /** Standard deviation of the per-pixel sensor noise, in grey levels. */
    public double noise() {
        return noise;
    }

    /** Everything that shapes the family's pixels, one line. */
    public String describe() {
        return String.format(Locale.ROOT, "%s[%dx%d, walkway %.2f-%.2f of height, far scale %s, %s, walkers %d-%d px "
                        + "(at 240 px width) x%s wide, %s-%s px/frame, light drift +-%s, %s changes/100 frames of +-%s, "
                        + "noise %s]", name, width, height, walkwayTop, walkwayBottom, trim(farScale),
                ground.name().toLowerCase(Locale.ROOT), minWalkerHeight, maxWalkerHeight, trim(walkerWidth), trim(minSpeed),
                trim(maxSpeed), trim(lightDrift), trim(lightChanges), trim(lightStep), trim(noise));
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The walkway's far edge in pixels. */
    int top() {
        return (int) Math.floor(height * walkwayTop + 1e-9);
    }

    /** The walkway's near edge in pixels. */
    int bottom() {
        return height - (int) Math.floor(height * (1 - walkwayBottom) + 1e-9);
    }

    /**
     * How large an object standing at image row {@code y} is drawn, relative to the near edge: {@link #farScale()} at
     * the walkway's far edge, 1 at its near edge, linear between and beyond (kept within [farScale / 2, 1.5]).
     */
    double scaleAt(double y) {
        if (farScale == 1) {
            return 1;
        }
        double t = (y - top()) / Math.max(1, bottom() - top());
        return Math.max(farScale / 2, Math.min(1.5, farScale + (1 - farScale) * t));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SceneFamily f && describe().equals(f.describe());
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    /**
     * Builder; starts from the classic family's settings. Every setting is validated where it is set, and the
     * combination (walkway inside the frame, walkers that fit on it) at {@link #build()}.
     */
    public static final class Builder {
        private String name = "custom";
        private int width = 240;
        private int height = 160;
        private double walkwayTop = 0.2;
        private double walkwayBottom = 5 / 6.0;
        private double farScale = 1;
        private Ground ground = Ground.PAVING;
        private int minWalkerHeight = 18;
        private int maxWalkerHeight = 26;
        private double walkerWidth = 1;
        private double minSpeed = 0.6;
        private double maxSpeed = 1.6;
        private double lightDrift;
        private double lightChanges;
        private double lightStep;
        private double noise = 3;

        private Builder() {
        }

        /** The family's name, printed with results; letters, digits, '-' and '_'. Default {@code custom}. */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("a scene family's name must be letters, digits, '-' or '_', got '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** Frame size in pixels, at least 64×48 and even (for H.264). Default 240×160. */
        public Builder size(int width, int height) {
            if (width < 64 || height < 48 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("scene size must be even and at least 64x48, got " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** The walkway's far (top) and near (bottom) edges as fractions of the frame height. Default 0.2 and 5/6. */
        public Builder walkway(double top, double bottom) {
            if (!(top >= 0 && top < bottom && bottom <= 1)) {
                throw new IllegalArgumentException("walkway edges must satisfy 0 <= top < bottom <= 1, got " + top + ", " + bottom);
            }
            this.walkwayTop = top;
            this.walkwayBottom = bottom;
            return this;
        }

        /**
         * Perspective: an object's size at the walkway's far edge relative to its near edge, in (0, 1]; the lower the
         * camera, the smaller. Speeds scale alike. Default 1 (seen from straight above).
         */
        public Builder farScale(double scale) {
            if (!(scale > 0 && scale <= 1)) {
                throw new IllegalArgumentException("far scale must be in (0, 1], got " + scale);
            }
            this.farScale = scale;
            return this;
        }

        /** The ground's texture. Default {@link Ground#PAVING}. */
        public Builder ground(Ground ground) {
            this.ground = Objects.requireNonNull(ground, "ground");
            return this;
        }

        /** Walker heights, pixels at the near edge of a 240-pixel-wide frame, 6 <= min <= max <= 80. Default 18–26. */
        public Builder walkerHeight(int min, int max) {
            if (min < 6 || max < min || max > 80) {
                throw new IllegalArgumentException("walker heights must satisfy 6 <= min <= max <= 80, got " + min + ", " + max);
            }
            this.minWalkerHeight = min;
            this.maxWalkerHeight = max;
            return this;
        }

        /** Walkers' width relative to the classic figure, in [0.5, 2]. Default 1. */
        public Builder walkerWidth(double factor) {
            if (!(factor >= 0.5 && factor <= 2)) {
                throw new IllegalArgumentException("walker width factor must be in [0.5, 2], got " + factor);
            }
            this.walkerWidth = factor;
            return this;
        }

        /**
         * Normal walking speeds, pixels per frame at the near edge of a 240-pixel-wide frame, 0.1 <= min <= max <= 4.
         * Default 0.6–1.6. The anomalies' speeds scale with the mean.
         */
        public Builder speed(double min, double max) {
            if (!(min >= 0.1 && max >= min && max <= 4)) {
                throw new IllegalArgumentException("walking speeds must satisfy 0.1 <= min <= max <= 4, got " + min + ", " + max);
            }
            this.minSpeed = min;
            this.maxSpeed = max;
            return this;
        }

        /**
         * Illumination: each video's brightness drifts linearly by a fraction drawn in ±{@code drift} from its first
         * frame to its last, and changes suddenly (over 8 frames, as when a cloud passes) about {@code changesPer100}
         * times per 100 frames to a level drawn in ±{@code step}. Drift and step in [0, 0.5], changes in [0, 20].
         * Default none (steady light).
         */
        public Builder light(double drift, double changesPer100, double step) {
            if (!(drift >= 0 && drift <= 0.5 && step >= 0 && step <= 0.5 && changesPer100 >= 0 && changesPer100 <= 20)) {
                throw new IllegalArgumentException("light drift and step must be in [0, 0.5] and changes in [0, 20], got "
                        + drift + ", " + changesPer100 + ", " + step);
            }
            this.lightDrift = drift;
            this.lightChanges = changesPer100;
            this.lightStep = step;
            return this;
        }

        /** Standard deviation of the sensor noise in grey levels, in [0, 30]. Default 3. */
        public Builder noise(double sigma) {
            if (!(sigma >= 0 && sigma <= 30)) {
                throw new IllegalArgumentException("noise sigma must be in [0, 30] grey levels, got " + sigma);
            }
            this.noise = sigma;
            return this;
        }

        /**
         * The family.
         *
         * @throws IllegalArgumentException if the walkway is too narrow for the tallest walker at its near edge
         */
        public SceneFamily build() {
            SceneFamily f = new SceneFamily(this);
            double tallest = maxWalkerHeight * width / 240.0;
            if (f.bottom() - f.top() < tallest / 2) {
                throw new IllegalArgumentException("scene family " + name + ": the walkway (" + (f.bottom() - f.top())
                        + " px high) is too narrow for walkers up to " + Math.round(tallest) + " px tall");
            }
            return f;
        }
    }
}
