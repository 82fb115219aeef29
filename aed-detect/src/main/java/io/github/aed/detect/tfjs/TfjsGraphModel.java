package io.github.aed.detect.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aed.core.InvalidInputException;
import io.github.aed.detect.tfjs.GraphNode.TensorRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A TensorFlow.js graph model ({@code model.json} + weight files) run on the CPU with ND4J: the Java runtime behind
 * {@link io.github.aed.detect.coco.CocoDetector}.
 *
 * <p>Loading parses the GraphDef, reads every weight (dequantizing float16/uint8/uint16), checks that every operation
 * the outputs depend on is implemented ({@link Kernels}) with attributes it supports, and evaluates once every node
 * that depends only on constants (shape arithmetic). {@link #run} then executes the remaining nodes in topological
 * order, dropping each intermediate tensor after its last use.
 *
 * <p>Names: inputs and outputs are the graph's tensor names from the model's {@code signature}, without a
 * {@code :0} suffix (e.g. {@code input_1}, {@code Identity_3}, {@code tower_0/keypoints}). Shapes and layouts are the
 * model's own (TensorFlow's NHWC for images).
 *
 * <p>Immutable after loading; {@link #run} keeps no state between calls.
 */
public final class TfjsGraphModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Intermediate tensors live in a workspace sized by the first call: allocating each one afresh costs more than
     * the arithmetic (a 1.2 MB tensor took 3-5 ms to allocate and 0.05-0.08 ms to compute in a workspace).
     */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private final String source;
    private final Map<String, long[]> inputShapes;
    private final Map<String, DataType> inputTypes;
    private final List<String> outputs;
    private final Map<String, INDArray[]> constants;
    private final List<Step> steps;
    private final int nodeCount;
    private final String workspaceId = "aed-tfjs-" + UUID.randomUUID();

    /** One node to execute per call: its kernel and where its inputs come from. */
    private record Step(GraphNode node, Kernel kernel, List<TensorRef> inputs, Set<String> lastUseOf) {
    }

    private TfjsGraphModel(String source, Map<String, long[]> inputShapes, Map<String, DataType> inputTypes,
            List<String> outputs, Map<String, INDArray[]> constants, List<Step> steps, int nodeCount) {
        this.source = source;
        this.inputShapes = inputShapes;
        this.inputTypes = inputTypes;
        this.outputs = outputs;
        this.constants = constants;
        this.steps = steps;
        this.nodeCount = nodeCount;
    }

    /**
     * Loads {@code model.json} and the weight files it names (relative to its folder).
     *
     * @throws InvalidInputException if a file is missing or malformed, a weight file does not match the manifest, or
     *                               the graph uses an operation or attribute this runtime does not implement (the
     *                               message names the file, weight or node)
     */
    public static TfjsGraphModel load(Path modelJson) {
        if (!Files.isRegularFile(modelJson)) {
            throw new InvalidInputException(modelJson + ": no such model file (expected a TensorFlow.js model.json)");
        }
        Path folder = modelJson.toAbsolutePath().getParent();
        try (InputStream in = Files.newInputStream(modelJson)) {
            return load(modelJson.toString(), in, path -> {
                Path file = folder.resolve(path);
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException(modelJson + ": weight file " + file + " is missing");
                }
                return Files.newInputStream(file);
            });
        } catch (IOException e) {
            throw new InvalidInputException(modelJson + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Loads a model from a class-path resource folder, e.g. {@code /io/github/aed/detect/models/nanodet/model.json}
     * with its weight files beside it.
     */
    public static TfjsGraphModel loadResource(Class<?> anchor, String modelJsonResource) {
        String folder = modelJsonResource.substring(0, modelJsonResource.lastIndexOf('/') + 1);
        try (InputStream in = anchor.getResourceAsStream(modelJsonResource)) {
            if (in == null) {
                throw new InvalidInputException("class-path resource " + modelJsonResource + " is missing");
            }
            return load("resource " + modelJsonResource, in, path -> anchor.getResourceAsStream(folder + path));
        } catch (IOException e) {
            throw new InvalidInputException("resource " + modelJsonResource + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static TfjsGraphModel load(String source, InputStream modelJson, WeightsManifest.WeightFiles files)
            throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(modelJson);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        String format = root.path("format").asText("");
        if (!format.equals("graph-model")) {
            throw new InvalidInputException(source + ": format is '" + format + "', expected 'graph-model' (a TensorFlow.js "
                    + "layers model or another file?)");
        }
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            GraphNode node = GraphNode.fromJson(n);
            nodes.put(node.name(), node);
        }
        if (nodes.isEmpty()) {
            throw new InvalidInputException(source + ": modelTopology has no nodes");
        }
        Map<String, INDArray> weights = WeightsManifest.read(source, root.path("weightsManifest"), files);

        Map<String, long[]> inputShapes = new LinkedHashMap<>();
        Map<String, DataType> inputTypes = new HashMap<>();
        for (JsonNode in : root.path("signature").path("inputs")) {
            String name = tensorName(in.path("name").asText());
            GraphNode node = nodes.get(name);
            if (node == null || !node.op().equals("Placeholder")) {
                throw new InvalidInputException(source + ": signature input '" + name + "' is not a Placeholder of the graph");
            }
            inputShapes.put(name, shape(in.path("tensorShape")));
            inputTypes.put(name, Kernels.dataType(node, in.path("dtype").asText("DT_FLOAT")));
        }
        List<String> outputs = new ArrayList<>();
        for (JsonNode out : root.path("signature").path("outputs")) {
            outputs.add(tensorName(out.path("name").asText()));
        }
        if (inputShapes.isEmpty() || outputs.isEmpty()) {
            throw new InvalidInputException(source + ": the signature names no inputs or no outputs");
        }

        List<GraphNode> order = topologicalOrder(source, nodes, outputs);
        Map<String, INDArray[]> constants = new HashMap<>();
        List<GraphNode> live = new ArrayList<>();
        for (GraphNode node : order) {
            switch (node.op()) {
                case "Const" -> {
                    INDArray w = weights.get(node.name());
                    if (w == null) {
                        throw node.error("no weight named '" + node.name() + "' in the weights manifest");
                    }
                    constants.put(node.name(), new INDArray[] {w.castTo(Kernels.dataType(node, node.type("dtype")))});
                }
                case "Placeholder" -> {
                    if (!inputShapes.containsKey(node.name())) {
                        throw node.error("the graph needs this input but the signature does not list it");
                    }
                }
                default -> {
                    Kernel kernel = kernel(source, node);
                    boolean constant = node.inputs().stream().allMatch(r -> constants.containsKey(r.node()));
                    if (constant) {
                        constants.put(node.name(), kernel.run(node, gather(node, node.inputs(), constants)));
                    } else {
                        live.add(node);
                    }
                }
            }
        }
        return new TfjsGraphModel(source, Map.copyOf(inputShapes), Map.copyOf(inputTypes), List.copyOf(outputs),
                constants, plan(ChannelsFirstFusion.apply(live, constants, outputs), constants, outputs), nodes.size());
    }

    private static Kernel kernel(String source, GraphNode node) {
        Kernel kernel = Kernels.forOp(node.op());
        if (kernel == null) {
            throw new InvalidInputException(source + ": node '" + node.name() + "' uses operation " + node.op()
                    + ", which this runtime does not implement (it runs " + new TreeSet<>(Kernels.supported()) + ")");
        }
        kernel.check(node);
        return kernel;
    }

    /** The nodes the outputs depend on, each after its inputs. */
    private static List<GraphNode> topologicalOrder(String source, Map<String, GraphNode> nodes, List<String> outputs) {
        List<GraphNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String out : outputs) {
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[] {require(source, nodes, out, "signature output"), 0});
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                GraphNode node = (GraphNode) top[0];
                int next = (int) top[1];
                if (next == 0 && done.contains(node.name())) {
                    stack.pop();
                    continue;
                }
                onPath.add(node.name());
                if (next < node.inputs().size()) {
                    top[1] = next + 1;
                    String in = node.inputs().get(next).node();
                    if (!done.contains(in)) {
                        if (onPath.contains(in)) {
                            throw node.error("the graph has a cycle through '" + in + "'");
                        }
                        stack.push(new Object[] {require(source, nodes, in, "input of '" + node.name() + "'"), 0});
                    }
                } else {
                    stack.pop();
                    onPath.remove(node.name());
                    done.add(node.name());
                    order.add(node);
                }
            }
        }
        return order;
    }

    private static GraphNode require(String source, Map<String, GraphNode> nodes, String name, String role) {
        GraphNode node = nodes.get(name);
        if (node == null) {
            throw new InvalidInputException(source + ": " + role + " '" + name + "' is not a node of the graph");
        }
        return node;
    }

    /** The steps, each knowing which tensors it reads for the last time (so they can be dropped). */
    private static List<Step> plan(List<GraphNode> live, Map<String, INDArray[]> constants, List<String> outputs) {
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            for (TensorRef r : live.get(i).inputs()) {
                lastUse.put(r.node(), i);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            GraphNode node = live.get(i);
            Set<String> drop = new HashSet<>();
            for (TensorRef r : node.inputs()) {
                if (lastUse.get(r.node()) == i && !constants.containsKey(r.node()) && !outputs.contains(r.node())) {
                    drop.add(r.node());
                }
            }
            steps.add(new Step(node, Kernels.forOp(node.op()), node.inputs(), Set.copyOf(drop)));
        }
        return List.copyOf(steps);
    }

    /**
     * Runs the graph.
     *
     * @param inputs every signature input by name, with the signature's shape (dimensions given there must match)
     * @return every signature output by name, in signature order
     * @throws IllegalArgumentException if an input is missing, unknown, or of the wrong shape or type
     */
    public Map<String, INDArray> run(Map<String, INDArray> inputs) {
        return run(inputs, null);
    }

    /**
     * Where one call's time goes: runs the graph once and returns, per operation, the nodes run, their wall time and,
     * for convolutions, their multiply-adds × 2 (FLOP). Intermediate results are synchronous, so the times add up.
     */
    public List<OpProfile> profile(Map<String, INDArray> inputs) {
        Map<String, OpProfile> byOp = new LinkedHashMap<>();
        run(inputs, (step, in, out, nanos) -> byOp.merge(step.node().op(),
                new OpProfile(step.node().op(), 1, nanos / 1e6, Kernels.flops(step.node(), in, out)), OpProfile::plus));
        List<OpProfile> list = new ArrayList<>(byOp.values());
        list.sort((a, b) -> Double.compare(b.millis(), a.millis()));
        return list;
    }

    /**
     * The cost of one operation in one call.
     *
     * @param op     the TensorFlow operation ({@code _AedNchwConv2D}: a convolution the loader rewrote)
     * @param nodes  how many nodes of it ran
     * @param millis their wall time in milliseconds
     * @param flops  their floating-point operations (multiply-adds × 2) for convolutions, 0 for other operations
     */
    public record OpProfile(String op, int nodes, double millis, long flops) {
        OpProfile plus(OpProfile o) {
            return new OpProfile(op, nodes + o.nodes, millis + o.millis, flops + o.flops);
        }
    }

    /** Observes each step of a call (for {@link #profile}). */
    private interface StepObserver {
        void ran(Step step, INDArray[] inputs, INDArray[] outputs, long nanos);
    }

    private Map<String, INDArray> run(Map<String, INDArray> inputs, StepObserver observer) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, workspaceId)) {
            Map<String, INDArray> out = new LinkedHashMap<>();
            execute(inputs, observer).forEach((name, value) -> out.put(name, value.detach()));
            return out;
        }
    }

    private Map<String, INDArray> execute(Map<String, INDArray> inputs, StepObserver observer) {
        Map<String, INDArray[]> values = new HashMap<>(constants);
        for (Map.Entry<String, long[]> in : inputShapes.entrySet()) {
            INDArray value = inputs.get(in.getKey());
            if (value == null) {
                throw new IllegalArgumentException(source + ": input '" + in.getKey() + "' is missing (inputs: "
                        + inputShapes.keySet() + ")");
            }
            checkShape(in.getKey(), in.getValue(), value);
            values.put(in.getKey(), new INDArray[] {value.dataType() == inputTypes.get(in.getKey())
                    ? value : value.castTo(inputTypes.get(in.getKey()))});
        }
        for (String name : inputs.keySet()) {
            if (!inputShapes.containsKey(name)) {
                throw new IllegalArgumentException(source + ": unknown input '" + name + "' (inputs: " + inputShapes.keySet() + ")");
            }
        }
        for (Step step : steps) {
            INDArray[] result;
            try {
                INDArray[] in = gather(step.node(), step.inputs(), values);
                long t0 = System.nanoTime();
                result = step.kernel().run(step.node(), in);
                if (observer != null) {
                    observer.ran(step, in, result, System.nanoTime() - t0);
                }
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalStateException(source + ": node '" + step.node().name() + "' (" + step.node().op()
                        + ") failed: " + e.getMessage(), e);
            }
            values.put(step.node().name(), result);
            step.lastUseOf().forEach(values::remove);
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : outputs) {
            out.put(name, values.get(name)[0]);
        }
        return out;
    }

    private static INDArray[] gather(GraphNode node, List<TensorRef> refs, Map<String, INDArray[]> values) {
        INDArray[] in = new INDArray[refs.size()];
        for (int i = 0; i < in.length; i++) {
            TensorRef r = refs.get(i);
            INDArray[] produced = values.get(r.node());
            if (produced == null || r.index() >= produced.length) {
                throw node.error("input " + r + " has not been computed");
            }
            in[i] = produced[r.index()];
        }
        return in;
    }

    private void checkShape(String name, long[] expected, INDArray value) {
        long[] shape = value.shape();
        boolean ok = shape.length == expected.length;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = expected[i] < 0 || expected[i] == shape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(source + ": input '" + name + "' has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(expected) + " (-1: any)");
        }
    }

    /** The model's inputs and their shapes (-1 for a free dimension), in signature order. */
    public Map<String, long[]> inputShapes() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The model's output names, in signature order. */
    public List<String> outputNames() {
        return outputs;
    }

    /** Where the model was loaded from, its node count and how many nodes run per call. */
    public String describe() {
        return source + " (" + nodeCount + " nodes, " + steps.size() + " run per call)";
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String tensorName(String name) {
        return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
    }

    private static long[] shape(JsonNode tensorShape) {
        JsonNode dims = tensorShape.path("dim");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).path("size").asLong(-1);
        }
        return shape;
    }
}
