package app.exosphere.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** The SDK's Jackson configuration for OpenStack JSON. */
public final class JsonMappers {
    private JsonMappers() {}

    /**
     * Unknown properties ignored (services add fields in new microversions); {@code Optional}
     * attributes of the service models (Jdk8Module).
     */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
