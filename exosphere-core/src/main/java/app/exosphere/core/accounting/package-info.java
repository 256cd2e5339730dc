/**
 * Jetstream2's allocation accounting service: the allocations (service units) of the current project,
 * from the Keystone catalog's {@code accounting} service (Exosphere's {@code Rest.Jetstream2Accounting}).
 * The rules that choose which allocation to show and estimate the burn rate are pure functions in
 * {@code app.exosphere.core.rules} ({@code AllocationChoice}, {@code BurnRate}).
 *
 * <pre>{@code
 * var allocations = openStack.accounting().fetchAllocations().execute();
 * }</pre>
 */
package app.exosphere.core.accounting;
