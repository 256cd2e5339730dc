package app.exosphere.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The SDK's Jackson configuration for OpenStack JSON. */
public final class JsonMappers {
    private JsonMappers() {}

    /** Unknown properties ignored (services add fields in new microversions). */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
