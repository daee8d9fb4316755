/**
 * The netns backend's plumbing: the naming scheme, the hypervisor namespace with its bridges and veth
 * ends, and the one tool that changes the kernel's network state ({@code ip}).
 */
package org.vrouter.hypervisor.netns.network;
