/**
 * Self-supervised proxy tasks, the extension point of training: a {@link io.github.aed.nn.task.ProxyTask} draws its
 * input frames and target for each object, declares its head as a {@link io.github.aed.nn.task.TaskHead} (output,
 * loss, weight) and turns its head's output into a score; {@link io.github.aed.nn.task.ProxyTaskProvider}s are found
 * by {@link java.util.ServiceLoader}. No DL4J type appears here; frame offsets are relative to the object's frame.
 */
package io.github.aed.nn.task;
