package app.exosphere.contract;

/** {@link PaginationContract} against the real loopback OpenStack (profile {@code osbox}). */
class PaginationContractOnOsboxIT extends PaginationContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
