/** The data center: zones, pods, clusters, hosts, hypervisor types and deployment destinations. */
package org.vrouter.api.dc;
