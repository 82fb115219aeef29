package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Views a 5D NCDHW activation {@code [n, c, d, h, w]} as the 4D NCHW activation {@code [n, c, d·h, w]} (a reshape, no
 * arithmetic), so that 2D layers can run on it. The heads use it with d = 1: their 3×3 convolutions run as depth-1
 * {@code Convolution3D} layers (see {@link HeadLayers}), and the batch norm, pooling and output layers around them
 * read the 4D view. In the folded view a batch normalisation reduces every channel over {@code n · (d·h) · w} values,
 * the same values as a 3D one. {@link UnfoldDepthPreProcessor} goes back to 5D.
 */
public final class FoldDepthPreProcessor extends DepthReshapePreProcessor {

    private static final long serialVersionUID = 1L;

    /** @param depth d, the number of frames of the 5D activation (needed to restore its shape in backprop) */
    @JsonCreator
    public FoldDepthPreProcessor(@JsonProperty("depth") long depth) {
        super(depth);
    }

    @Override
    boolean folds() {
        return true;
    }

    @Override
    public InputPreProcessor clone() {
        return new FoldDepthPreProcessor(depth);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D t) || t.getDepth() != depth) {
            throw new IllegalStateException("FoldDepthPreProcessor(" + depth + ") expects a 3D convolutional input type of that "
                    + "depth, got " + inputType);
        }
        return InputType.convolutional(t.getDepth() * t.getHeight(), t.getWidth(), t.getChannels());
    }
}
