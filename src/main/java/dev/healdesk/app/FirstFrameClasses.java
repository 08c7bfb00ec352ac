package dev.healdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads and links, on a thread of its own, the classes that the console's first frame needs, in the order it first
 * needs them ({@value #LIST} beside this class), while the main thread starts JavaFX's toolkit. Started from a plain
 * jar, every class of Healdesk, JavaFX and the libraries is read from its jar, parsed and verified on first use, one
 * after the other on the thread that first uses it (no class-data archive holds them); a second core does that ahead
 * of it here, and the JavaFX thread then finds them ready. Nothing is initialised: a class's static initialiser still
 * runs when, where and in the order it would without this, so what the console does is the same.
 * <p>
 * The list is written by {@code java src/build/FirstFrameClassList.java} from a start of the console with
 * {@code -Xlog:class+load} (see benchmarks.md); a name that is no longer there only goes unloaded here
 * ({@code FirstFrameClassesTest} fails on one). {@code -Dhealdesk.preloadClasses=false} turns it off: the list's
 * writer does, so that the list says what the console itself loads, and so does the packaged launcher, whose AppCDS
 * archive holds these classes parsed and verified already (there, loading them ahead only cost CPU).
 */
final class FirstFrameClasses implements Runnable {
    /** The class names, one a line in binary form ({@code a.b.C$D}), in the order of their first load. */
    static final String LIST = "first-frame.classes";
    static final String ENABLED = "healdesk.preloadClasses";

    private final ClassLoader loader;
    private volatile int linked;

    private FirstFrameClasses(ClassLoader loader) {
        this.loader = loader;
    }

    /** Starts the loading on a daemon thread ({@code healdesk-preload}) unless {@value #ENABLED} is false. */
    static void preloadInBackground() {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED, "true"))) {
            return;
        }
        Thread thread = new Thread(new FirstFrameClasses(FirstFrameClasses.class.getClassLoader()), "healdesk-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads and links every class on the list here; returns how many were linked. For the test. */
    static int preloadHere(ClassLoader loader) {
        FirstFrameClasses preload = new FirstFrameClasses(loader);
        preload.run();
        return preload.linked;
    }

    @Override
    public void run() {
        InputStream in = FirstFrameClasses.class.getResourceAsStream(LIST);
        if (in == null) {
            return;
        }
        int count = 0;
        try (BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name;
            while ((name = names.readLine()) != null) {
                if (name.isEmpty() || name.charAt(0) == '#') {
                    continue;
                }
                if (link(name)) {
                    count++;
                }
            }
        } catch (IOException e) {
            // the list is in the jar; a jar that cannot be read fails the console's start on its own
        }
        linked = count;
    }

    private boolean link(String name) {
        try {
            // Loaded without its static initialiser; asking for its constructors links it (the JVM verifies it then),
            // which is what a first "new" would otherwise do on the JavaFX thread.
            Class.forName(name, false, loader).getDeclaredConstructors();
            return true;
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            // Renamed since the list was written, or not on this class path: it is only not loaded ahead.
            return false;
        }
    }
}
