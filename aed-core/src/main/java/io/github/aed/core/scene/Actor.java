package io.github.aed.core.scene;

import java.util.Random;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One moving figure of a generated scene: a walker, or one of the {@link AnomalyKind}s. Its state advances one frame
 * at a time; {@code (x, y)} is the point between its feet (or wheels), {@code h} its height in pixels.
 */
final class Actor {

    private enum Shape { WALKER, CYCLIST, VEHICLE }

    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);

    final int trackId;
    private final SceneFamily family;
    private final Shape shape;
    private final AnomalyKind kind;
    private final int start;
    private final int end;
    private double x;
    private double y;
    private double vx;
    private double vy;
    private final double h;
    private final Scalar clothes;
    private final Scalar legs;
    private double phase;
    private int standFrom = -1;
    private int standUntil = -1;
    private int nextTurn;
    private boolean gone;
    private int spawnAt;

    private Actor(SceneFamily family, int trackId, Shape shape, AnomalyKind kind, int start, int end, double h, Random r) {
        this.family = family;
        this.trackId = trackId;
        this.shape = shape;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.spawnAt = start;
        this.h = h;
        int shade = r.nextInt(3);
        this.clothes = shade == 0 ? new Scalar(40 + r.nextInt(40), 40 + r.nextInt(40), 40 + r.nextInt(40), 0)
                : shade == 1 ? new Scalar(r.nextInt(200), r.nextInt(200), 100 + r.nextInt(150), 0)
                : new Scalar(200 + r.nextInt(55), 180 + r.nextInt(75), 170 + r.nextInt(85), 0);
        this.legs = new Scalar(30 + r.nextInt(50), 30 + r.nextInt(50), 40 + r.nextInt(60), 0);
        this.phase = r.nextDouble() * Math.PI * 2;
    }

    /** A normal pedestrian entering from the left or right (or already on screen at frame 0 when {@code anywhere}). */
    static Actor walker(Random r, SceneFamily family, boolean anywhere) {
        double s = family.width() / 240.0;
        int heights = family.maxWalkerHeight() - family.minWalkerHeight() + 1;
        Actor a = new Actor(family, -1, Shape.WALKER, null, 0, Integer.MAX_VALUE,
                (family.minWalkerHeight() + r.nextInt(heights)) * s, r);
        a.enterFromSide(r, (family.minSpeed() + r.nextDouble() * speedSpan(family)) * s);
        if (anywhere) {
            a.x = r.nextDouble() * family.width();
        }
        return a;
    }

    /** The range of normal speeds, rounded to 1e-9 so that 0.6..1.6 spans exactly 1. */
    private static double speedSpan(SceneFamily family) {
        return Math.rint((family.maxSpeed() - family.minSpeed()) * 1e9) / 1e9;
    }

    /** The figure of a requested anomaly, entering at its start frame. */
    static Actor anomaly(SceneGenerator.PlannedAnomaly plan, int trackId, Random r, SceneFamily family) {
        double s = family.width() / 240.0;
        // anomalies are sized and timed relative to the family's walkers (1 and 1 in the classic family)
        double size = (family.minWalkerHeight() + family.maxWalkerHeight()) / 44.0 * s;
        double pace = Math.rint((family.minSpeed() + family.maxSpeed()) / 2.2 * 1e9) / 1e9 * s;
        int end = plan.startFrame() + plan.durationFrames();
        Actor a;
        switch (plan.kind()) {
            case FAST_MOVER -> {
                a = new Actor(family, trackId, Shape.CYCLIST, plan.kind(), plan.startFrame(), end, 24 * size, r);
                a.enterFromSide(r, (4 + 2 * r.nextDouble()) * pace);
            }
            case VEHICLE -> {
                a = new Actor(family, trackId, Shape.VEHICLE, plan.kind(), plan.startFrame(), end, 20 * size, r);
                a.enterFromSide(r, (1.8 + 0.7 * r.nextDouble()) * pace);
            }
            case ERRATIC -> {
                a = new Actor(family, trackId, Shape.WALKER, plan.kind(), plan.startFrame(), end, 22 * size, r);
                a.enterFromSide(r, 1.6 * pace);
            }
            case LOITERER -> {
                a = new Actor(family, trackId, Shape.WALKER, plan.kind(), plan.startFrame(), end, 22 * size, r);
                a.enterFromSide(r, 1.2 * pace);
                double walkIn = (family.width() * (0.15 + 0.15 * r.nextDouble())) / Math.abs(a.vx);
                a.standFrom = plan.startFrame() + (int) walkIn;
                a.standUntil = end;
            }
            case RUNNER -> {
                a = new Actor(family, trackId, Shape.WALKER, plan.kind(), plan.startFrame(), end, 22 * size, r);
                a.enterFromSide(r, (3.2 + 0.8 * r.nextDouble()) * pace);
            }
            case CROSSER -> {
                a = new Actor(family, trackId, Shape.WALKER, plan.kind(), plan.startFrame(), end, 22 * size, r);
                a.enterFromEdge(r, (0.9 + 0.4 * r.nextDouble()) * pace);
            }
            default -> throw new IllegalStateException("unknown anomaly kind " + plan.kind());
        }
        return a;
    }

    private void enterFromSide(Random r, double speed) {
        boolean fromLeft = r.nextBoolean();
        double halfWidth = bodyWidth() / 2;
        x = fromLeft ? -halfWidth : family.width() + halfWidth;
        vx = fromLeft ? speed : -speed;
        int top = family.top();
        int bottom = family.bottom();
        y = top + h + r.nextDouble() * Math.max(1, bottom - top - h);
        vy = (r.nextDouble() - 0.5) * 0.1 * speed;
    }

    /** Enters at the top or bottom image edge, a fifth to four fifths across, and walks across the walkway. */
    private void enterFromEdge(Random r, double speed) {
        boolean fromTop = r.nextBoolean();
        x = family.width() * (0.2 + 0.6 * r.nextDouble());
        y = fromTop ? 0 : family.height() + h;
        vy = fromTop ? speed : -speed;
        vx = (r.nextDouble() - 0.5) * 0.2 * speed;
    }

    /** Height in pixels where the figure stands now (perspective). */
    private double height() {
        return h * family.scaleAt(y);
    }

    private double bodyWidth() {
        double hk = height();
        return switch (shape) {
            case WALKER -> hk * 0.45 * family.walkerWidth();
            case CYCLIST -> hk * 0.9;
            case VEHICLE -> hk * 2.2;
        };
    }

    /** Moves the figure to frame f; a normal walker that has left is replaced by a new one after a short pause. */
    void step(int f, Random r) {
        if (f > 0) {
            advance(f, r);
        }
        if (gone && trackId < 0 && f >= spawnAt) {
            Actor fresh = walker(r, family, false);
            x = fresh.x;
            y = fresh.y;
            vx = fresh.vx;
            vy = fresh.vy;
            gone = false;
        }
    }

    private void advance(int f, Random r) {
        if (f <= start || gone) {
            return;
        }
        boolean standing = standFrom >= 0 && f >= standFrom && f < standUntil;
        if (kind == AnomalyKind.ERRATIC && f >= nextTurn) {
            double angle = (r.nextDouble() - 0.5) * Math.PI * 1.6 + (r.nextBoolean() ? Math.PI / 2 : -Math.PI / 2);
            double speed = Math.hypot(vx, vy);
            vx = Math.cos(angle) * speed * 0.6;
            vy = Math.sin(angle) * speed;
            nextTurn = f + 6 + r.nextInt(10);
        }
        if (!standing) {
            double k = family.scaleAt(y);
            x += vx * k;
            y += vy * k;
            phase += Math.abs(vx) * 0.35 + Math.abs(vy) * 0.35;
        }
        int top = family.top();
        int bottom = family.bottom();
        if (kind == AnomalyKind.ERRATIC && (y < top + h || y > bottom)) {
            vy = -vy;
            y = Math.max(top + h, Math.min(bottom, y));
        }
        if (kind == AnomalyKind.ERRATIC) {
            // a turn must not take it back out through the side it entered by, or its anomaly lasts a few edge frames
            double margin = bodyWidth() / 2;
            if (x < margin) {
                vx = Math.abs(vx);
            } else if (x > family.width() - margin) {
                vx = -Math.abs(vx);
            }
        }
        double half = bodyWidth() / 2 + 2;
        boolean outside = x < -half - 1 || x > family.width() + half + 1 || y < -1 || y - height() > family.height() + 1;
        if (outside || trackId >= 0 && f >= end) {
            gone = true;
            spawnAt = f + 5 + r.nextInt(30);
        }
    }

    /** Whether the figure is on screen at frame f (and, for an anomaly, within its time). */
    boolean visibleAt(int f) {
        return f >= start && !gone;
    }

    /** Whether the figure's appearance at frame f is abnormal (a loiterer only while standing). */
    boolean abnormalAt(int f) {
        if (trackId < 0) {
            return false;
        }
        return kind != AnomalyKind.LOITERER || f >= standFrom && f < standUntil;
    }

    /** Draws the figure onto {@code target}: in its colours, or in white on a one-channel mask when {@code asMask}. */
    void draw(Mat target, int f, boolean asMask) {
        double hk = height();
        switch (shape) {
            case WALKER -> drawWalker(target, asMask, standFrom >= 0 && f >= standFrom && f < standUntil, hk);
            case CYCLIST -> drawCyclist(target, asMask, hk);
            case VEHICLE -> drawVehicle(target, asMask, hk);
            default -> throw new IllegalStateException();
        }
    }

    private void drawWalker(Mat m, boolean asMask, boolean standing, double h) {
        double swing = standing ? 0.15 : Math.sin(phase) * 0.45;
        int hipY = (int) Math.round(y - h * 0.45);
        int headR = Math.max(2, (int) Math.round(h * 0.11));
        int legLen = (int) Math.round(h * 0.45);
        int cx = (int) Math.round(x);
        Point hip = new Point(cx, hipY);
        Point foot1 = new Point(cx + (int) Math.round(Math.sin(swing) * legLen), (int) Math.round(y));
        Point foot2 = new Point(cx - (int) Math.round(Math.sin(swing) * legLen), (int) Math.round(y));
        int thick = Math.max(2, (int) Math.round(h * 0.09));
        opencv_imgproc.line(m, hip, foot1, col(legs, asMask), thick, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.line(m, hip, foot2, col(legs, asMask), thick, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.ellipse(m, new Point(cx, (int) Math.round(y - h * 0.62)),
                new Size(Math.max(2, (int) Math.round(h * 0.2 * family.walkerWidth())), Math.max(3, (int) Math.round(h * 0.22))), 0, 0, 360,
                col(clothes, asMask), -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.circle(m, new Point(cx, (int) Math.round(y - h + headR)), headR,
                col(new Scalar(90, 120, 170, 0), asMask), -1, opencv_imgproc.LINE_8, 0);
    }

    private void drawCyclist(Mat m, boolean asMask, double h) {
        int r = Math.max(3, (int) Math.round(h * 0.22));
        int cx = (int) Math.round(x);
        int wy = (int) Math.round(y - r);
        int dx = (int) Math.round(h * 0.33);
        opencv_imgproc.circle(m, new Point(cx - dx, wy), r, col(new Scalar(20, 20, 20, 0), asMask), 2, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.circle(m, new Point(cx + dx, wy), r, col(new Scalar(20, 20, 20, 0), asMask), 2, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.line(m, new Point(cx - dx, wy), new Point(cx + dx, wy), col(new Scalar(30, 30, 160, 0), asMask), 2, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.ellipse(m, new Point(cx, (int) Math.round(y - h * 0.65)),
                new Size(Math.max(2, (int) Math.round(h * 0.18)), Math.max(3, (int) Math.round(h * 0.2))), 0, 0, 360,
                col(clothes, asMask), -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.circle(m, new Point(cx, (int) Math.round(y - h * 0.92)),
                Math.max(2, (int) Math.round(h * 0.1)), col(new Scalar(90, 120, 170, 0), asMask), -1, opencv_imgproc.LINE_8, 0);
    }

    private void drawVehicle(Mat m, boolean asMask, double h) {
        int w = (int) Math.round(bodyWidth());
        int bodyH = (int) Math.round(h * 0.7);
        int x0 = (int) Math.round(x - w / 2.0);
        int y0 = (int) Math.round(y - h * 0.2 - bodyH);
        int wheel = Math.max(2, (int) Math.round(h * 0.15));
        opencv_imgproc.rectangle(m, new Rect(x0, y0, w, bodyH), col(clothes, asMask), -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.rectangle(m, new Rect(x0 + w / 6, y0 + bodyH / 5, w / 4, bodyH / 3), col(new Scalar(200, 180, 150, 0), asMask), -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.circle(m, new Point(x0 + w / 5, (int) Math.round(y - wheel)), wheel, col(new Scalar(15, 15, 15, 0), asMask), -1, opencv_imgproc.LINE_8, 0);
        opencv_imgproc.circle(m, new Point(x0 + 4 * w / 5, (int) Math.round(y - wheel)), wheel, col(new Scalar(15, 15, 15, 0), asMask), -1, opencv_imgproc.LINE_8, 0);
    }

    private static Scalar col(Scalar colour, boolean asMask) {
        return asMask ? WHITE : colour;
    }
}
