package io.github.aed.nn.network;

import io.github.aed.nn.task.FrameSelection;
import io.github.aed.nn.task.ProxyTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The wiring of one DL4J graph of the multi-task network: which encoder paths it has, what each path's input is, and
 * which head reads which path.
 *
 * <p><b>Shared encoder.</b> DL4J cannot apply one layer to two inputs, so the graph holds one copy of the encoder per
 * input path, named {@code p<i>-…}. The copies start equal, and during training {@link TiedGradients} replaces each
 * copy's gradient with the sum over the copies (the gradient of a single shared encoder applied to every input) before
 * Adam runs; equal gradients and equal Adam state keep the copies identical. Every path normalises its own batch, as
 * the reference's encoder does on each call.
 *
 * <p>The <b>training</b> layout has one path per task that draws its own input (3 with the built-ins: 6-frame arrow of
 * time, shared with the middle box; 7-frame motion irregularity; 7-frame distillation). The <b>inference</b> layout has
 * one path per distinct test-time input (2 with the built-ins: 6 and 7 frames), so the encoder runs no more often
 * than needed.
 *
 * @param paths      the input frames of each encoder path, in input order
 * @param taskPath   for each task, the index of the path its head reads
 * @param outputs    for each task, its output layer's name
 * @param canonical  for each DL4J layer name, its canonical name ({@code encoder/…} or {@code <task>/…}), under which
 *                   parameters are stored; encoder copies map to the same names
 * @param configuration the DL4J configuration
 */
public record GraphLayout(List<FrameSelection> paths, int[] taskPath, List<String> outputs, Map<String, String> canonical,
                          ComputationGraphConfiguration configuration) {

    static final String ENCODER = "encoder/";

    /** Input name of path i. */
    static String inputName(int path) {
        return "in" + path;
    }

    /** The training layout: one path per task that draws its own input. */
    static GraphLayout training(NetworkSettings s, List<ProxyTask> tasks) {
        List<FrameSelection> paths = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        int[] taskPath = new int[tasks.size()];
        for (ProxyTask t : tasks) {
            if (t.inputOf().equals(t.name())) {
                owners.add(t.name());
                paths.add(t.testInput());
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            taskPath[i] = owners.indexOf(tasks.get(i).inputOf());
        }
        return build(s, tasks, paths, taskPath);
    }

    /** The inference layout: one path per distinct test-time input. */
    static GraphLayout inference(NetworkSettings s, List<ProxyTask> tasks) {
        List<FrameSelection> paths = new ArrayList<>();
        int[] taskPath = new int[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            FrameSelection sel = tasks.get(i).testInput();
            int p = paths.indexOf(sel);
            if (p < 0) {
                p = paths.size();
                paths.add(sel);
            }
            taskPath[i] = p;
        }
        return build(s, tasks, paths, taskPath);
    }

    private static GraphLayout build(NetworkSettings s, List<ProxyTask> tasks, List<FrameSelection> paths, int[] taskPath) {
        GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(s.learningRate()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .graphBuilder();
        Map<String, String> canonical = new LinkedHashMap<>();
        String[] inputs = new String[paths.size()];
        InputType[] types = new InputType[paths.size()];
        String[] latents = new String[paths.size()];
        for (int p = 0; p < paths.size(); p++) {
            inputs[p] = inputName(p);
            int depth = paths.get(p).length();
            types[p] = InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, depth, s.cubeSize(), s.cubeSize(), s.channels());
        }
        g.addInputs(inputs);
        for (int p = 0; p < paths.size(); p++) {
            latents[p] = addEncoder(g, s, "p" + p + "-", inputs[p], paths.get(p).length(), canonical);
        }
        List<String> outputs = new ArrayList<>();
        BackboneVariant v = s.variant();
        for (int t = 0; t < tasks.size(); t++) {
            ProxyTask task = tasks.get(t);
            String prefix = "h" + t + "-";
            outputs.add(new HeadLayers(g, prefix, s).add(task.head(), latents[taskPath[t]],
                    v.halvings()));
        }
        g.setOutputs(outputs.toArray(String[]::new));
        g.setInputTypes(types);
        ComputationGraphConfiguration conf = g.build();
        for (String layer : conf.getVertices().keySet()) {
            if (layer.startsWith("h")) {
                int dash = layer.indexOf('-');
                canonical.put(layer, tasks.get(Integer.parseInt(layer.substring(1, dash))).name() + "/" + layer.substring(dash + 1));
            }
        }
        return new GraphLayout(List.copyOf(paths), taskPath, List.copyOf(outputs), Map.copyOf(canonical), conf);
    }

    /**
     * Adds one encoder copy on NDHWC input: blocks of Conv3D → BN + ReLU with (1, 2, 2) pools between them, then the
     * global temporal max pool (depth, 2, 2). The whole encoder runs channels last, where oneDNN's 3D convolutions and
     * pools are fastest (up to 15× for the first convolution, 25× for the pools, against NCDHW here). Returns the name
     * of the latent map, converted to the heads' NCHW layout.
     */
    private static String addEncoder(GraphBuilder g, NetworkSettings s, String p, String input, int depth,
                                     Map<String, String> canonical) {
        int[][] blocks = s.variant().blocks();
        String prev = input;
        for (int b = 0; b < blocks.length; b++) {
            for (int j = 0; j < blocks[b].length; j++) {
                String conv = "b" + b + "c" + j;
                LinearConvolution3D c = LinearConvolution3D.of(new Convolution3D.Builder(3, 3, 3).stride(1, 1, 1).nOut(blocks[b][j])
                        .convolutionMode(ConvolutionMode.Same).dataFormat(Convolution3D.DataFormat.NDHWC));
                layer(g, p, conv, prev.equals(input) ? c.withoutInputGradient() : c, prev, canonical);
                prev = layer(g, p, conv + "-bn", s.batchNorm(true).channelsLast(), p + conv, canonical);
            }
            if (b < blocks.length - 1) {
                prev = layer(g, p, "b" + b + "pool", pool3d(1), prev, canonical);
            }
        }
        String tpool = layer(g, p, "tpool", pool3d(depth), prev, canonical);
        String latent = p + "latent";
        g.addVertex(latent, new PreprocessorVertex(new ChannelsFirstPreProcessor()), tpool);
        return latent;
    }

    /** Max pool (depth, 2, 2) with stride (depth, 2, 2) on NDHWC activations. */
    private static Subsampling3DLayer pool3d(int depth) {
        return new Subsampling3DLayer.Builder(Subsampling3DLayer.PoolingType.MAX).kernelSize(depth, 2, 2).stride(depth, 2, 2)
                .convolutionMode(ConvolutionMode.Same).dataFormat(Convolution3D.DataFormat.NDHWC).build();
    }

    private static String layer(GraphBuilder g, String p, String name, org.deeplearning4j.nn.conf.layers.Layer layer,
                                String input, Map<String, String> canonical) {
        g.addLayer(p + name, layer, input);
        canonical.put(p + name, ENCODER + name);
        return p + name;
    }
}
