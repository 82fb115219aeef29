package io.github.aed.nn.task;

/**
 * Makes a {@link ProxyTask} again from what a model file saved of it. Providers are found with
 * {@link java.util.ServiceLoader}: a jar lists its providers in
 * {@code META-INF/services/io.github.aed.nn.task.ProxyTaskProvider}, one class name a line (the built-in tasks' are in
 * aed-nn, the example's playback-speed task's in aed-examples), and {@link TaskRegistry#defaults()} finds every one on
 * the class path. A provider class is public with a public no-argument constructor.
 */
public interface ProxyTaskProvider {

    /** The name of the tasks this provider makes: {@link ProxyTask#name()}. */
    String name();

    /**
     * The task, from its saved weight and options.
     *
     * @throws IllegalArgumentException if an option is missing or malformed (say which)
     */
    ProxyTask create(TaskSettings settings);
}
