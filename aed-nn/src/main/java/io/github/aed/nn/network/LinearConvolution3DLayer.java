package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution3DLayer;
import org.deeplearning4j.nn.params.Convolution3DParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.Convolution3DUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of {@link LinearConvolution3D}: DL4J's forward pass, and a backprop that hands the incoming gradient (the
 * gradient of the pre-activation, as the activation is the identity) to {@code conv3dnew_bp} without recomputing the
 * forward convolution. Parameters are stored as DL4J stores them: weights {@code [out, in, kD, kH, kW]}, which the op
 * reads permuted as {@code [kD, kH, kW, in, out]}.
 */
final class LinearConvolution3DLayer extends Convolution3DLayer {

    private static final long serialVersionUID = 1L;

    LinearConvolution3DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        Convolution3D c = (Convolution3D) layerConf();
        boolean ncdhw = c.getDataFormat() == Convolution3D.DataFormat.NCDHW;
        INDArray x = input.castTo(dataType);
        int[] kernel = c.getKernelSize();
        int[] stride = c.getStride();
        int[] dilation = c.getDilation();
        int[] pad = c.getPadding();
        if (c.getConvolutionMode() == ConvolutionMode.Same) {
            int[] in = ncdhw ? new int[] {(int) x.size(2), (int) x.size(3), (int) x.size(4)}
                    : new int[] {(int) x.size(1), (int) x.size(2), (int) x.size(3)};
            int[] out = Convolution3DUtils.get3DOutputSize(x, kernel, stride, null, ConvolutionMode.Same, dilation, ncdhw);
            pad = Convolution3DUtils.get3DSameModeTopLeftPadding(out, in, kernel, stride, dilation);
        }
        int[] args = {kernel[0], kernel[1], kernel[2], stride[0], stride[1], stride[2], pad[0], pad[1], pad[2],
                dilation[0], dilation[1], dilation[2], c.getConvolutionMode() == ConvolutionMode.Same ? 1 : 0, ncdhw ? 0 : 1};
        INDArray weights = getParamWithNoise(Convolution3DParamInitializer.WEIGHT_KEY, true, mgr).permute(2, 3, 4, 1, 0);
        INDArray weightGrad = gradientViews.get(Convolution3DParamInitializer.WEIGHT_KEY);
        INDArray inputGrad = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, weights.dataType(), x.shape(), 'c');
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv3dnew_bp").addIntegerArguments(args);
        Gradient gradient = new DefaultGradient();
        if (c.hasBias()) {
            INDArray bias = getParamWithNoise(Convolution3DParamInitializer.BIAS_KEY, true, mgr);
            INDArray biasGrad = gradientViews.get(Convolution3DParamInitializer.BIAS_KEY);
            op.addInputs(x, weights, bias, epsilon).addOutputs(inputGrad, weightGrad.permute(2, 3, 4, 1, 0), biasGrad);
            gradient.setGradientFor(Convolution3DParamInitializer.BIAS_KEY, biasGrad);
        } else {
            op.addInputs(x, weights, epsilon).addOutputs(inputGrad, weightGrad.permute(2, 3, 4, 1, 0));
        }
        Nd4j.exec(op.callInplace(false).build());
        gradient.setGradientFor(Convolution3DParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGrad);
    }
}
