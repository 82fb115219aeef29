package io.github.aed.nn.attribute;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A bank of normal objects' feature vectors for one attribute, and the k-nearest-neighbour distance of a new vector
 * to it: the mean Euclidean distance to its {@code k} nearest normal objects after every dimension is standardised by
 * the training objects' mean and standard deviation (dimensions that never vary are left unscaled; an attribute may
 * ask for no standardisation, {@link ObjectAttribute#standardised()}). A large bank is
 * compressed by k-means (Lloyd's algorithm from a seeded random draw of centres, run on at most
 * {@value #KMEANS_SAMPLE} objects) to at most {@code maxSize} centres, so that the exact search stays cheap; each
 * centre keeps the number of training objects it stands for (its weight), and the {@code k} nearest objects are
 * counted through the weights, so that a compressed bank measures what the full one would: a small cluster of odd
 * training objects counts as the few objects it is, not as many centres. Immutable and thread-safe.
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
    /** Training objects each bank vector stands for, each at least 1. */
    private final float[] weights;
    private final int size;
    private final int dimension;

    private DensityBank(int k, float[] mean, float[] scale, float[] bank, float[] weights) {
        this.k = k;
        this.mean = mean;
        this.scale = scale;
        this.bank = bank;
        this.weights = weights;
        this.dimension = mean.length;
        this.size = bank.length / dimension;
    }

    /**
     * The bank of these normal vectors.
     *
     * @param normal  feature vectors of normal training objects, all of one length
     * @param k       nearest normal objects averaged (at least 1)
     * @param maxSize largest bank kept; more vectors are compressed to this many k-means centres, weighted by the
     *                objects they stand for (so k may exceed it)
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
        checkSizes(normal, k, maxSize);
        int d = normal.get(0).length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] v : normal) {
            checkVector(v, d);
            for (int j = 0; j < d; j++) {
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
        return build(normal, k, maxSize, seed, mean, scale);
    }

    /**
     * A bank of other normal vectors in this bank's units: standardised by this bank's mean and scale rather than their
     * own, so that its distances can be compared with this bank's (a bank without some of the training objects, say).
     *
     * @see #fit(List, int, int, long)
     */
    public DensityBank fitInSameUnits(List<float[]> normal, int k, int maxSize, long seed) {
        checkSizes(normal, k, maxSize);
        normal.forEach(v -> checkVector(v, dimension));
        return build(normal, k, maxSize, seed, mean, scale);
    }

    private static void checkSizes(List<float[]> normal, int k, int maxSize) {
        if (k < 1 || maxSize < 1) {
            throw new IllegalArgumentException("density bank needs k >= 1 and maxSize >= 1, got k=" + k + ", maxSize=" + maxSize);
        }
        if (normal.size() < k) {
            throw new IllegalArgumentException("density bank with k=" + k + " needs at least " + k + " normal objects, got " + normal.size());
        }
    }

    private static void checkVector(float[] v, int d) {
        if (v.length != d) {
            throw new IllegalArgumentException("feature vectors of " + v.length + " and " + d + " values in one bank");
        }
        for (int j = 0; j < d; j++) {
            if (!Float.isFinite(v[j])) {
                throw new IllegalArgumentException("feature value " + j + " is " + v[j] + ", expected a finite number");
            }
        }
    }

    /** The bank of these vectors standardised by {@code mean} and {@code scale}, compressed if there are more than {@code maxSize}. */
    private static DensityBank build(List<float[]> normal, int k, int maxSize, long seed, float[] mean, float[] scale) {
        int d = mean.length;
        float[] standard = new float[normal.size() * d];
        for (int i = 0; i < normal.size(); i++) {
            standardise(normal.get(i), mean, scale, standard, i * d);
        }
        if (normal.size() <= maxSize) {
            return new DensityBank(k, mean, scale, standard, ones(normal.size()));
        }
        return compressed(k, mean, scale, standard, maxSize, new Random(seed));
    }

    /**
     * A bank from its saved parts (see {@link #mean()}, {@link #scale()}, {@link #vectors()}, {@link #weights()}).
     *
     * @param weights training objects each vector stands for, each at least 1
     * @throws IllegalArgumentException if the parts do not fit together or the weights sum to less than {@code k}
     */
    public static DensityBank of(int k, float[] mean, float[] scale, float[] vectors, float[] weights) {
        int d = mean.length;
        if (d < 1 || scale.length != d || vectors.length == 0 || vectors.length % d != 0 || k < 1
                || weights.length != vectors.length / d) {
            throw new IllegalArgumentException("density bank parts do not fit: k=" + k + ", " + d + " dimensions, "
                    + scale.length + " scales, " + vectors.length + " bank values, " + weights.length + " weights");
        }
        double total = 0;
        for (float w : weights) {
            if (!(w >= 1) || !Float.isFinite(w)) {
                throw new IllegalArgumentException("density bank weight " + w + ", expected a finite number of at least 1");
            }
            total += w;
        }
        if (total < k) {
            throw new IllegalArgumentException("density bank with k=" + k + " stands for only " + total + " objects");
        }
        return new DensityBank(k, mean.clone(), scale.clone(), vectors.clone(), weights.clone());
    }

    /** A bank from saved parts whose vectors each stand for one object (model files written before weights were kept). */
    public static DensityBank of(int k, float[] mean, float[] scale, float[] vectors) {
        return of(k, mean, scale, vectors, ones(mean.length == 0 ? 0 : vectors.length / mean.length));
    }

    /** Weights of vectors that each stand for one object. */
    private static float[] ones(int vectors) {
        float[] weights = new float[vectors];
        Arrays.fill(weights, 1f);
        return weights;
    }

    /**
     * The mean distance of {@code features} to its k nearest normal objects, in standardised units: the nearest bank
     * vectors in order of distance, each counted as many times as the objects it stands for, until k are counted.
     */
    public double distance(float[] features) {
        if (features.length != dimension) {
            throw new IllegalArgumentException("feature vector of " + features.length + " values for a bank of " + dimension);
        }
        float[] x = new float[dimension];
        standardise(features, mean, scale, x, 0);
        Nearest nearest = new Nearest(Math.min(k, size) + 1);
        for (int i = 0; i < size; i++) {
            double bound = nearest.bound();
            double dist = 0;
            int o = i * dimension;
            for (int j = 0; j < dimension && dist < bound; j++) {
                double diff = x[j] - bank[o + j];
                dist += diff * diff;
            }
            if (dist < bound) {
                nearest.add(dist, weights[i]);
            }
        }
        return nearest.meanDistance();
    }

    /**
     * The nearest bank vectors seen so far that are needed to count k objects: a max-heap on squared distance, from
     * which the farthest vector is dropped whenever the others already count k. So it holds few vectors when a
     * compressed bank's vectors weigh many objects, and its farthest distance bounds the search early.
     */
    private final class Nearest {
        private final double[] distances;
        private final float[] counts;
        private int held;
        private double weight;

        Nearest(int capacity) {
            distances = new double[capacity];
            counts = new float[capacity];
        }

        /** Squared distances from here on cannot change the mean: the farthest held one once k objects are counted. */
        double bound() {
            return weight >= k ? distances[0] : Double.POSITIVE_INFINITY;
        }

        void add(double distance, float count) {
            int c = held++;
            while (c > 0 && distances[(c - 1) / 2] < distance) {
                distances[c] = distances[(c - 1) / 2];
                counts[c] = counts[(c - 1) / 2];
                c = (c - 1) / 2;
            }
            distances[c] = distance;
            counts[c] = count;
            weight += count;
            while (weight - counts[0] >= k) {
                weight -= counts[0];
                removeFarthest();
            }
        }

        private void removeFarthest() {
            held--;
            double d = distances[held];
            float w = counts[held];
            int c = 0;
            while (2 * c + 1 < held) {
                int child = 2 * c + 2 < held && distances[2 * c + 2] > distances[2 * c + 1] ? 2 * c + 2 : 2 * c + 1;
                if (distances[child] <= d) {
                    break;
                }
                distances[c] = distances[child];
                counts[c] = counts[child];
                c = child;
            }
            distances[c] = d;
            counts[c] = w;
        }

        /**
         * The mean distance to the k nearest objects: the held vectors from the nearest, the farthest making up the
         * rest. Sorts the held vectors in place (the heap is no longer needed).
         */
        double meanDistance() {
            for (int i = 1; i < held; i++) {
                double d = distances[i];
                float w = counts[i];
                int p = i;
                while (p > 0 && distances[p - 1] > d) {
                    distances[p] = distances[p - 1];
                    counts[p] = counts[p - 1];
                    p--;
                }
                distances[p] = d;
                counts[p] = w;
            }
            double total = 0;
            double counted = 0;
            for (int i = 0; i < held && counted < k; i++) {
                double w = Math.min(counts[i], k - counted);
                total += w * Math.sqrt(distances[i]);
                counted += w;
            }
            return total / k;
        }
    }

    public int k() {
        return k;
    }

    /** Training objects each bank vector stands for (1 each in a bank that was not compressed). */
    public float[] weights() {
        return weights.clone();
    }

    /** Training objects the bank stands for: the sum of its weights. */
    public double objects() {
        double total = 0;
        for (float w : weights) {
            total += w;
        }
        return total;
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

    /**
     * The bank of {@code centres} k-means centres of the rows of {@code data}, each weighted by the rows assigned to it
     * in the last pass over the sample, scaled to all rows; centres left without rows are dropped.
     */
    private static DensityBank compressed(int k, float[] mean, float[] scale, float[] data, int centres, Random random) {
        int d = mean.length;
        int n = data.length / d;
        int[] sample = random.ints(0, n).distinct().limit(Math.min(n, Math.max(KMEANS_SAMPLE, centres))).toArray();
        float[] c = new float[centres * d];
        for (int i = 0; i < centres; i++) {
            System.arraycopy(data, sample[i] * d, c, i * d, d);
        }
        int[] assigned = new int[sample.length];
        int[] counts = new int[centres];
        for (int iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
            for (int s = 0; s < sample.length; s++) {
                assigned[s] = nearest(data, sample[s] * d, c, d);
            }
            double[] sums = new double[centres * d];
            Arrays.fill(counts, 0);
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
        int kept = (int) Arrays.stream(counts).filter(count -> count > 0).count();
        float[] vectors = new float[kept * d];
        float[] weights = new float[kept];
        double perSampled = (double) n / sample.length;
        int next = 0;
        for (int i = 0; i < centres; i++) {
            if (counts[i] > 0) {
                System.arraycopy(c, i * d, vectors, next * d, d);
                weights[next++] = (float) (counts[i] * perSampled);
            }
        }
        return new DensityBank(k, mean, scale, vectors, weights);
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
