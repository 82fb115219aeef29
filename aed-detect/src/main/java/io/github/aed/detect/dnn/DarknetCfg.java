package io.github.aed.detect.dnn;

import io.github.aed.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this library needs to know from a Darknet {@code .cfg} file before OpenCV loads it: the network's input size,
 * and the number of parameters its {@code .weights} file must hold. OpenCV reads weights without checking their count,
 * so a cfg paired with the wrong weights would otherwise load garbage silently.
 *
 * <p>Supported sections are those of YOLOv2/v3/v4 and their tiny variants (and what OpenCV's importer accepts):
 * {@code convolutional, connected, maxpool, avgpool, softmax, route, shortcut, scale_channels, upsample, reorg,
 * dropout, cost, yolo, region}. Shapes follow OpenCV's importer.
 *
 * @param width              input width from {@code [net]} (default 416)
 * @param height             input height from {@code [net]} (default 416)
 * @param channels           input channels from {@code [net]} (default 3)
 * @param parameterCount     32-bit floats the weights file must hold after its header
 * @param classes            classes of the last {@code [yolo]} or {@code [region]} section, or -1 if there is none
 */
public record DarknetCfg(int width, int height, int channels, long parameterCount, int classes) {

    /**
     * Parses a cfg file.
     *
     * @throws InvalidInputException if the file is missing or a section or value cannot be understood (naming the line)
     */
    public static DarknetCfg parse(Path cfg) {
        if (!Files.isRegularFile(cfg)) {
            throw new InvalidInputException(cfg + ": no such Darknet cfg file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(cfg, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(cfg + ": cannot read the Darknet cfg file (" + e.getMessage() + ")", e);
        }
        Map<String, String> net = null;
        List<Section> sections = new ArrayList<>();
        Map<String, String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace(" ", "").replace("\t", "");
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new InvalidInputException(cfg + " line " + (i + 1) + ": malformed section header '" + lines.get(i) + "'");
                }
                String type = line.substring(1, line.length() - 1);
                current = new HashMap<>();
                if (type.equals("net") || type.equals("network")) {
                    net = current;
                } else {
                    sections.add(new Section(type, i + 1, current));
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq <= 0) {
                throw new InvalidInputException(cfg + " line " + (i + 1) + ": expected 'key=value' inside a section, got '"
                        + lines.get(i) + "'");
            }
            current.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (net == null) {
            throw new InvalidInputException(cfg + ": no [net] section; not a Darknet cfg file");
        }
        if (sections.isEmpty()) {
            throw new InvalidInputException(cfg + ": no layers after [net]");
        }
        int w = intParam(cfg, net, "width", 416, 0);
        int h = intParam(cfg, net, "height", 416, 0);
        int c = intParam(cfg, net, "channels", 3, 0);
        if (w < 1 || h < 1 || c < 1) {
            throw new InvalidInputException(cfg + ": [net] width, height and channels must be positive, got "
                    + w + "x" + h + "x" + c);
        }
        return count(cfg, sections, w, h, c);
    }

    private record Section(String type, int line, Map<String, String> params) {
    }

    private static DarknetCfg count(Path cfg, List<Section> sections, int width, int height, int channels) {
        int[] outChannels = new int[sections.size()];
        int c = channels;
        int h = height;
        int w = width;
        long params = 0;
        int classes = -1;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            Map<String, String> p = s.params;
            switch (s.type) {
                case "convolutional" -> {
                    int size = intParam(cfg, p, "size", -1, s.line);
                    int filters = intParam(cfg, p, "filters", -1, s.line);
                    int groups = intParam(cfg, p, "groups", 1, s.line);
                    int stride = intParam(cfg, p, "stride", 1, s.line);
                    int padding = intParam(cfg, p, "pad", 0, s.line) != 0 ? size / 2 : intParam(cfg, p, "padding", 0, s.line);
                    if (size < 1 || filters < 1 || groups < 1 || stride < 1 || c % groups != 0) {
                        throw new InvalidInputException(cfg + " line " + s.line + ": [convolutional] needs size >= 1, "
                                + "filters >= 1 and input channels (" + c + ") divisible by groups (" + groups + ")");
                    }
                    boolean bn = intParam(cfg, p, "batch_normalize", 0, s.line) == 1;
                    params += filters * (bn ? 4L : 1L) + (long) filters * (c / groups) * size * size;
                    c = filters;
                    h = (h - size + 2 * padding) / stride + 1;
                    w = (w - size + 2 * padding) / stride + 1;
                }
                case "connected" -> {
                    int output = intParam(cfg, p, "output", 1, s.line);
                    boolean bn = intParam(cfg, p, "batch_normalize", 0, s.line) == 1;
                    params += output * (bn ? 4L : 1L) + (long) c * h * w * output;
                    c = output;
                    h = 1;
                    w = 1;
                }
                case "maxpool" -> {
                    int size = intParam(cfg, p, "size", 2, s.line);
                    int stride = intParam(cfg, p, "stride", 2, s.line);
                    int padding = intParam(cfg, p, "padding", size - 1, s.line);
                    h = (h - size + padding) / stride + 1;
                    w = (w - size + padding) / stride + 1;
                }
                case "avgpool" -> {
                    h = 1;
                    w = 1;
                }
                case "route" -> {
                    String layers = p.get("layers");
                    if (layers == null || layers.isEmpty()) {
                        throw new InvalidInputException(cfg + " line " + s.line + ": [route] needs layers=");
                    }
                    int groups = intParam(cfg, p, "groups", 1, s.line);
                    int sum = 0;
                    for (String l : layers.split(",")) {
                        int ref = parseInt(cfg, l, "layers", s.line);
                        int abs = ref < 0 ? i + ref : ref;
                        if (abs < 0 || abs >= i) {
                            throw new InvalidInputException(cfg + " line " + s.line + ": [route] refers to layer " + ref
                                    + ", which is not an earlier layer");
                        }
                        sum += outChannels[abs];
                    }
                    c = sum / Math.max(1, groups);
                }
                case "reorg" -> {
                    int stride = intParam(cfg, p, "stride", 2, s.line);
                    c *= stride * stride;
                    h /= stride;
                    w /= stride;
                }
                case "upsample" -> {
                    int stride = intParam(cfg, p, "stride", 1, s.line);
                    h *= stride;
                    w *= stride;
                }
                case "yolo", "region" -> classes = intParam(cfg, p, "classes", -1, s.line);
                case "softmax", "shortcut", "scale_channels", "dropout", "cost" -> {
                    // shape unchanged, no parameters
                }
                default -> throw new InvalidInputException(cfg + " line " + s.line + ": unsupported Darknet section ["
                        + s.type + "]");
            }
            outChannels[i] = c;
        }
        return new DarknetCfg(width, height, channels, params, classes);
    }

    /**
     * Checks that a weights file holds exactly the parameters this cfg needs: a header of three int32 (major, minor,
     * revision) and a "seen" counter (int64 when {@code major * 10 + minor >= 2}, else int32), then
     * {@link #parameterCount()} float32 values.
     *
     * @throws InvalidInputException if the file is missing, its header is unreadable or its size does not match
     */
    public void checkWeights(Path weights) {
        if (!Files.isRegularFile(weights)) {
            throw new InvalidInputException(weights + ": no such Darknet weights file");
        }
        long size;
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(weights)) {
            size = Files.size(weights);
            if (in.readNBytes(head, 0, 12) < 12) {
                throw new InvalidInputException(weights + ": too short for a Darknet weights header (" + size + " bytes)");
            }
        } catch (IOException e) {
            throw new InvalidInputException(weights + ": cannot read (" + e.getMessage() + ")", e);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int major = b.getInt();
        int minor = b.getInt();
        if (major > 1000 || minor > 1000 || major < 0 || minor < 0) {
            throw new InvalidInputException(weights + ": header version " + major + "." + minor
                    + " is not a Darknet weights file (or uses transposed weights, which OpenCV cannot read)");
        }
        long header = 12 + ((major * 10 + minor) >= 2 ? 8 : 4);
        long expected = header + 4 * parameterCount;
        if (size != expected) {
            throw new InvalidInputException(weights + ": holds " + size + " bytes, but the cfg needs " + expected + " ("
                    + header + " header bytes + " + parameterCount + " float32 parameters); the weights do not belong to"
                    + " this cfg (" + (size < expected ? "too few" : "too many") + " parameters)");
        }
    }

    private static int intParam(Path cfg, Map<String, String> p, String key, int defaultValue, int line) {
        String v = p.get(key);
        return v == null || v.isEmpty() ? defaultValue : parseInt(cfg, v, key, line);
    }

    private static int parseInt(Path cfg, String v, String key, int line) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(cfg + (line > 0 ? " line " + line : " [net]") + ": " + key
                    + " must be an integer, got '" + v + "'");
        }
    }
}
