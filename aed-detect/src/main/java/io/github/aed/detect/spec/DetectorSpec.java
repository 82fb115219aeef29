package io.github.aed.detect.spec;

import io.github.aed.detect.ObjectDetector;
import io.github.aed.detect.SupplementedDetector;
import io.github.aed.detect.coco.CocoDetector;
import io.github.aed.detect.coco.CocoModel;
import io.github.aed.detect.csv.CsvDetector;
import io.github.aed.detect.dnn.DnnDetector;
import io.github.aed.detect.dnn.DnnOutputFormat;
import io.github.aed.detect.motion.MotionDetector;
import io.github.aed.detect.motion.MotionSettings;
import io.github.aed.detect.person.BodyCascade;
import io.github.aed.detect.person.CascadePersonDetector;
import io.github.aed.detect.person.HogPeopleDetector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds a detector from a short text, as the command line and configuration files spell it:
 * <ul>
 *   <li>{@code motion}, optionally followed by {@code ,hold=N} and {@code ,light=off}: {@link MotionDetector} with its
 *       defaults, holding stopped objects for N frames instead of 200 (0 = never; its builder's holdFrames), feeding
 *       frames without light compensation (its builder's lightCompensation);</li>
 *   <li>{@code hog} or {@code hog:UPSCALE}: {@link HogPeopleDetector} (frames enlarged by UPSCALE, default 1);</li>
 *   <li>{@code cascade:fullbody} or {@code cascade:upperbody}, optionally {@code ,UPSCALE}: {@link CascadePersonDetector};</li>
 *   <li>{@code darknet:CFG,WEIGHTS} or {@code darknet:CFG,WEIGHTS,NAMES}: {@link DnnDetector#darknet};</li>
 *   <li>{@code onnx:FILE} or {@code onnx:FILE,FORMAT} (yolov5, yolov8, ssd) or {@code onnx:FILE,FORMAT,NAMES}:
 *       {@link DnnDetector#onnx};</li>
 *   <li>{@code csv:FILE_OR_FOLDER}: {@link CsvDetector} (one file, or a folder of {@code <video>.csv});</li>
 *   <li>{@code coco:nanodet} (bundled), {@code coco:nanodet:MODEL_JSON} or {@code coco:centernet:MODEL_JSON}:
 *       {@link CocoDetector}, optionally followed by settings {@code ,conf=C,nms=IOU,merge=OVERLAP|off,max=N,classes=I/J/..}
 *       (its builder's confidence, nmsIou, merge, maxDetections, classes);</li>
 *   <li>{@code PRIMARY+SUPPLEMENT}, e.g. {@code coco:nanodet+motion}: {@link SupplementedDetector}, the primary's
 *       boxes plus the supplement's boxes that no primary box covers;</li>
 *   <li>{@code default}: {@value #DEFAULT}, the library's detector for real video.</li>
 * </ul>
 * Paths may not contain commas or plus signs.
 */
public final class DetectorSpec {

    /** The forms accepted by {@link #parse}, for usage messages. */
    public static final String FORMS = "default | motion[,hold=N][,light=off] | coco:nanodet[:MODEL_JSON][,conf=C,nms=IOU,merge=F|off,max=N,classes=I/J] | "
            + "coco:centernet:MODEL_JSON[,...] | "
            + "hog[:UPSCALE] | cascade:fullbody|upperbody[,UPSCALE] | darknet:CFG,WEIGHTS[,NAMES] | "
            + "onnx:FILE[,yolov5|yolov8|ssd[,NAMES]] | csv:FILE_OR_DIR | PRIMARY+SUPPLEMENT";

    /** The detector for real video, what {@code default} names. */
    public static final String DEFAULT = "coco:nanodet,conf=0.3,merge=0.8+motion";

    private DetectorSpec() {
    }

    /**
     * The detector a spec names, with default settings.
     *
     * @throws IllegalArgumentException for an unknown or malformed spec
     */
    public static ObjectDetector parse(String spec) {
        if (spec.strip().equalsIgnoreCase("default")) {
            return parse(DEFAULT);
        }
        int plus = spec.indexOf('+');
        if (plus >= 0) {
            ObjectDetector primary = parse(spec.substring(0, plus));
            try {
                return SupplementedDetector.of(primary, parse(spec.substring(plus + 1)));
            } catch (RuntimeException e) {
                primary.close();
                throw e;
            }
        }
        if (isMotion(spec)) {
            return motion(spec);
        }
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "hog" -> HogPeopleDetector.builder().upscale(arg.isEmpty() ? 1 : number(spec, arg)).build();
            case "cascade" -> cascade(spec, required(spec, arg, "fullbody or upperbody").split(",", -1));
            case "darknet" -> darknet(spec, required(spec, arg, "CFG,WEIGHTS").split(",", -1));
            case "onnx" -> onnx(spec, required(spec, arg, "an ONNX file").split(",", -1));
            case "csv" -> CsvDetector.at(Path.of(required(spec, arg, "a CSV file or folder")));
            case "coco" -> coco(spec, required(spec, arg, "nanodet or centernet"));
            default -> throw new IllegalArgumentException("unknown detector '" + spec + "'; expected " + FORMS);
        };
    }

    /**
     * {@code spec} with {@code ,light=off} after each motion detector in it (each part between {@code +} signs that
     * names one): the detector a spec meant before the motion detector compensated light.
     */
    public static String withoutLightCompensation(String spec) {
        return Arrays.stream(spec.split("\\+", -1)).map(part -> isMotion(part) ? part + ",light=off" : part)
                .collect(Collectors.joining("+"));
    }

    private static boolean isMotion(String spec) {
        return spec.strip().toLowerCase(Locale.ROOT).startsWith("motion");
    }

    /** {@code motion[,hold=N][,light=on|off]}: the motion detector, optionally with another holdFrames or light compensation. */
    private static ObjectDetector motion(String spec) {
        String[] parts = spec.strip().split(",", -1);
        if (!parts[0].equalsIgnoreCase("motion")) {
            throw new IllegalArgumentException("unknown detector '" + spec + "'; expected " + FORMS);
        }
        MotionSettings.Builder b = MotionDetector.builder();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !(key.equals("hold") || key.equals("light"))) {
                throw new IllegalArgumentException("detector '" + spec + "': expected hold=FRAMES or light=on|off, got '"
                        + parts[i] + "'");
            }
            if (key.equals("hold")) {
                b.holdFrames(wholeNumber(spec, kv[1], "hold is a whole number of frames"));
            } else {
                b.lightCompensation(onOrOff(spec, kv[1]));
            }
        }
        return b.build();
    }

    private static boolean onOrOff(String spec, String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("detector '" + spec + "': light is on or off, got '" + v + "'");
        };
    }

    private static ObjectDetector coco(String spec, String arg) {
        String[] parts = arg.split(",", -1);
        int colon = parts[0].indexOf(':');
        String name = (colon < 0 ? parts[0] : parts[0].substring(0, colon)).toLowerCase(Locale.ROOT);
        String file = colon < 0 ? "" : parts[0].substring(colon + 1);
        CocoDetector.Builder b = switch (name) {
            case "nanodet" -> file.isEmpty() ? CocoDetector.nanodet() : CocoDetector.of(CocoModel.NANODET, Path.of(file));
            case "centernet" -> CocoDetector.of(CocoModel.CENTERNET, Path.of(required(spec, file,
                    "the path of the CenterNet model.json (it is not bundled)")));
            default -> throw new IllegalArgumentException("detector '" + spec + "': unknown COCO model '" + name
                    + "', expected nanodet or centernet");
        };
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("detector '" + spec + "': expected KEY=VALUE, got '" + parts[i] + "'");
            }
            switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                case "conf" -> b.confidence(number(spec, kv[1]));
                case "nms" -> b.nmsIou(number(spec, kv[1]));
                case "merge" -> {
                    if (kv[1].strip().equalsIgnoreCase("off")) {
                        b.noMerge();
                    } else {
                        b.merge(number(spec, kv[1]));
                    }
                }
                case "max" -> b.maxDetections((int) number(spec, kv[1]));
                case "classes" -> b.classes(classIds(spec, kv[1]));
                default -> throw new IllegalArgumentException("detector '" + spec + "': unknown setting '" + kv[0]
                        + "', expected conf, nms, merge, max or classes");
            }
        }
        return b.build();
    }

    private static Set<Integer> classIds(String spec, String ids) {
        Set<Integer> out = new TreeSet<>();
        for (String id : ids.split("/", -1)) {
            out.add(wholeNumber(spec, id, "class ids are whole numbers"));
        }
        return out;
    }

    private static ObjectDetector cascade(String spec, String[] parts) {
        if (parts.length > 2) {
            throw new IllegalArgumentException("detector '" + spec + "': expected cascade:fullbody|upperbody[,UPSCALE]");
        }
        BodyCascade which = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "fullbody" -> BodyCascade.FULL_BODY;
            case "upperbody" -> BodyCascade.UPPER_BODY;
            default -> throw new IllegalArgumentException("detector '" + spec + "': unknown cascade '" + parts[0]
                    + "', expected fullbody or upperbody");
        };
        return CascadePersonDetector.builder(which).upscale(parts.length == 2 ? number(spec, parts[1]) : 1).build();
    }

    private static ObjectDetector darknet(String spec, String[] parts) {
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("detector '" + spec + "': expected darknet:CFG,WEIGHTS[,NAMES]");
        }
        DnnDetector.Builder b = DnnDetector.darknet(Path.of(parts[0]), Path.of(parts[1]));
        if (parts.length == 3) {
            b.classNames(DnnDetector.readClassNames(Path.of(parts[2])));
        }
        return b.build();
    }

    private static ObjectDetector onnx(String spec, String[] parts) {
        if (parts.length > 3) {
            throw new IllegalArgumentException("detector '" + spec + "': expected onnx:FILE[,yolov5|yolov8|ssd[,NAMES]]");
        }
        DnnDetector.Builder b = DnnDetector.onnx(Path.of(parts[0]));
        if (parts.length >= 2) {
            try {
                b.format(DnnOutputFormat.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("detector '" + spec + "': unknown output format '" + parts[1]
                        + "', expected yolov5, yolov8 or ssd");
            }
        }
        if (parts.length == 3) {
            b.classNames(DnnDetector.readClassNames(Path.of(parts[2])));
        }
        return b.build();
    }

    /** {@code v} as a whole number, or an error saying {@code rule} and what was given. */
    private static int wholeNumber(String spec, String v, String rule) {
        double n = number(spec, v);
        if (n != Math.rint(n)) {
            throw new IllegalArgumentException("detector '" + spec + "': " + rule + ", got '" + v + "'");
        }
        return (int) n;
    }

    private static double number(String spec, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("detector '" + spec + "': expected a number, got '" + v + "'");
        }
    }

    private static String required(String spec, String arg, String what) {
        if (arg.isBlank()) {
            throw new IllegalArgumentException("detector '" + spec + "' needs " + what + " after the colon");
        }
        return arg;
    }
}
