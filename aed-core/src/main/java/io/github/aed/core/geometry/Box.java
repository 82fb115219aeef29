package io.github.aed.core.geometry;

/**
 * An axis-aligned box in integer pixel coordinates of one frame.
 *
 * <p><b>Convention:</b> half-open edges. The box covers the pixels with {@code xMin <= x < xMax} and
 * {@code yMin <= y < yMax}; x grows to the right, y grows downwards, (0, 0) is the top-left pixel. Its width is
 * {@code xMax - xMin}. This is OpenCV's {@code Rect} and NumPy's slicing convention. Formats that store
 * <em>inclusive</em> corners (the AED track files, the {@code REGIONS.csv} and detection CSV files of this project)
 * are converted at the boundary with {@link #fromInclusive} and {@link #inclusiveXMax()} / {@link #inclusiveYMax()}.
 * For integer boxes the intersection-over-union is the same under both conventions.
 *
 * <p>A box may lie partly or wholly outside a frame (use {@link #clipTo}) and may be empty (zero width or height);
 * it may not have a negative width or height. Instances are immutable.
 */
public record Box(int xMin, int yMin, int xMax, int yMax) {

    /** Validates the corners. */
    public Box {
        if (xMax < xMin || yMax < yMin) {
            throw new IllegalArgumentException("box corners out of order: x " + xMin + ".." + xMax
                    + ", y " + yMin + ".." + yMax + " (expected xMin <= xMax and yMin <= yMax, half-open edges)");
        }
    }

