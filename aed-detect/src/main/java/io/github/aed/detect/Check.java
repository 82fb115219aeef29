package io.github.aed.detect;

/** Argument checks shared by the detectors' builders; each throws {@link IllegalArgumentException} naming the setting. */
public final class Check {

    private Check() {
    }

    /** {@code value} if it lies in [0, 1]. */
    public static double unitInterval(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** {@code value} if it is positive and finite. */
    public static double positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and at least 0. */
    public static double nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and above {@code bound}. */
    public static double above(String what, double value, double bound) {
        if (!(value > bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be above " + bound + ", got " + value);
        }
        return value;
    }

    /** {@code value} if it is at least {@code min}. */
    public static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
