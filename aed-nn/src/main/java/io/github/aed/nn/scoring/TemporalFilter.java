package io.github.aed.nn.scoring;

import java.util.Locale;

/**
 * Smooths a video's frame scores over time. Filters that look ahead need that many future frames before a frame's
 * score is final ({@link #lookAhead()}); on a live stream that is the delay of the output.
 */
public interface TemporalFilter {

    /** The smoothed scores; same length as the input. */
    double[] apply(double[] frameScores);

    /** Frames after frame i that its smoothed score depends on. */
    int lookAhead();

    /** Frames before frame i that its smoothed score depends on. */
    int lookBehind();

    /** The filter and its parameters, printed with every result. */
    String describe();

    /** No smoothing. */
    static TemporalFilter none() {
        return kernel(new double[] {1}, 0, "none");
    }

    /**
     * A centred Gaussian of standard deviation {@code sigma} frames, truncated at 3σ, weights summing to 1; the ends of
     * the video are extended with their edge values.
     */
    static TemporalFilter gaussian(double sigma) {
        requirePositive(sigma);
        int radius = (int) Math.ceil(3 * sigma);
        double[] w = new double[2 * radius + 1];
        for (int j = -radius; j <= radius; j++) {
            w[j + radius] = Math.exp(-0.5 * (j / sigma) * (j / sigma));
        }
        return kernel(normalised(w), radius, String.format(Locale.ROOT, "gaussian(sigma=%.1f frames, centred, normalised)", sigma));
    }

    /**
     * A one-sided (causal) Gaussian over the current and past 3σ frames, weights summing to 1: usable on a live stream
     * with no delay, at the cost of a lag.
     */
    static TemporalFilter causalGaussian(double sigma) {
        requirePositive(sigma);
        int radius = (int) Math.ceil(3 * sigma);
        double[] w = new double[radius + 1];
        for (int j = 0; j <= radius; j++) {
            w[radius - j] = Math.exp(-0.5 * (j / sigma) * (j / sigma));
        }
        return kernel(normalised(w), radius, String.format(Locale.ROOT, "causal gaussian(sigma=%.1f frames, past only, normalised)", sigma));
    }

    /**
     * The reference implementation's temporal Gaussian, quirks included (SSMTL §6.4): taps
     * {@code g[j] = exp(-0.5((x_j − μ)/σ)²)/(σ√2π)} for {@code x = 1..length}, peak at {@code μ = x[length/2 − 1]} (one tap
     * left of centre, so the output lags one frame), weights not renormalised (Ped2's kernel sums to 0.779), and the
     * video extended by copying its first and last {@code length/2} scores (not mirrored). For videos shorter than
     * {@code length/2} frames, where the reference's slicing breaks, the missing padding repeats the edge score.
     */
    static TemporalFilter ssmtlGaussian(int length, double sigma) {
        requirePositive(sigma);
        if (length < 1) {
            throw new IllegalArgumentException("gaussian length must be at least 1, got " + length);
        }
        int p = length / 2;
        double mu = p;
        double[] g = new double[length];
        for (int j = 0; j < length; j++) {
            double x = j + 1;
            g[j] = Math.exp(-0.5 * ((x - mu) / sigma) * ((x - mu) / sigma)) / (sigma * Math.sqrt(2 * Math.PI));
        }
        String d = String.format(Locale.ROOT, "ssmtl gaussian(L=%d, sigma=%.1f, peak one frame early, kernel sum %.3f, edge blocks copied)",
                length, sigma, sum(g));
        return new KernelFilter(g, p, d, (s, j) -> paddedCopy(s, j, p));
    }

    /** The reference's padding: index j < 0 reads s[j + p], index j >= n reads s[j − p]; clamped when the video is short. */
    private static double paddedCopy(double[] s, int j, int p) {
        int n = s.length;
        if (j < 0) {
            j += p;
        } else if (j >= n) {
            j -= p;
        }
        return s[Math.max(0, Math.min(n - 1, j))];
    }

    private static TemporalFilter kernel(double[] w, int centre, String description) {
        return new KernelFilter(w, centre, description, (s, j) -> s[Math.max(0, Math.min(s.length - 1, j))]);
    }

    /** How a filter reads index j of a video's scores, including indices before the start or after the end. */
    @FunctionalInterface
    interface Padding {
        double at(double[] scores, int j);
    }

    /**
     * A correlation with fixed weights: output i is the sum over k of {@code w[k] * scores[i + k - centre]}, indices
     * outside the video read through the padding.
     */
    record KernelFilter(double[] w, int centre, String description, Padding padding) implements TemporalFilter {

        @Override
        public double[] apply(double[] s) {
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                double acc = 0;
                for (int k = 0; k < w.length; k++) {
                    acc += padding.at(s, i + k - centre) * w[k];
                }
                out[i] = acc;
            }
            return out;
        }

        @Override
        public int lookAhead() {
            return w.length - 1 - centre;
        }

        @Override
        public int lookBehind() {
            return centre;
        }

        @Override
        public String describe() {
            return description;
        }
    }

    private static double[] normalised(double[] w) {
        double total = sum(w);
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / total;
        }
        return out;
    }

    private static double sum(double[] w) {
        double t = 0;
        for (double v : w) {
            t += v;
        }
        return t;
    }

    private static void requirePositive(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive number of frames, got " + sigma);
        }
    }
}
