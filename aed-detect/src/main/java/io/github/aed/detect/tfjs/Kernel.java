package io.github.aed.detect.tfjs;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What one TensorFlow operation computes, on ND4J arrays. Implementations are in {@link Kernels}. */
interface Kernel {

    /** The node's outputs for these inputs (in the node's input order). Must not modify the inputs. */
    INDArray[] run(GraphNode node, INDArray[] inputs);

    /** Rejects, at load time, attributes this kernel does not implement. The default accepts every node. */
    default void check(GraphNode node) {
    }
}
