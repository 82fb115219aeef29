package io.github.aed.nn.teacher;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The teacher outputs that can be compared with the distillation head at test time: which output slots, and their
 * values. The reference compares a single slot, the detected class's confidence; teachers too costly to run at test
 * time give none.
 *
 * <p>Training makes one per object while it indexes a video and keeps those of the validation objects, so every slot
 * list that is simply 0, 1, …, n − 1 (every slot compared, the default {@link Teacher#testTargets}) shares one array
 * per length instead of a copy per object: 80 COCO classes cost 336 bytes an object otherwise. The arrays never leave
 * the record uncopied.
 *
 * @param slots  indices into the teacher's output vector
 * @param values the teacher's values at those slots
 */
public record TeacherTargets(int[] slots, float[] values) {

    /** The shared slot lists 0 … n − 1, by length n. */
    private static final Map<Integer, int[]> EVERY_SLOT = new ConcurrentHashMap<>();

    /** Validates and copies. */
    public TeacherTargets {
        if (slots.length != values.length) {
            throw new IllegalArgumentException(slots.length + " slots but " + values.length + " values");
        }
        slots = isEverySlot(slots) ? EVERY_SLOT.computeIfAbsent(slots.length, n -> IntStream.range(0, n).toArray()) : slots.clone();
        values = values.clone();
    }

    private static boolean isEverySlot(int[] slots) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** No slot comparable at test time. */
    public static TeacherTargets none() {
        return new TeacherTargets(new int[0], new float[0]);
    }

    /** These targets with every slot moved by {@code offset} (for concatenated teachers). */
    public TeacherTargets shifted(int offset) {
        int[] s = slots.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += offset;
        }
        return new TeacherTargets(s, values);
    }

    /** These slots followed by those of {@code other}. */
    public TeacherTargets plus(TeacherTargets other) {
        int[] s = Arrays.copyOf(slots, slots.length + other.slots.length);
        System.arraycopy(other.slots, 0, s, slots.length, other.slots.length);
        float[] v = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, v, values.length, other.values.length);
        return new TeacherTargets(s, v);
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    public boolean isEmpty() {
        return slots.length == 0;
    }
}
