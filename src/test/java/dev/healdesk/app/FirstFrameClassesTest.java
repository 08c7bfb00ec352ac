package dev.healdesk.app;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of the classes the console's first frame needs ({@link FirstFrameClasses#LIST}), which a second core loads
 * ahead while JavaFX starts: every name on it is there to load (a class renamed or gone since the list was written
 * fails here, with the command that rewrites it), and loading it ahead links the classes without initialising any, so
 * that the console's static initialisers run as and when they would without it.
 */
class FirstFrameClassesTest {
    private static final String REWRITE = "rewrite the list: `mvn -q -o -DskipTests package`, then"
            + " `xvfb-run -a java src/build/FirstFrameClassList.java`";

    @Test
    void everyNameOnTheFirstFrameListIsAClassOnTheClassPath() throws IOException {
        List<String> names = names();
        assertThat(names).as("the list holds the first screen's classes")
                .hasSizeGreaterThan(500)
                .contains(ConsoleView.class.getName(), dev.healdesk.app.run.RunView.class.getName(),
                        "javafx.scene.control.Spinner", "javafx.scene.control.ListView")
                .doesNotHaveDuplicates();
        ClassLoader loader = FirstFrameClasses.class.getClassLoader();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        assertThat(missing).as("names on %s that are not on the class path: %s", FirstFrameClasses.LIST, REWRITE)
                .isEmpty();
    }

    @Test
    void loadingTheListAheadLinksEveryClassAndInitialisesNone() throws Exception {
        List<String> names = names();
        // A class loader of its own over the same class path, so that the classes are loaded here for the first time.
        try (URLClassLoader fresh = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            int linked = FirstFrameClasses.preloadHere(fresh);

            assertThat(linked).as("classes loaded and linked from the list").isEqualTo(names.size());
            List<String> initialised = new ArrayList<>();
            for (String name : names) {
                Class<?> c = Class.forName(name, false, fresh);
                if (c.getClassLoader() == fresh && !notInitialised(c)) {
                    initialised.add(name);
                }
            }
            Class<?> console = Class.forName(ConsoleView.class.getName(), false, fresh);
            assertThat(console.getClassLoader()).isSameAs(fresh);
            assertThat(notInitialised(console)).as("the console's view, loaded ahead, is not initialised").isTrue();
            assertThat(initialised).as("classes whose static initialiser ran when loaded ahead").isEmpty();
        }
    }

    private static List<String> names() throws IOException {
        InputStream in = FirstFrameClasses.class.getResourceAsStream(FirstFrameClasses.LIST);
        assertThat(in).as("%s beside FirstFrameClasses: %s", FirstFrameClasses.LIST, REWRITE).isNotNull();
        List<String> names = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        }
        return names;
    }

    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Whether {@code c}'s static initialiser has not run yet (sun.misc.Unsafe's own test). */
    private static boolean notInitialised(Class<?> c) throws ReflectiveOperationException {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Object unsafe = theUnsafe.get(null);
        return (Boolean) unsafeClass.getMethod("shouldBeInitialized", Class.class).invoke(unsafe, c);
    }
}
