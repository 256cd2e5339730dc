package app.exosphere.testkit.internal;

import java.util.Random;
import java.util.UUID;

/** Identifiers from one seeded random source, so a seeded simulator repeats itself. */
public final class Ids {
    private final Random random;

    public Ids(long seed) {
        this.random = new Random(seed);
    }

    public synchronized String uuid() {
        long msb = random.nextLong();
        long lsb = random.nextLong();
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** 32 lowercase hex digits (Keystone ids). */
    public String hex32() {
        return uuid().replace("-", "");
    }

    public synchronized String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** A URL-safe token like Keystone's Fernet tokens (not a real Fernet token). */
    public synchronized String token() {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return "gAAAAA" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A MAC address in the OpenStack fa:16:3e range. */
    public synchronized String mac() {
        return String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
