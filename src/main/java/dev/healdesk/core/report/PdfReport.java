package dev.healdesk.core.report;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.healdesk.core.run.RunSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * The HTML report laid out as PDF by openhtmltopdf (PDFBox underneath): the same document, with its charts as CSS
 * bars ({@link HtmlReport#forPdf()}). The renderer may read nothing but the report itself and its embedded images:
 * every other external resource is refused. DejaVu Sans is embedded when the system has it, so that any script in a
 * failure message prints; otherwise the PDF's built-in Helvetica is used.
 */
public final class PdfReport {

    private static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"));

    static {
        // openhtmltopdf logs every stage at INFO through java.util.logging; an operator needs only its warnings.
        // Its CSS warnings are about the report's own style sheet (properties only browsers know): none at all.
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
        XRLog.setLevel(XRLog.CSS_PARSE, Level.SEVERE);
    }

    public void write(RunSummary run, List<HtmlReport.TrendPoint> trend, Path runFolder, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(run, trend, runFolder, out);
        }
    }

    public void write(RunSummary run, List<HtmlReport.TrendPoint> trend, Path runFolder, OutputStream out)
            throws IOException {
        String html = HtmlReport.forPdf().render(run, trend, runFolder);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Healdesk");
        builder.useExternalResourceAccessControl((uri, type) -> type == ExternalResourceType.FONT
                || (uri != null && uri.startsWith("data:image/")), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400);
        font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
        font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        for (Path dir : FONT_DIRS) {
            Path f = dir.resolve(file);
            if (Files.isRegularFile(f)) {
                builder.useFont(f.toFile(), family, weight, PdfRendererBuilder.FontStyle.NORMAL, true);
                return;
            }
        }
    }
}
