package io.github.aed.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimedStateProperties {

    private static PrimedState state(List<String> names, int seed) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byte[] b = new byte[(seed + i) % 7];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) (seed * 31 + i * 7 + j);
            }
            entries.put("e" + names.get(i), b);
        }
        return PrimedState.of(entries);
    }

    @Test
    void aPrefixIsUndoneByUnderAndPartsRecombine() {
        qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6)).ofSizeBetween(0, 5),
                        lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6)).ofSizeBetween(0, 5),
                        integers().between(0, 1000))
                .checkAssert((a, b, seed) -> {
                    PrimedState first = state(a.stream().map(n -> n.replace("/", "")).distinct().toList(), seed);
                    PrimedState second = state(b.stream().map(n -> n.replace("/", "")).distinct().toList(), seed + 1);
                    PrimedState both = first.withPrefix("primary").and(second.withPrefix("supplement"));
                    assertEquals(first, both.under("primary"));
                    assertEquals(second, both.under("supplement"));
                    assertEquals(PrimedState.NONE, both.under("other"));
                    assertEquals(first.names().size() + second.names().size(), both.names().size());
                });
    }
}
