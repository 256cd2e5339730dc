package app.exosphere.cloudinit.console;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource-usage sample an Exosphere instance writes to its console every minute (
 * {@code ansible/roles/system-load-logging}): integer percentages of CPU, memory and root filesystem in use, and one percentage per GPU (empty
 * when the instance has no NVIDIA driver). Example:
 *
 * <pre>{@code
 * ResourceUsagePoint p = new ResourceUsagePoint(98, 96, 91, List.of(12, 0));
 * p.toConsoleLine(1704067320); // {"epoch": 1704067320, "cpuPctUsed": 98, ...}
 * }</pre>
 *
 * @param cpuPctUsed CPU in use, percent
 * @param memPctUsed memory in use, percent
 * @param rootfsPctUsed root filesystem in use, percent
 * @param gpuPctUsed per-GPU utilisation, percent, in GPU index order; empty without GPUs
 */
public record ResourceUsagePoint(int cpuPctUsed, int memPctUsed, int rootfsPctUsed, List<Integer> gpuPctUsed) {

    /** Validates and copies. */
    public ResourceUsagePoint {
        gpuPctUsed = List.copyOf(Objects.requireNonNull(gpuPctUsed, "gpuPctUsed"));
    }

    /** A sample without GPUs. */
    public static ResourceUsagePoint of(int cpuPctUsed, int memPctUsed, int rootfsPctUsed) {
        return new ResourceUsagePoint(cpuPctUsed, memPctUsed, rootfsPctUsed, List.of());
    }

    /**
     * The line the instance's {@code system_load_json.py} prints, in its format (Python {@code json.dumps}
     * separators; {@code gpuPctUsed} is {@code null} without GPUs).
     *
     * @param epochSeconds the sample time in Unix <b>seconds</b>
     */
    public String toConsoleLine(long epochSeconds) {
        String gpu = gpuPctUsed.isEmpty()
                ? "null"
                : gpuPctUsed.stream()
                        .map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b)
                        .map(s -> "[" + s + "]")
                        .get();
        return "{\"epoch\": " + epochSeconds + ", \"cpuPctUsed\": " + cpuPctUsed + ", \"memPctUsed\": " + memPctUsed
                + ", \"rootfsPctUsed\": " + rootfsPctUsed + ", \"gpuPctUsed\": " + gpu + "}";
    }

    /** Decodes {@code gpuPctUsed} per Exosphere's {@code ServerResourceUsage.parseConsoleLog}: missing/null → [], int → [int], int array → list. */
    static Optional<List<Integer>> decodeGpu(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.of(List.of());
        }
        if (node.isArray()) {
            List<Integer> values = new ArrayList<>();
            for (JsonNode element : node) {
                Optional<Integer> v = ElmJson.smallInteger(element);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                values.add(v.get());
            }
            return Optional.of(values);
        }
        return ElmJson.smallInteger(node).map(List::of);
    }
}
