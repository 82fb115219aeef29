package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The network's arithmetic counts against the reference figures of the issue (GFLOP per object at test time). */
class NetworkCostTest {

    @Test
    void testTimeFlopsMatchTheReferenceTable() {
        assertEquals(0.73, NetworkCost.testFlops(BackboneVariant.SHALLOW_NARROW, 64, 3) / 1e9, 0.03);
        assertEquals(2.53, NetworkCost.testFlops(BackboneVariant.SHALLOW_WIDE, 64, 3) / 1e9, 0.05);
        assertEquals(2.24, NetworkCost.testFlops(BackboneVariant.DEEP_NARROW, 64, 3) / 1e9, 0.05);
        assertEquals(8.59, NetworkCost.testFlops(BackboneVariant.DEEP_WIDE, 64, 3) / 1e9, 0.1);
        assertEquals(40, 3 * NetworkCost.trainingForwardFlops(BackboneVariant.DEEP_WIDE, 64, 3) / 1e9, 1.0);
    }
}
