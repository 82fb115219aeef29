package io.github.aed.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void digitsCompareByValueAndZeroPaddingDoesNotMatter() {
        List<String> names = new ArrayList<>(List.of("frame10.jpg", "frame2.jpg", "frame001.jpg", "Frame3.jpg", "a.jpg"));
        names.sort(NaturalOrder.NAMES);
        assertEquals(List.of("a.jpg", "frame001.jpg", "frame2.jpg", "Frame3.jpg", "frame10.jpg"), names);
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        List<String> names = new ArrayList<>(List.of("99999999999999999999.png", "100000000000000000000.png"));
        names.sort(NaturalOrder.NAMES);
        assertEquals("99999999999999999999.png", names.get(0));
    }
}
