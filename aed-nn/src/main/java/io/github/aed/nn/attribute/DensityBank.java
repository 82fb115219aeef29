package io.github.aed.nn.attribute;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A bank of normal objects' feature vectors for one attribute, and the k-nearest-neighbour distance of a new vector
 * to it: the mean Euclidean distance to its {@code k} nearest bank vectors after every dimension is standardised by
 * the training objects' mean and standard deviation (dimensions that never vary are left unscaled; an attribute may
 * ask for no standardisation, {@link ObjectAttribute#standardised()}). A large bank is
 * compressed by k-means (Lloyd's algorithm from a seeded random draw of centres, run on at most
 * {@value #KMEANS_SAMPLE} objects) to at most {@code maxSize} centres, so that the exact search stays cheap. Immutable
 * and thread-safe.
 */
public final class DensityBank {

    /**
     * A dimension whose standard deviation is at most this fraction of its root mean square never varies (within
     * rounding): it is left unscaled. Relative, so that whether a dimension varies does not depend on its unit.
     */
    static final double CONSTANT = 1e-6;

    /** Objects k-means looks at when compressing a large bank. */
    static final int KMEANS_SAMPLE = 20_000;
    private static final int KMEANS_ITERATIONS = 8;

    private final int k;
    private final float[] mean;
    private final float[] scale;
    /** Standardised bank vectors, row after row. */
    private final float[] bank;
    private final int size;
    private final int dimension;

    private DensityBank(int k, float[] mean, float[] scale, float[] bank) {
        this.k = k;
        this.mean = mean;
        this.scale = scale;
        this.bank = bank;
        this.dimension = mean.length;
        this.size = bank.length / dimension;
    }

    /**
     * The bank of these normal vectors.
     *
     * @param normal  feature vectors of normal training objects, all of one length
     * @param k       neighbours averaged (at least 1)
     * @param maxSize largest bank kept; more vectors are compressed to this many k-means centres
     * @param seed    seed of the k-means draws
     * @throws IllegalArgumentException if there are fewer vectors than {@code k}, or they differ in length or are not finite
     */
    public static DensityBank fit(List<float[]> normal, int k, int maxSize, long seed) {
        return fit(normal, k, maxSize, seed, true);
    }

    /**
     * The bank of these normal vectors, standardised per dimension or not. Without standardisation the vectors are
     * kept in their own units (mean 0, scale 1 saved): right when every dimension shares one unit and a dimension that
     * rarely varies in training must not be magnified by its small spread (score vectors, see {@link ClassEvidence}).
     *
     * @param standardise whether each dimension is standardised by the normal vectors' mean and standard deviation
     * @see #fit(List, int, int, long)
     */
    public static DensityBank fit(List<float[]> normal, int k, int maxSize, long seed, boolean standardise) {
        if (k < 1 || maxSize < k) {
            throw new IllegalArgumentException("density bank needs k >= 1 and maxSize >= k, got k=" + k + ", maxSize=" + maxSize);
        }
        if (normal.size() < k) {
            throw new IllegalArgumentException("density bank with k=" + k + " needs at least " + k + " normal objects, got " + normal.size());
        }
        int d = normal.get(0).length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] v : normal) {
            if (v.length != d) {
                throw new IllegalArgumentException("feature vectors of " + v.length + " and " + d + " values in one bank");
            }
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(v[j])) {
                    throw new IllegalArgumentException("feature value " + j + " is " + v[j] + ", expected a finite number");
                }
                sum[j] += v[j];
                sq[j] += (double) v[j] * v[j];
            }
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / normal.size();
            double rms = Math.sqrt(sq[j] / normal.size());
            double sd = Math.sqrt(Math.max(0, sq[j] / normal.size() - m * m));
            mean[j] = standardise ? (float) m : 0f;
            scale[j] = standardise && sd > CONSTANT * rms ? (float) (1 / sd) : 1f;
        }
        float[] standard = new float[normal.size() * d];
        for (int i = 0; i < normal.size(); i++) {
            standardise(normal.get(i), mean, scale, standard, i * d);
        }
        float[] bank = normal.size() > maxSize ? kMeans(standard, d, maxSize, new Random(seed)) : standard;
        return new DensityBank(k, mean, scale, bank);
    }

    /** A bank from its saved parts (see {@link #mean()}, {@link #scale()}, {@link #vectors()}). */
    public static DensityBank of(int k, float[] mean, float[] scale, float[] vectors) {
        int d = mean.length;
        if (d < 1 || scale.length != d || vectors.length == 0 || vectors.length % d != 0 || vectors.length / d < k || k < 1) {
            throw new IllegalArgumentException("density bank parts do not fit: k=" + k + ", " + d + " dimensions, "
                    + scale.length + " scales, " + vectors.length + " bank values");
        }
        return new DensityBank(k, mean.clone(), scale.clone(), vectors.clone());
    }

    /** The mean distance of {@code features} to its k nearest bank vectors, in standardised units. */
    public double distance(float[] features) {
        if (features.length != dimension) {
            throw new IllegalArgumentException("feature vector of " + features.length + " values for a bank of " + dimension);
        }
        float[] x = new float[dimension];
        standardise(features, mean, scale, x, 0);
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < size; i++) {
            double dist = 0;
            int o = i * dimension;
            for (int j = 0; j < dimension && dist < best[k - 1]; j++) {
                double diff = x[j] - bank[o + j];
                dist += diff * diff;
            }
            if (dist < best[k - 1]) {
                int p = k - 1;
                while (p > 0 && best[p - 1] > dist) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = dist;
            }
        }
        double total = 0;
        for (double b : best) {
            total += Math.sqrt(b);
        }
        return total / k;
    }

    public int k() {
        return k;
    }

    /** Vectors in the bank (after compression). */
    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    /** The training mean of each dimension. */
    public float[] mean() {
        return mean.clone();
    }

    /** The factor each dimension is multiplied by after the mean is subtracted (1 / standard deviation). */
    public float[] scale() {
        return scale.clone();
    }

    /** The standardised bank vectors, row after row. */
    public float[] vectors() {
        return bank.clone();
    }

    private static void standardise(float[] v, float[] mean, float[] scale, float[] out, int offset) {
        for (int j = 0; j < v.length; j++) {
            out[offset + j] = (v[j] - mean[j]) * scale[j];
        }
    }

    /** {@code centres} k-means centres of the rows of {@code data}. */
    private static float[] kMeans(float[] data, int d, int centres, Random random) {
        int n = data.length / d;
        int[] sample = random.ints(0, n).distinct().limit(Math.min(n, Math.max(KMEANS_SAMPLE, centres))).toArray();
        float[] c = new float[centres * d];
        for (int i = 0; i < centres; i++) {
            System.arraycopy(data, sample[i] * d, c, i * d, d);
        }
        int[] assigned = new int[sample.length];
        for (int iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
            for (int s = 0; s < sample.length; s++) {
                assigned[s] = nearest(data, sample[s] * d, c, d);
            }
            double[] sums = new double[centres * d];
            int[] counts = new int[centres];
            for (int s = 0; s < sample.length; s++) {
                counts[assigned[s]]++;
                for (int j = 0; j < d; j++) {
                    sums[assigned[s] * d + j] += data[sample[s] * d + j];
                }
            }
            for (int i = 0; i < centres; i++) {
                if (counts[i] > 0) {
                    for (int j = 0; j < d; j++) {
                        c[i * d + j] = (float) (sums[i * d + j] / counts[i]);
                    }
                }
            }
        }
        return c;
    }

    private static int nearest(float[] data, int offset, float[] c, int d) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.length / d; i++) {
            double dist = 0;
            for (int j = 0; j < d && dist < bestDist; j++) {
                double diff = data[offset + j] - c[i * d + j];
                dist += diff * diff;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = i;
            }
        }
        return best;
    }
}
