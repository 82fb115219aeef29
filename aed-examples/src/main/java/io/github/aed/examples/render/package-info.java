/**
 * Pictures of results: score plots and ROC curves as PNG, and annotated videos with boxes coloured by score.
 */
package io.github.aed.examples.render;
