/**
 * Placement: resource usage of a project (VCPU, MEMORY_MB, DISK_GB and custom classes such as GPUs),
 * which Exosphere combines with Keystone unified limits (exosphere-spec §9.9).
 */
package app.exosphere.core.placement;