    /** A box from its top-left corner and size, as OpenCV's {@code Rect(x, y, width, height)}. */
    public static Box ofSize(int x, int y, int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must not be negative, got " + width + "x" + height);
        }
        return new Box(x, y, x + width, y + height);
    }

    /** A box from inclusive corners: the last covered pixel is ({@code xMaxInclusive}, {@code yMaxInclusive}). */
    public static Box fromInclusive(int xMin, int yMin, int xMaxInclusive, int yMaxInclusive) {
        return new Box(xMin, yMin, xMaxInclusive + 1, yMaxInclusive + 1);
    }

    /**
     * The smallest integer box that contains the real-valued half-open rectangle [x0, x1) × [y0, y1): minima are
     * floored, maxima ceiled. Use it to turn detector outputs in sub-pixel coordinates into boxes.
     */
    public static Box enclosing(double x0, double y0, double x1, double y1) {
        for (double v : new double[] {x0, y0, x1, y1}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("box corner is not finite: (" + x0 + ", " + y0 + ", " + x1 + ", " + y1 + ")");
            }
        }
        return new Box((int) Math.floor(x0), (int) Math.floor(y0), (int) Math.ceil(x1), (int) Math.ceil(y1));
    }

    /** Width in pixels. */
    public int width() {
        return xMax - xMin;
    }

    /** Height in pixels. */
    public int height() {
        return yMax - yMin;
    }

    /** Number of pixels covered. */
    public long area() {
        return (long) width() * height();
    }

    /** Whether the box covers no pixel. */
    public boolean isEmpty() {
        return xMax == xMin || yMax == yMin;
    }

    /** The last covered column, for formats with inclusive corners. */
    public int inclusiveXMax() {
        return xMax - 1;
    }

    /** The last covered row, for formats with inclusive corners. */
    public int inclusiveYMax() {
        return yMax - 1;
    }

    /** Horizontal centre in pixel coordinates (the middle of the covered range). */
    public double centerX() {
        return (xMin + xMax) / 2.0;
    }

    /** Vertical centre in pixel coordinates. */
    public double centerY() {
        return (yMin + yMax) / 2.0;
    }

    /** The pixels covered by both boxes; empty (at this box's corner) when they do not overlap. */
    public Box intersection(Box other) {
        int x0 = Math.max(xMin, other.xMin);
        int y0 = Math.max(yMin, other.yMin);
        int x1 = Math.min(xMax, other.xMax);
        int y1 = Math.min(yMax, other.yMax);
        if (x1 <= x0 || y1 <= y0) {
            return new Box(xMin, yMin, xMin, yMin);
        }
        return new Box(x0, y0, x1, y1);
    }

    /** The smallest box that contains both boxes. */
    public Box union(Box other) {
        return new Box(Math.min(xMin, other.xMin), Math.min(yMin, other.yMin),
                Math.max(xMax, other.xMax), Math.max(yMax, other.yMax));
    }

    /**
     * Intersection over union in [0, 1]; 0 when either box is empty. Symmetric. Equal to the inclusive-pixel IoU of
     * the AED evaluator for the same pixels.
     */
    public double iou(Box other) {
        long inter = intersection(other).area();
        if (inter == 0) {
            return 0.0;
        }
        return (double) inter / (area() + other.area() - inter);
    }

    /** Whether every pixel of {@code other} is inside this box. An empty box is contained where its corner is. */
    public boolean contains(Box other) {
        return other.xMin >= xMin && other.yMin >= yMin && other.xMax <= xMax && other.yMax <= yMax;
    }

    /** Whether the box lies entirely inside a frame of the given size. */
    public boolean isInside(int frameWidth, int frameHeight) {
        return xMin >= 0 && yMin >= 0 && xMax <= frameWidth && yMax <= frameHeight;
    }

    /**
     * The part of the box inside a frame of the given size. The result may be empty (when the box lies outside the
     * frame); clipping twice gives the same box.
     */
    public Box clipTo(int frameWidth, int frameHeight) {
        if (frameWidth < 0 || frameHeight < 0) {
            throw new IllegalArgumentException("frame size must not be negative, got " + frameWidth + "x" + frameHeight);
        }
        int x0 = clamp(xMin, 0, frameWidth);
        int y0 = clamp(yMin, 0, frameHeight);
        int x1 = clamp(xMax, x0, frameWidth);
        int y1 = clamp(yMax, y0, frameHeight);
        return new Box(x0, y0, x1, y1);
    }

    /** The box grown by {@code pixels} on every side (shrunk when negative, never past its centre). */
    public Box pad(int pixels) {
        return pad(pixels, pixels);
    }

    /** The box grown by {@code dx} pixels left and right and {@code dy} pixels above and below. */
    public Box pad(int dx, int dy) {
        int x0 = xMin - dx;
        int x1 = xMax + dx;
        int y0 = yMin - dy;
        int y1 = yMax + dy;
        if (x1 < x0) {
            x0 = x1 = (int) Math.floor(centerX());
        }
        if (y1 < y0) {
            y0 = y1 = (int) Math.floor(centerY());
        }
        return new Box(x0, y0, x1, y1);
    }

    /**
     * The box grown by a fraction of its own size on every side: {@code padRelative(0.1)} adds 10 % of the width left
     * and right and 10 % of the height above and below, rounded outwards.
     */
    public Box padRelative(double fraction) {
        double dx = width() * fraction;
        double dy = height() * fraction;
        if (fraction >= 0) {
            return pad((int) Math.ceil(dx), (int) Math.ceil(dy));
        }
        return pad((int) -Math.floor(-dx), (int) -Math.floor(-dy));
    }

    /**
     * The box in a frame resized by the factors {@code sx} and {@code sy} (e.g. from a detector's input size back to
     * the frame): corners are multiplied and rounded outwards so that the scaled box covers the scaled pixels.
     */
    public Box scale(double sx, double sy) {
        if (!(sx > 0) || !(sy > 0) || Double.isInfinite(sx) || Double.isInfinite(sy)) {
            throw new IllegalArgumentException("scale factors must be positive and finite, got " + sx + ", " + sy);
        }
        return enclosing(xMin * sx, yMin * sy, xMax * sx, yMax * sy);
    }

    /** The box moved by ({@code dx}, {@code dy}) pixels. */
    public Box translate(int dx, int dy) {
        return new Box(xMin + dx, yMin + dy, xMax + dx, yMax + dy);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String toString() {
        return "Box[x=[" + xMin + "," + xMax + "), y=[" + yMin + "," + yMax + ")]";
    }
}
