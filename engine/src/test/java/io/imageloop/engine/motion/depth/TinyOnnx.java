package io.imageloop.engine.motion.depth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tiny ONNX "depth" model byte by byte (protobuf wire format), so tests need no model
 * download: input [1,3,S,S] → ReduceMean over channels → [1,1,S,S]. It reads brightness as
 * nearness, which is enough to check that a model's output becomes the loop's depth.
 */
final class TinyOnnx {

    private TinyOnnx() {
    }

    static byte[] brightnessModel(int size) {
        byte[] node = message(
                string(1, "input"), string(2, "depth"), string(3, "mean"), string(4, "ReduceMean"),
                bytes(5, message(string(1, "axes"), varint(8, 1), varint(20, 7))),
                bytes(5, message(string(1, "keepdims"), varint(3, 1), varint(20, 2))));
        byte[] graph = message(
                bytes(1, node), string(2, "tiny-depth"),
                bytes(11, valueInfo("input", 1, 3, size, size)),
                bytes(12, valueInfo("depth", 1, 1, size, size)));
        return message(varint(1, 7), string(2, "imageloop-tests"), bytes(7, graph), bytes(8, message(string(1, ""), varint(2, 13))));
    }

    private static byte[] valueInfo(String name, long... dims) {
        byte[][] dimensions = new byte[dims.length][];
        for (int i = 0; i < dims.length; i++) dimensions[i] = bytes(1, message(varint(1, dims[i])));
        byte[] shape = message(dimensions);
        byte[] tensor = message(varint(1, 1), bytes(2, shape));
        return message(string(1, name), bytes(2, message(bytes(1, tensor))));
    }

    private static byte[] message(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : fields) out.writeBytes(f);
        return out.toByteArray();
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int field, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
