package io.github.aed.examples.architecture;

import io.github.aed.examples.architecture.cycle.Subpackage;

/** Half of a package cycle for {@link ArchitectureTest}: this package uses its subpackage, which uses this package. */
public final class ParentPackage {

    /** The subpackage's type, as a root package's spec parser uses the implementations in its subpackages. */
    public Subpackage child;
}
