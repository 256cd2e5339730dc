/**
 * Placement: resource usage of a project (VCPU, MEMORY_MB, DISK_GB and custom classes such as GPUs),
 * which Exosphere combines with Keystone unified limits ({@code Helpers.UnifiedLimits.quotasFromUnifiedLimits}).
 */
package app.exosphere.core.placement;
