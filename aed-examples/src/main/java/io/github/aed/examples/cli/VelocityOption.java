package io.github.aed.examples.cli;

import io.github.aed.nn.attribute.AttributeSettings;
import io.github.aed.nn.attribute.Velocity;
import picocli.CommandLine.Option;

/**
 * {@code --velocity-at-position}: the velocity attribute judges an object's speed against the normal objects at its
 * box's foot point ({@code new Velocity(1, 2, true)}) instead of against every normal object.
 */
public final class VelocityOption {

    @Option(names = "--velocity-at-position", description = "judge each object's speed against the normal objects where it "
            + "stands (the box's foot point joins the velocity attribute's feature): for cameras with strong perspective; it "
            + "also flags normal speeds where normal objects seldom stand (docs/attributes.md; default: speed alone)")
    private boolean atPosition;

    /** {@code settings} with velocity at the foot point if the option was given, else {@code settings}. */
    public AttributeSettings applyTo(AttributeSettings settings) {
        return atPosition ? settings.withAttribute(new Velocity(Velocity.DEFAULT_BINS, Velocity.DEFAULT_RADIUS, true)) : settings;
    }
}
