package app.exosphere.examples.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Stands in for the gateway's own code: logs in with an application credential, lists flavors. */
final class MyGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http;
    private final String keystoneUrl;

    MyGateway(OkHttpClient http, String keystoneUrl) {
        this.http = http;
        this.keystoneUrl = keystoneUrl;
    }

    int countFlavors(String appCredId, String appCredSecret, String region) throws IOException {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                + "\"application_credential\":{\"id\":\"" + appCredId + "\",\"secret\":\"" + appCredSecret
                + "\"}}}}";
        Request login = new Request.Builder()
                .url(keystoneUrl + "/auth/tokens")
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        String token;
        String nova = null;
        try (Response r = http.newCall(login).execute()) {
            token = r.header("X-Subject-Token");
            for (JsonNode service : JSON.readTree(r.body().string()).at("/token/catalog")) {
                for (JsonNode e : service.get("endpoints")) {
                    if (service.get("type").asText().equals("compute")
                            && e.get("interface").asText().equals("public")
                            && e.get("region_id").asText().equals(region)) {
                        nova = e.get("url").asText();
                    }
                }
            }
        }
        Request flavors = new Request.Builder()
                .url(nova + "/flavors")
                .header("X-Auth-Token", token)
                .build();
        try (Response r = http.newCall(flavors).execute()) {
            if (r.code() != 200) {
                throw new IOException("Nova answered " + r.code());
            }
            return JSON.readTree(r.body().string()).get("flavors").size();
        }
    }
}
