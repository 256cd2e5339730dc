/**
 * OpenStack REST clients (Keystone, Nova, Glance, Neutron, Cinder, Placement, Designate) and the Exosphere
 * operations built on them: launch, watch, interactions and lifecycle.
 */
module app.exosphere.core {
    requires static org.immutables.value.annotations;
    requires transitive app.exosphere.uap;
    requires transitive app.exosphere.cloudinit;
    requires transitive app.exosphere.workflow;
    requires transitive okhttp3;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires transitive io.github.resilience4j.retry; // TransportOptions takes the caller's registries
    requires transitive io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.ratelimiter;
    requires io.github.resilience4j.core;
    requires org.slf4j;

    exports app.exosphere.core;
    exports app.exosphere.core.auth;
    exports app.exosphere.core.config;
    exports app.exosphere.core.error;
    exports app.exosphere.core.http;
    exports app.exosphere.core.quota;
    exports app.exosphere.core.compute;
    exports app.exosphere.core.image;
    exports app.exosphere.core.network;
    exports app.exosphere.core.volume;
    exports app.exosphere.core.share;
    exports app.exosphere.core.dns;
    exports app.exosphere.core.placement;
    exports app.exosphere.core.accounting;
    exports app.exosphere.core.rules;
    exports app.exosphere.core.instance;

    // Jackson binds the Immutables-generated JSON shapes (package-private) of these packages
    opens app.exosphere.core.compute to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.dns to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.image to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.instance to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.network to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.quota to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.share to
            com.fasterxml.jackson.databind;
    opens app.exosphere.core.volume to
            com.fasterxml.jackson.databind;
}
