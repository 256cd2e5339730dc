package app.exosphere.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowMetadataTest {

    @Test
    void encodesLikeExosphere() {
        // Exosphere's `Helpers.newServerMetadata`: the exoCustomWorkflow item
        assertThat(new WorkflowMetadata("https://github.com/org/repo", "main", "lab").toMetadataValue())
                .isEqualTo("{\"v\":1,\"repo\":\"https://github.com/org/repo\",\"ref\":\"main\",\"path\":\"lab\"}");
    }

    @Test
    void encodesEmptyReferenceAndPathAsEmptyStrings() {
        assertThat(new WorkflowMetadata("https://github.com/org/repo", "", "").toMetadataValue())
                .isEqualTo("{\"v\":1,\"repo\":\"https://github.com/org/repo\",\"ref\":\"\",\"path\":\"\"}");
    }

    @Test
    void escapesLikeJsonStringifyAndLeavesSlashesAndNonAsciiAlone() {
        assertThat(new WorkflowMetadata("r", "", "a\"b\\c/é\n\u0001").toMetadataValue())
                .isEqualTo("{\"v\":1,\"repo\":\"r\",\"ref\":\"\",\"path\":\"a\\\"b\\\\c/é\\n\\u0001\"}");
    }

    @Test
    void decodesWhatItEncodes() {
        WorkflowMetadata m = new WorkflowMetadata("https://github.com/org/repo", "main", "/rstudio \"x\"");
        assertThat(WorkflowMetadata.parse(m.toMetadataValue())).contains(m);
    }

    @Test
    void decodesLikeExosphereIgnoringVersionAndExtraFieldsAndWhitespace() {
        assertThat(WorkflowMetadata.parse(" {\"repo\":\"10.5281/zenodo.1\",\"ref\":\"\",\"path\":\"\",\"x\":[1]}\n"))
                .contains(new WorkflowMetadata("10.5281/zenodo.1", "", ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "[]",
                "\"x\"",
                "{\"v\":1,\"repo\":\"r\",\"ref\":\"\"}",
                "{\"v\":1,\"repo\":\"r\",\"ref\":null,\"path\":\"\"}",
                "{\"v\":1,\"repo\":1,\"ref\":\"\",\"path\":\"\"}",
                "{\"v\":1,\"repo\":\"r\",\"ref\":\"\",\"path\":\"\"} x",
                "{'repo':'r','ref':'','path':''}"
            })
    void undecodableValuesGiveNothing(String value) {
        assertThat(WorkflowMetadata.parse(value)).isEmpty();
    }

    @Test
    void readsTheItemFromServerMetadata() {
        Map<String, String> metadata = Map.of(
                "exoServerVersion", "6",
                "exoCustomWorkflow",
                        "{\"v\":1,\"repo\":\"https://github.com/org/repo\",\"ref\":\"main\",\"path\":\"lab\"}");
        assertThat(WorkflowMetadata.fromServerMetadata(metadata))
                .contains(new WorkflowMetadata("https://github.com/org/repo", "main", "lab"));
        assertThat(WorkflowMetadata.fromServerMetadata(Map.of("exoServerVersion", "6")))
                .isEmpty();
        assertThat(WorkflowMetadata.parse(null)).isEmpty();
    }

    @Test
    void countsLengthInCharactersAgainstNovasLimit() {
        String repo = "https://example.org/" + "a".repeat(199);
        WorkflowMetadata fits = new WorkflowMetadata(repo, "", "");
        assertThat(fits.metadataValueLength()).isEqualTo(255);
        assertThat(fits.fitsNova()).isTrue();
        WorkflowMetadata over = new WorkflowMetadata(repo + "a", "", "");
        assertThat(over.metadataValueLength()).isEqualTo(256);
        assertThat(over.fitsNova()).isFalse();
        assertThat(new WorkflowMetadata("r", "", "😀").metadataValueLength()).isEqualTo(38);
    }
}
