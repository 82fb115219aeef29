package io.github.aed.nn.teacher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a one-node ONNX model (x [1, c, h, w] → GlobalAveragePool → y [1, c, 1, 1]) with a hand-rolled protobuf encoder. */
final class TinyOnnx {

    private TinyOnnx() {
    }

    static byte[] globalAveragePool(int channels, int height, int width) {
        byte[] node = concat(str(1, "x"), str(2, "y"), str(3, "pool"), str(4, "GlobalAveragePool"));
        byte[] graph = concat(msg(1, node), str(2, "g"), msg(11, valueInfo("x", 1, channels, height, width)),
                msg(12, valueInfo("y", 1, channels, 1, 1)));
        byte[] opset = concat(str(1, ""), varintField(2, 13));
        return concat(varintField(1, 7), str(2, "aed-test"), msg(7, graph), msg(8, opset));
    }

    private static byte[] valueInfo(String name, long... dims) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (long d : dims) {
            shape.writeBytes(msg(1, varintField(1, d)));
        }
        byte[] tensor = concat(varintField(1, 1), msg(2, shape.toByteArray()));
        return concat(str(1, name), msg(2, msg(1, tensor)));
    }

    private static byte[] str(int field, String s) {
        return msg(field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] msg(int field, byte[] body) {
        return concat(varint(field << 3 | 2), varint(body.length), body);
    }

    private static byte[] varintField(int field, long v) {
        return concat(varint(field << 3), varint(v));
    }

    private static byte[] varint(long v) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        while ((v & ~0x7FL) != 0) {
            o.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        o.write((int) v);
        return o.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
