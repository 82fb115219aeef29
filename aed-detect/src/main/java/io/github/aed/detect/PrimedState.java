package io.github.aed.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a detector learned in {@link ObjectDetector#prime}, as named binary entries, so that a model file can carry it
 * and a rebuilt detector detects exactly as the primed one did ({@link ObjectDetector#restore}). The entries' format
 * is the detector's own; composite detectors put their parts' entries under a prefix ({@link #withPrefix},
 * {@link #under}). Immutable: the byte arrays are copied in and out.
 */
public final class PrimedState {

    /** The state of a detector that learned nothing (unprimed, or one that learns nothing in prime). */
    public static final PrimedState NONE = new PrimedState(Map.of());

    private final Map<String, byte[]> entries;

    private PrimedState(Map<String, byte[]> entries) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            if (name == null || name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
                throw new IllegalArgumentException("primed state entry names are non-empty relative paths, got '" + name + "'");
            }
            copy.put(name, Objects.requireNonNull(bytes, name).clone());
        });
        this.entries = Collections.unmodifiableMap(copy);
    }

    /** A state of these entries (name → bytes; names are relative paths such as {@code background/frames}). */
    public static PrimedState of(Map<String, byte[]> entries) {
        return entries.isEmpty() ? NONE : new PrimedState(entries);
    }

    /** Whether nothing was learned. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry names, sorted. */
    public java.util.Set<String> names() {
        return entries.keySet();
    }

    /** A copy of one entry. */
    public byte[] entry(String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("primed state has no entry '" + name + "'; it has " + entries.keySet());
        }
        return bytes.clone();
    }

    /** This state with every entry name prefixed by {@code prefix + "/"} (a composite detector's part). */
    public PrimedState withPrefix(String prefix) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        entries.forEach((name, bytes) -> out.put(prefix + "/" + name, bytes));
        return of(out);
    }

    /** The entries under {@code prefix + "/"}, with the prefix removed (the inverse of {@link #withPrefix}). */
    public PrimedState under(String prefix) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        String p = prefix + "/";
        entries.forEach((name, bytes) -> {
            if (name.startsWith(p)) {
                out.put(name.substring(p.length()), bytes);
            }
        });
        return of(out);
    }

    /** This state's entries and {@code other}'s together; the names must not clash. */
    public PrimedState and(PrimedState other) {
        TreeMap<String, byte[]> out = new TreeMap<>(entries);
        other.entries.forEach((name, bytes) -> {
            if (out.put(name, bytes) != null) {
                throw new IllegalArgumentException("primed state entry '" + name + "' appears twice");
            }
        });
        return of(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PrimedState other) || !entries.keySet().equals(other.entries.keySet())) {
            return false;
        }
        return entries.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.entries.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int h = entries.keySet().hashCode();
        for (byte[] b : entries.values()) {
            h = 31 * h + Arrays.hashCode(b);
        }
        return h;
    }

    @Override
    public String toString() {
        long bytes = entries.values().stream().mapToLong(b -> b.length).sum();
        return isEmpty() ? "PrimedState[none]" : "PrimedState[" + entries.keySet() + ", " + bytes + " bytes]";
    }
}
