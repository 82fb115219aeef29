package io.github.aed.core.files;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Orders names the way people count: runs of digits compare by value, so {@code frame2} comes before
 * {@code frame10}. Other characters compare case-insensitively; full ties fall back to plain string order. Frame
 * images, mask images and clip folders are listed in this order.
 */
public final class NaturalOrder implements Comparator<String> {

    /** Orders names. */
    public static final NaturalOrder NAMES = new NaturalOrder();
    /** Orders paths by their file names. */
    public static final Comparator<Path> PATHS = Comparator.comparing(p -> p.getFileName().toString(), NAMES);

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareDigits(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int e = from;
        while (e < s.length() && Character.isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    private static int compareDigits(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
