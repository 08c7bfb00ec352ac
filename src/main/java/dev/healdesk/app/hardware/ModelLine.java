package dev.healdesk.app.hardware;

/**
 * A model Ollama has installed or loaded, as one line of the Ollama card.
 *
 * @param detail  "1.9 GB" for an installed model; where a loaded model sits for a loaded one
 * @param warning true when the line reports a problem (a model partly on the CPU answers very slowly)
 */
public record ModelLine(String name, String detail, boolean warning) {
}
