package io.github.aed.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed {@code --name value} options and {@code --flag} switches of one sub-command. Every option a command reads
 * must be declared up front, so that a misspelt option is an error rather than silently ignored. An option may be
 * given several times ({@link #all}).
 */
public final class Options {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options(String command) {
        this.command = command;
    }

    /**
     * Parses {@code args}.
     *
     * @param valued the options that take a value (without the leading dashes)
     * @param flags  the switches that take none
     */
    public static Options parse(String command, String[] args, Set<String> valued, Set<String> flags) {
        Options o = new Options(command);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && inline == null) {
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    v = args[++i];
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
            } else {
                throw new UsageException("unknown option --" + name + " for '" + command + "'");
            }
        }
        return o;
    }

    /** The value of a required option. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new UsageException("missing required option --" + name));
    }

    /** The last value given for an option, if any. */
    public Optional<String> get(String name) {
        List<String> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** Every value given for an option, in order. */
    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** Whether a switch (or option) was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Path requirePath(String name) {
        return Path.of(require(name));
    }

    public Optional<Path> path(String name) {
        return get(name).map(Path::of);
    }

    public int intValue(String name, int defaultValue) {
        return intOption(name).orElse(defaultValue);
    }

    /** The option's integer value, if it was given. */
    public Optional<Integer> intOption(String name) {
        return get(name).map(v -> parseNumber(name, v, Integer::parseInt));
    }

    public double doubleValue(String name, double defaultValue) {
        return get(name).map(v -> parseNumber(name, v, Double::parseDouble)).orElse(defaultValue);
    }

    /** Words that are not options, in order. */
    public List<String> positional() {
        return List.copyOf(positional);
    }

    private static <T> T parseNumber(String name, String v, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects a number, got '" + v + "'");
        }
    }
}
