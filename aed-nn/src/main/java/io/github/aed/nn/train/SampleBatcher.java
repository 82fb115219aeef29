package io.github.aed.nn.train;

import io.github.aed.nn.network.EncoderInput;
import io.github.aed.nn.network.MultiTaskNetwork;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.CnnLossLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stacks prepared samples into the DL4J mini-batch of a network's training graph: features per training path
 * (the encoder's NDHWC layout {@code [b, frames, size, size, channels]}, see {@link EncoderInput}; values / 255), labels per task ({@code [b, n]}, or
 * {@code [b, channels, size, size]} for image heads) and a 0/1 label mask {@code [b, 1]} per task.
 */
public final class SampleBatcher {

    private final MultiTaskNetwork network;
    private final boolean[] imageHead;

    public SampleBatcher(MultiTaskNetwork network) {
        this.network = network;
        int n = network.tasks().size();
        this.imageHead = new boolean[n];
        for (int t = 0; t < n; t++) {
            Layer out = network.trainingGraph().getOutputLayer(t);
            imageHead[t] = out instanceof CnnLossLayer;
        }
    }

    /** The mini-batch of these samples (at least one). */
    public MultiDataSet batch(List<PreparedSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a mini-batch needs at least one sample");
        }
        int b = samples.size();
        int c = network.settings().channels();
        int s = network.settings().cubeSize();
        var paths = network.trainingLayout().paths();
        INDArray[] features = new INDArray[paths.size()];
        for (int p = 0; p < features.length; p++) {
            int len = samples.get(0).inputs()[p].length;
            float[] f = new float[b * len];
            for (int i = 0; i < b; i++) {
                byte[] src = samples.get(i).inputs()[p];
                for (int j = 0; j < len; j++) {
                    f[i * len + j] = (src[j] & 0xFF) / 255f;
                }
            }
            features[p] = Nd4j.create(f, EncoderInput.shape(b, paths.get(p).length(), s, c), 'c');
        }
        int tasks = network.tasks().size();
        INDArray[] labels = new INDArray[tasks];
        INDArray[] masks = new INDArray[tasks];
        for (int t = 0; t < tasks; t++) {
            int len = samples.get(0).targets()[t].length;
            float[] l = new float[b * len];
            float[] m = new float[b];
            for (int i = 0; i < b; i++) {
                System.arraycopy(samples.get(i).targets()[t], 0, l, i * len, len);
                m[i] = samples.get(i).applies()[t] ? 1f : 0f;
            }
            long[] shape = imageHead[t] ? new long[] {b, c, s, s} : new long[] {b, len};
            labels[t] = Nd4j.create(l, shape, 'c');
            masks[t] = Nd4j.create(m, new long[] {b, 1}, 'c');
        }
        return new MultiDataSet(features, labels, null, masks);
    }
}
