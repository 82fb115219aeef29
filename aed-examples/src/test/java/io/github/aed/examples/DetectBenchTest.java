package io.github.aed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The split option of {@code bench detect}: which test clips form the tuning split. */
class DetectBenchTest {

    @Test
    void theDefaultTuningSplitIsTest001ToTest006() {
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), DetectBench.clipNumbers(DetectBench.DEFAULT_TUNING_CLIPS));
    }

    @Test
    void clipListsTakeNumbersAndRanges() {
        assertEquals(Set.of(1, 3, 5, 6, 7), DetectBench.clipNumbers("1, 3,5-7"));
        assertEquals(Set.of(12), DetectBench.clipNumbers("12"));
    }

    @Test
    void badClipListsAreRejectedWithTheItem() {
        for (String bad : new String[] {"", "a", "6-1", "0", "1-", "1,,2"}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> DetectBench.clipNumbers(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad.split(",", -1)[bad.startsWith("1,") ? 1 : 0] + "'"), e.getMessage());
        }
    }
}
