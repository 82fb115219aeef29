package io.github.aed.core.scene;

import io.github.aed.core.geometry.Box;
import io.github.aed.core.video.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes surveillance-like videos with known anomalies, for trying the library and testing it offline.
 *
 * <p>The camera is fixed above a walkway: a textured background (the ground of the {@link SceneFamily}, borders, a few
 * fixed obstacles) that is the same in every video of one generator seed, sensor noise in every frame, and pedestrians
 * with swinging legs walking along the walkway in both directions (at 0.6–1.6 px per frame in the default
 * {@link SceneFamily#classic() classic} family at 240×160). The family also sets the perspective, the walkers' sizes,
 * shapes and speeds, and the illumination. Normal videos contain only such walkers; test videos add the anomalies
 * requested with {@link Builder#anomaly}, whose pixels, boxes and frames are recorded as ground truth.
 *
 * <p>Generation is deterministic: the same family, settings and seed give the same pixels. Immutable and thread-safe.
 */
public final class SceneGenerator {

    /** Frames over which a sudden light change reaches its new level. */
    private static final int LIGHT_RAMP = 8;

    private final SceneFamily family;
    private final int width;
    private final int height;
    private final int frames;
    private final int walkers;
    private final long seed;
    private final List<PlannedAnomaly> anomalies;

    private SceneGenerator(Builder b) {
        this.family = b.family;
        this.width = b.family.width();
        this.height = b.family.height();
        this.frames = b.frames;
        this.walkers = b.walkers;
        this.seed = b.seed;
        this.anomalies = List.copyOf(b.anomalies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().family(family).frames(frames).walkers(walkers).seed(seed);
        b.anomalies.addAll(anomalies);
        return b;
    }

    /** Frames per generated video. */
    public int frames() {
        return frames;
    }

    /** The family whose look this generator draws. */
    public SceneFamily family() {
        return family;
    }

    /**
     * Generates one video. {@code variant} selects the walkers' random paths (use a different variant per video of a
     * dataset); the background depends only on the generator's seed, as a fixed camera's would.
     */
    public GeneratedVideo generate(String name, long variant) {
        Random random = new Random(seed * 1_000_003L + variant);
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < walkers; i++) {
            actors.add(Actor.walker(random, family, true));
        }
        int trackId = 0;
        for (PlannedAnomaly a : anomalies) {
            actors.add(Actor.anomaly(a, trackId++, random, family));
        }
        List<Frame> out = new ArrayList<>(frames);
        List<byte[]> masks = new ArrayList<>(frames);
        int[] labels = new int[frames];
        List<List<Box>> objects = new ArrayList<>(frames);
        List<TreeMap<Integer, Box>> trackBoxes = new ArrayList<>();
        for (int i = 0; i < anomalies.size(); i++) {
            trackBoxes.add(new TreeMap<>());
        }
        double[] light = light(variant);
        try (Mat background = background(new Random(seed)); Mat canvas = new Mat(); Mat mask = new Mat();
             Mat noise = new Mat(height, width, opencv_core.CV_16SC3);
             Mat noiseMean = new Mat(1, 1, opencv_core.CV_64F, new Scalar(0.0));
             Mat noiseSigma = new Mat(1, 1, opencv_core.CV_64F, new Scalar(family.noise()));
             Mat figure = new Mat(height, width, opencv_core.CV_8UC1)) {
            for (int f = 0; f < frames; f++) {
                background.copyTo(canvas);
                mask.create(height, width, opencv_core.CV_8UC1);
                mask.put(new Scalar(0.0));
                List<Box> frameObjects = new ArrayList<>();
                for (Actor actor : actors) {
                    actor.step(f, random);
                    if (!actor.visibleAt(f)) {
                        continue;
                    }
                    actor.draw(canvas, f, false);
                    figure.put(new Scalar(0.0));
                    actor.draw(figure, f, true);
                    Box box = boundingBox(figure);
                    if (box.isEmpty()) {
                        continue;
                    }
                    frameObjects.add(box);
                    if (actor.abnormalAt(f)) {
                        opencv_core.bitwise_or(mask, figure, mask);
                        trackBoxes.get(actor.trackId).put(f, box);
                    }
                }
                objects.add(List.copyOf(frameObjects));
                opencv_core.theRNG().state(Long.hashCode(seed * 31 + variant * 7919 + f));
                opencv_core.randn(noise, noiseMean, noiseSigma);
                try (Mat noisy = new Mat()) {
                    canvas.convertTo(noisy, opencv_core.CV_16SC3, light[f], 0);
                    opencv_core.add(noisy, noise, noisy);
                    noisy.convertTo(canvas, opencv_core.CV_8UC3);
                }
                out.add(Frame.fromMat(canvas, name, f));
                byte[] m = new byte[width * height];
                mask.data().get(m);
                boolean any = false;
                for (int p = 0; p < m.length; p++) {
                    if (m[p] != 0) {
                        m[p] = 1;
                        any = true;
                    }
                }
                labels[f] = any ? 1 : 0;
                masks.add(m);
            }
        }
        List<AnomalyTrack> tracks = new ArrayList<>();
        for (int i = 0; i < anomalies.size(); i++) {
            if (!trackBoxes.get(i).isEmpty()) {
                tracks.add(new AnomalyTrack(tracks.size(), anomalies.get(i).kind(), trackBoxes.get(i)));
            }
        }
        return new GeneratedVideo(name, out, labels, masks, tracks, objects);
    }

    /**
     * The brightness gain of every frame of a video: 1 in steady light; else a linear drift drawn in
     * ±{@link SceneFamily#lightDrift()} plus sudden changes to levels drawn in ±{@link SceneFamily#lightStep()}, each
     * reached over {@value #LIGHT_RAMP} frames, from a random stream of their own (so walkers' paths do not change).
     */
    private double[] light(long variant) {
        double[] gain = new double[frames];
        java.util.Arrays.fill(gain, 1);
        if (family.lightDrift() == 0 && (family.lightChanges() == 0 || family.lightStep() == 0)) {
            return gain;
        }
        Random r = new Random(seed * 7_919L + variant * 104_729L + 17);
        double drift = (2 * r.nextDouble() - 1) * family.lightDrift();
        int changes = (int) Math.round(family.lightChanges() * frames / 100.0);
        TreeMap<Integer, Double> levels = new TreeMap<>();
        for (int i = 0; i < changes; i++) {
            levels.put(r.nextInt(frames), (2 * r.nextDouble() - 1) * family.lightStep());
        }
        double level = 0;
        double from = 0;
        int since = Integer.MIN_VALUE / 2;
        for (int f = 0; f < frames; f++) {
            Double next = levels.get(f);
            if (next != null) {
                from = level;
                level = next;
                since = f;
            }
            double ramp = Math.min(1, (f - since + 1) / (double) LIGHT_RAMP);
            double now = from + (level - from) * ramp;
            gain[f] = 1 + drift * f / Math.max(1, frames - 1) + now;
        }
        return gain;
    }

    private Mat background(Random r) {
        int top = family.top();
        int bottom = family.bottom();
        Mat bg = switch (family.ground()) {
            case PAVING -> paving(top, bottom);
            case ASPHALT -> asphalt(top, bottom, r);
            case TILES -> tiles(top, bottom);
        };
        for (int i = 0; i < 3; i++) {
            int bx = r.nextInt(Math.max(1, width - 20));
            int by = r.nextInt(Math.max(1, top - 6 + 1));
            opencv_imgproc.rectangle(bg, new Rect(bx, by, 14 + r.nextInt(10), 6 + r.nextInt(6)), new Scalar(60, 70, 80, 0), -1, opencv_imgproc.LINE_8, 0);
        }
        int amplitude = family.ground() == SceneFamily.Ground.PAVING ? 24 : 32;
        try (Mat texture = new Mat(height, width, opencv_core.CV_8UC3)) {
            opencv_core.theRNG().state(r.nextInt());
            opencv_core.randu(texture, new Mat(1, 1, opencv_core.CV_64F, new Scalar(0.0)), new Mat(1, 1, opencv_core.CV_64F, new Scalar(amplitude)));
            opencv_imgproc.GaussianBlur(texture, texture, new Size(3, 3), 0);
            opencv_core.add(bg, texture, bg);
        }
        return bg;
    }

    /** Grey paving with diagonal joints between grass (the classic scene). */
    private Mat paving(int top, int bottom) {
        Mat bg = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(95, 120, 90, 0));
        opencv_imgproc.rectangle(bg, new Rect(0, top, width, bottom - top), new Scalar(150, 150, 155, 0), -1, opencv_imgproc.LINE_8, 0);
        int tile = Math.max(8, width / 16);
        for (int x = 0; x < width; x += tile) {
            opencv_imgproc.line(bg, new Point(x, top), new Point(x + tile / 2, bottom), new Scalar(135, 135, 140, 0), 1, opencv_imgproc.LINE_AA, 0);
        }
        for (int y = top; y < bottom; y += tile / 2) {
            opencv_imgproc.line(bg, new Point(0, y), new Point(width, y), new Scalar(140, 140, 145, 0), 1, opencv_imgproc.LINE_AA, 0);
        }
        return bg;
    }

    /** Dark asphalt with a few cracks and kerb lines, between sandy verges. */
    private Mat asphalt(int top, int bottom, Random r) {
        Mat bg = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(120, 150, 165, 0));
        opencv_imgproc.rectangle(bg, new Rect(0, top, width, bottom - top), new Scalar(88, 90, 92, 0), -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.line(bg, new Point(0, top), new Point(width, top), new Scalar(185, 185, 185, 0), 2, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.line(bg, new Point(0, bottom - 1), new Point(width, bottom - 1), new Scalar(185, 185, 185, 0), 2, opencv_imgproc.LINE_8, 0);
        for (int i = 0; i < 4; i++) {
            int x = r.nextInt(width);
            int y = top + 3 + r.nextInt(Math.max(1, bottom - top - 6));
            for (int seg = 0; seg < 4; seg++) {
                int nx = x + r.nextInt(21) - 10;
                int ny = Math.max(top + 2, Math.min(bottom - 3, y + r.nextInt(9) - 4));
                opencv_imgproc.line(bg, new Point(x, y), new Point(nx, ny), new Scalar(60, 62, 64, 0), 1, opencv_imgproc.LINE_AA, 0);
                x = nx;
                y = ny;
            }
        }
        return bg;
    }

    /** Light stone tiles whose rows grow towards the camera (with the family's perspective), between darker stone. */
    private Mat tiles(int top, int bottom) {
        Mat bg = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(110, 115, 125, 0));
        opencv_imgproc.rectangle(bg, new Rect(0, top, width, bottom - top), new Scalar(170, 175, 185, 0), -1, opencv_imgproc.LINE_8, 0);
        double row = top;
        int index = 0;
        while (row < bottom) {
            int tile = (int) Math.max(5, Math.round(width / 14.0 * family.scaleAt(row)));
            int y0 = (int) Math.round(row);
            int y1 = (int) Math.min(bottom, Math.round(row + tile * 0.6));
            int offset = index % 2 == 0 ? 0 : tile / 2;
            for (int x = -offset; x < width; x += tile) {
                Scalar shade = ((x + offset) / tile + index) % 3 == 0 ? new Scalar(160, 163, 172, 0) : new Scalar(176, 180, 190, 0);
                opencv_imgproc.rectangle(bg, new Rect(Math.max(0, x), y0, Math.min(width, x + tile) - Math.max(0, x), Math.max(1, y1 - y0)),
                        shade, -1, opencv_imgproc.LINE_8, 0);
                opencv_imgproc.line(bg, new Point(x, y0), new Point(x, y1), new Scalar(125, 128, 135, 0), 1, opencv_imgproc.LINE_8, 0);
            }
            opencv_imgproc.line(bg, new Point(0, y0), new Point(width, y0), new Scalar(125, 128, 135, 0), 1, opencv_imgproc.LINE_8, 0);
            row += Math.max(3, tile * 0.6);
            index++;
        }
        return bg;
    }

    private static Box boundingBox(Mat mask) {
        try (Rect r = opencv_imgproc.boundingRect(mask)) {
            return Box.ofSize(r.x(), r.y(), r.width(), r.height());
        }
    }

    /** An anomaly requested for every generated video: its kind, first frame and how long it lasts. */
    record PlannedAnomaly(AnomalyKind kind, int startFrame, int durationFrames) {
    }

    /**
     * Builder; defaults: the {@link SceneFamily#classic() classic} family (240×160), 200 frames, 4 walkers on screen,
     * seed 1, no anomalies (a normal scene).
     */
    public static final class Builder {
        private SceneFamily family = SceneFamily.classic();
        private int frames = 200;
        private int walkers = 4;
        private long seed = 1;
        private final List<PlannedAnomaly> anomalies = new ArrayList<>();

        private Builder() {
        }

        /** The look of the scene: size, perspective, ground, walkers, light, noise. Replaces any earlier {@link #size}. */
        public Builder family(SceneFamily family) {
            this.family = Objects.requireNonNull(family, "family");
            return this;
        }

        /**
         * Frame size in pixels, at least 64×48 and even (for H.264): the current family at this size (sizes and speeds
         * scale with the width).
         */
        public Builder size(int width, int height) {
            this.family = family.toBuilder().size(width, height).build();
            return this;
        }

        /** Frames per video, at least 1. */
        public Builder frames(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("frames must be at least 1, got " + frames);
            }
            this.frames = frames;
            return this;
        }

        /** Pedestrians on screen at any time (each is replaced by a new one when it leaves), 0..50. */
        public Builder walkers(int walkers) {
            if (walkers < 0 || walkers > 50) {
                throw new IllegalArgumentException("walkers must be in 0..50, got " + walkers);
            }
            this.walkers = walkers;
            return this;
        }

        /** Seed of the background and of the random paths. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Adds an anomaly that enters at {@code startFrame} (0-based) and lasts at most {@code durationFrames}. */
        public Builder anomaly(AnomalyKind kind, int startFrame, int durationFrames) {
            Objects.requireNonNull(kind, "kind");
            if (startFrame < 0 || durationFrames < 1) {
                throw new IllegalArgumentException("anomaly needs startFrame >= 0 and durationFrames >= 1, got "
                        + startFrame + ", " + durationFrames);
            }
            anomalies.add(new PlannedAnomaly(kind, startFrame, durationFrames));
            return this;
        }

        /** Removes the anomalies added so far (e.g. to make normal videos from a test scene's builder). */
        public Builder clearAnomalies() {
            anomalies.clear();
            return this;
        }

        public SceneGenerator build() {
            for (PlannedAnomaly a : anomalies) {
                if (a.startFrame() >= frames) {
                    throw new IllegalArgumentException(a.kind() + " anomaly starts at frame " + a.startFrame()
                            + ", after the last frame " + (frames - 1));
                }
            }
            return new SceneGenerator(this);
        }
    }
}
