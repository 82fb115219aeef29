package io.github.aed.examples.cli;

import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option's value by name, for values whose command-line names are not their Java names (such as
 * {@code ssmtl-pad}). An unknown name is an error listing the known ones.
 *
 * @param <T> the values' type
 */
public class NamedValues<T> implements ITypeConverter<T> {

    private final Map<String, T> byName;

    /** A converter of these names to their values. */
    protected NamedValues(Map<String, T> byName) {
        this.byName = new TreeMap<>(byName);
    }

    @Override
    public T convert(String name) {
        T value = byName.get(name);
        if (value == null) {
            throw new TypeConversionException("expected " + String.join(" or ", byName.keySet()) + ", got '" + name + "'");
        }
        return value;
    }
}
