package dev.healdesk.core.suite.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real Maven project, written into a folder for a test to run {@code mvn -o -q test} on: three packages, JUnit 5
 * with a parameterized test whose case names hold a comma ({@code labels(Character, boolean)[2]}), a dynamic test, a
 * nested class, a method named outside ASCII, a disabled test, a test past its {@code @Timeout}, a test that fails
 * only on its first attempt (a marker file under {@code target/}), and one that fails until a file named {@code fixed}
 * is in the project (what a fix would put there).
 *
 * <p>It builds offline: it uses the JUnit and Surefire versions of Healdesk's own build (read from its pom.xml), which
 * are in the local repository wherever Healdesk's tests run, and the same compiler and resources plugins.
 */
public final class MavenProject {

    /** The test ids, as Surefire's reports name them. */
    public static final String LABELS = "shop.cart.CartTest#labels(Character, boolean)";
    public static final String FIRST_ATTEMPT = "shop.cart.CartTest#firstAttemptOnly";
    public static final String SLOW = "shop.cart.CartTest#slow";
    public static final String DYNAMIC = "shop.cart.CartTest#dynamic()";
    public static final String NESTED = "shop.cart.CartTest$Inner#keepsTheCase";
    public static final String NON_ASCII = "shop.cart.CartTest#prüftUmlaute";
    public static final String LATER = "shop.cart.CartTest#later";
    public static final String ADDS = "shop.cart.CartTest#adds";
    public static final String NEEDS_FIX = "shop.pay.PayTest#chargesTheCard";
    public static final String NPE = "shop.pay.PayTest#refundsWithoutAReceipt";
    public static final String PAYS = "shop.pay.PayTest#pays";
    public static final String SPLITS = "shop.util.TextTest#splits(String)";

    private MavenProject() {
    }

    /** Writes the project into {@code dir} and returns it. */
    public static Path write(Path dir) throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        write(dir, "pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>shop</artifactId><version>1</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
                      <version>%s</version><scope>test</scope></dependency>
                  </dependencies>
                  <build><plugins>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
                      <version>%s</version></plugin>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>
                      <version>%s</version></plugin>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId>
                      <version>%s</version></plugin>
                  </plugins></build>
                </project>
                """.formatted(property(pom, "junit.version"), plugin(pom, "maven-compiler-plugin"),
                plugin(pom, "maven-resources-plugin"), plugin(pom, "maven-surefire-plugin")));
        write(dir, "src/main/java/shop/cart/Labels.java", """
                package shop.cart;

                public final class Labels {
                    private Labels() {
                    }

                    /** The label of a size; 'b' has none yet, which the caller does not expect. */
                    public static String of(Character size, boolean upper) {
                        String label = size == 'b' ? null : "size " + size;
                        return upper ? label.toUpperCase() : label.toLowerCase();
                    }
                }
                """);
        write(dir, "src/test/java/shop/cart/CartTest.java", """
                package shop.cart;

                import org.junit.jupiter.api.Disabled;
                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.Nested;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.TestFactory;
                import org.junit.jupiter.api.Timeout;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.CsvSource;

                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.concurrent.TimeUnit;
                import java.util.stream.Stream;

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertTrue;
                import static org.junit.jupiter.api.Assertions.fail;

                class CartTest {
                    @ParameterizedTest
                    @CsvSource({"a, true", "b, false", "c, true"})
                    void labels(Character size, boolean upper) {
                        assertTrue(Labels.of(size, upper).equalsIgnoreCase("size " + size));
                    }

                    @Test
                    void adds() {
                        assertEquals(4, 2 + 2);
                    }

                    @Test
                    void firstAttemptOnly() throws Exception {
                        Path marker = Path.of("target", "first-attempt.marker");
                        if (!Files.exists(marker)) {
                            Files.createDirectories(marker.getParent());
                            Files.createFile(marker);
                            fail("the price cache was still warming up");
                        }
                    }

                    @Test
                    @Timeout(value = 300, unit = TimeUnit.MILLISECONDS)
                    void slow() throws Exception {
                        Thread.sleep(5_000);
                    }

                    @TestFactory
                    Stream<DynamicTest> dynamic() {
                        return Stream.of(
                                DynamicTest.dynamicTest("discount, then tax", () -> assertEquals("9.00", "9.90")),
                                DynamicTest.dynamicTest("no discount", () -> { }));
                    }

                    @Test
                    void prüftUmlaute() {
                        assertEquals("Größe", "Grosse");
                    }

                    @Test
                    @Disabled("not built yet")
                    void later() {
                    }

                    @Nested
                    class Inner {
                        @Test
                        void keepsTheCase() {
                            assertEquals("usage: shop [options]", "Usage: shop [options]");
                        }
                    }
                }
                """);
        write(dir, "src/test/java/shop/pay/PayTest.java", """
                package shop.pay;

                import org.junit.jupiter.api.Test;

                import java.nio.file.Files;
                import java.nio.file.Path;

                import static org.junit.jupiter.api.Assertions.assertTrue;

                class PayTest {
                    @Test
                    void pays() {
                        assertTrue(true);
                    }

                    @Test
                    void chargesTheCard() {
                        if (!Files.exists(Path.of("fixed"))) {
                            throw new IllegalStateException("card gateway unreachable: connection refused");
                        }
                    }

                    @Test
                    void refundsWithoutAReceipt() {
                        String receipt = null;
                        assertTrue(receipt.isEmpty());
                    }
                }
                """);
        write(dir, "src/test/java/shop/util/TextTest.java", """
                package shop.util;

                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.ValueSource;

                import static org.junit.jupiter.api.Assertions.assertTrue;

                class TextTest {
                    @ParameterizedTest
                    @ValueSource(strings = {"a,b", "c d"})
                    void splits(String text) {
                        assertTrue(text.split("[, ]").length == 2);
                    }
                }
                """);
        return dir;
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private static String property(String pom, String name) {
        return find(pom, "<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">", name);
    }

    private static String plugin(String pom, String artifactId) {
        return find(pom, "<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>",
                artifactId);
    }

    private static String find(String pom, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("Healdesk's pom.xml names no version of " + what);
        }
        return m.group(1);
    }
}
