package io.github.aed.nn.network;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The steps DL4J's {@code Layer.instantiate} contract asks of every layer configuration of this package. */
final class CustomLayers {

    private CustomLayers() {
    }

    /** Gives a new layer its listeners, index, parameter views (initialised when asked) and configuration. */
    static <L extends Layer> L wire(L layer, org.deeplearning4j.nn.conf.layers.Layer config, NeuralNetConfiguration conf,
                                    Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(config.initializer().init(conf, paramsView, initialize));
        layer.setConf(conf);
        return layer;
    }
}
