package dev.healdesk.core.config;

import java.net.URI;

/**
 * Where Ollama answers, written one way: {@code host}, {@code host:port} or a URL become {@code scheme://host:port/path}.
 * It lives with the settings, which check {@code llm.host} with it, and the Ollama client reads it from here.
 */
public final class OllamaAddress {
    public static final String DEFAULT = "http://localhost:11434";

    private OllamaAddress() {
    }

    /** {@code value} as {@code scheme://host:port/path}; blank gives {@link #DEFAULT}; 0.0.0.0 is this machine. */
    public static String normalize(String value) {
        String v = value == null || value.isBlank() ? DEFAULT : value.trim();
        if (!v.contains("://")) {
            v = "http://" + v;
        }
        URI uri = URI.create(v);
        String h = uri.getHost() == null ? "localhost" : uri.getHost();
        if (h.equals("0.0.0.0")) {
            h = "localhost";
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 11434);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + h + ":" + port + path;
    }
}
