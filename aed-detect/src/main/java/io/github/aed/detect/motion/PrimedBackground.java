package io.github.aed.detect.motion;

import io.github.aed.detect.PrimedState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grey frames a {@link MotionDetector} keeps from {@link MotionDetector#prime} to start every video's background
 * model, and their encoding as a {@link PrimedState}: one entry {@value #ENTRY} holding a version, the number of
 * priming videos, width, height and frame count (big-endian ints), then each frame's bytes row by row.
 *
 * @param frames the frames, {@code width * height} bytes each
 * @param videos the number of videos they were sampled from
 * @param width  frame width in pixels
 * @param height frame height in pixels
 */
record PrimedBackground(List<byte[]> frames, int videos, int width, int height) {

    static final String ENTRY = "background";
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 5 * Integer.BYTES;

    PrimedBackground {
        frames = List.copyOf(frames);
    }

    PrimedState toState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER_BYTES + frames.size() * width * height);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int v : new int[] {VERSION, videos, width, height, frames.size()}) {
                out.writeInt(v);
            }
            for (byte[] f : frames) {
                out.write(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PrimedState.of(Map.of(ENTRY, bytes.toByteArray()));
    }

    /**
     * Decodes a state written by {@link #toState()}.
     *
     * @throws IllegalArgumentException if the state has other entries, another version, or sizes that do not add up
     */
    static PrimedBackground from(PrimedState state) {
        if (!state.names().equals(Set.of(ENTRY))) {
            throw new IllegalArgumentException("a motion detector's primed state has the one entry '" + ENTRY + "', got "
                    + state.names());
        }
        byte[] bytes = state.entry(ENTRY);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("motion detector state version " + version + "; this library reads " + VERSION);
            }
            int videos = in.readInt();
            int width = in.readInt();
            int height = in.readInt();
            int count = in.readInt();
            if (videos < 1 || width < 1 || height < 1 || count < 1
                    || bytes.length != HEADER_BYTES + (long) count * width * height) {
                throw new IllegalArgumentException("motion detector state is damaged: " + count + " frames of " + width + "x"
                        + height + " from " + videos + " videos do not fill its " + bytes.length + " bytes");
            }
            List<byte[]> frames = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] f = new byte[width * height];
                in.readFully(f);
                frames.add(f);
            }
            return new PrimedBackground(frames, videos, width, height);
        } catch (IOException e) {
            throw new IllegalArgumentException("motion detector state is damaged: " + e.getMessage(), e);
        }
    }
}
