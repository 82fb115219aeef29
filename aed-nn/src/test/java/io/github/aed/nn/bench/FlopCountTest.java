package io.github.aed.nn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.aed.nn.network.BackboneVariant;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic counts against the reference figures of the issue (GFLOP per object at test time). */
class FlopCountTest {

    @Test
    void testTimeFlopsMatchTheReferenceTable() {
        assertEquals(0.73, NetworkBenchmark.testFlops(BackboneVariant.SHALLOW_NARROW, 64, 3) / 1e9, 0.03);
        assertEquals(2.53, NetworkBenchmark.testFlops(BackboneVariant.SHALLOW_WIDE, 64, 3) / 1e9, 0.05);
        assertEquals(2.24, NetworkBenchmark.testFlops(BackboneVariant.DEEP_NARROW, 64, 3) / 1e9, 0.05);
        assertEquals(8.59, NetworkBenchmark.testFlops(BackboneVariant.DEEP_WIDE, 64, 3) / 1e9, 0.1);
        assertEquals(40, 3 * NetworkBenchmark.trainingForwardFlops(BackboneVariant.DEEP_WIDE, 64, 3) / 1e9, 1.0);
    }
}
