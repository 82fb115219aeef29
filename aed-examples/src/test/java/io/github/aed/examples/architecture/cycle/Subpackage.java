package io.github.aed.examples.architecture.cycle;

import io.github.aed.examples.architecture.ParentPackage;

/** The other half of {@link ParentPackage}'s package cycle. */
public final class Subpackage {

    /** The parent package's type, as an implementation in a subpackage uses its root's interface. */
    public ParentPackage parent;
}
