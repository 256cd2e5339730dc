package app.exosphere.cloudinit.console.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.ResourceUsagePoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ResourceUsageChartTest {

    static final ResourceUsageHistory SPEC = ResourceUsageHistory.empty().merge(specConsole());
    static final Instant AFTER_LAST_SAMPLE = Instant.parse("2024-01-01T00:10:00Z");

    /**
     * The golden document; regenerate with {@code -Dexosphere.golden.update=true} after an intended change
     * and review the diff (open the file in a browser).
     */
    @Test
    void rendersTheSpecConsoleLikeTheGoldenDocument() throws IOException {
        String svg = ResourceUsageChart.builder()
                .cpuCores(4)
                .ramGigabytes(15)
                .rootDiskGigabytes(60)
                .build()
                .render(SPEC, AFTER_LAST_SAMPLE);
        assertThat(svg).isEqualTo(golden("chart/spec-console.svg", svg));
    }

    @Test
    void emptyWindowGoldenDocumentSaysTheEmptyMessage() throws IOException {
        String svg = ResourceUsageChart.builder()
                .emptyMessage(
                        "No chart data yet. This instance is new & may take a few minutes to start reporting data.")
                .build()
                .render(ResourceUsageHistory.empty(), AFTER_LAST_SAMPLE);
        assertThat(svg).isEqualTo(golden("chart/empty.svg", svg));
        assertThat(svg).contains("This instance is new &amp; may take").doesNotContain("<polyline");
    }

    @Test
    void drawsCpuOneLinePerGpuRamAndRootDisk() throws Exception {
        Document doc = parse(ResourceUsageChart.defaults().render(SPEC, AFTER_LAST_SAMPLE));
        assertThat(titlesOf(doc.getElementsByTagName("polyline")))
                .containsExactly("CPU", "GPU 0", "GPU 1", "RAM", "Root disk");
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("640");
        assertThat(doc.getDocumentElement().getAttribute("height")).isEqualTo("540");
    }

    @Test
    void missingGpuIndexIsDrawnAsZero() throws Exception {
        Document doc = parse(ResourceUsageChart.defaults().render(SPEC, AFTER_LAST_SAMPLE));
        List<double[]> gpu1 = pointsOf(polyline(doc, "GPU 1"));
        List<double[]> gpu0 = pointsOf(polyline(doc, "GPU 0"));
        double baseline = pointsOf(polyline(doc, "CPU")).get(0)[1] + 0; // first CPU point is 7 %
        assertThat(gpu1).hasSize(3);
        // samples: gpu null → [0, 0]; [12, 0]; 33 → [33, 0]
        assertThat(gpu1.get(0)[1]).isEqualTo(gpu1.get(1)[1]).isEqualTo(gpu1.get(2)[1]);
        assertThat(gpu0.get(0)[1]).isEqualTo(gpu1.get(0)[1]);
        assertThat(gpu0.get(2)[1]).isLessThan(gpu0.get(1)[1]).isLessThan(gpu0.get(0)[1]);
        assertThat(baseline).isLessThan(gpu1.get(0)[1]);
    }

    @Test
    void mapsPercentToHeightAndTimeToWidthLinearly() throws Exception {
        // 30-minute window ending at now; plot area x 48..624, y 40..154 in the first panel
        Instant now = Instant.parse("2024-01-01T01:00:00Z");
        ResourceUsageHistory h = ResourceUsageHistory.of(
                Map.of(
                        now.minus(Duration.ofMinutes(15)).toEpochMilli(), ResourceUsagePoint.of(50, 0, 0),
                        now.toEpochMilli(), ResourceUsagePoint.of(100, 0, 0)),
                0);
        List<double[]> cpu =
                pointsOf(polyline(parse(ResourceUsageChart.defaults().render(h, now)), "CPU"));
        assertThat(cpu.get(0)).containsExactly(336, 97);
        assertThat(cpu.get(1)).containsExactly(624, 40);
    }

    @Test
    void keepsOnlySamplesStrictlyInsideTheLastThirtyMinutes() throws Exception {
        Instant now = Instant.parse("2024-01-01T01:00:00Z");
        ResourceUsageHistory h = ResourceUsageHistory.of(
                Map.of(
                        now.minus(Duration.ofMinutes(30)).toEpochMilli(), ResourceUsagePoint.of(1, 1, 1),
                        now.minus(Duration.ofMinutes(29)).toEpochMilli(), ResourceUsagePoint.of(2, 2, 2),
                        now.plusSeconds(60).toEpochMilli(), ResourceUsagePoint.of(3, 3, 3)),
                0);
        Document doc = parse(ResourceUsageChart.defaults().render(h, now));
        assertThat(pointsOf(polyline(doc, "RAM"))).hasSize(1);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3);
    }

    @Test
    void subtitlesSayTheTotals() {
        String svg = ResourceUsageChart.builder()
                .cpuCores(8)
                .ramGigabytes(30)
                .rootDiskGigabytes(20)
                .build()
                .render(SPEC, AFTER_LAST_SAMPLE);
        assertThat(svg).contains(">of 8 total cores<", ">of 30 total GB<", ">of 20 total GB<");
        assertThat(ResourceUsageChart.defaults().render(SPEC, AFTER_LAST_SAMPLE))
                .doesNotContain("total");
    }

    @Test
    void labelsTimeTicksEveryFiveMinutesInTheChosenZone() {
        String utc = ResourceUsageChart.defaults().render(SPEC, AFTER_LAST_SAMPLE);
        assertThat(utc).contains(">23:45<", ">23:50<", ">23:55<", ">00:00<", ">00:05<", ">00:10<");
        String chicago = ResourceUsageChart.builder()
                .zone(ZoneId.of("America/Chicago"))
                .build()
                .render(SPEC, AFTER_LAST_SAMPLE);
        assertThat(chicago).contains(">18:10<").doesNotContain(">00:10<");
    }

    @Test
    void rejectsUnusableSizes() {
        assertThatThrownBy(() -> ResourceUsageChart.builder().width(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chart width must be at least 200 pixels, was 10");
        assertThatThrownBy(() -> ResourceUsageChart.builder().window(Duration.ofSeconds(5)))
                .hasMessageStartingWith("chart window must be at least one minute");
        assertThatThrownBy(() -> ResourceUsageChart.builder().cpuCores(-1)).hasMessage("cpuCores must be >= 0, was -1");
    }

    // ------------------------------------------------------------------ helpers

    static String specConsole() {
        try (InputStream in = ResourceUsageChartTest.class.getResourceAsStream("/spec-3.3-console.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String golden(String resource, String actual) throws IOException {
        Path file = Path.of("src/test/resources", resource);
        if (Boolean.getBoolean("exosphere.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden file (create it with -Dexosphere.golden.update=true)")
                .exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> titlesOf(NodeList nodes) {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            titles.add(((Element) nodes.item(i)).getTextContent());
        }
        return titles;
    }

    static Element polyline(Document doc, String title) {
        NodeList nodes = doc.getElementsByTagName("polyline");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getTextContent().equals(title)) {
                return (Element) nodes.item(i);
            }
        }
        throw new AssertionError("no polyline " + title);
    }

    static List<double[]> pointsOf(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").split(" ")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
