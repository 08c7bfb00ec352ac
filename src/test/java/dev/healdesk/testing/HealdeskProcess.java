package dev.healdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code healdesk} process (this build's class path) in a working folder of its own, with an environment of the
 * test's choosing: none of the caller's HEAL_*, OLLAMA_*, HEALDESK_* (but HEALDESK_BROWSER) or secret variables leak in, and its config folder
 * is {@code <dir>/config} unless the test sets HEALDESK_CONFIG_DIR.
 */
public final class HealdeskProcess {

    /** What one command did. */
    public record Result(int code, String out, String err) {
    }

    private HealdeskProcess() {
    }

    public static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("HEAL_")
                || k.startsWith("HEALDESK_") && !k.equals("HEALDESK_BROWSER") || k.startsWith("OLLAMA_")
                || k.startsWith("ANTHROPIC_") || k.startsWith("LLM_") || k.equals("BASE_URL") || k.equals("API_URL")
                || k.startsWith("TEST_") || k.contains("TOKEN") || k.contains("PASSWORD") || k.startsWith("SLACK_"));
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("healdesk " + String.join(" ", args) + " did not finish in 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
