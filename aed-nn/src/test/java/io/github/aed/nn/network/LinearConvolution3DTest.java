package io.github.aed.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link LinearConvolution3D} against DL4J's {@link Convolution3D}: same outputs and gradients, in both layouts, and the
 * weight-gradient-only path of a first layer against the native backprop op.
 */
class LinearConvolution3DTest {

    private static final int N = 2;
    private static final int C = 3;
    private static final int D = 4;
    private static final int H = 5;
    private static final int W = 6;

    private static Convolution3D.Builder conv(Convolution3D.DataFormat format) {
        return new Convolution3D.Builder(3, 3, 3).nOut(4).convolutionMode(ConvolutionMode.Same).dataFormat(format);
    }

    /**
     * Two stacked convolutions, so the first one's weight gradient depends on the second one's input gradient; with
     * {@code firstWithoutInputGradient} the first one computes its weight gradient from patches.
     */
    private static ComputationGraph graph(Convolution3D.DataFormat format, boolean linear, boolean firstWithoutInputGradient) {
        var g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).updater(new Sgd(0.1)).seed(3).graphBuilder().addInputs("in");
        LinearConvolution3D first = LinearConvolution3D.of(conv(format));
        g.addLayer("c1", linear ? (firstWithoutInputGradient ? first.withoutInputGradient() : first)
                : conv(format).activation(Activation.IDENTITY).build(), "in");
        g.addLayer("c2", linear ? LinearConvolution3D.of(conv(format)) : conv(format).activation(Activation.IDENTITY).build(), "c1");
        g.addLayer("out", new Cnn3DLossLayer.Builder(format).lossFunction(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "c2");
        ComputationGraph net = new ComputationGraph(g.setOutputs("out").setInputTypes(InputType.convolutional3D(format, D, H, W, C)).build());
        net.init();
        return net;
    }

    @ParameterizedTest
    @EnumSource(Convolution3D.DataFormat.class)
    void matchesDl4jsConvolution3D(Convolution3D.DataFormat format) {
        compareWithDl4j(format, false);
    }

    @Test
    void aFirstLayerWithoutInputGradientHasDl4jsWeightAndBiasGradients() {
        compareWithDl4j(Convolution3D.DataFormat.NDHWC, true);
    }

    @Test
    void patchProductsSummedOverChunksEqualTheNativeWeightGradient() {
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, D, H, W, C);
        INDArray g = Nd4j.rand(DataType.FLOAT, 5, D, H, W, 4).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, 4, C, 3, 3, 3);
        int[] args = {3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        INDArray wGrad = Nd4j.create(DataType.FLOAT, 4, C, 3, 3, 3);
        INDArray bGrad = Nd4j.create(DataType.FLOAT, 4);
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(x, w.permute(2, 3, 4, 1, 0), Nd4j.zeros(DataType.FLOAT, 4), g)
                .addIntegerArguments(args).addOutputs(Nd4j.create(DataType.FLOAT, x.shape()), wGrad.permute(2, 3, 4, 1, 0), bGrad).build());
        INDArray[] onehot = LinearConvolution3DLayer.patchWeights(new int[] {3, 3, 3}, C, DataType.FLOAT);
        // 2 samples per chunk: chunks of 2, 2 and 1
        long twoSamples = 2L * D * H * W * (27 * C + 1) * Float.BYTES;
        INDArray products = LinearConvolution3DLayer.patchProducts(x, g, args, onehot, twoSamples, LayerWorkspaceMgr.noWorkspaces());
        INDArray expectedW = wGrad.permute(2, 3, 4, 1, 0).dup('c').reshape(27 * C, 4);
        assertEquals(0, products.get(NDArrayIndex.interval(0, 27 * C), NDArrayIndex.all()).sub(expectedW).norm1Number().doubleValue(),
                1e-3 * expectedW.norm1Number().doubleValue(), "weight gradient");
        assertEquals(0, products.getRow(27 * C).sub(bGrad).norm1Number().doubleValue(), 1e-3 * bGrad.norm1Number().doubleValue(),
                "bias gradient");
    }

    @Test
    void withoutInputGradientNeedsChannelsLast() {
        LinearConvolution3D c = LinearConvolution3D.of(conv(Convolution3D.DataFormat.NCDHW)).withoutInputGradient();
        var g = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in").addLayer("c", c, "in").setOutputs("c")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, D, H, W, C)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ComputationGraph(g).init());
        assertTrue(e.getMessage().contains("NDHWC"), e.getMessage());
    }

    private static void compareWithDl4j(Convolution3D.DataFormat format, boolean firstWithoutInputGradient) {
        Nd4j.getRandom().setSeed(5);
        boolean last = format == Convolution3D.DataFormat.NDHWC;
        INDArray x = last ? Nd4j.rand(DataType.FLOAT, N, D, H, W, C) : Nd4j.rand(DataType.FLOAT, N, C, D, H, W);
        INDArray y = last ? Nd4j.rand(DataType.FLOAT, N, D, H, W, 4) : Nd4j.rand(DataType.FLOAT, N, 4, D, H, W);
        ComputationGraph ref = graph(format, false, false);
        ComputationGraph linear = graph(format, true, firstWithoutInputGradient);
        linear.setParams(ref.params());

        assertEquals(0, ref.output(false, x)[0].sub(linear.output(false, x)[0]).norm1Number().doubleValue(), 1e-6, "outputs");
        for (ComputationGraph g : new ComputationGraph[] {ref, linear}) {
            g.setInputs(x);
            g.setLabels(y);
            g.computeGradientAndScore();
        }
        for (String p : new String[] {"c1_W", "c1_b", "c2_W", "c2_b"}) {
            INDArray a = ref.gradient().getGradientFor(p);
            INDArray b = linear.gradient().getGradientFor(p);
            double diff = a.sub(b).norm1Number().doubleValue();
            double scale = a.norm1Number().doubleValue();
            assertTrue(scale > 1e-4, p + " gradient is not trivially zero");
            assertTrue(diff / scale < 1e-5, p + " gradient differs: relative " + diff / scale);
        }
    }

    @Test
    void rejectsAnotherActivation() {
        LinearConvolution3D c = LinearConvolution3D.of(conv(Convolution3D.DataFormat.NDHWC));
        c.setActivationFn(Activation.RELU.getActivationFunction());
        var g = new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in").addLayer("c", c, "in").setOutputs("c")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, D, H, W, C)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ComputationGraph(g).init());
        assertTrue(e.getMessage().contains("identity"), e.getMessage());
    }
}
