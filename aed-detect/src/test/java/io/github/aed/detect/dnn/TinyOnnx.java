package io.github.aed.detect.dnn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-encodes tiny ONNX models (opset 13) as protobuf bytes, so that tests can run OpenCV's real ONNX importer
 * without shipping model files. Only the fields the models below need are written.
 */
final class TinyOnnx {

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    /** Declares a float graph input of a fixed shape. */
    TinyOnnx input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
        return this;
    }

    /** Declares a float graph output of a fixed shape (OpenCV's importer wants one). */
    TinyOnnx output(String name, long... dims) {
        outputs.add(valueInfo(name, dims));
        return this;
    }

    TinyOnnx floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        initializers.add(tensor(name, 1, raw.array(), dims));
        return this;
    }

    TinyOnnx longs(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        initializers.add(tensor(name, 7, raw.array(), dims));
        return this;
    }

    /** Adds a node; attributes are (name, value) pairs with Long, long[] values. */
    TinyOnnx node(String op, String[] in, String out, Object... attributes) {
        Msg n = new Msg();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, out).string(3, op + "_" + out).string(4, op);
        for (int a = 0; a < attributes.length; a += 2) {
            Msg attr = new Msg().string(1, (String) attributes[a]);
            if (attributes[a + 1] instanceof long[] ints) {
                for (long v : ints) {
                    attr.varint(8, v);
                }
                attr.varint(20, 7);
            } else {
                attr.varint(3, (Long) attributes[a + 1]).varint(20, 2);
            }
            n.message(5, attr.bytes());
        }
        nodes.add(n.bytes());
        return this;
    }

    void write(Path file) throws IOException {
        Msg graph = new Msg();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, "tiny");
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        Msg model = new Msg().varint(1, 7).string(2, "aed-test")
                .message(7, graph.bytes())
                .message(8, new Msg().string(1, "").varint(2, 13).bytes());
        Files.write(file, model.bytes());
    }

    private static byte[] tensor(String name, int type, byte[] raw, long... dims) {
        Msg t = new Msg();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw).bytes();
    }

    private static byte[] valueInfo(String name, long... dims) {
        Msg shape = new Msg();
        for (long d : dims) {
            shape.message(1, new Msg().varint(1, d).bytes());
        }
        Msg tensorType = new Msg().varint(1, 1);
        if (dims.length > 0) {
            tensorType.message(2, shape.bytes());
        }
        return new Msg().string(1, name).message(2, new Msg().message(1, tensorType.bytes()).bytes()).bytes();
    }

    /** A protobuf message being written. */
    private static final class Msg {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Msg varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Msg string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Msg message(int field, byte[] m) {
            return bytes(field, m);
        }

        Msg bytes(int field, byte[] b) {
            raw(((long) field << 3) | 2);
            raw(b.length);
            out.writeBytes(b);
            return this;
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
