package dev.healdesk.core.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPdfTest {

    @TempDir
    Path dir;

    @Test
    void writesAPdfOfTheReportWithItsText() throws Exception {
        Path pdf = dir.resolve("out/report.pdf");
        new PdfReport().write(ReportFixtures.run(dir), ReportFixtures.trend(), dir, pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains(ReportFixtures.TARGET).contains("remaining connection slots are reserved")
                    .contains("<script>window.pwned=1</script>").contains("Flaky tests")
                    .contains("Health score, the last 3 runs").doesNotContain(ReportFixtures.SECRET);
            // the screenshot is drawn: one image on some page
            int images = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertThat(images).isEqualTo(1);
        }
    }
}
