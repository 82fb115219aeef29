package io.github.aed.nn.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DensityBankProperties {

    private static Gen<float[]> vectors() {
        return floats().between(-50f, 50f).zip(floats().between(-50f, 50f), floats().between(-5f, 5f), (a, b, c) -> new float[] {a, b, c});
    }

    @Test
    void aBankVectorIsAtDistanceZeroFromItselfWithOneNeighbour() {
        qt().forAll(lists().of(vectors()).ofSizeBetween(2, 30), integers().between(0, 29)).check((bank, pick) -> {
            DensityBank b = DensityBank.fit(bank, 1, 100, 1);
            return b.distance(bank.get(pick % bank.size())) < 1e-4;
        });
    }

    /** Whether the first dimension of the bank varies by more than rounding (else it is measured in its own units). */
    private static boolean firstDimensionVaries(List<float[]> bank) {
        double first = bank.get(0)[0];
        return bank.stream().anyMatch(v -> Math.abs(v[0] - first) > 1e-3 * Math.max(1, Math.abs(first)));
    }

    @Test
    void distancesDoNotDependOnTheUnitsOfADimensionThatVaries() {
        qt().forAll(lists().of(vectors()).ofSizeBetween(5, 30), vectors(), floats().between(0.01f, 100f))
                .assuming((bank, query, factor) -> firstDimensionVaries(bank)).check((bank, query, factor) -> {
            List<float[]> scaled = bank.stream().map(v -> new float[] {v[0] * factor, v[1], v[2]}).toList();
            double a = DensityBank.fit(bank, 3, 100, 1).distance(query);
            double b = DensityBank.fit(scaled, 3, 100, 1).distance(new float[] {query[0] * factor, query[1], query[2]});
            return Math.abs(a - b) <= 1e-3 * Math.max(1, a);
        });
    }

    @Test
    void aBankInAnotherBanksUnitsMeasuresAsThatBankWould() {
        // refitted on the same vectors it is the same bank; on others, it measures by the first bank's mean and scale
        qt().forAll(lists().of(vectors()).ofSizeBetween(5, 30), lists().of(vectors()).ofSizeBetween(3, 30), vectors())
                .check((bank, others, query) -> {
            DensityBank b = DensityBank.fit(bank, 3, 100, 1);
            DensityBank same = b.fitInSameUnits(bank, 3, 100, 1);
            DensityBank other = b.fitInSameUnits(others, 1, 100, 1);
            double nearest = others.stream().mapToDouble(v -> {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    double diff = (v[j] - query[j]) * b.scale()[j];
                    sum += diff * diff;
                }
                return Math.sqrt(sum);
            }).min().orElseThrow();
            return Math.abs(same.distance(query) - b.distance(query)) <= 1e-6 * Math.max(1, b.distance(query))
                    && Math.abs(other.distance(query) - nearest) <= 1e-3 * Math.max(1, nearest);
        });
    }

    @Test
    void aDimensionThatNeverVariesIsMeasuredInItsOwnUnitsWhateverItsScale() {
        for (float level : new float[] {0f, 1e-4f, 50f, 1e6f}) {
            List<float[]> bank = new ArrayList<>();
            Random r = new Random(3);
            for (int i = 0; i < 20; i++) {
                bank.add(new float[] {level, (float) r.nextGaussian()});
            }
            DensityBank b = DensityBank.fit(bank, 1, 100, 1);
            assertEquals(1f, b.scale()[0], "constant at " + level + ": unscaled");
            assertTrue(b.scale()[1] != 1f, "the varying dimension is standardised");
        }
    }

    @Test
    void anUnstandardisedBankMeasuresInTheVectorsOwnUnits() {
        qt().forAll(lists().of(vectors()).ofSizeBetween(2, 30), vectors()).check((bank, query) -> {
            double nearest = bank.stream().mapToDouble(v -> Math.sqrt(Math.pow(v[0] - query[0], 2) + Math.pow(v[1] - query[1], 2)
                    + Math.pow(v[2] - query[2], 2))).min().orElseThrow();
            return Math.abs(DensityBank.fit(bank, 1, 100, 1, false).distance(query) - nearest) <= 1e-3 * Math.max(1, nearest);
        });
    }

    @Test
    void standardisingMagnifiesADimensionThatHardlyVariesAndNotStandardisingDoesNot() {
        List<float[]> normal = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            normal.add(new float[] {(float) (0.5 + 0.2 * r.nextGaussian()), (float) (0.001 * r.nextGaussian())});
        }
        float[] rareBlip = {0.5f, 0.05f};
        float[] mainShift = {1.2f, 0f};
        DensityBank standardised = DensityBank.fit(normal, 5, 100, 1);
        DensityBank own = DensityBank.fit(normal, 5, 100, 1, false);
        assertTrue(standardised.distance(rareBlip) > standardised.distance(mainShift), "a 0.05 blip outweighs a 0.7 shift");
        assertTrue(own.distance(rareBlip) < own.distance(mainShift), "in own units the larger change counts more");
    }

    @Test
    void theMeanOfMoreNeighboursIsNeverSmaller() {
        qt().forAll(lists().of(vectors()).ofSizeBetween(6, 30), vectors()).check((bank, query) ->
                DensityBank.fit(bank, 5, 100, 1).distance(query) >= DensityBank.fit(bank, 1, 100, 1).distance(query) - 1e-9);
    }

    @Test
    void aLargeBankIsCompressedToItsSizeAndStillTellsNearFromFar() {
        Random r = new Random(3);
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            normal.add(new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()});
        }
        DensityBank b = DensityBank.fit(normal, 5, 200, 7);
        assertTrue(b.size() > 150 && b.size() <= 200, "centres " + b.size());
        assertEquals(5000, b.objects(), 1e-2, "the centres' weights stand for every training object");
        double near = b.distance(new float[] {0.2f, -0.1f});
        double far = b.distance(new float[] {6f, 6f});
        assertTrue(near < 0.5 && far > 5, "near " + near + ", far " + far);
    }

    @Test
    void savedPartsGiveTheSameDistances() {
        List<float[]> normal = List.of(new float[] {1, 2}, new float[] {3, 1}, new float[] {0, 0}, new float[] {5, 5});
        DensityBank b = DensityBank.fit(normal, 2, 10, 1);
        DensityBank again = DensityBank.of(b.k(), b.mean(), b.scale(), b.vectors(), b.weights());
        assertEquals(b.distance(new float[] {2, 2}), again.distance(new float[] {2, 2}), 0);
    }

    @Test
    void vectorsWeighingWCountAsWCopies() {
        qt().forAll(lists().of(vectors()).ofSizeBetween(2, 8), integers().between(0, 3), integers().between(1, 30), vectors())
                .checkAssert((bank, weight, k, query) -> {
                    int d = 3;
                    float[] mean = {0, 0, 0};
                    float[] scale = {1, 1, 1};
                    float[] weighted = new float[bank.size() * d];
                    float[] weights = new float[bank.size()];
                    List<Float> copies = new ArrayList<>();
                    for (int i = 0; i < bank.size(); i++) {
                        System.arraycopy(bank.get(i), 0, weighted, i * d, d);
                        weights[i] = 1 + (weight + i * i) % 4;
                        for (int c = 0; c < weights[i]; c++) {
                            for (float v : bank.get(i)) {
                                copies.add(v);
                            }
                        }
                    }
                    float[] repeated = new float[copies.size()];
                    for (int i = 0; i < repeated.length; i++) {
                        repeated[i] = copies.get(i);
                    }
                    int kk = Math.min(k, repeated.length / d);
                    double a = DensityBank.of(kk, mean, scale, weighted, weights).distance(query);
                    double b = DensityBank.of(kk, mean, scale, repeated).distance(query);
                    assertEquals(b, a, 1e-9 * Math.max(1, b));
                });
    }

    @Test
    void aSmallClusterOfOddTrainingObjectsDoesNotMakeItsCornerNormal() {
        Random r = new Random(3);
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            normal.add(new float[] {(float) (1 + 0.2 * r.nextGaussian())});
        }
        for (int i = 0; i < 12; i++) {
            normal.add(new float[] {(float) (0.02 * r.nextGaussian())});
        }
        float[] stopped = {0};
        float[] typical = {1};
        DensityBank few = DensityBank.fit(normal, 5, 2000, 1);
        DensityBank share = DensityBank.fit(normal, 31, 2000, 1);
        double fewContrast = few.distance(stopped) / few.distance(typical);
        double shareContrast = share.distance(stopped) / share.distance(typical);
        assertTrue(shareContrast > 5 * fewContrast, "five neighbours find the cluster (" + fewContrast
                + " times the typical distance), 1 % of the objects reach beyond it (" + shareContrast + ")");
    }

    @Test
    void compressionKeepsWhatTheFullBankMeasures() {
        Random r = new Random(5);
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            normal.add(new float[] {(float) r.nextGaussian(), (float) (r.nextGaussian() * 0.5)});
        }
        DensityBank full = DensityBank.fit(normal, 60, 6000, 1);
        DensityBank small = DensityBank.fit(normal, 60, 600, 1);
        for (float[] q : List.of(new float[] {0, 0}, new float[] {2, 1}, new float[] {-3, 0.5f}, new float[] {5, -2})) {
            double a = full.distance(q);
            double b = small.distance(q);
            assertEquals(a, b, 0.15 * a + 0.02, "at " + q[0] + ", " + q[1]);
        }
    }

    @Test
    void kMayExceedTheCompressedBanksSize() {
        Random r = new Random(9);
        List<float[]> normal = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            normal.add(new float[] {(float) r.nextGaussian()});
        }
        DensityBank b = DensityBank.fit(normal, 300, 20, 1);
        DensityBank full = DensityBank.fit(normal, 300, 3000, 1);
        assertTrue(b.size() <= 20 && b.k() == 300);
        for (float x : new float[] {0, 1.5f, 5}) {
            double a = full.distance(new float[] {x});
            assertEquals(a, b.distance(new float[] {x}), 0.2 * a + 0.05, "at " + x);
        }
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DensityBank.fit(List.of(new float[] {1}), 3, 10, 1))
                .getMessage().contains("at least 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DensityBank.fit(List.of(new float[] {1}, new float[] {Float.NaN}), 1, 10, 1)).getMessage().contains("finite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DensityBank.fit(List.of(new float[] {1}, new float[] {1, 2}), 1, 10, 1))
                .getMessage().contains("one bank"));
        DensityBank b = DensityBank.fit(List.of(new float[] {1, 2}, new float[] {2, 3}), 1, 10, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.distance(new float[] {1})).getMessage().contains("bank of 2"));
        float[] one = {1};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DensityBank.of(1, one, one, one, new float[] {0.5f}))
                .getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DensityBank.of(3, one, one, one, new float[] {2}))
                .getMessage().contains("stands for only 2"));
    }
}
