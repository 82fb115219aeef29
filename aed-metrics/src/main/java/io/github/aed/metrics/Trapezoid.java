package io.github.aed.metrics;

/** The trapezoid rule over the first {@code n} points of a curve whose x never decreases. */
final class Trapezoid {

    private Trapezoid() {
    }

    static double area(double[] x, double[] y, int n) {
        double sum = 0;
        for (int i = 1; i < n; i++) {
            sum += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return sum;
    }
}
