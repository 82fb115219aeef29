/**
 * The multi-task 3D CNN on DL4J: the shared encoder (channels-last NDHWC inside, NCDHW cube batches in), the heads
 * built from the tasks' {@link io.github.aed.nn.task.TaskHead} declarations on the NCHW latent map, and the custom
 * layers and preprocessors that make it fast. The only package whose public types speak DL4J/ND4J.
 */
package io.github.aed.nn.network;
