package io.github.aed.detect.dnn;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The input of an ONNX model, read from the file's protobuf encoding without loading the network: its name and shape
 * (-1 for a dimension without a fixed size). Only the fields on the path {@code ModelProto.graph -> GraphProto.input /
 * initializer -> ValueInfoProto.type.tensor_type.shape} are decoded; everything else is skipped. The first graph input
 * that is not an initializer is the image input.
 *
 * @param inputName the input's name
 * @param shape     its dimensions, e.g. {@code [1, 3, 640, 640]}; -1 where the model leaves a size open
 */
public record OnnxModelInfo(String inputName, long[] shape) {

    private static final int GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int TENSOR_NAME = 8;

    /**
     * Reads a model file's input.
     *
     * @throws InvalidInputException if the file is missing, not protobuf, or has no graph input
     */
    public static OnnxModelInfo read(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new InvalidInputException(model + ": no such ONNX model file");
        }
        ByteBuffer buf;
        try (FileChannel ch = FileChannel.open(model, StandardOpenOption.READ)) {
            buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            throw new InvalidInputException(model + ": cannot read the ONNX model (" + e.getMessage() + ")", e);
        }
        try {
            ByteBuffer graph = null;
            Reader top = new Reader(buf);
            while (top.hasMore()) {
                int tag = top.tag();
                if (tag >>> 3 == GRAPH && (tag & 7) == 2) {
                    graph = top.bytes();
                } else {
                    top.skip(tag);
                }
            }
            if (graph == null) {
                throw new InvalidInputException(model + ": not an ONNX model (no graph field)");
            }
            List<ByteBuffer> inputs = new ArrayList<>();
            Set<String> initializers = new HashSet<>();
            Reader g = new Reader(graph);
            while (g.hasMore()) {
                int tag = g.tag();
                if (tag >>> 3 == GRAPH_INPUT && (tag & 7) == 2) {
                    inputs.add(g.bytes());
                } else if (tag >>> 3 == GRAPH_INITIALIZER && (tag & 7) == 2) {
                    initializers.add(stringField(g.bytes(), TENSOR_NAME));
                } else {
                    g.skip(tag);
                }
            }
            for (ByteBuffer input : inputs) {
                String name = stringField(input.duplicate(), 1);
                if (!initializers.contains(name)) {
                    return new OnnxModelInfo(name, shapeOf(input));
                }
            }
            throw new InvalidInputException(model + ": the ONNX graph has no input");
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException(model + ": not a valid ONNX model (" + e.getMessage() + ")", e);
        }
    }

    /** The shape of a ValueInfoProto: type (2) -> tensor_type (1) -> shape (2) -> dim (1) -> dim_value (1). */
    private static long[] shapeOf(ByteBuffer valueInfo) {
        ByteBuffer type = messageField(valueInfo, 2);
        ByteBuffer tensor = type == null ? null : messageField(type, 1);
        ByteBuffer shape = tensor == null ? null : messageField(tensor, 2);
        if (shape == null) {
            return new long[0];
        }
        List<Long> dims = new ArrayList<>();
        Reader r = new Reader(shape);
        while (r.hasMore()) {
            int tag = r.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                Reader d = new Reader(r.bytes());
                long value = -1;
                while (d.hasMore()) {
                    int t = d.tag();
                    if (t >>> 3 == 1 && (t & 7) == 0) {
                        value = d.varint();
                    } else {
                        d.skip(t);
                    }
                }
                dims.add(value > 0 ? value : -1);
            } else {
                r.skip(tag);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static ByteBuffer messageField(ByteBuffer message, int field) {
        Reader r = new Reader(message.duplicate());
        while (r.hasMore()) {
            int tag = r.tag();
            if (tag >>> 3 == field && (tag & 7) == 2) {
                return r.bytes();
            }
            r.skip(tag);
        }
        return null;
    }

    private static String stringField(ByteBuffer message, int field) {
        ByteBuffer b = messageField(message, field);
        if (b == null) {
            return "";
        }
        byte[] s = new byte[b.remaining()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** The image size the input asks for, if its last two dimensions are fixed: {width, height}. */
    public int[] imageSize() {
        if (shape.length != 4 || shape[2] <= 0 || shape[3] <= 0) {
            return null;
        }
        return new int[] {(int) shape[3], (int) shape[2]};
    }

    /** A minimal protobuf wire-format reader over a buffer. */
    private static final class Reader {
        private final ByteBuffer b;

        Reader(ByteBuffer b) {
            this.b = b;
        }

        boolean hasMore() {
            return b.hasRemaining();
        }

        int tag() {
            long t = varint();
            if (t <= 0 || t > Integer.MAX_VALUE) {
                throw new IllegalStateException("bad protobuf tag " + t + " at byte " + b.position());
            }
            return (int) t;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b.get();
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalStateException("protobuf varint longer than 10 bytes at byte " + b.position());
        }

        ByteBuffer bytes() {
            long len = varint();
            if (len < 0 || len > b.remaining()) {
                throw new IllegalStateException("protobuf field of " + len + " bytes overruns the data at byte " + b.position());
            }
            ByteBuffer slice = b.slice();
            slice.limit((int) len);
            b.position(b.position() + (int) len);
            return slice;
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> bytes();
                case 5 -> advance(4);
                default -> throw new IllegalStateException("unsupported protobuf wire type " + (tag & 7)
                        + " at byte " + b.position());
            }
        }

        private void advance(int n) {
            if (n > b.remaining()) {
                throw new IllegalStateException("protobuf data ends inside a field at byte " + b.position());
            }
            b.position(b.position() + n);
        }
    }
}
