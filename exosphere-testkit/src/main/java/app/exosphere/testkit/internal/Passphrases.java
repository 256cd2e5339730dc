package app.exosphere.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The exouser passphrase an Exosphere instance generates: 11 distinct words drawn uniformly from the
 * 2048-word RFC 1760 list, joined by single spaces (Exosphere's {@code ansible/roles/passphrase} and {@code Rest.Nova.requestPassphraseIfRequestable}).
 */
public final class Passphrases {
    // Exosphere's ansible/roles/passphrase/files/words
    public static final List<String> WORDS =
            List.of(Json.resource("/app/exosphere/testkit/internal/passphrase-words.txt")
                    .strip()
                    .split("\n"));

    private Passphrases() {}

    public static String generate(Ids ids) {
        List<String> pool = new ArrayList<>(WORDS);
        List<String> chosen = new ArrayList<>(11);
        for (int i = 0; i < 11; i++) {
            chosen.add(pool.remove(ids.nextInt(pool.size())));
        }
        return String.join(" ", Collections.unmodifiableList(chosen));
    }
}
