module org.example.gateway {
    requires app.exosphere.core;
    requires app.exosphere.testkit.connect;

    exports org.example.gateway;
}
