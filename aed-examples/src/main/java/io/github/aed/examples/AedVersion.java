package io.github.aed.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ./aed --version}: aed's version (from the build) and the Java runtime's. */
final class AedVersion implements IVersionProvider {

    /** Written by the build: {@code version=} the Maven project version. */
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = AedVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path next to " + AedVersion.class.getName());
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new String[] {"aed " + p.getProperty("version"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
