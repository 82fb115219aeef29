package io.github.aed.nn.network;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The inverse of {@link FoldDepthPreProcessor}: views the folded NCHW activation {@code [n, c, d·h, w]} as the NCDHW
 * activation {@code [n, c, d, h, w]} again, for the 3D layers of the heads that follow a 4D layer.
 */
public final class UnfoldDepthPreProcessor extends DepthReshapePreProcessor {

    private static final long serialVersionUID = 1L;

    /** @param depth d, the number of frames folded into the height axis */
    @JsonCreator
    public UnfoldDepthPreProcessor(@JsonProperty("depth") long depth) {
        super(depth);
    }

    @Override
    boolean folds() {
        return false;
    }

    @Override
    public InputPreProcessor clone() {
        return new UnfoldDepthPreProcessor(depth);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional t) || t.getHeight() % depth != 0) {
            throw new IllegalStateException("UnfoldDepthPreProcessor(" + depth + ") expects a 2D convolutional input type "
                    + "whose height is a multiple of the depth, got " + inputType);
        }
        return InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, depth, t.getHeight() / depth, t.getWidth(), t.getChannels());
    }
}
