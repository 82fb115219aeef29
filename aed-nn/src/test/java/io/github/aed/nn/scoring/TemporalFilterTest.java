package io.github.aed.nn.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TemporalFilterTest {

    private static double[] constant(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void ssmtlKernelsSumToThePublishedValues() {
        // SSMTL reference §6.5: the kernels are not renormalised
        assertEquals(0.779, TemporalFilter.ssmtlGaussian(49, 20).apply(constant(180, 1))[90], 5e-4);
        assertEquals(1.000, TemporalFilter.ssmtlGaussian(301, 25).apply(constant(1000, 1))[500], 5e-4);
        assertEquals(0.999, TemporalFilter.ssmtlGaussian(201, 31).apply(constant(600, 1))[300], 5e-4);
        assertTrue(TemporalFilter.ssmtlGaussian(49, 20).describe().contains("0.779"));
    }

    @Test
    void ssmtlGaussianLagsOneFrame() {
        double[] impulse = new double[100];
        impulse[50] = 1;
        double[] out = TemporalFilter.ssmtlGaussian(49, 5).apply(impulse);
        assertEquals(51, argMax(out));
    }

    @Test
    void ssmtlPaddingCopiesTheEdgeBlocksUnmirrored() {
        // L = 5, p = 2: frame 0 sees [s0, s1 | s0, s1, s2], not a mirror [s1, s0 | ...]
        double[] s = {10, 20, 30, 40, 50, 60};
        double sigma = 1;
        double[] g = new double[5];
        for (int j = 0; j < 5; j++) {
            g[j] = Math.exp(-0.5 * Math.pow((j + 1 - 2) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI));
        }
        double expected0 = 10 * g[0] + 20 * g[1] + 10 * g[2] + 20 * g[3] + 30 * g[4];
        double expected5 = 40 * g[0] + 50 * g[1] + 60 * g[2] + 50 * g[3] + 60 * g[4];
        double[] out = TemporalFilter.ssmtlGaussian(5, sigma).apply(s);
        assertEquals(expected0, out[0], 1e-12);
        assertEquals(expected5, out[5], 1e-12);
    }

    @Test
    void ssmtlGaussianHandlesVideosShorterThanHalfTheKernel() {
        double[] out = TemporalFilter.ssmtlGaussian(301, 25).apply(constant(36, 0.5));
        assertEquals(36, out.length);
        for (double v : out) {
            assertTrue(Double.isFinite(v) && Math.abs(v - 0.5) < 1e-3, "got " + v);
        }
    }

    @Test
    void centredGaussianPreservesConstantsAndCentresImpulses() {
        double[] out = TemporalFilter.gaussian(3).apply(constant(50, 0.25));
        for (double v : out) {
            assertEquals(0.25, v, 1e-12);
        }
        double[] impulse = new double[60];
        impulse[30] = 1;
        double[] smoothed = TemporalFilter.gaussian(3).apply(impulse);
        assertEquals(30, argMax(smoothed));
        assertEquals(smoothed[27], smoothed[33], 1e-15);
        assertEquals(9, TemporalFilter.gaussian(3).lookAhead());
    }

    @Test
    void causalGaussianUsesOnlyThePast() {
        double[] step = new double[40];
        Arrays.fill(step, 20, 40, 1.0);
        double[] out = TemporalFilter.causalGaussian(2).apply(step);
        assertEquals(0.0, out[19], 1e-15);
        assertTrue(out[20] > 0 && out[20] < 1);
        assertEquals(1.0, out[39], 1e-12);
        assertEquals(0, TemporalFilter.causalGaussian(2).lookAhead());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TemporalFilter.gaussian(0));
        assertThrows(IllegalArgumentException.class, () -> TemporalFilter.ssmtlGaussian(0, 2));
        assertThrows(IllegalArgumentException.class, () -> TemporalFilter.causalGaussian(Double.NaN));
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
