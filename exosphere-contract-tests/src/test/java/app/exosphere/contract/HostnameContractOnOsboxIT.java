package app.exosphere.contract;

/**
 * {@link HostnameContract} against the real loopback OpenStack (profile {@code osbox}); skipped when its
 * catalog has no {@code dns} service (Designate not installed by {@code integration/osbox/start}).
 */
class HostnameContractOnOsboxIT extends HostnameContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
