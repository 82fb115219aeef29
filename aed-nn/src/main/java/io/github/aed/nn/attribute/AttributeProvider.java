package io.github.aed.nn.attribute;

import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes an {@link ObjectAttribute} again from the name and options a model file saved. Providers are found with
 * {@link ServiceLoader}: a jar lists its providers in {@code META-INF/services/io.github.aed.nn.attribute.AttributeProvider},
 * one class name a line. A provider is a public class with a public no-argument constructor:
 *
 * <pre>{@code
 * public static final class Provider extends AttributeProvider {
 *     public Provider() {
 *         super("colour", options -> new MeanColour());
 *     }
 * }
 * }</pre>
 */
public abstract class AttributeProvider {

    private final String name;
    private final Function<Map<String, String>, ObjectAttribute> factory;

    /**
     * @param name    the name of the attributes this provider makes
     * @param factory makes the attribute from its saved options; throws {@link IllegalArgumentException} naming a
     *                missing or malformed option
     */
    protected AttributeProvider(String name, Function<Map<String, String>, ObjectAttribute> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The name of the attributes this provider makes. */
    public final String name() {
        return name;
    }

    /**
     * The attribute of this provider's name made from its saved options, by the first provider on the class path that
     * makes attributes of that name.
     *
     * @throws IllegalArgumentException if no provider makes it (the message lists those that exist), or it comes out
     *                                  under another name
     */
    public static ObjectAttribute create(String name, Map<String, String> options) {
        Map<String, AttributeProvider> known = new TreeMap<>();
        for (AttributeProvider p : ServiceLoader.load(AttributeProvider.class, AttributeProvider.class.getClassLoader())) {
            known.putIfAbsent(p.name(), p);
        }
        AttributeProvider p = known.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no attribute provider makes attributes named '" + name + "'; the providers "
                    + "on the class path make " + known.keySet() + " (list yours in META-INF/services/"
                    + AttributeProvider.class.getName() + ")");
        }
        ObjectAttribute a = p.factory.apply(Map.copyOf(options));
        if (!a.name().equals(name)) {
            throw new IllegalArgumentException("the provider " + p.getClass().getName() + " of attribute '" + name
                    + "' made an attribute named '" + a.name() + "'");
        }
        return a;
    }

    /** An integer option, or an {@link IllegalArgumentException} naming the attribute and option. */
    public static int intOption(String attribute, Map<String, String> options, String key) {
        String v = options.get(key);
        try {
            return Integer.parseInt(Objects.requireNonNull(v));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("attribute " + attribute + ": option '" + key + "' must be an integer, got "
                    + (v == null ? "none" : "'" + v + "'"), e);
        }
    }

    /** A boolean option ({@code true} or {@code false}), or an {@link IllegalArgumentException} naming the attribute and option. */
    public static boolean booleanOption(String attribute, Map<String, String> options, String key) {
        String v = options.get(key);
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("attribute " + attribute + ": option '" + key + "' must be true or false, got "
                + (v == null ? "none" : "'" + v + "'"));
    }
}
