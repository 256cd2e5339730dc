package app.exosphere.contract;

/** Fixed test key material (public halves only; no private key exists anywhere). */
final class Keys {
    /** An OpenSSH ed25519 public key; Nova computes its fingerprint on import. */
    static final String ED25519_PUBLIC =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG1rE0YIjmc7MXVplNcGeJpqI6LqH8W3tV+HFJCaNfd3 contract@exosphere";

    private Keys() {}
}
