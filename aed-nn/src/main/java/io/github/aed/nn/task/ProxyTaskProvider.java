package io.github.aed.nn.task;

import java.util.Objects;
import java.util.function.Function;

/**
 * Makes a {@link ProxyTask} again from what a model file saved of it. Providers are found with
 * {@link java.util.ServiceLoader}: a jar lists its providers in
 * {@code META-INF/services/io.github.aed.nn.task.ProxyTaskProvider}, one class name a line (the built-in tasks' are in
 * aed-nn, the example's playback-speed task's in aed-examples), and {@link TaskRegistry#defaults()} finds every one on
 * the class path. A provider is a public class with a public no-argument constructor that passes the task's name and
 * factory up:
 *
 * <pre>{@code
 * public static final class Provider extends ProxyTaskProvider {
 *     public Provider() {
 *         super(NAME, settings -> new MyTask(settings.weight(), settings.intOption("frames", 7)));
 *     }
 * }
 * }</pre>
 */
public abstract class ProxyTaskProvider {

    private final String name;
    private final Function<TaskSettings, ProxyTask> factory;

    /**
     * @param name    the name of the tasks this provider makes: their {@link ProxyTask#name()}
     * @param factory makes the task from its saved weight and options; throws {@link IllegalArgumentException} naming
     *                the option when one is missing or malformed ({@link TaskSettings} does for its accessors)
     */
    protected ProxyTaskProvider(String name, Function<TaskSettings, ProxyTask> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The name of the tasks this provider makes. */
    public final String name() {
        return name;
    }

    /**
     * The task, from its saved weight and options.
     *
     * @throws IllegalArgumentException if an option is missing or malformed
     */
    public final ProxyTask create(TaskSettings settings) {
        return factory.apply(settings);
    }
}
