package io.github.aed.nn.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.aed.core.InvalidInputException;
import io.github.aed.core.cube.ColourMode;
import io.github.aed.core.cube.CubeSettings;
import io.github.aed.core.cube.EdgePolicy;
import io.github.aed.core.files.OutputTransaction;
import io.github.aed.detect.spec.DetectorRecipe;
import io.github.aed.detect.spec.DetectorSpec;
import io.github.aed.detect.PrimedState;
import io.github.aed.nn.network.BackboneVariant;
import io.github.aed.nn.attribute.AttributeDensity;
import io.github.aed.nn.attribute.AttributeProvider;
import io.github.aed.nn.attribute.DensityBank;
import io.github.aed.nn.attribute.ObjectAttribute;
import io.github.aed.nn.network.MultiTaskNetwork;
import io.github.aed.nn.network.NetworkSettings;
import io.github.aed.nn.task.ProxyTask;
import io.github.aed.nn.task.TaskRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saves and loads {@link TrainedModel}s as one zip file:
 * <ul>
 * <li>{@code format.json}: the format name and version ({@value #FORMAT_VERSION}), written first;</li>
 * <li>{@code model.json}: network settings, tasks (name and settings, in head order), cube settings, the object
 * detector (description, and its spec when it can be rebuilt), the teacher's description, validation scores, and the
 * training summary;</li>
 * <li>{@code parameters.bin}: every parameter by canonical name (count; then per parameter: name, rank, shape, float
 * values; big-endian), ending with the count again as a check;</li>
 * <li>{@code detector/NAME}: the entries of the detector's primed state ({@link PrimedState}), when it has a recipe;</li>
 * <li>{@code attributes/NAME.bin}: each attribute's density bank (vector count, dimension, the standardised
 * vectors as floats, then each vector's weight, the training objects it stands for; big-endian), its name, options, k, standardisation and calibration in {@code model.json}'s
 * {@code attributes}, with the fusion weights in {@code fusionWeights}.</li>
 * </ul>
 * Version 2 files (before attributes) are read as models without attributes or fusion weights. Files before version
 * 4 were written when the motion detector fed frames as filmed: their recipes rebuild it with {@code light=off}.
 * Files before version 5 kept no bank weights: each vector counts as one object and k is as saved, as they scored.
 * Files before version 6 measured velocity and direction on the object's frame alone: their attributes, saved
 * without a {@code radius} option, are made again with radius 0 (a reader before version 6 would ignore the option).
 * Files before version 7 measured velocity without the foot point: saved without a {@code position} option, it is
 * made again as the speed alone (a reader before version 7 would ignore the option).
 * The network's DL4J graphs are rebuilt from the settings and tasks, so a file does not depend on DL4J's own
 * serialisation of the custom layers. Loading re-creates the tasks through a {@link TaskRegistry}, whose providers
 * a user's own task publishes in {@code META-INF/services} (or registers in code).
 *
 * <p>Saving writes a temporary file beside the target and moves it into place ({@link OutputTransaction}), so an
 * interrupted save never leaves a half-written model under the target name.
 */
public final class ModelFile {

    /** Name stored in {@code format.json}. */
    public static final String FORMAT = "aed-model";
    /** The version this library writes and reads. */
    public static final int FORMAT_VERSION = 7;
    /** The oldest version still read: version 2, which had no attributes. */
    private static final int OLDEST_READ = 2;
    /** The first version whose density banks keep each vector's weight. */
    private static final int BANK_WEIGHTS = 5;
    /** The first version whose motion detectors compensate light unless their spec says {@code light=off}. */
    private static final int LIGHT_COMPENSATION = 4;
    private static final String DETECTOR_STATE = "detector/";
    private static final String ATTRIBUTE_BANK = "attributes/";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /**
     * Writes the model to {@code file} (replacing it) all or nothing ({@link OutputTransaction#write}); creates the
     * file's folder if missing.
     */
    public static void save(TrainedModel model, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of model file " + file, e);
        }
        OutputTransaction.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(model, out);
            }
        });
    }

    /** Loads a model whose tasks' providers are on the class path ({@link TaskRegistry#defaults()}). */
    public static TrainedModel load(Path file) {
        return load(file, TaskRegistry.defaults());
    }

    /**
     * Loads a model, re-creating its tasks through {@code tasks}.
     *
     * @throws InvalidInputException if the file is missing, truncated or not a model file, has another format version,
     *                               names a task the registry does not know, or its parameters do not fit
     */
    public static TrainedModel load(Path file, TaskRegistry tasks) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such model file");
        }
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException(file + ": not a readable zip file (truncated or damaged?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file, e);
        }
        return read(entries, file.toString(), tasks);
    }

    /**
     * An independent copy of a model: what saving and loading it would give (its tasks and teachers made anew through
     * {@code tasks}), without a file. For scorers on other threads ({@link io.github.aed.nn.AnomalyDetector#copyForThread()}).
     */
    public static TrainedModel copy(TrainedModel model, TaskRegistry tasks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            write(model, bytes);
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model in memory", e);
        }
        return read(entries, "in-memory copy of " + model, tasks);
    }

    private static void write(TrainedModel model, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "format.json", JSON.writeValueAsBytes(Map.of("format", FORMAT, "version", FORMAT_VERSION)));
            put(zip, "model.json", JSON.writeValueAsBytes(describe(model)));
            put(zip, "parameters.bin", parameters(model.parameters()));
            PrimedState state = model.detector().recipe().map(DetectorRecipe::state).orElse(PrimedState.NONE);
            for (String name : state.names()) {
                put(zip, DETECTOR_STATE + name, state.entry(name));
            }
            for (AttributeDensity a : model.attributes()) {
                put(zip, ATTRIBUTE_BANK + a.name() + ".bin", bank(a.bank()));
            }
        }
    }

    /** The model in a model file's entries (name to bytes); {@code source} names the file in errors. */
    private static TrainedModel read(Map<String, byte[]> entries, String source, TaskRegistry tasks) {
        Map<String, Object> format = json(entries, source, "format.json");
        if (!FORMAT.equals(format.get("format"))) {
            throw new InvalidInputException(source + ": not an aed model file (format.json names '" + format.get("format") + "')");
        }
        Object version = format.get("version");
        if (!(version instanceof Number n) || n.intValue() < OLDEST_READ || n.intValue() > FORMAT_VERSION) {
            throw new InvalidInputException(source + ": model file format version " + version + "; this library reads versions "
                    + OLDEST_READ + " to " + FORMAT_VERSION + " (re-train, or use the library version that wrote it)");
        }
        Map<String, Object> m = json(entries, source, "model.json");
        TrainedModel model = fromDescription(source, m, readParameters(entry(entries, source, "parameters.bin"), source),
                detectorState(entries), tasks, n.intValue());
        return model.withAttributes(attributes(source, m, entries, n.intValue()), fusionWeights(source, m));
    }

    @SuppressWarnings("unchecked")
    private static List<AttributeDensity> attributes(String source, Map<String, Object> m, Map<String, byte[]> entries,
                                                     int version) {
        List<AttributeDensity> out = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) m.getOrDefault("attributes", List.of())) {
            String name = (String) require(a, "name", source);
            try {
                ObjectAttribute attribute = AttributeProvider.create(name, (Map<String, String>) a.getOrDefault("options", Map.of()));
                DensityBank bank = readBank(entry(entries, source, ATTRIBUTE_BANK + name + ".bin"), source, name,
                        ((Number) require(a, "k", source)).intValue(), floats((List<Number>) require(a, "mean", source)),
                        floats((List<Number>) require(a, "scale", source)), version >= BANK_WEIGHTS);
                out.add(new AttributeDensity(attribute, bank, ((Number) require(a, "median", source)).doubleValue(),
                        ((Number) require(a, "upper", source)).doubleValue()));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new InvalidInputException(source + ": attribute '" + name + "' cannot be restored: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static FusionWeights fusionWeights(String source, Map<String, Object> m) {
        Map<String, Object> f = (Map<String, Object>) m.get("fusionWeights");
        if (f == null) {
            return FusionWeights.none();
        }
        try {
            return new FusionWeights(doubles((Map<String, Number>) require(f, "separation", source)),
                    doubles((Map<String, Number>) require(f, "weights", source)));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidInputException(source + ": model.json's fusionWeights are damaged: " + e.getMessage(), e);
        }
    }

    private static Map<String, Double> doubles(Map<String, Number> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    private static float[] floats(List<Number> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }

    private static byte[] bank(DensityBank bank) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(bank.size());
            out.writeInt(bank.dimension());
            for (float v : bank.vectors()) {
                out.writeFloat(v);
            }
            for (float w : bank.weights()) {
                out.writeFloat(w);
            }
        }
        return bytes.toByteArray();
    }

    private static DensityBank readBank(byte[] bytes, String source, String name, int k, float[] mean, float[] scale,
                                        boolean weighted) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int size = in.readInt();
            int dimension = in.readInt();
            int perVector = dimension + (weighted ? 1 : 0);
            if (size < 1 || dimension != mean.length || (long) size * perVector * 4 + 8 != bytes.length) {
                throw new InvalidInputException(source + ": " + ATTRIBUTE_BANK + name + ".bin holds " + bytes.length + " bytes for "
                        + size + " vectors of " + dimension + " values" + (weighted ? " and their weights" : "")
                        + "; model.json gives " + mean.length + " dimensions");
            }
            float[] vectors = readFloats(in, size * dimension);
            return weighted ? DensityBank.of(k, mean, scale, vectors, readFloats(in, size))
                    : DensityBank.of(k, mean, scale, vectors);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": " + ATTRIBUTE_BANK + name + ".bin ends early", e);
        }
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = in.readFloat();
        }
        return out;
    }

    private static Map<String, Object> describe(TrainedModel model) {
        NetworkSettings s = model.networkSettings();
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("variant", s.variant().id());
        net.put("channels", s.channels());
        net.put("cubeSize", s.cubeSize());
        net.put("batchNormMomentum", s.batchNormMomentum());
        net.put("batchNormEpsilon", s.batchNormEpsilon());
        net.put("dropout", s.dropout());
        net.put("learningRate", s.learningRate());
        net.put("seed", s.seed());
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (ProxyTask t : model.tasks()) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", t.name());
            task.put("settings", new TreeMap<>(t.settings()));
            tasks.add(task);
        }
        Map<String, Object> validation = new LinkedHashMap<>();
        model.validationScores().byTask().forEach(validation::put);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", net);
        m.put("tasks", tasks);
        m.put("trainingCubes", cubes(model.trainingCubes()));
        m.put("testCubes", cubes(model.testCubes()));
        Map<String, Object> detector = new LinkedHashMap<>();
        detector.put("description", model.detector().description());
        detector.put("spec", model.detector().recipe().map(DetectorRecipe::spec).orElse(null));
        TrainingSummary t = model.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("settings", t.settings());
        training.put("bestEpoch", t.bestEpoch());
        training.put("epochs", t.epochs());
        training.put("frameWidth", t.frameWidth());
        training.put("frameHeight", t.frameHeight());
        m.put("detector", detector);
        m.put("teacher", model.teacher());
        m.put("validationScores", validation);
        m.put("training", training);
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (AttributeDensity a : model.attributes()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("name", a.name());
            attribute.put("options", new TreeMap<>(a.attribute().options()));
            attribute.put("k", a.bank().k());
            attribute.put("mean", a.bank().mean());
            attribute.put("scale", a.bank().scale());
            attribute.put("median", a.median());
            attribute.put("upper", a.upper());
            attributes.add(attribute);
        }
        m.put("attributes", attributes);
        if (!model.fusionWeights().isEmpty()) {
            m.put("fusionWeights", Map.of("separation", model.fusionWeights().separation(), "weights", model.fusionWeights().weights()));
        }
        return m;
    }

    private static Map<String, Object> cubes(CubeSettings c) {
        return Map.of("temporalRadius", c.temporalRadius(), "size", c.size(), "colourMode", c.colourMode().name(),
                "edgePolicy", c.edgePolicy().name());
    }

    @SuppressWarnings("unchecked")
    private static TrainedModel fromDescription(String file, Map<String, Object> m, Map<String, INDArray> params, PrimedState state,
                                                TaskRegistry registry, int version) {
        try {
            Map<String, Object> net = (Map<String, Object>) require(m, "network", file);
            NetworkSettings settings = NetworkSettings.builder()
                    .variant(BackboneVariant.parse((String) net.get("variant")))
                    .channels(((Number) net.get("channels")).intValue())
                    .cubeSize(((Number) net.get("cubeSize")).intValue())
                    .batchNormMomentum(((Number) net.get("batchNormMomentum")).doubleValue())
                    .batchNormEpsilon(((Number) net.get("batchNormEpsilon")).doubleValue())
                    .dropout(((Number) net.get("dropout")).doubleValue())
                    .learningRate(((Number) net.get("learningRate")).doubleValue())
                    .seed(((Number) net.get("seed")).longValue())
                    .build();
            List<ProxyTask> tasks = new ArrayList<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) require(m, "tasks", file)) {
                String name = (String) t.get("name");
                if (!registry.knows(name)) {
                    throw new InvalidInputException(file + ": the model uses task '" + name + "', which no task provider "
                            + "makes; the providers make " + registry.names() + " (list the task's ProxyTaskProvider in "
                            + "META-INF/services, or register it with TaskRegistry.register before loading)");
                }
                tasks.add(registry.create(name, (Map<String, String>) t.get("settings")));
            }
            Map<String, double[]> validation = new LinkedHashMap<>();
            ((Map<String, List<Number>>) m.getOrDefault("validationScores", Map.of())).forEach((k, v) ->
                    validation.put(k, v.stream().mapToDouble(Number::doubleValue).toArray()));
            MultiTaskNetwork network = MultiTaskNetwork.withParameters(settings, tasks, params);
            return new TrainedModel(network, cubeSettings((Map<String, Object>) require(m, "trainingCubes", file)),
                    cubeSettings((Map<String, Object>) require(m, "testCubes", file)),
                    detector(file, (Map<String, Object>) require(m, "detector", file), state, version),
                    (String) require(m, "teacher", file),
                    new ValidationScores(validation), training((Map<String, Object>) require(m, "training", file)));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException(file + ": model.json does not describe a usable model: " + e.getMessage(), e);
        }
    }

    private static DetectorProvenance detector(String file, Map<String, Object> d, PrimedState state, int version) {
        String spec = (String) d.get("spec");
        if (spec != null && version < LIGHT_COMPENSATION) {
            spec = DetectorSpec.withoutLightCompensation(spec);
        }
        if (spec == null && !state.isEmpty()) {
            throw new InvalidInputException(file + ": the model file holds a detector state " + state.names()
                    + " but no detector spec to restore it into");
        }
        return new DetectorProvenance((String) require(d, "description", file),
                Optional.ofNullable(spec).map(s -> new DetectorRecipe(s, state)));
    }

    @SuppressWarnings("unchecked")
    private static TrainingSummary training(Map<String, Object> t) {
        return new TrainingSummary((String) t.get("settings"), ((Number) t.get("bestEpoch")).intValue(),
                (List<String>) t.get("epochs"), ((Number) t.get("frameWidth")).intValue(), ((Number) t.get("frameHeight")).intValue());
    }

    private static PrimedState detectorState(Map<String, byte[]> entries) {
        Map<String, byte[]> state = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(DETECTOR_STATE) && name.length() > DETECTOR_STATE.length() && !name.endsWith("/")) {
                state.put(name.substring(DETECTOR_STATE.length()), bytes);
            }
        });
        return PrimedState.of(state);
    }

    private static Object require(Map<String, Object> m, String key, String file) {
        Object v = m.get(key);
        if (v == null) {
            throw new InvalidInputException(file + ": model.json has no '" + key + "'");
        }
        return v;
    }

    private static CubeSettings cubeSettings(Map<String, Object> c) {
        return CubeSettings.builder().temporalRadius(((Number) c.get("temporalRadius")).intValue())
                .size(((Number) c.get("size")).intValue()).colourMode(ColourMode.valueOf((String) c.get("colourMode")))
                .edgePolicy(EdgePolicy.valueOf((String) c.get("edgePolicy"))).build();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] parameters(Map<String, INDArray> params) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(params.size());
            for (Map.Entry<String, INDArray> e : params.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float v : e.getValue().dup('c').data().asFloat()) {
                    out.writeFloat(v);
                }
            }
            out.writeInt(params.size());
        }
        return bytes.toByteArray();
    }

    private static Map<String, INDArray> readParameters(byte[] bytes, String source) {
        Map<String, INDArray> out = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                long[] shape = new long[rank];
                long len = 1;
                for (int r = 0; r < rank; r++) {
                    shape[r] = in.readLong();
                    len *= shape[r];
                }
                if (rank > 8 || len < 0 || len > Integer.MAX_VALUE) {
                    throw new InvalidInputException(source + ": parameters.bin is damaged (parameter " + name + ")");
                }
                out.put(name, Nd4j.create(readFloats(in, (int) len), shape, 'c'));
            }
            if (in.readInt() != n) {
                throw new InvalidInputException(source + ": parameters.bin is damaged (trailing count differs)");
            }
        } catch (IOException ex) {
            throw new InvalidInputException(source + ": parameters.bin ends early: the model file is truncated", ex);
        }
        return out;
    }

    private static byte[] entry(Map<String, byte[]> entries, String source, String name) {
        byte[] e = entries.get(name);
        if (e == null) {
            throw new InvalidInputException(source + ": not an aed model file (no " + name + ")");
        }
        return e;
    }

    private static Map<String, Object> json(Map<String, byte[]> entries, String source, String name) {
        try {
            return JSON.readValue(new String(entry(entries, source, name), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException ex) {
            throw new InvalidInputException(source + ": " + name + " is not valid JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
